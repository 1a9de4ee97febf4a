/* SPDX-License-Identifier: BSD-3-Clause */
/* policytemplate: TPM2_PolicyTemplate, binding the policy to the hash of an object template. */
#include "tool/policyfile.h"

static TPMI_SH_POLICY ha;
static const char *te;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-te", T_STR, &te, "file", "template hash file (binary digest)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    .name = "policytemplate", .summary = "Runs TPM2_PolicyTemplate", .opts = opts, .nsessions = 0};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyTemplate_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = ha;
    if (policy_read_2b(&t, te, &in.templateHash.b, sizeof(in.templateHash.t.buffer)) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyTemplate, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
