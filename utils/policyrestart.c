/* SPDX-License-Identifier: BSD-3-Clause */
/* policyrestart: TPM2_PolicyRestart: the policy digest back to zeros; the TSS forgets any
 * PolicyAuthValue or PolicyPassword the session had. */
#include "tool/tool.h"

static uint32_t ha;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policyrestart", "Runs TPM2_PolicyRestart", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    PolicyRestart_In in = {.sessionHandle = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyRestart, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
