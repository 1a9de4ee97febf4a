/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrextend: TPM2_PCR_Extend. As IBM's: the -ic / -if bytes are the digest itself, zero
 * padded to the bank's digest size (not hashed). */
#include <string.h>

#include "tool/data.h"

static uint32_t ha = UINT32_MAX;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *ic, *ifile;
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {"-halg", T_HALG, &halg, "alg", "bank (default sha256)", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string, the digest (zero padded)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file, the digest (zero padded)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrextend", "Runs TPM2_PCR_Extend", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PCR_Extend_In in;
    uint16_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    memset(&in, 0, sizeof(in));
    in.pcrHandle = ha;
    in.digests.count = 1;
    in.digests.digests[0].hashAlg = halg;
    if (data_in(&t, ic, ifile, (BYTE *)&in.digests.digests[0].digest, TSS_GetDigestSize(halg), &len) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PCR_Extend, 1, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
