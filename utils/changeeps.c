/* SPDX-License-Identifier: BSD-3-Clause */
/* changeeps: TPM2_ChangeEPS, platform authorization. */
#include "tool/tool.h"

static const char *pwda;
static const tool_opt opts[] = {
    {"-pwda", T_STR, &pwda, "password", "platform authorization password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"changeeps", "Runs TPM2_ChangeEPS", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    ChangeEPS_In in = {.authHandle = TPM_RH_PLATFORM};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_ChangeEPS, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
