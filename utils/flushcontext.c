/* SPDX-License-Identifier: BSD-3-Clause */
/* flushcontext: TPM2_FlushContext of a transient object or a session. */
#include "tool/tool.h"

static uint32_t ha;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "handle to flush", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"flushcontext", "Runs TPM2_FlushContext", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    FlushContext_In in = {.flushHandle = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_FlushContext, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
