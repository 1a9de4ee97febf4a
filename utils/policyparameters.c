/* SPDX-License-Identifier: BSD-3-Clause */
/* policyparameters: TPM2_PolicyParameters (TPM 1.83), binding the policy to a pHash. */
#include "tool/policyfile.h"

static TPMI_SH_POLICY ha;
static const char *ph;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-ph", T_STR, &ph, "file", "pHash file (binary digest)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policyparameters",
                 .summary = "Runs TPM2_PolicyParameters",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyParameters_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = ha;
    if (policy_read_2b(&t, ph, &in.pHash.b, sizeof(in.pHash.t.buffer)) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyParameters, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
