/* SPDX-License-Identifier: BSD-3-Clause */
/* policyauthorizenv: TPM2_PolicyAuthorizeNV: the session's digest must equal the policy
 * stored in the NV index (a TPMT_HA), which then replaces it. */
#include "tool/policyfile.h"

static const char *const hiers[] = {"o", "p", NULL};
static int hi = -1;
static TPMI_RH_NV_INDEX ha;
static TPMI_SH_POLICY hs;
static const char *pwda;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authHandle hierarchy (default the NV index)", 0, hiers},
    {"-ha", T_X32, &ha, "handle", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwda", T_STR, &pwda, "password", "password for authorization (default empty)", 0, NULL},
    {"-hs", T_X32, &hs, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policyauthorizenv",
                 .summary = "Runs TPM2_PolicyAuthorizeNV",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyAuthorizeNV_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.authHandle = hi < 0 ? ha : policy_hierarchy(hiers[hi]);
    in.nvIndex = ha;
    in.policySession = hs;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyAuthorizeNV, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
