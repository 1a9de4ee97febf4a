/* SPDX-License-Identifier: BSD-3-Clause */
/* policypcr: TPM2_PolicyPCR over the PCRs of -bm (bit n = PCR n) in the -halg bank; the TPM
 * uses the current PCR values (empty pcrDigest). */
#include <string.h>

#include "tool/tool.h"

static uint32_t ha, bm;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-halg", T_HALG, &halg, "alg", "PCR bank (default sha256)", 0, NULL},
    {"-bm", T_X32, &bm, "mask", "PCR bit mask (hex, bit n = PCR n)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policypcr", "Runs TPM2_PolicyPCR", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyPCR_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (bm > 0xffffff)
        return tool_error(&t, "-bm selects PCRs 0 to 23 only");
    memset(&in, 0, sizeof(in));
    in.policySession = ha;
    in.pcrs.count = 1;
    in.pcrs.pcrSelections[0].hash = halg;
    in.pcrs.pcrSelections[0].sizeofSelect = 3;
    for (int i = 0; i < 3; i++)
        in.pcrs.pcrSelections[0].pcrSelect[i] = (BYTE)(bm >> (8 * i));
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyPCR, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
