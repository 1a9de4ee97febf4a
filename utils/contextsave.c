/* SPDX-License-Identifier: BSD-3-Clause */
/* contextsave: TPM2_ContextSave of an object, sequence or session; -of saves the TPMS_CONTEXT
 * for contextload (a later process may load it). */
#include <string.h>

#include "tool/tool.h"

static uint32_t ha;
static const char *of;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "handle", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "context file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"contextsave", "Runs TPM2_ContextSave", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ContextSave_In in;
    ContextSave_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.saveHandle = ha;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ContextSave, 0, NULL, NULL);
    if (rc == 0 && of != NULL)
        rc = tool_write(&t, of, &out.context, (MarshalFunction_t)TSS_TPMS_CONTEXT_Marshalu);
    if (rc == 0)
        printf("TPMS_CONTEXT.savedHandle %08x\n", out.context.savedHandle);
    return tool_finish(&t, ctx, rc);
}
