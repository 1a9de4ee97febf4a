/* SPDX-License-Identifier: BSD-3-Clause */
/* policypassword: TPM2_PolicyPassword; the TSS remembers to send the auth value in clear. */
#include "tool/tool.h"

static uint32_t ha;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policypassword", "Runs TPM2_PolicyPassword", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    PolicyPassword_In in = {.policySession = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyPassword, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
