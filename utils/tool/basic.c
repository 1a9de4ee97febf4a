/* SPDX-License-Identifier: BSD-3-Clause */
/* Name tables for the basic utilities. Each name is the constant's own spelling (the
 * N()/B() macros stringify the TpmConstants.h macro), so a table cannot drift from the
 * values it names. */
#include <stddef.h>
#include <stdio.h>

#include "tool/basic.h"
#include "tss2/TpmConstants.h"
#include "tss2/tssprint.h"
#include "tss2/tssutils.h"

typedef struct {
    uint32_t value;
    const char *name;
    const char *desc;
} named;

#define N(x) {x, #x, NULL}
#define D(x, d) {x, #x, d}
#define B(x) {x, #x}

static const char *lookup(const named *t, size_t n, uint32_t v, const char **desc)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].value == v) {
            if (desc != NULL)
                *desc = t[i].desc;
            return t[i].name;
        }
    }
    return NULL;
}
#define LOOKUP(t, v, d) lookup(t, sizeof(t) / sizeof((t)[0]), v, d)

static const named nts[] = {
    N(TPM_NT_ORDINARY), N(TPM_NT_COUNTER), N(TPM_NT_BITS), N(TPM_NT_EXTEND),
    N(TPM_NT_PIN_FAIL), N(TPM_NT_PIN_PASS),
};

const char *basic_nt_name(uint32_t nt) { return LOOKUP(nts, nt, NULL); }

static const named pts[] = {
    D(TPM_PT_FAMILY_INDICATOR, "TPM family, a 4-character string"),
    D(TPM_PT_LEVEL, "specification level"),
    D(TPM_PT_REVISION, "specification revision times 100"),
    D(TPM_PT_DAY_OF_YEAR, "specification day of year"),
    D(TPM_PT_YEAR, "specification year"),
    D(TPM_PT_MANUFACTURER, "manufacturer ID, a 4-character string"),
    D(TPM_PT_VENDOR_STRING_1, "vendor string, characters 1-4"),
    D(TPM_PT_VENDOR_STRING_2, "vendor string, characters 5-8"),
    D(TPM_PT_VENDOR_STRING_3, "vendor string, characters 9-12"),
    D(TPM_PT_VENDOR_STRING_4, "vendor string, characters 13-16"),
    D(TPM_PT_VENDOR_TPM_TYPE, "vendor-defined TPM model"),
    D(TPM_PT_FIRMWARE_VERSION_1, "firmware version, high 32 bits"),
    D(TPM_PT_FIRMWARE_VERSION_2, "firmware version, low 32 bits"),
    D(TPM_PT_INPUT_BUFFER, "largest parameter buffer (TPM2B_MAX_BUFFER)"),
    D(TPM_PT_HR_TRANSIENT_MIN, "transient objects the TPM holds at least"),
    D(TPM_PT_HR_PERSISTENT_MIN, "persistent objects the TPM holds at least"),
    D(TPM_PT_HR_LOADED_MIN, "loaded sessions the TPM holds at least"),
    D(TPM_PT_ACTIVE_SESSIONS_MAX, "active sessions at most"),
    D(TPM_PT_PCR_COUNT, "PCRs implemented"),
    D(TPM_PT_PCR_SELECT_MIN, "smallest sizeofSelect of a PCR selection"),
    D(TPM_PT_CONTEXT_GAP_MAX, "largest contextID gap between saved sessions"),
    D(TPM_PT_NV_COUNTERS_MAX, "NV counter indexes at most"),
    D(TPM_PT_NV_INDEX_MAX, "largest NV index data size"),
    D(TPM_PT_MEMORY, "TPMA_MEMORY, memory management"),
    D(TPM_PT_CLOCK_UPDATE, "milliseconds between clock saves to NV"),
    D(TPM_PT_CONTEXT_HASH, "hash algorithm protecting saved contexts"),
    D(TPM_PT_CONTEXT_SYM, "symmetric algorithm encrypting saved contexts"),
    D(TPM_PT_CONTEXT_SYM_SIZE, "key bits of that symmetric algorithm"),
    D(TPM_PT_ORDERLY_COUNT, "orderly counter NV update modulus minus 1"),
    D(TPM_PT_MAX_COMMAND_SIZE, "largest command"),
    D(TPM_PT_MAX_RESPONSE_SIZE, "largest response"),
    D(TPM_PT_MAX_DIGEST, "largest digest"),
    D(TPM_PT_MAX_OBJECT_CONTEXT, "largest saved object context"),
    D(TPM_PT_MAX_SESSION_CONTEXT, "largest saved session context"),
    D(TPM_PT_PS_FAMILY_INDICATOR, "platform-specific family (TPM_PS)"),
    D(TPM_PT_PS_LEVEL, "platform-specific specification level"),
    D(TPM_PT_PS_REVISION, "platform-specific specification revision times 100"),
    D(TPM_PT_PS_DAY_OF_YEAR, "platform-specific specification day of year"),
    D(TPM_PT_PS_YEAR, "platform-specific specification year"),
    D(TPM_PT_SPLIT_MAX, "split signing operations supported"),
    D(TPM_PT_TOTAL_COMMANDS, "commands implemented"),
    D(TPM_PT_LIBRARY_COMMANDS, "library commands implemented"),
    D(TPM_PT_VENDOR_COMMANDS, "vendor commands implemented"),
    D(TPM_PT_NV_BUFFER_MAX, "largest data in one NV write"),
    D(TPM_PT_MODES, "TPMA_MODES, modes the TPM is designed for"),
    D(TPM_PT_MAX_CAP_BUFFER, "largest TPMS_CAPABILITY_DATA"),
    D(TPM_PT_FIRMWARE_SVN, "firmware security version number"),
    D(TPM_PT_FIRMWARE_MAX_SVN, "largest firmware security version number"),
    D(TPM_PT_PERMANENT, "TPMA_PERMANENT"),
    D(TPM_PT_STARTUP_CLEAR, "TPMA_STARTUP_CLEAR"),
    D(TPM_PT_HR_NV_INDEX, "NV indexes defined"),
    D(TPM_PT_HR_LOADED, "sessions loaded"),
    D(TPM_PT_HR_LOADED_AVAIL, "further sessions that could be loaded"),
    D(TPM_PT_HR_ACTIVE, "sessions active"),
    D(TPM_PT_HR_ACTIVE_AVAIL, "further sessions that could be started"),
    D(TPM_PT_HR_TRANSIENT_AVAIL, "further transient objects that could be loaded (estimate)"),
    D(TPM_PT_HR_PERSISTENT, "persistent objects"),
    D(TPM_PT_HR_PERSISTENT_AVAIL, "further persistent objects that could be made"),
    D(TPM_PT_NV_COUNTERS, "NV counter indexes defined"),
    D(TPM_PT_NV_COUNTERS_AVAIL, "further NV counter indexes that could be defined"),
    D(TPM_PT_ALGORITHM_SET, "algorithm set restriction"),
    D(TPM_PT_LOADED_CURVES, "ECC curves loaded"),
    D(TPM_PT_LOCKOUT_COUNTER, "dictionary attack failure count"),
    D(TPM_PT_MAX_AUTH_FAIL, "failures before lockout"),
    D(TPM_PT_LOCKOUT_INTERVAL, "seconds per failure count decrement"),
    D(TPM_PT_LOCKOUT_RECOVERY, "seconds before lockoutAuth may be retried"),
    D(TPM_PT_NV_WRITE_RECOVERY, "milliseconds before NV may be written again"),
    D(TPM_PT_AUDIT_COUNTER_0, "command audit counter, high 32 bits"),
    D(TPM_PT_AUDIT_COUNTER_1, "command audit counter, low 32 bits"),
};

const char *basic_pt_name(uint32_t pt, const char **desc) { return LOOKUP(pts, pt, desc); }

static const named pt_pcrs[] = {
    D(TPM_PT_PCR_SAVE, "saved and restored by TPM_SU_STATE"),
    D(TPM_PT_PCR_EXTEND_L0, "extendable from locality 0"),
    D(TPM_PT_PCR_RESET_L0, "resettable from locality 0"),
    D(TPM_PT_PCR_EXTEND_L1, "extendable from locality 1"),
    D(TPM_PT_PCR_RESET_L1, "resettable from locality 1"),
    D(TPM_PT_PCR_EXTEND_L2, "extendable from locality 2"),
    D(TPM_PT_PCR_RESET_L2, "resettable from locality 2"),
    D(TPM_PT_PCR_EXTEND_L3, "extendable from locality 3"),
    D(TPM_PT_PCR_RESET_L3, "resettable from locality 3"),
    D(TPM_PT_PCR_EXTEND_L4, "extendable from locality 4"),
    D(TPM_PT_PCR_RESET_L4, "resettable from locality 4"),
    D(TPM_PT_PCR_NO_INCREMENT, "changes do not increment pcrUpdateCounter"),
    D(TPM_PT_PCR_DRTM_RESET, "reset by a DRTM event"),
    D(TPM_PT_PCR_POLICY, "in a policy group"),
    D(TPM_PT_PCR_AUTH, "in an authorization value group"),
};

const char *basic_pt_pcr_name(uint32_t pt, const char **desc)
{
    return LOOKUP(pt_pcrs, pt, desc);
}

/* ---- attribute bits ---- */

static const basic_bit object_bits[] = {
    B(TPMA_OBJECT_FIXEDTPM), B(TPMA_OBJECT_STCLEAR), B(TPMA_OBJECT_FIXEDPARENT),
    B(TPMA_OBJECT_SENSITIVEDATAORIGIN), B(TPMA_OBJECT_USERWITHAUTH),
    B(TPMA_OBJECT_ADMINWITHPOLICY), B(TPMA_OBJECT_NODA), B(TPMA_OBJECT_ENCRYPTEDDUPLICATION),
    B(TPMA_OBJECT_RESTRICTED), B(TPMA_OBJECT_DECRYPT), B(TPMA_OBJECT_SIGN),
    B(TPMA_OBJECT_X509SIGN), B(TPMA_OBJECT_FIRMWARELIMITED), B(TPMA_OBJECT_SVNLIMITED),
    {0, NULL}};
const basic_attr basic_tpma_object = {"TPMA_OBJECT", object_bits, TPMA_OBJECT_RESERVED};

/* IBM's constants are TPMA_NVA_*; the printed names are the spec's TPMA_NV_* */
static const basic_bit nv_bits[] = {
    {TPMA_NVA_PPWRITE, "TPMA_NV_PPWRITE"}, {TPMA_NVA_OWNERWRITE, "TPMA_NV_OWNERWRITE"},
    {TPMA_NVA_AUTHWRITE, "TPMA_NV_AUTHWRITE"}, {TPMA_NVA_POLICYWRITE, "TPMA_NV_POLICYWRITE"},
    {TPMA_NVA_TPM_NT_MASK, "TPM_NT"}, /* a field: printed as its TPM_NT_ name */
    {TPMA_NVA_POLICY_DELETE, "TPMA_NV_POLICY_DELETE"},
    {TPMA_NVA_WRITELOCKED, "TPMA_NV_WRITELOCKED"}, {TPMA_NVA_WRITEALL, "TPMA_NV_WRITEALL"},
    {TPMA_NVA_WRITEDEFINE, "TPMA_NV_WRITEDEFINE"},
    {TPMA_NVA_WRITE_STCLEAR, "TPMA_NV_WRITE_STCLEAR"},
    {TPMA_NVA_GLOBALLOCK, "TPMA_NV_GLOBALLOCK"}, {TPMA_NVA_PPREAD, "TPMA_NV_PPREAD"},
    {TPMA_NVA_OWNERREAD, "TPMA_NV_OWNERREAD"}, {TPMA_NVA_AUTHREAD, "TPMA_NV_AUTHREAD"},
    {TPMA_NVA_POLICYREAD, "TPMA_NV_POLICYREAD"}, {TPMA_NVA_NO_DA, "TPMA_NV_NO_DA"},
    {TPMA_NVA_ORDERLY, "TPMA_NV_ORDERLY"}, {TPMA_NVA_CLEAR_STCLEAR, "TPMA_NV_CLEAR_STCLEAR"},
    {TPMA_NVA_READLOCKED, "TPMA_NV_READLOCKED"}, {TPMA_NVA_WRITTEN, "TPMA_NV_WRITTEN"},
    {TPMA_NVA_PLATFORMCREATE, "TPMA_NV_PLATFORMCREATE"},
    {TPMA_NVA_READ_STCLEAR, "TPMA_NV_READ_STCLEAR"}, {0, NULL}};
const basic_attr basic_tpma_nv = {"TPMA_NV", nv_bits, TPMA_NV_RESERVED};

static const basic_bit session_bits[] = {
    B(TPMA_SESSION_CONTINUESESSION), B(TPMA_SESSION_AUDITEXCLUSIVE),
    B(TPMA_SESSION_AUDITRESET), B(TPMA_SESSION_DECRYPT), B(TPMA_SESSION_ENCRYPT),
    B(TPMA_SESSION_AUDIT), {0, NULL}};
const basic_attr basic_tpma_session = {"TPMA_SESSION", session_bits, TPMA_SESSION_RESERVED};

static const basic_bit startup_bits[] = {
    B(TPMA_STARTUP_CLEAR_PHENABLE), B(TPMA_STARTUP_CLEAR_SHENABLE),
    B(TPMA_STARTUP_CLEAR_EHENABLE), B(TPMA_STARTUP_CLEAR_PHENABLENV),
    B(TPMA_STARTUP_CLEAR_ORDERLY), {0, NULL}};
const basic_attr basic_tpma_startup_clear = {"TPMA_STARTUP_CLEAR", startup_bits,
                                             TPMA_STARTUP_CLEAR_RESERVED};

static const basic_bit algorithm_bits[] = {
    {TPMA_ALGORITHM_ASYMMETRIC, "asymmetric"}, {TPMA_ALGORITHM_SYMMETRIC, "symmetric"},
    {TPMA_ALGORITHM_HASH, "hash"}, {TPMA_ALGORITHM_OBJECT, "object"},
    {TPMA_ALGORITHM_SIGNING, "signing"}, {TPMA_ALGORITHM_ENCRYPTING, "encrypting"},
    {TPMA_ALGORITHM_METHOD, "method"}, {0, NULL}};
const basic_attr basic_tpma_algorithm = {"TPMA_ALGORITHM", algorithm_bits,
                                         TPMA_ALGORITHM_RESERVED};

static const basic_bit permanent_bits[] = {
    B(TPMA_PERMANENT_OWNERAUTHSET), B(TPMA_PERMANENT_ENDORSEMENTAUTHSET),
    B(TPMA_PERMANENT_LOCKOUTAUTHSET), B(TPMA_PERMANENT_DISABLECLEAR),
    B(TPMA_PERMANENT_INLOCKOUT), B(TPMA_PERMANENT_TPMGENERATEDEPS), {0, NULL}};
const basic_attr basic_tpma_permanent = {"TPMA_PERMANENT", permanent_bits,
                                         TPMA_PERMANENT_RESERVED};

static const basic_bit memory_bits[] = {
    B(TPMA_MEMORY_SHAREDRAM), B(TPMA_MEMORY_SHAREDNV), B(TPMA_MEMORY_OBJECTCOPIEDTORAM),
    {0, NULL}};
const basic_attr basic_tpma_memory = {"TPMA_MEMORY", memory_bits, TPMA_MEMORY_RESERVED};

static const basic_bit modes_bits[] = {
    B(TPMA_MODES_FIPS_140_2), B(TPMA_MODES_FIPS_140_3), B(TPMA_MODES_FIPS_140_3_INDICATOR),
    {0, NULL}};
const basic_attr basic_tpma_modes = {"TPMA_MODES", modes_bits, TPMA_MODES_RESERVED};

void basic_print_attr(const basic_attr *a, uint32_t value, const char *prefix)
{
    for (const basic_bit *b = a->bits; b->name != NULL; b++) {
        uint32_t m = b->mask;
        if ((m & (m - 1)) == 0) { /* a single bit */
            if (value & m)
                printf("%s%s\n", prefix, b->name);
            continue;
        }
        unsigned shift = 0;
        while (((m >> shift) & 1) == 0)
            shift++;
        uint32_t field = (value & m) >> shift;
        const char *nt = (a == &basic_tpma_nv) ? basic_nt_name(field) : NULL;
        if (nt != NULL)
            printf("%s%s\n", prefix, nt);
        else if (a == &basic_tpma_nv)
            printf("%s%s %x (unknown index type)\n", prefix, b->name, field);
        else if (field != 0)
            printf("%s%s %x\n", prefix, b->name, field);
    }
    if (value & a->reserved)
        printf("%sreserved bits %08x SET\n", prefix, value & a->reserved);
}

/* ---- TPMS_CAPABILITY_DATA in the layout of IBM's getcapability ---- */

static void name_or_hex(const char *name, const char *kind, uint32_t v)
{
    if (name != NULL)
        printf("%s", name);
    else
        printf("%s %04x unknown", kind, v);
}

static void print_string_value(uint32_t v)
{
    char s[5];
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(v >> (24 - 8 * i));
        s[i] = (c >= 0x20 && c < 0x7f) ? (char)c : (c == 0 ? '\0' : '.');
    }
    s[4] = '\0';
    printf(" \"%s\"", s);
}

static void print_property(const TPMS_TAGGED_PROPERTY *p)
{
    const char *desc = NULL, *name = basic_pt_name(p->property, &desc);
    printf("TPM_PT %08x value %08x ", p->property, p->value);
    if (name == NULL) {
        printf("unknown property\n");
        return;
    }
    printf("%s - %s", name, desc);
    switch (p->property) {
    case TPM_PT_FAMILY_INDICATOR: case TPM_PT_MANUFACTURER: case TPM_PT_VENDOR_STRING_1:
    case TPM_PT_VENDOR_STRING_2: case TPM_PT_VENDOR_STRING_3: case TPM_PT_VENDOR_STRING_4:
        print_string_value(p->value);
        break;
    case TPM_PT_CONTEXT_HASH: case TPM_PT_CONTEXT_SYM:
        printf(" ");
        name_or_hex(TSS_TPM_ALG_ID_Name(p->value), "algorithm", p->value);
        break;
    }
    printf("\n");
    const basic_attr *a = p->property == TPM_PT_PERMANENT       ? &basic_tpma_permanent
                          : p->property == TPM_PT_STARTUP_CLEAR ? &basic_tpma_startup_clear
                          : p->property == TPM_PT_MEMORY        ? &basic_tpma_memory
                          : p->property == TPM_PT_MODES         ? &basic_tpma_modes
                                                                : NULL;
    if (a != NULL)
        basic_print_attr(a, p->value, "    ");
}

static void print_select(const BYTE *sel, unsigned n, const char *indent)
{
    for (unsigned i = 0; i < n; i++)
        printf("%sPCR %u-%u  \tpcrSelect\t%02x\n", indent, 8 * i, 8 * i + 7, sel[i]);
}

static void print_command(const char *what, uint32_t v)
{
    printf("\t%s %08x ", what, v);
    name_or_hex(TSS_TPM_CC_Name(v), "command", v);
    printf("\n");
}

uint32_t basic_print_capability(const TPMS_CAPABILITY_DATA *d, uint32_t *next)
{
    const TPMU_CAPABILITIES *u = &d->data;
    uint32_t n = 0, last = 0;
    switch (d->capability) {
    case TPM_CAP_ALGS:
        printf("%u algorithms \n", n = u->algorithms.count);
        for (uint32_t i = 0; i < n; i++) {
            const TPMS_ALG_PROPERTY *p = &u->algorithms.algProperties[i];
            printf("  TPM_ALG_ID ");
            name_or_hex(TSS_TPM_ALG_ID_Name(p->alg), "algorithm", p->alg);
            printf("\n");
            basic_print_attr(&basic_tpma_algorithm, p->algProperties.val, "    TPMA_ALGORITHM: ");
            last = p->alg;
        }
        break;
    case TPM_CAP_HANDLES:
        printf("%u handles\n", n = u->handles.count);
        for (uint32_t i = 0; i < n; i++)
            printf("\t%08x\n", last = u->handles.handle[i]);
        break;
    case TPM_CAP_COMMANDS:
        printf("%u commands\n", n = u->command.count);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t a = u->command.commandAttributes[i].val;
            printf("\tcommand Attributes %08x\n", a);
            last = (a & TPMA_CC_COMMANDINDEX) | (a & TPMA_CC_V);
            printf("\t  ");
            name_or_hex(TSS_TPM_CC_Name(last), "command", last);
            printf(" cHandles %u%s%s%s%s\n", (a & TPMA_CC_CHANDLES) >> TPMA_CC_CHANDLES_SHIFT,
                   a & TPMA_CC_RHANDLE ? " rHandle" : "", a & TPMA_CC_NV ? " nv" : "",
                   a & TPMA_CC_EXTENSIVE ? " extensive" : "", a & TPMA_CC_FLUSHED ? " flushed" : "");
        }
        break;
    case TPM_CAP_PP_COMMANDS:
    case TPM_CAP_AUDIT_COMMANDS: {
        const TPML_CC *l = d->capability == TPM_CAP_PP_COMMANDS ? &u->ppCommands : &u->auditCommands;
        printf("%u commands\n", n = l->count);
        for (uint32_t i = 0; i < n; i++)
            print_command(d->capability == TPM_CAP_PP_COMMANDS ? "PP command" : "Audit command",
                          last = l->commandCodes[i]);
        break;
    }
    case TPM_CAP_PCRS:
        printf("%u PCR banks\n", n = u->assignedPCR.count);
        for (uint32_t i = 0; i < n; i++) {
            const TPMS_PCR_SELECTION *s = &u->assignedPCR.pcrSelections[i];
            printf("  hash ");
            name_or_hex(TSS_TPM_ALG_ID_Name(s->hash), "algorithm", s->hash);
            printf("\n");
            print_select(s->pcrSelect, s->sizeofSelect, "    ");
        }
        n = 0; /* the list is complete: nothing to continue */
        break;
    case TPM_CAP_TPM_PROPERTIES:
        printf("%u properties\n", n = u->tpmProperties.count);
        for (uint32_t i = 0; i < n; i++) {
            print_property(&u->tpmProperties.tpmProperty[i]);
            last = u->tpmProperties.tpmProperty[i].property;
        }
        break;
    case TPM_CAP_PCR_PROPERTIES:
        printf("%u properties\n", n = u->pcrProperties.count);
        for (uint32_t i = 0; i < n; i++) {
            const TPMS_TAGGED_PCR_SELECT *p = &u->pcrProperties.pcrProperty[i];
            const char *desc = NULL, *name = basic_pt_pcr_name(p->tag, &desc);
            printf("TPM_PT_PCR %08x %s - %s\n", p->tag, name ? name : "unknown",
                   desc ? desc : "unknown PCR property");
            print_select(p->pcrSelect, p->sizeofSelect, "");
            last = p->tag;
        }
        break;
    case TPM_CAP_ECC_CURVES:
        printf("%u curves\n", n = u->eccCurves.count);
        for (uint32_t i = 0; i < n; i++) {
            last = u->eccCurves.eccCurves[i];
            printf("\t%04x ", last);
            name_or_hex(TSS_TPM_ECC_CURVE_Name(last), "curve", last);
            printf("\n");
        }
        break;
    case TPM_CAP_AUTH_POLICIES:
        printf("%u policies\n", n = u->authPolicies.count);
        for (uint32_t i = 0; i < n; i++) {
            const TPMS_TAGGED_POLICY *p = &u->authPolicies.policies[i];
            uint16_t size = TSS_GetDigestSize(p->policyHash.hashAlg);
            printf("\thandle %08x hash ", last = p->handle);
            name_or_hex(TSS_TPM_ALG_ID_Name(p->policyHash.hashAlg), "algorithm", p->policyHash.hashAlg);
            printf("\n");
            TSS_PrintAlli("policy", 1, p->policyHash.digest.tssmax, size);
        }
        break;
    case TPM_CAP_ACT:
        printf("%u ACTs\n", n = u->actData.count);
        for (uint32_t i = 0; i < n; i++) {
            const TPMS_ACT_DATA *p = &u->actData.actData[i];
            printf("\thandle %08x timeout %u attributes %08x\n", last = p->handle, p->timeout,
                   p->attributes.val);
        }
        break;
    default:
        printf("capability %08x: no printer\n", d->capability);
        break;
    }
    *next = last + 1;
    return n;
}
