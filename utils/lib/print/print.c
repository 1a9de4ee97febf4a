/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM-layout printers of the TPM structures: hashes, PCR selections, tickets, attestation,
 * symmetric and asymmetric parameters, schemes, signatures, public and sensitive areas, NV
 * public areas, contexts and creation data. Each member is one line "<label> <value>" or a
 * byte dump (TSS_PrintAlli); nested structures indent by two. A union prints the member its
 * selector chooses, and a selector no member answers to prints one line saying so.
 * Capabilities are in printcap.c, attribute bits in attrs.c, constant names in names.c. */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

#include "print_int.h"
#include "tss2/Unmarshal_fp.h"

static void unknown_selector(const char *type, uint32_t selector, unsigned indent)
{
    printf("%*s%s selection %04x not implemented\n", (int)indent, "", type, selector);
}

/* ---- hashes, PCR selections, tickets, lists ---- */

static const struct {
    TPM_ALG_ID alg;
    const char *name;
    uint16_t size;
} digests[] = {
    {TPM_ALG_SHA1, "sha1", SHA1_DIGEST_SIZE},
    {TPM_ALG_SHA256, "sha256", SHA256_DIGEST_SIZE},
    {TPM_ALG_SHA384, "sha384", SHA384_DIGEST_SIZE},
    {TPM_ALG_SHA512, "sha512", SHA512_DIGEST_SIZE},
    {TPM_ALG_SM3_256, "sm3_256", SM3_256_DIGEST_SIZE},
    {TPM_ALG_SHA3_256, "sha3_256", SHA3_256_DIGEST_SIZE},
    {TPM_ALG_SHA3_384, "sha3_384", SHA3_384_DIGEST_SIZE},
    {TPM_ALG_SHA3_512, "sha3_512", SHA3_512_DIGEST_SIZE},
};

void TSS_TPMU_HA_Print(const TPMU_HA *source, uint32_t selector, unsigned int indent)
{
    if (selector == TPM_ALG_NULL)
        return;
    for (size_t i = 0; i < TSS_ARRAY_COUNT(digests); i++) {
        if (digests[i].alg == selector) {
            TSS_PrintAlli(digests[i].name, indent, (const unsigned char *)source, digests[i].size);
            return;
        }
    }
    unknown_selector("TPMU_HA", selector, indent);
}

void TSS_TPMT_HA_Print(const TPMT_HA *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hashAlg", source->hashAlg, indent + 2);
    TSS_TPMU_HA_Print(&source->digest, source->hashAlg, indent + 2);
}

static void pcr_select_bytes(const char *string, unsigned indent, const BYTE *select, UINT8 size)
{
    if (size > PCR_SELECT_MAX)
        printf("%*s%s sizeofSelect %u is over its maximum %u\n", (int)indent, "", string, size,
               PCR_SELECT_MAX);
    else
        TSS_PrintAlli(string, indent, select, size);
}

void TSS_TPMS_PCR_SELECT_Print(const TPMS_PCR_SELECT *source, unsigned int indent)
{
    printf("%*sTPMS_PCR_SELECT sizeofSelect %u\n", (int)indent, "", source->sizeofSelect);
    pcr_select_bytes("pcrSelect", indent, source->pcrSelect, source->sizeofSelect);
}

void TSS_TPMS_PCR_SELECTION_Print(const TPMS_PCR_SELECTION *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hash", source->hash, indent + 2);
    pcr_select_bytes("TPMS_PCR_SELECTION", indent + 2, source->pcrSelect, source->sizeofSelect);
}

void TSS_TPML_PCR_SELECTION_Print(const TPML_PCR_SELECTION *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_PCR_SELECTION", indent, source->count, HASH_COUNT);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_PCR_SELECTION_Print(&source->pcrSelections[i], indent);
}

/* the four tickets share one layout */
static void ticket(const char *digestLabel, TPM_ST tag, TPMI_RH_HIERARCHY hierarchy,
                   const TPM2B_DIGEST *digest, unsigned indent)
{
    TSS_TPM_ST_Print("tag", tag, indent);
    TSS_TPM_HANDLE_Print("hierarchy", hierarchy, indent);
    TSS_PRINT_2B(digestLabel, indent, *digest);
}

void TSS_TPMT_TK_CREATION_Print(const TPMT_TK_CREATION *source, unsigned int indent)
{
    ticket("TPMT_TK_CREATION digest", source->tag, source->hierarchy, &source->digest, indent);
}

void TSS_TPMT_TK_VERIFIED_Print(const TPMT_TK_VERIFIED *source, unsigned int indent)
{
    ticket("TPMT_TK_VERIFIED digest", source->tag, source->hierarchy, &source->digest, indent);
}

void TSS_TPMT_TK_AUTH_Print(const TPMT_TK_AUTH *source, unsigned int indent)
{
    ticket("TPMT_TK_AUTH digest", source->tag, source->hierarchy, &source->digest, indent);
}

void TSS_TPMT_TK_HASHCHECK_Print(const TPMT_TK_HASHCHECK *source, unsigned int indent)
{
    ticket("TPMT_TK_HASHCHECK digest", source->tag, source->hierarchy, &source->digest, indent);
}

void TSS_TPML_ALG_Print(const TPML_ALG *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_ALG", indent, source->count, MAX_ALG_LIST_SIZE);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPM_ALG_ID_Print("algorithms", source->algorithms[i], indent);
}

void TSS_TPML_DIGEST_Print(const TPML_DIGEST *source, unsigned int indent)
{
    uint32_t n =
        tss_print_count("TPML_DIGEST", indent, source->count, TSS_ARRAY_COUNT(source->digests));
    for (uint32_t i = 0; i < n; i++)
        TSS_PRINT_2B("TPML_DIGEST digest", indent, source->digests[i]);
}

void TSS_TPML_DIGEST_VALUES_Print(const TPML_DIGEST_VALUES *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_DIGEST_VALUES", indent, source->count, HASH_COUNT);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMT_HA_Print(&source->digests[i], indent);
}

/* ---- attestation ---- */

void TSS_TPMS_CLOCK_INFO_Print(const TPMS_CLOCK_INFO *source, unsigned int indent)
{
    printf("%*sTPMS_CLOCK_INFO clock %" PRIu64 "\n", (int)indent, "", (uint64_t)source->clock);
    printf("%*sTPMS_CLOCK_INFO resetCount %u\n", (int)indent, "", source->resetCount);
    printf("%*sTPMS_CLOCK_INFO restartCount %u\n", (int)indent, "", source->restartCount);
    printf("%*sTPMS_CLOCK_INFO safe %x\n", (int)indent, "", source->safe);
}

void TSS_TPMS_TIME_INFO_Print(const TPMS_TIME_INFO *source, unsigned int indent)
{
    uint64_t ms = source->time;
    printf("%*sTPMS_TIME_INFO time %" PRIu64 " msec - %" PRIu64 " days %" PRIu64 " hours %" PRIu64
           " minutes %" PRIu64 " seconds\n",
           (int)indent, "", ms, ms / 86400000, ms / 3600000 % 24, ms / 60000 % 60, ms / 1000 % 60);
    TSS_TPMS_CLOCK_INFO_Print(&source->clockInfo, indent + 2);
}

void TSS_TPMS_TIME_ATTEST_INFO_Print(const TPMS_TIME_ATTEST_INFO *source, unsigned int indent)
{
    TSS_TPMS_TIME_INFO_Print(&source->time, indent + 2);
    printf("%*sTPMS_TIME_ATTEST_INFO firmwareVersion %" PRIu64 "\n", (int)indent, "",
           (uint64_t)source->firmwareVersion);
}

void TSS_TPMS_CERTIFY_INFO_Print(const TPMS_CERTIFY_INFO *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_CERTIFY_INFO name", indent, source->name);
    TSS_PRINT_2B("TPMS_CERTIFY_INFO qualifiedName", indent, source->qualifiedName);
}

void TSS_TPMS_QUOTE_INFO_Print(const TPMS_QUOTE_INFO *source, unsigned int indent)
{
    TSS_TPML_PCR_SELECTION_Print(&source->pcrSelect, indent + 2);
    TSS_PRINT_2B("TPMS_QUOTE_INFO pcrDigest", indent + 2, source->pcrDigest);
}

void TSS_TPMS_COMMAND_AUDIT_INFO_Print(const TPMS_COMMAND_AUDIT_INFO *source, unsigned int indent)
{
    printf("%*sTPMS_COMMAND_AUDIT_INFO auditCounter %" PRIu64 "\n", (int)indent, "",
           (uint64_t)source->auditCounter);
    TSS_TPM_ALG_ID_Print("digestAlg", source->digestAlg, indent);
    TSS_PRINT_2B("TPMS_COMMAND_AUDIT_INFO auditDigest", indent, source->auditDigest);
    TSS_PRINT_2B("TPMS_COMMAND_AUDIT_INFO commandDigest", indent, source->commandDigest);
}

void TSS_TPMS_SESSION_AUDIT_INFO_Print(const TPMS_SESSION_AUDIT_INFO *source, unsigned int indent)
{
    printf("%*sTPMS_SESSION_AUDIT_INFO exclusiveSession %d\n", (int)indent, "",
           source->exclusiveSession);
    TSS_PRINT_2B("TPMS_SESSION_AUDIT_INFO sessionDigest", indent, source->sessionDigest);
}

void TSS_TPMS_CREATION_INFO_Print(const TPMS_CREATION_INFO *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_CREATION_INFO objectName", indent, source->objectName);
    TSS_PRINT_2B("TPMS_CREATION_INFO creationHash", indent, source->creationHash);
}

void TSS_TPMS_NV_CERTIFY_INFO_Print(const TPMS_NV_CERTIFY_INFO *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_NV_CERTIFY_INFO indexName", indent, source->indexName);
    printf("%*sTPMS_NV_CERTIFY_INFO offset %u\n", (int)indent, "", source->offset);
    TSS_PRINT_2B("TPMS_NV_CERTIFY_INFO nvContents", indent, source->nvContents);
}

void TSS_TPMS_NV_DIGEST_CERTIFY_INFO_Print(const TPMS_NV_DIGEST_CERTIFY_INFO *source,
                                           unsigned int indent)
{
    TSS_PRINT_2B("TPMS_NV_DIGEST_CERTIFY_INFO indexName", indent, source->indexName);
    TSS_PRINT_2B("TPMS_NV_DIGEST_CERTIFY_INFO nvDigest", indent, source->nvDigest);
}

void TSS_TPMU_ATTEST_Print(const TPMU_ATTEST *source, TPMI_ST_ATTEST selector, unsigned int indent)
{
    unsigned in = indent + 2;
    switch (selector) {
    case TPM_ST_ATTEST_CERTIFY: TSS_TPMS_CERTIFY_INFO_Print(&source->certify, in); return;
    case TPM_ST_ATTEST_CREATION: TSS_TPMS_CREATION_INFO_Print(&source->creation, in); return;
    case TPM_ST_ATTEST_QUOTE: TSS_TPMS_QUOTE_INFO_Print(&source->quote, in); return;
    case TPM_ST_ATTEST_COMMAND_AUDIT:
        TSS_TPMS_COMMAND_AUDIT_INFO_Print(&source->commandAudit, in);
        return;
    case TPM_ST_ATTEST_SESSION_AUDIT:
        TSS_TPMS_SESSION_AUDIT_INFO_Print(&source->sessionAudit, in);
        return;
    case TPM_ST_ATTEST_TIME: TSS_TPMS_TIME_ATTEST_INFO_Print(&source->time, in); return;
    case TPM_ST_ATTEST_NV: TSS_TPMS_NV_CERTIFY_INFO_Print(&source->nv, in); return;
    case TPM_ST_ATTEST_NV_DIGEST:
        TSS_TPMS_NV_DIGEST_CERTIFY_INFO_Print(&source->nvDigest, in);
        return;
    default: unknown_selector("TPMU_ATTEST", selector, indent);
    }
}

void TSS_TPMS_ATTEST_Print(const TPMS_ATTEST *source, unsigned int indent)
{
    unsigned in = indent + 2;
    printf("%*sTPMS_ATTEST magic %08x\n", (int)in, "", source->magic);
    TSS_TPMI_ST_ATTEST_Print("type", source->type, in);
    TSS_PRINT_2B("TPMS_ATTEST qualifiedSigner", in, source->qualifiedSigner);
    TSS_PRINT_2B("TPMS_ATTEST extraData", in, source->extraData);
    TSS_TPMS_CLOCK_INFO_Print(&source->clockInfo, in);
    printf("%*sTPMS_ATTEST firmwareVersion %" PRIu64 "\n", (int)in, "",
           (uint64_t)source->firmwareVersion);
    TSS_TPMU_ATTEST_Print(&source->attested, source->type, in);
}

/* the attestation blob is unmarshaled first; the structure is large, so it is not on the stack */
void TSS_TPM2B_ATTEST_Print(const TPM2B_ATTEST *source, unsigned int indent)
{
    uint32_t size = source->t.size;
    if (size > sizeof(source->t.attestationData)) {
        printf("%*sTPM2B_ATTEST size %u is over its maximum %zu\n", (int)indent, "", size,
               sizeof(source->t.attestationData));
        return;
    }
    TPMS_ATTEST *attest = malloc(sizeof(*attest));
    if (attest == NULL)
        return;
    BYTE *p = (BYTE *)(uintptr_t)source->t.attestationData; /* unmarshaling only reads */
    if (TSS_TPMS_ATTEST_Unmarshalu(attest, &p, &size) == 0)
        TSS_TPMS_ATTEST_Print(attest, indent + 2);
    else
        printf("%*sTPMS_ATTEST_Unmarshal failed\n", (int)indent, "");
    free(attest);
}

/* ---- sessions ---- */

void TSS_TPMS_AUTH_COMMAND_Print(const TPMS_AUTH_COMMAND *source, unsigned int indent)
{
    TSS_TPM_HANDLE_Print("sessionHandle", source->sessionHandle, indent);
    TSS_PRINT_2B("TPMS_AUTH_COMMAND nonce", indent, source->nonce);
    TSS_TPMA_SESSION_Print(source->sessionAttributes, indent);
    TSS_PRINT_2B("TPMS_AUTH_COMMAND hmac", indent, source->hmac);
}

void TSS_TPMS_AUTH_RESPONSE_Print(const TPMS_AUTH_RESPONSE *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_AUTH_RESPONSE nonce", indent, source->nonce);
    TSS_TPMA_SESSION_Print(source->sessionAttributes, indent);
    TSS_PRINT_2B("TPMS_AUTH_RESPONSE hmac", indent, source->hmac);
}

/* ---- symmetric definitions ---- */

void TSS_TPM_KEY_BITS_Print(TPM_KEY_BITS source, unsigned int indent)
{
    printf("%*sTPM_KEY_BITS %u\n", (int)indent, "", source);
}

void TSS_TPMU_SYM_KEY_BITS_Print(const TPMU_SYM_KEY_BITS *source, TPMI_ALG_SYM selector,
                                 unsigned int indent)
{
    switch (selector) {
    case TPM_ALG_AES:
    case TPM_ALG_SM4:
    case TPM_ALG_CAMELLIA:
    case TPM_ALG_TDES: TSS_TPM_KEY_BITS_Print(source->sym, indent); return;
    case TPM_ALG_XOR: TSS_TPM_ALG_ID_Print("xorr", source->xorr, indent); return;
    case TPM_ALG_NULL: return;
    default: unknown_selector("TPMU_SYM_KEY_BITS", selector, indent);
    }
}

void TSS_TPMT_SYM_DEF_Print(const TPMT_SYM_DEF *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("algorithm", source->algorithm, indent);
    TSS_TPMU_SYM_KEY_BITS_Print(&source->keyBits, source->algorithm, indent);
    if (source->algorithm != TPM_ALG_NULL && source->algorithm != TPM_ALG_XOR)
        TSS_TPM_ALG_ID_Print("mode", source->mode.sym, indent);
}

void TSS_TPMT_SYM_DEF_OBJECT_Print(const TPMT_SYM_DEF_OBJECT *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("algorithm", source->algorithm, indent + 2);
    if (source->algorithm == TPM_ALG_NULL)
        return;
    printf("%*skeyBits: %u\n", (int)indent + 2, "", source->keyBits.sym);
    TSS_TPM_ALG_ID_Print("mode", source->mode.sym, indent + 2);
}

void TSS_TPMS_DERIVE_Print(const TPMS_DERIVE *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_DERIVE label", indent, source->label);
    TSS_PRINT_2B("TPMS_DERIVE context", indent, source->context);
}

void TSS_TPMS_SENSITIVE_CREATE_Print(const TPMS_SENSITIVE_CREATE *source, unsigned int indent)
{
    TSS_PRINT_2B("userAuth", indent, source->userAuth);
    TSS_PRINT_2B("data", indent, source->data);
}

void TSS_TPM2B_SENSITIVE_CREATE_Print(const char *string, const TPM2B_SENSITIVE_CREATE *source,
                                      unsigned int indent)
{
    printf("%*s%s\n", (int)indent, "", string);
    TSS_TPMS_SENSITIVE_CREATE_Print(&source->sensitive, indent + 2);
}

/* ---- schemes ---- */

void TSS_TPMS_SCHEME_ECDAA_Print(const TPMS_SCHEME_ECDAA *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hashAlg", source->hashAlg, indent + 2);
    printf("%*sTPMS_SCHEME_ECDAA count %u\n", (int)indent + 2, "", source->count);
}

void TSS_TPMS_SCHEME_XOR_Print(const TPMS_SCHEME_XOR *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hashAlg", source->hashAlg, indent + 2);
    TSS_TPM_ALG_ID_Print("kdf", source->kdf, indent + 2);
}

void TSS_TPMU_SCHEME_KEYEDHASH_Print(const TPMU_SCHEME_KEYEDHASH *source,
                                     TPMI_ALG_KEYEDHASH_SCHEME selector, unsigned int indent)
{
    if (selector == TPM_ALG_HMAC)
        TSS_TPM_ALG_ID_Print("hmac", source->hmac.hashAlg, indent + 2);
    else if (selector == TPM_ALG_XOR)
        TSS_TPMS_SCHEME_XOR_Print(&source->xorr, indent + 2);
    else if (selector != TPM_ALG_NULL)
        unknown_selector("TPMU_SCHEME_KEYEDHASH", selector, indent);
}

void TSS_TPMT_KEYEDHASH_SCHEME_Print(const TPMT_KEYEDHASH_SCHEME *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("scheme", source->scheme, indent + 2);
    if (source->scheme != TPM_ALG_NULL)
        TSS_TPMU_SCHEME_KEYEDHASH_Print(&source->details, source->scheme, indent + 2);
}

/* Schemes whose details are only a hash algorithm, labeled with the union member's name.
 * TPMU_SIG_SCHEME and TPMU_ASYM_SCHEME share these; ECDAA adds a count, RSAES has nothing. */
static const tss_print_name hash_schemes[] = {
    {TPM_ALG_RSASSA, "rsassa"}, {TPM_ALG_RSAPSS, "rsapss"},       {TPM_ALG_ECDSA, "ecdsa"},
    {TPM_ALG_SM2, "sm2"},       {TPM_ALG_ECSCHNORR, "ecSchnorr"}, {TPM_ALG_HMAC, "hmac"},
    {TPM_ALG_ECDH, "ecdh"},     {TPM_ALG_ECMQV, "ecmqvh"},        {TPM_ALG_OAEP, "oaep"},
};

/* 'details' is the scheme union; every member begins with its hashAlg */
static int scheme_details(const TPMS_SCHEME_HASH *details, uint32_t selector, int allowSig,
                          int allowAsym, unsigned indent)
{
    int sigOnly = selector == TPM_ALG_HMAC;
    int asymOnly =
        selector == TPM_ALG_ECDH || selector == TPM_ALG_ECMQV || selector == TPM_ALG_OAEP;
    if ((sigOnly && !allowSig) || (asymOnly && !allowAsym))
        return 0;
    if (selector == TPM_ALG_ECDAA) {
        TSS_TPMS_SCHEME_ECDAA_Print((const TPMS_SCHEME_ECDAA *)(const void *)details, indent);
        return 1;
    }
    if (selector == TPM_ALG_RSAES && allowAsym)
        return 1;
    const char *label = tss_print_lookup(hash_schemes, TSS_ARRAY_COUNT(hash_schemes), selector);
    if (label == NULL)
        return 0;
    TSS_TPM_ALG_ID_Print(label, details->hashAlg, indent + 2);
    return 1;
}

void TSS_TPMU_SIG_SCHEME_Print(const TPMU_SIG_SCHEME *source, TPMI_ALG_SIG_SCHEME selector,
                               unsigned int indent)
{
    if (!scheme_details(&source->any, selector, 1, 0, indent) && selector != TPM_ALG_NULL)
        unknown_selector("TPMU_SIG_SCHEME", selector, indent);
}

void TSS_TPMT_SIG_SCHEME_Print(const TPMT_SIG_SCHEME *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("scheme", source->scheme, indent + 2);
    if (source->scheme != TPM_ALG_NULL)
        TSS_TPMU_SIG_SCHEME_Print(&source->details, source->scheme, indent + 2);
}

void TSS_TPMT_KDF_SCHEME_Print(const TPMT_KDF_SCHEME *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("scheme", source->scheme, indent + 2);
    if (source->scheme != TPM_ALG_NULL)
        TSS_TPM_ALG_ID_Print("details", source->details.mgf1.hashAlg, indent + 2);
}

void TSS_TPMU_ASYM_SCHEME_Print(const TPMU_ASYM_SCHEME *source, TPMI_ALG_ASYM_SCHEME selector,
                                unsigned int indent)
{
    if (!scheme_details(&source->anySig, selector, 0, 1, indent) && selector != TPM_ALG_NULL)
        unknown_selector("TPMU_ASYM_SCHEME", selector, indent);
}

void TSS_TPMT_ASYM_SCHEME_Print(const TPMT_ASYM_SCHEME *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("scheme", source->scheme, indent + 2);
    if (source->scheme != TPM_ALG_NULL)
        TSS_TPMU_ASYM_SCHEME_Print(&source->details, source->scheme, indent + 2);
}

/* the RSA and ECC key schemes print their hash as "details"; RSAES has none */
static void key_scheme(TPM_ALG_ID scheme, const TPMU_ASYM_SCHEME *details, unsigned schemeIndent,
                       unsigned detailIndent)
{
    TSS_TPM_ALG_ID_Print("scheme", scheme, schemeIndent);
    if (scheme == TPM_ALG_ECDAA)
        TSS_TPMS_SCHEME_ECDAA_Print(&details->ecdaa, detailIndent - 2);
    else if (scheme != TPM_ALG_NULL && scheme != TPM_ALG_RSAES)
        TSS_TPM_ALG_ID_Print("details", details->anySig.hashAlg, detailIndent);
}

void TSS_TPMT_RSA_SCHEME_Print(const TPMT_RSA_SCHEME *source, unsigned int indent)
{
    key_scheme(source->scheme, &source->details, indent, indent + 2);
}

void TSS_TPMT_RSA_DECRYPT_Print(const TPMT_RSA_DECRYPT *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("scheme", source->scheme, indent + 2);
    if (source->scheme != TPM_ALG_NULL)
        TSS_TPMU_ASYM_SCHEME_Print(&source->details, source->scheme, indent + 2);
}

void TSS_TPMT_ECC_SCHEME_Print(const TPMT_ECC_SCHEME *source, unsigned int indent)
{
    key_scheme(source->scheme, &source->details, indent + 2, indent + 2);
}

/* ---- ECC ---- */

void TSS_TPMI_RSA_KEY_BITS_Print(TPMI_RSA_KEY_BITS source, unsigned int indent)
{
    printf("%*sTPM_KEY_BITS keyBits: %u\n", (int)indent, "", source);
}

void TSS_TPMS_ECC_POINT_Print(const TPMS_ECC_POINT *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_ECC_POINT x", indent + 2, source->x);
    TSS_PRINT_2B("TPMS_ECC_POINT y", indent + 2, source->y);
}

void TSS_TPM2B_ECC_POINT_Print(const char *string, const TPM2B_ECC_POINT *source,
                               unsigned int indent)
{
    printf("%*s%s\n", (int)indent, "", string);
    TSS_TPMS_ECC_POINT_Print(&source->point, indent);
}

void TSS_TPMS_ALGORITHM_DETAIL_ECC_Print(const TPMS_ALGORITHM_DETAIL_ECC *source,
                                         unsigned int indent)
{
    TSS_TPM_ECC_CURVE_Print("curveID", source->curveID, indent + 2);
    printf("%*sTPMS_ALGORITHM_DETAIL_ECC keySize %u\n", (int)indent + 2, "", source->keySize);
    TSS_TPMT_KDF_SCHEME_Print(&source->kdf, indent + 2);
    TSS_TPMT_ECC_SCHEME_Print(&source->sign, indent + 2);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC p", indent, source->p);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC a", indent, source->a);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC b", indent, source->b);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC gX", indent, source->gX);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC gY", indent, source->gY);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC n", indent, source->n);
    TSS_PRINT_2B("TPMS_ALGORITHM_DETAIL_ECC h", indent, source->h);
}

/* ---- signatures ---- */

void TSS_TPMS_SIGNATURE_RSA_Print(const TPMS_SIGNATURE_RSA *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hash", source->hash, indent + 2);
    TSS_PRINT_2B("TPMS_SIGNATURE_RSA sig", indent + 2, source->sig);
}

void TSS_TPMS_SIGNATURE_RSASSA_Print(const TPMS_SIGNATURE_RSASSA *source, unsigned int indent)
{
    TSS_TPMS_SIGNATURE_RSA_Print(source, indent + 2);
}

void TSS_TPMS_SIGNATURE_RSAPSS_Print(const TPMS_SIGNATURE_RSAPSS *source, unsigned int indent)
{
    TSS_TPMS_SIGNATURE_RSA_Print(source, indent + 2);
}

void TSS_TPMS_SIGNATURE_ECC_Print(const TPMS_SIGNATURE_ECC *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("hash", source->hash, indent);
    TSS_PRINT_2B("TPMS_SIGNATURE_ECC signatureR", indent, source->signatureR);
    TSS_PRINT_2B("TPMS_SIGNATURE_ECC signatureS", indent, source->signatureS);
}

void TSS_TPMS_SIGNATURE_ECDSA_Print(const TPMS_SIGNATURE_ECDSA *source, unsigned int indent)
{
    TSS_TPMS_SIGNATURE_ECC_Print(source, indent);
}

void TSS_TPMU_SIGNATURE_Print(const TPMU_SIGNATURE *source, TPMI_ALG_SIG_SCHEME selector,
                              unsigned int indent)
{
    unsigned in = indent + 2;
    switch (selector) {
    case TPM_ALG_RSASSA: TSS_TPMS_SIGNATURE_RSA_Print(&source->rsassa, in); return;
    case TPM_ALG_RSAPSS: TSS_TPMS_SIGNATURE_RSA_Print(&source->rsapss, in); return;
    case TPM_ALG_ECDSA: TSS_TPMS_SIGNATURE_ECC_Print(&source->ecdsa, in); return;
    case TPM_ALG_ECDAA: TSS_TPMS_SIGNATURE_ECC_Print(&source->ecdaa, in); return;
    case TPM_ALG_SM2: TSS_TPMS_SIGNATURE_ECC_Print(&source->sm2, in); return;
    case TPM_ALG_ECSCHNORR: TSS_TPMS_SIGNATURE_ECC_Print(&source->ecschnorr, in); return;
    case TPM_ALG_HMAC: TSS_TPMT_HA_Print(&source->hmac, in); return;
    case TPM_ALG_NULL: return;
    default: unknown_selector("TPMU_SIGNATURE", selector, indent);
    }
}

void TSS_TPMT_SIGNATURE_Print(const TPMT_SIGNATURE *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("sigAlg", source->sigAlg, indent + 2);
    TSS_TPMU_SIGNATURE_Print(&source->signature, source->sigAlg, indent);
}

/* ---- public areas ---- */

void TSS_TPMU_PUBLIC_ID_Print(const TPMU_PUBLIC_ID *source, TPMI_ALG_PUBLIC selector,
                              unsigned int indent)
{
    switch (selector) {
    case TPM_ALG_KEYEDHASH:
        TSS_PRINT_2B("TPM_ALG_KEYEDHASH keyedHash", indent, source->keyedHash);
        return;
    case TPM_ALG_SYMCIPHER: TSS_PRINT_2B("TPM_ALG_SYMCIPHER sym", indent, source->sym); return;
    case TPM_ALG_RSA: TSS_PRINT_2B("TPM_ALG_RSA rsa", indent, source->rsa); return;
    case TPM_ALG_ECC:
        TSS_PRINT_2B("TPM_ALG_ECC x", indent, source->ecc.x);
        TSS_PRINT_2B("TPM_ALG_ECC y", indent, source->ecc.y);
        return;
    default: unknown_selector("TPMU_PUBLIC_ID", selector, indent);
    }
}

void TSS_TPMS_KEYEDHASH_PARMS_Print(const TPMS_KEYEDHASH_PARMS *source, unsigned int indent)
{
    TSS_TPMT_KEYEDHASH_SCHEME_Print(&source->scheme, indent);
}

void TSS_TPMS_SYMCIPHER_PARMS_Print(const TPMS_SYMCIPHER_PARMS *source, unsigned int indent)
{
    TSS_TPMT_SYM_DEF_OBJECT_Print(&source->sym, indent);
}

void TSS_TPMS_ASYM_PARMS_Print(const TPMS_ASYM_PARMS *source, unsigned int indent)
{
    TSS_TPMT_SYM_DEF_OBJECT_Print(&source->symmetric, indent + 2);
    TSS_TPMT_ASYM_SCHEME_Print(&source->scheme, indent + 2);
}

void TSS_TPMS_RSA_PARMS_Print(const TPMS_RSA_PARMS *source, unsigned int indent)
{
    TSS_TPMT_SYM_DEF_OBJECT_Print(&source->symmetric, indent);
    TSS_TPMT_RSA_SCHEME_Print(&source->scheme, indent);
    TSS_TPMI_RSA_KEY_BITS_Print(source->keyBits, indent);
    printf("%*sTPMS_RSA_PARMS exponent %08x\n", (int)indent, "", source->exponent);
}

void TSS_TPMS_ECC_PARMS_Print(const TPMS_ECC_PARMS *source, unsigned int indent)
{
    TSS_TPMT_SYM_DEF_OBJECT_Print(&source->symmetric, indent);
    TSS_TPMT_ECC_SCHEME_Print(&source->scheme, indent);
    TSS_TPMI_ECC_CURVE_Print("curveID", source->curveID, indent);
    TSS_TPMT_KDF_SCHEME_Print(&source->kdf, indent);
}

void TSS_TPMU_PUBLIC_PARMS_Print(const TPMU_PUBLIC_PARMS *source, UINT32 selector,
                                 unsigned int indent)
{
    switch (selector) {
    case TPM_ALG_KEYEDHASH:
        printf("%*sTPMU_PUBLIC_PARMS keyedHashDetail\n", (int)indent, "");
        TSS_TPMS_KEYEDHASH_PARMS_Print(&source->keyedHashDetail, indent);
        return;
    case TPM_ALG_SYMCIPHER:
        printf("%*sTPMU_PUBLIC_PARMS symDetail\n", (int)indent, "");
        TSS_TPMS_SYMCIPHER_PARMS_Print(&source->symDetail, indent);
        return;
    case TPM_ALG_RSA:
        printf("%*sTPMU_PUBLIC_PARMS rsaDetail\n", (int)indent, "");
        TSS_TPMS_RSA_PARMS_Print(&source->rsaDetail, indent);
        return;
    case TPM_ALG_ECC:
        printf("%*sTPMU_PUBLIC_PARMS eccDetail\n", (int)indent, "");
        TSS_TPMS_ECC_PARMS_Print(&source->eccDetail, indent);
        return;
    default: unknown_selector("TPMU_PUBLIC_PARMS", selector, indent);
    }
}

void TSS_TPMT_PUBLIC_PARMS_Print(const TPMT_PUBLIC_PARMS *source, unsigned int indent)
{
    TSS_TPMI_ALG_PUBLIC_Print("type", source->type, indent);
    TSS_TPMU_PUBLIC_PARMS_Print(&source->parameters, source->type, indent);
}

void TSS_TPMT_PUBLIC_Print(const TPMT_PUBLIC *source, unsigned int indent)
{
    TSS_TPMI_ALG_PUBLIC_Print("type", source->type, indent);
    TSS_TPM_ALG_ID_Print("nameAlg", source->nameAlg, indent);
    TSS_TPMA_OBJECT_Print("objectAttributes", source->objectAttributes, indent);
    TSS_PRINT_2B("authPolicy", indent, source->authPolicy);
    TSS_TPMU_PUBLIC_PARMS_Print(&source->parameters, source->type, indent);
    TSS_TPMU_PUBLIC_ID_Print(&source->unique, source->type, indent);
}

void TSS_TPM2B_PUBLIC_Print(const char *string, const TPM2B_PUBLIC *source, unsigned int indent)
{
    printf("%*s%s\n", (int)indent, "", string);
    TSS_TPMT_PUBLIC_Print(&source->publicArea, indent + 2);
}

/* ---- sensitive areas ---- */

void TSS_TPMU_SENSITIVE_COMPOSITE_Print(const TPMU_SENSITIVE_COMPOSITE *source, uint32_t selector,
                                        unsigned int indent)
{
    unsigned in = indent + 2;
    switch (selector) {
    case TPM_ALG_RSA: TSS_PRINT_2B("TPMU_SENSITIVE_COMPOSITE rsa", in, source->rsa); return;
    case TPM_ALG_ECC: TSS_PRINT_2B("TPMU_SENSITIVE_COMPOSITE ecc", in, source->ecc); return;
    case TPM_ALG_KEYEDHASH: TSS_PRINT_2B("TPMU_SENSITIVE_COMPOSITE bits", in, source->bits); return;
    case TPM_ALG_SYMCIPHER: TSS_PRINT_2B("TPMU_SENSITIVE_COMPOSITE sym", in, source->sym); return;
    default: unknown_selector("TPMU_SENSITIVE_COMPOSITE", selector, in);
    }
}

void TSS_TPMT_SENSITIVE_Print(const TPMT_SENSITIVE *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("sensitiveType", source->sensitiveType, indent + 2);
    TSS_PRINT_2B("TPMT_SENSITIVE authValue", indent + 2, source->authValue);
    TSS_PRINT_2B("TPMT_SENSITIVE seedValue", indent + 2, source->seedValue);
    TSS_TPMU_SENSITIVE_COMPOSITE_Print(&source->sensitive, source->sensitiveType, indent + 2);
}

void TSS_TPM2B_SENSITIVE_Print(const TPM2B_SENSITIVE *source, unsigned int indent)
{
    printf("%*sTPM2B_SENSITIVE size %u\n", (int)indent + 2, "", source->t.size);
    if (source->t.size != 0)
        TSS_TPMT_SENSITIVE_Print(&source->t.sensitiveArea, indent + 2);
}

/* ---- NV ---- */

void TSS_TPMS_NV_PIN_COUNTER_PARAMETERS_Print(const TPMS_NV_PIN_COUNTER_PARAMETERS *source,
                                              unsigned int indent)
{
    printf("%*spinCount %u\n", (int)indent + 2, "", source->pinCount);
    printf("%*spinLimit %u\n", (int)indent + 2, "", source->pinLimit);
}

void TSS_TPMS_NV_PUBLIC_Print(const TPMS_NV_PUBLIC *source, unsigned int indent)
{
    unsigned in = indent + 2;
    printf("%*sTPMS_NV_PUBLIC nvIndex %08x\n", (int)in, "", source->nvIndex);
    TSS_TPM_ALG_ID_Print("nameAlg", source->nameAlg, in);
    TSS_TPMA_NV_Print(source->attributes, in);
    TSS_PRINT_2B("TPMS_NV_PUBLIC authPolicy", in, source->authPolicy);
    printf("%*sTPMS_NV_PUBLIC dataSize %u\n", (int)in, "", source->dataSize);
}

void TSS_TPM2B_NV_PUBLIC_Print(const TPM2B_NV_PUBLIC *source, unsigned int indent)
{
    TSS_TPMS_NV_PUBLIC_Print(&source->nvPublic, indent + 2);
}

/* ---- contexts and creation data ---- */

void TSS_TPMS_CONTEXT_DATA_Print(const TPMS_CONTEXT_DATA *source, unsigned int indent)
{
    TSS_PRINT_2B("TPMS_CONTEXT_DATA integrity", indent + 2, source->integrity);
    TSS_PRINT_2B("TPMS_CONTEXT_DATA encrypted", indent + 2, source->encrypted);
}

void TSS_TPMS_CONTEXT_Print(const TPMS_CONTEXT *source, unsigned int indent)
{
    unsigned in = indent + 2;
    printf("%*sTPMS_CONTEXT sequence %" PRIu64 "\n", (int)in, "", (uint64_t)source->sequence);
    TSS_TPM_HANDLE_Print("savedHandle", source->savedHandle, in);
    TSS_TPM_HANDLE_Print("hierarchy", source->hierarchy, in);
    TSS_PRINT_2B("TPMS_CONTEXT contextBlob", in, source->contextBlob);
}

void TSS_TPMS_CREATION_DATA_Print(const TPMS_CREATION_DATA *source, unsigned int indent)
{
    unsigned in = indent + 2;
    TSS_TPML_PCR_SELECTION_Print(&source->pcrSelect, in);
    TSS_PRINT_2B("TPMS_CREATION_DATA pcrDigest", in, source->pcrDigest);
    TSS_TPMA_LOCALITY_Print(source->locality, in);
    TSS_TPM_ALG_ID_Print("parentNameAlg", source->parentNameAlg, in);
    TSS_PRINT_2B("TPMS_CREATION_DATA parentName", in, source->parentName);
    TSS_PRINT_2B("TPMS_CREATION_DATA parentQualifiedName", in, source->parentQualifiedName);
    TSS_PRINT_2B("TPMS_CREATION_DATA outsideInfo", in, source->outsideInfo);
}

void TSS_TPM2B_CREATION_DATA_Print(const TPM2B_CREATION_DATA *source, unsigned int indent)
{
    printf("%*sTPM2B_CREATION_DATA size %u\n", (int)indent + 2, "", source->size);
    TSS_TPMS_CREATION_DATA_Print(&source->creationData, indent + 2);
}
