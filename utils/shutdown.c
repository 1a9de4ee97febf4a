/* SPDX-License-Identifier: BSD-3-Clause */
/* shutdown: TPM2_Shutdown, clear (default) or state. */
#include "tool/tool.h"

static int clear, state;
static const tool_opt opts[] = {
    {"-c", T_FLAG, &clear, NULL, "shutdown clear (default)", 0, NULL},
    {"-s", T_FLAG, &state, NULL, "shutdown state", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"shutdown", "Runs TPM2_Shutdown", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (clear && state)
        return tool_error(&t, "-c and -s are exclusive");
    Shutdown_In in = {.shutdownType = state ? TPM_SU_STATE : TPM_SU_CLEAR};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_Shutdown, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
