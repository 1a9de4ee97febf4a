/* SPDX-License-Identifier: BSD-3-Clause */
/* contextload: TPM2_ContextLoad of a contextsave -of file; prints the handle it got (a
 * session gets its old handle back, an object or sequence a new one). */
#include <string.h>

#include "tool/tool.h"

static const char *ifile;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "context file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"contextload", "Runs TPM2_ContextLoad", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ContextLoad_In in;
    ContextLoad_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    if (tool_read(&t, ifile, &in.context, (UnmarshalFunction_t)TSS_TPMS_CONTEXT_Unmarshalu) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ContextLoad, 0, NULL, NULL);
    if (rc == 0)
        printf("Handle %08x\n", out.loadedHandle);
    return tool_finish(&t, ctx, rc);
}
