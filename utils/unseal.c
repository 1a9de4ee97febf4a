/* SPDX-License-Identifier: BSD-3-Clause */
/* unseal: TPM2_Unseal of a loaded data object; -v prints the data, as IBM's does. */
#include "tool/tool.h"
#include "tss2/tssprint.h"

static uint32_t ha;
static const char *pwd, *of;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "sealed data object handle", TOOL_REQUIRED, NULL},
    {"-pwd", T_STR, &pwd, "password", "password for the object (default empty)", 0, NULL},
    {"-of", T_STR, &of, "file", "output data file (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"unseal", "Runs TPM2_Unseal", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Unseal_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    Unseal_In in = {.itemHandle = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Unseal, 1, pwd, NULL);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("outData", out.outData.t.buffer, out.outData.t.size);
    if (rc == 0 && of != NULL)
        rc = tool_write_private(&t, of, out.outData.t.buffer, out.outData.t.size);
    return tool_finish(&t, ctx, rc);
}
