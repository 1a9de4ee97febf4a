/* SPDX-License-Identifier: BSD-3-Clause */
/* nvchangeauth: TPM2_NV_ChangeAuth. The index's ADMIN role needs a policy session (-se0)
 * satisfying its policy, typically PolicyCommandCode(NV_ChangeAuth) with PolicyAuthValue. */
#include <string.h>

#include "tool/policyfile.h"

static TPMI_RH_NV_INDEX ha;
static const char *pwdo, *pwdn;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdo", T_STR, &pwdo, "password", "password (default empty)", 0, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "new password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    .name = "nvchangeauth", .summary = "Runs TPM2_NV_ChangeAuth", .opts = opts, .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NV_ChangeAuth_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.nvIndex = ha;
    if (TSS_TPM2B_StringCopy(&in.newAuth.b, pwdn, sizeof(in.newAuth.t.buffer)) != 0)
        return tool_error(&t, "the new password is longer than %u bytes",
                          (unsigned)sizeof(in.newAuth.t.buffer));
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_ChangeAuth, 1, pwdo, NULL);
    memset(&in, 0, sizeof(in));
    return tool_finish(&t, ctx, rc);
}
