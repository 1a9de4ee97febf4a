/* SPDX-License-Identifier: BSD-3-Clause */
/* eventsequencecomplete: TPM2_EventSequenceComplete of an event sequence (hashsequencestart
 * -halg null), extending PCR -ha (decimal; default none) with the digest of every bank.
 * -se0 authorizes the PCR, -se1 the sequence. -if may be any length: what does not fit one
 * command goes first by TPM2_SequenceUpdate (with the -se1 and -se2 sessions). */
#include <string.h>

#include "tool/seq.h"
#include "tss2/tssprint.h"

static uint32_t ha = TPM_RH_NULL, hs;
static const char *pwds, *ifile, *of[4];
static const TPMI_ALG_HASH of_alg[4] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384, TPM_ALG_SHA512};
static const char *const of_name[4] = {"sha1", "sha256", "sha384", "sha512"};
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal) (default NULL)", 0, NULL},
    {"-hs", T_X32, &hs, "handle", "sequence handle", TOOL_REQUIRED, NULL},
    {"-pwds", T_STR, &pwds, "password", "password for sequence (default empty)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file to be added (default no data)", 0, NULL},
    {"-of1", T_STR, &of[0], "file", "sha1 output digest file (default do not save)", 0, NULL},
    {"-of2", T_STR, &of[1], "file", "sha256 output digest file (default do not save)", 0, NULL},
    {"-of3", T_STR, &of[2], "file", "sha384 output digest file (default do not save)", 0, NULL},
    {"-of5", T_STR, &of[3], "file", "sha512 output digest file (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"eventsequencecomplete", "Runs TPM2_EventSequenceComplete", opts, 3, 0, {0}, {0}, {0}};

/* the leading updates: the sequence's own sessions (-se1, -se2) come first */
static TPM_RC lead_updates(TSS_CONTEXT *ctx, const uint8_t *data, size_t len)
{
    tool u = t;
    for (int i = 0; i < 3; i++) {
        u.se[i] = i < 2 ? t.se[i + 1] : TPM_RH_NULL;
        u.sattr[i] = i < 2 ? t.sattr[i + 1] : 0;
        u.seen_se[i] = i < 2 ? t.seen_se[i + 1] : 0;
    }
    return seq_update(&u, ctx, hs, pwds, data, len);
}

static const TPMT_HA *find(const TPML_DIGEST_VALUES *d, TPMI_ALG_HASH alg)
{
    for (UINT32 i = 0; i < d->count && i < HASH_COUNT; i++)
        if (d->digests[i].hashAlg == alg)
            return &d->digests[i];
    return NULL;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    EventSequenceComplete_In in;
    EventSequenceComplete_Out out;
    uint8_t *data = NULL;
    size_t lead = 0;
    memset(&in, 0, sizeof(in));
    if (tool_parse(&t, argc, argv) != 0 || seq_prepare_complete(&t, ifile, &in.buffer, &data, &lead) != 0)
        return EXIT_FAILURE;
    in.pcrHandle = ha;
    in.sequenceHandle = hs;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && lead > 0)
        rc = lead_updates(ctx, data, lead);
    free(data);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_EventSequenceComplete, 2, NULL, pwds);
    const TPMT_HA *d[4] = {NULL, NULL, NULL, NULL};
    for (int i = 0; rc == 0 && i < 4; i++) /* every requested bank first: no partial output */
        if ((d[i] = find(&out.results, of_alg[i])) == NULL && of[i] != NULL)
            rc = tool_error(&t, "the TPM returned no %s digest", of_name[i]) ? TSS_RC_BAD_HASH_ALGORITHM : 0;
    for (int i = 0; rc == 0 && i < 4; i++) {
        uint16_t n = TSS_GetDigestSize(of_alg[i]);
        if (d[i] != NULL && of[i] != NULL)
            rc = tool_write_bytes(&t, of[i], (const uint8_t *)&d[i]->digest, n);
        if (rc == 0 && d[i] != NULL && t.verbose)
            TSS_PrintAll(of_name[i], (const uint8_t *)&d[i]->digest, n);
    }
    return tool_finish(&t, ctx, rc);
}
