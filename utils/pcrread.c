/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrread: TPM2_PCR_Read of one PCR in one or more banks (-halg may repeat: one
 * TPML_PCR_SELECTION), printed as IBM's: "count N pcrUpdateCounter U" and a digest per bank
 * (-ns: one hex line per bank). -of saves the first bank's value.
 * -iosad F with -ahalg A, for an audit session given as -se0: F holds the session audit digest
 * so far; it is replaced by the digest the TPM should now hold,
 * H_A(old || cpHash || rpHash), computed here (Part 1, session audit). */
#include <string.h>

#include "tool/data.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

static uint32_t ha = UINT32_MAX;
static tool_halgs halgs;
static TPMI_ALG_HASH ahalg = TPM_ALG_SHA256;
static const char *of, *iosad;
static int ns;
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {"-halg", T_HALGS, &halgs, "alg", "bank (sha1, sha256, sha384, sha512) (default sha256); may repeat", 0, NULL},
    {"-of", T_STR, &of, "file", "output file for the first bank's PCR value", 0, NULL},
    {"-ahalg", T_HALG, &ahalg, "alg", "audit session hash algorithm, for -iosad (default sha256)", 0, NULL},
    {"-iosad", T_STR, &iosad, "file", "session audit digest file: read, then updated for this command", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "no space, no text: each bank's value as one hex line", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrread", "Runs TPM2_PCR_Read", opts, 1, 0, {0}, {0}, {0}};

/* digest = H_A(a || b || c), each a marshaled parameter area or a digest; nc 0: H_A(a || b) */
static TPM_RC audit_hash(TPMT_HA *d, const uint8_t *a, uint16_t na, const uint8_t *b,
                         uint16_t nb, const uint8_t *c, uint16_t nc)
{
    d->hashAlg = ahalg;
    return TSS_Hash_Generate(d, (int)na, a, (int)nb, b, (int)nc, c, 0, NULL);
}

/* cpHash = H(CC || pcrSelectionIn), rpHash = H(RC || CC || response parameters), both with
 * ahalg; the file's digest becomes H(old || cpHash || rpHash) */
static TPM_RC update_audit(PCR_Read_In *in, PCR_Read_Out *out, const uint8_t *old)
{
    uint8_t cp[sizeof(TPML_PCR_SELECTION) + 8], rp[sizeof(PCR_Read_Out) + 16];
    const uint8_t code[8] = {0, 0, 0, 0, /* TPM_RC_SUCCESS */
                             (uint8_t)(TPM_CC_PCR_Read >> 24), (uint8_t)(TPM_CC_PCR_Read >> 16),
                             (uint8_t)(TPM_CC_PCR_Read >> 8), (uint8_t)TPM_CC_PCR_Read};
    uint16_t ncp = 0, nrp = 0, size = TSS_GetDigestSize(ahalg);
    uint8_t *p = cp;
    uint32_t left = sizeof(cp);
    TPMT_HA cph, rph, sad;
    TPM_RC rc = TSS_TPML_PCR_SELECTION_Marshalu(&in->pcrSelectionIn, &ncp, &p, &left);
    p = rp;
    left = sizeof(rp);
    if (rc == 0)
        rc = TSS_UINT32_Marshalu(&out->pcrUpdateCounter, &nrp, &p, &left);
    if (rc == 0)
        rc = TSS_TPML_PCR_SELECTION_Marshalu(&out->pcrSelectionOut, &nrp, &p, &left);
    if (rc == 0)
        rc = TSS_TPML_DIGEST_Marshalu(&out->pcrValues, &nrp, &p, &left);
    if (rc == 0)
        rc = audit_hash(&cph, code + 4, 4, cp, ncp, NULL, 0);
    if (rc == 0)
        rc = audit_hash(&rph, code, 8, rp, nrp, NULL, 0);
    if (rc == 0)
        rc = audit_hash(&sad, old, size, (uint8_t *)&cph.digest, size, (uint8_t *)&rph.digest, size);
    if (rc == 0 && t.verbose) {
        tool_print_hex("Session digest old", old, size);
        tool_print_hex("Session digest new", (uint8_t *)&sad.digest, size);
    }
    if (rc == 0)
        rc = tool_write_bytes(&t, iosad, &sad.digest, size);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PCR_Read_In in;
    PCR_Read_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    if (halgs.count == 0)
        halgs.alg[halgs.count++] = TPM_ALG_SHA256;
    memset(&in, 0, sizeof(in));
    in.pcrSelectionIn.count = halgs.count;
    for (uint32_t i = 0; i < halgs.count; i++) {
        TPMS_PCR_SELECTION *s = &in.pcrSelectionIn.pcrSelections[i];
        s->hash = halgs.alg[i];
        s->sizeofSelect = 3;
        s->pcrSelect[ha / 8] = (BYTE)(1 << (ha % 8));
    }
    /* the digest so far is checked before the command changes the TPM's */
    unsigned char *old = NULL;
    size_t nold = 0;
    if (iosad != NULL && tool_read_bytes(&t, iosad, &old, &nold) != 0)
        return EXIT_FAILURE;
    if (iosad != NULL && nold != TSS_GetDigestSize(ahalg)) {
        free(old);
        return tool_error(&t, "-ahalg digest size %u does not match the %zu bytes of %s",
                          TSS_GetDigestSize(ahalg), nold, iosad);
    }
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PCR_Read, 0, NULL, NULL);
    /* an unallocated bank is left out of the response; with none there is no value to save */
    if (rc == 0 && of != NULL && out.pcrValues.count == 0)
        rc = tool_error(&t, "no PCR value returned (bank not allocated): %s not written", of)
                 ? TSS_RC_BAD_ARGUMENT : 0;
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, out.pcrValues.digests[0].t.buffer, out.pcrValues.digests[0].t.size);
    if (rc == 0 && iosad != NULL)
        rc = update_audit(&in, &out, old);
    free(old);
    if (rc == 0 && ns && out.pcrValues.count > 0) {
        for (uint32_t i = 0; i < out.pcrValues.count; i++)
            data_hex(out.pcrValues.digests[i].t.buffer, out.pcrValues.digests[i].t.size);
    } else if (rc == 0 && ns) {
        printf("count %u\n", out.pcrValues.count);
    } else if (rc == 0) {
        printf("count %u pcrUpdateCounter %u \n", out.pcrValues.count, out.pcrUpdateCounter);
        for (uint32_t i = 0; i < out.pcrValues.count; i++)
            TSS_PrintAll("digest", out.pcrValues.digests[i].t.buffer, out.pcrValues.digests[i].t.size);
    }
    return tool_finish(&t, ctx, rc);
}
