/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrextend: TPM2_PCR_Extend. As IBM's: the -ic / -if bytes (at most the largest digest, 64
 * bytes) are the digest itself, not hashed: zero padded to each bank's digest size, or cut to
 * it. -halg may repeat: every bank named goes in the one command's TPML_DIGEST_VALUES. */
#include <string.h>

#include "tool/data.h"

static uint32_t ha = UINT32_MAX;
static tool_halgs halgs;
static const char *ic, *ifile;
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {"-halg", T_HALGS, &halgs, "alg", "bank (sha1, sha256, sha384, sha512) (default sha256); may repeat", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string, the digest (zero padded or cut to each bank)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file, the digest (zero padded or cut to each bank)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrextend", "Runs TPM2_PCR_Extend", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PCR_Extend_In in;
    TPMU_HA data;
    uint16_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    memset(&in, 0, sizeof(in));
    memset(&data, 0, sizeof(data));
    if (data_in(&t, ic, ifile, (BYTE *)&data, SHA512_DIGEST_SIZE, &len) != 0)
        return EXIT_FAILURE;
    if (halgs.count == 0)
        halgs.alg[halgs.count++] = TPM_ALG_SHA256;
    in.pcrHandle = ha;
    in.digests.count = halgs.count;
    for (uint32_t i = 0; i < halgs.count; i++) {
        in.digests.digests[i].hashAlg = halgs.alg[i];
        memcpy(&in.digests.digests[i].digest, &data, sizeof(data)); /* marshaled to its size */
    }
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PCR_Extend, 1, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
