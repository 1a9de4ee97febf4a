/* SPDX-License-Identifier: BSD-3-Clause */
/* policycommandcode: TPM2_PolicyCommandCode (-cc in hex). */
#include "tool/tool.h"

static uint32_t ha, cc;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-cc", T_X32, &cc, "code", "command code (hex)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policycommandcode", "Runs TPM2_PolicyCommandCode", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    PolicyCommandCode_In in = {.policySession = ha, .code = cc};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyCommandCode, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
