/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrreset: TPM2_PCR_Reset of a resettable PCR (16, 23, or by locality). */
#include "tool/tool.h"

static uint32_t ha = UINT32_MAX;
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrreset", "Runs TPM2_PCR_Reset", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    PCR_Reset_In in = {.pcrHandle = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PCR_Reset, 1, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
