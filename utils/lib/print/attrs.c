/* SPDX-License-Identifier: BSD-3-Clause */
/* Attribute printers: one line per bit, named as in Part 2. Bits the TPM reports as
 * properties (TPMA_PERMANENT, TPMA_STARTUP_CLEAR, TPMA_MEMORY, TPMA_MODES, TPMA_ACT) print
 * every bit with its state; the others print only the bits that are set. */
#include "print_int.h"

#define BITS(prefix, indent, table, v)                                                             \
    tss_print_bits((prefix), (indent), (table), TSS_ARRAY_COUNT(table), (v))
#define FLAGS(prefix, indent, table, v, on, off)                                                   \
    tss_print_flags((prefix), (indent), (table), TSS_ARRAY_COUNT(table), (v), (on), (off))

static const tss_print_name algorithm_bits[] = {
    {TPMA_ALGORITHM_ASYMMETRIC, "asymmetric"},
    {TPMA_ALGORITHM_SYMMETRIC, "symmetric"},
    {TPMA_ALGORITHM_HASH, "hash"},
    {TPMA_ALGORITHM_OBJECT, "object"},
    {TPMA_ALGORITHM_SIGNING, "signing"},
    {TPMA_ALGORITHM_ENCRYPTING, "encrypting"},
    {TPMA_ALGORITHM_METHOD, "method"},
};

void TSS_TPMA_ALGORITHM_Print(TPMA_ALGORITHM source, unsigned int indent)
{
    BITS("TPMA_ALGORITHM: ", indent, algorithm_bits, source.val);
}

void TSS_TPM_TPMA_ALGORITHM_Print(TPMA_ALGORITHM source, unsigned int indent)
{
    TSS_TPMA_ALGORITHM_Print(source, indent);
}

static const tss_print_name object_bits[] = {
    {TPMA_OBJECT_FIXEDTPM, "fixedTPM"},
    {TPMA_OBJECT_STCLEAR, "stClear"},
    {TPMA_OBJECT_FIXEDPARENT, "fixedParent"},
    {TPMA_OBJECT_SENSITIVEDATAORIGIN, "sensitiveDataOrigin"},
    {TPMA_OBJECT_USERWITHAUTH, "userWithAuth"},
    {TPMA_OBJECT_ADMINWITHPOLICY, "adminWithPolicy"},
    {TPMA_OBJECT_NODA, "noDA"},
    {TPMA_OBJECT_ENCRYPTEDDUPLICATION, "encryptedDuplication"},
    {TPMA_OBJECT_RESTRICTED, "restricted"},
    {TPMA_OBJECT_DECRYPT, "decrypt"},
    {TPMA_OBJECT_SIGN, "sign"},
    {TPMA_OBJECT_X509SIGN, "x509sign"},
    {TPMA_OBJECT_FIRMWARELIMITED, "firmwareLimited"},
    {TPMA_OBJECT_SVNLIMITED, "svnLimited"},
};

void TSS_TPMA_OBJECT_Print(const char *string, TPMA_OBJECT source, unsigned int indent)
{
    printf("%*s%s: %08x\n", (int)indent, "", string, source.val);
    BITS("TPMA_OBJECT ", indent, object_bits, source.val);
    if (source.val & TPMA_OBJECT_RESERVED)
        printf("%*sTPMA_OBJECT reserved bits %08x\n", (int)indent, "",
               source.val & TPMA_OBJECT_RESERVED);
}

/* IBM 1.x's form: no caption, no value line, 1.x's bit names */
void TSS_TPMA_OBJECT_PrintV1(TPMA_OBJECT source, unsigned int indent)
{
    static const tss_print_name bits_v1[] = {
        {TPMA_OBJECT_FIXEDTPM, "fixedTpm"},
        {TPMA_OBJECT_STCLEAR, "stClear"},
        {TPMA_OBJECT_FIXEDPARENT, "fixedParent"},
        {TPMA_OBJECT_SENSITIVEDATAORIGIN, "sensitiveDataOrigin"},
        {TPMA_OBJECT_USERWITHAUTH, "userWithAuth"},
        {TPMA_OBJECT_ADMINWITHPOLICY, "adminWithPolicy"},
        {TPMA_OBJECT_NODA, "noDA"},
        {TPMA_OBJECT_ENCRYPTEDDUPLICATION, "encryptedDuplication"},
        {TPMA_OBJECT_RESTRICTED, "restricted"},
        {TPMA_OBJECT_DECRYPT, "decrypt"},
        {TPMA_OBJECT_SIGN, "sign"},
    };
    BITS("TPMA_OBJECT: ", indent, bits_v1, source.val);
}

static const tss_print_name session_bits[] = {
    {TPMA_SESSION_CONTINUESESSION, "continue"}, {TPMA_SESSION_AUDITEXCLUSIVE, "auditexclusive"},
    {TPMA_SESSION_AUDITRESET, "auditreset"},    {TPMA_SESSION_DECRYPT, "decrypt"},
    {TPMA_SESSION_ENCRYPT, "encrypt"},          {TPMA_SESSION_AUDIT, "audit"},
};

void TSS_TPMA_SESSION_Print(TPMA_SESSION source, unsigned int indent)
{
    BITS("TPMA_SESSION: ", indent, session_bits, source.val);
}

static const tss_print_name locality_bits[] = {
    {TPMA_LOCALITY_ZERO, "zero"},   {TPMA_LOCALITY_ONE, "one"},   {TPMA_LOCALITY_TWO, "two"},
    {TPMA_LOCALITY_THREE, "three"}, {TPMA_LOCALITY_FOUR, "four"},
};

/* with any of the top three bits set the whole byte is one extended locality, 32..255 */
void TSS_TPMA_LOCALITY_Print(TPMA_LOCALITY source, unsigned int indent)
{
    if (source.val & TPMA_LOCALITY_EXTENDED)
        printf("%*sTPMA_LOCALITY: extended %u\n", (int)indent, "", source.val);
    else
        BITS("TPMA_LOCALITY: ", indent, locality_bits, source.val);
}

static const tss_print_name permanent_bits[] = {
    {TPMA_PERMANENT_OWNERAUTHSET, "ownerAuthSet"},
    {TPMA_PERMANENT_ENDORSEMENTAUTHSET, "endorsementAuthSet"},
    {TPMA_PERMANENT_LOCKOUTAUTHSET, "lockoutAuthSet"},
    {TPMA_PERMANENT_DISABLECLEAR, "disableClear"},
    {TPMA_PERMANENT_INLOCKOUT, "inLockout"},
    {TPMA_PERMANENT_TPMGENERATEDEPS, "tpmGeneratedEPS"},
};

void TSS_TPMA_PERMANENT_Print(TPMA_PERMANENT source, unsigned int indent)
{
    FLAGS("TPMA_PERMANENT: ", indent, permanent_bits, source.val, "yes", "no");
}

static const tss_print_name startup_clear_bits[] = {
    {TPMA_STARTUP_CLEAR_PHENABLE, "phEnable"}, {TPMA_STARTUP_CLEAR_SHENABLE, "shEnable"},
    {TPMA_STARTUP_CLEAR_EHENABLE, "ehEnable"}, {TPMA_STARTUP_CLEAR_PHENABLENV, "phEnableNV"},
    {TPMA_STARTUP_CLEAR_ORDERLY, "orderly"},
};

void TSS_TPMA_STARTUP_CLEAR_Print(TPMA_STARTUP_CLEAR source, unsigned int indent)
{
    FLAGS("TPMA_STARTUP_CLEAR: ", indent, startup_clear_bits, source.val, "yes", "no");
}

static const tss_print_name memory_bits[] = {
    {TPMA_MEMORY_SHAREDRAM, "sharedRAM"},
    {TPMA_MEMORY_SHAREDNV, "sharedNV"},
    {TPMA_MEMORY_OBJECTCOPIEDTORAM, "objectCopiedToRam"},
};

void TSS_TPMA_MEMORY_Print(TPMA_MEMORY source, unsigned int indent)
{
    FLAGS("TPMA_MEMORY: ", indent, memory_bits, source.val, "yes", "no");
}

static const tss_print_name modes_bits[] = {
    TSS_NAME(TPMA_MODES_FIPS_140_2),
    TSS_NAME(TPMA_MODES_FIPS_140_3),
};

void TSS_TPMA_MODES_Print(TPMA_MODES source, unsigned int indent)
{
    FLAGS("TPMA_MODES: ", indent, modes_bits, source.val, "yes", "no");
}

static const tss_print_name act_bits[] = {
    {TPMA_ACT_SIGNALED, "TPMA_ACT_SIGNALED"},
    {TPMA_ACT_PRESERVESIGNALED, "TPMA_ACT_PRESERVE_SIGNALED"},
};

void TSS_TPMA_ACT_Print(TPMA_ACT source, unsigned int indent)
{
    FLAGS("TPMA_ACT: ", indent, act_bits, source.val, "set", "clear");
}

static const tss_print_name cc_bits[] = {
    {TPMA_CC_NV, "nv"},
    {TPMA_CC_EXTENSIVE, "extensive"},
    {TPMA_CC_FLUSHED, "flushed"},
    {TPMA_CC_RHANDLE, "rHandle"},
    {TPMA_CC_V, "V"},
};

/* the command code is the index, with the V bit carried into bit 29 for vendor commands */
void TSS_TPMA_CC_Print(TPMA_CC source, unsigned int indent)
{
    TPM_CC cc = (source.val & TPMA_CC_COMMANDINDEX) | (source.val & TPMA_CC_V);
    printf("%*sTPMA_CC %08x\n", (int)indent, "", source.val);
    TSS_TPM_CC_Print("commandIndex", cc, indent + 2);
    BITS("TPMA_CC: ", indent + 2, cc_bits, source.val);
    printf("%*sTPMA_CC: cHandles %u\n", (int)indent + 2, "",
           (unsigned)((source.val & TPMA_CC_CHANDLES) >> TPMA_CC_CHANDLES_SHIFT));
}

static const tss_print_name nv_write_bits[] = {
    {TPMA_NVA_PPWRITE, "TPMA_NV_PPWRITE"},
    {TPMA_NVA_OWNERWRITE, "TPMA_NV_OWNERWRITE"},
    {TPMA_NVA_AUTHWRITE, "TPMA_NV_AUTHWRITE"},
    {TPMA_NVA_POLICYWRITE, "TPMA_NV_POLICYWRITE"},
};

static const tss_print_name nv_types[] = {
    TSS_NAME(TPM_NT_ORDINARY), TSS_NAME(TPM_NT_COUNTER),  TSS_NAME(TPM_NT_BITS),
    TSS_NAME(TPM_NT_EXTEND),   TSS_NAME(TPM_NT_PIN_FAIL), TSS_NAME(TPM_NT_PIN_PASS),
};

static const tss_print_name nv_other_bits[] = {
    {TPMA_NVA_POLICY_DELETE, "TPMA_NV_POLICY_DELETE"},
    {TPMA_NVA_WRITELOCKED, "TPMA_NV_WRITELOCKED"},
    {TPMA_NVA_WRITEALL, "TPMA_NV_WRITEALL"},
    {TPMA_NVA_WRITEDEFINE, "TPMA_NV_WRITEDEFINE"},
    {TPMA_NVA_WRITE_STCLEAR, "TPMA_NV_WRITE_STCLEAR"},
    {TPMA_NVA_GLOBALLOCK, "TPMA_NV_GLOBALLOCK"},
    {TPMA_NVA_PPREAD, "TPMA_NV_PPREAD"},
    {TPMA_NVA_OWNERREAD, "TPMA_NV_OWNERREAD"},
    {TPMA_NVA_AUTHREAD, "TPMA_NV_AUTHREAD"},
    {TPMA_NVA_POLICYREAD, "TPMA_NV_POLICYREAD"},
    {TPMA_NVA_NO_DA, "TPMA_NV_NO_DA"},
    {TPMA_NVA_ORDERLY, "TPMA_NV_ORDERLY"},
    {TPMA_NVA_CLEAR_STCLEAR, "TPMA_NV_CLEAR_STCLEAR"},
    {TPMA_NVA_READLOCKED, "TPMA_NV_READLOCKED"},
    {TPMA_NVA_WRITTEN, "TPMA_NV_WRITTEN"},
    {TPMA_NVA_PLATFORMCREATE, "TPMA_NV_PLATFORMCREATE"},
    {TPMA_NVA_READ_STCLEAR, "TPMA_NV_READ_STCLEAR"},
};

/* write bits, then the index type (a 4-bit field, not a bit), then the rest */
void TSS_TPMA_NV_Print(TPMA_NV source, unsigned int indent)
{
    uint32_t type = (source.val & TPMA_NVA_TPM_NT_MASK) >> TPMA_NVA_TPM_NT_SHIFT;
    const char *name = tss_print_lookup(nv_types, TSS_ARRAY_COUNT(nv_types), type);
    BITS("", indent, nv_write_bits, source.val);
    if (name != NULL)
        printf("%*s%s\n", (int)indent, "", name);
    else
        printf("%*sTPMA_NV type %02x unknown\n", (int)indent, "", type);
    BITS("", indent, nv_other_bits, source.val);
}
