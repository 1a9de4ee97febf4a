/* SPDX-License-Identifier: BSD-3-Clause */
/* policynvwritten: TPM2_PolicyNvWritten, requiring the index's written bit to be -ws. */
#include "tool/policyfile.h"

static const char *const yn[] = {"n", "y", NULL};
static TPMI_SH_POLICY hs;
static int ws;
static const tool_opt opts[] = {
    {"-hs", T_X32, &hs, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-ws", T_CHOICE, &ws, "y|n", "written set", TOOL_REQUIRED, yn},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policynvwritten",
                 .summary = "Runs TPM2_PolicyNvWritten",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyNvWritten_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = hs;
    in.writtenSet = (TPMI_YES_NO)ws;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyNvWritten, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
