/* SPDX-License-Identifier: BSD-3-Clause */
/* hierarchychangeauth: TPM2_HierarchyChangeAuth for lockout, endorsement, owner or platform. */
#include <string.h>

#include "tool/policyfile.h"

static const char *const hiers[] = {"l", "e", "o", "p", NULL};
static int hi = -1;
static const char *pwdn, *pwdni, *pwda, *pwdai;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy (l lockout, e endorsement, o owner, p platform)",
     TOOL_REQUIRED, hiers},
    {"-pwdn", T_STR, &pwdn, "password", "new authorization password (default empty)", 0, NULL},
    {"-pwdni", T_STR, &pwdni, "file", "new authorization password file name (default empty)", 0,
     NULL},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {"-pwdai", T_STR, &pwdai, "file", "authorization password file name (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "hierarchychangeauth",
                 .summary = "Runs TPM2_HierarchyChangeAuth",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    HierarchyChangeAuth_In in;
    char *newpw = NULL, *authpw = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pwdn != NULL && pwdni != NULL)
        return tool_error(&t, "-pwdn and -pwdni cannot both be given");
    if (pwda != NULL && pwdai != NULL)
        return tool_error(&t, "-pwda and -pwdai cannot both be given");
    if ((pwdni != NULL && policy_password_file(&t, pwdni, &newpw) != 0) ||
        (pwdai != NULL && policy_password_file(&t, pwdai, &authpw) != 0)) {
        free(newpw);
        return EXIT_FAILURE;
    }
    in.authHandle = policy_hierarchy(hiers[hi]);
    TPM_RC rc = TSS_TPM2B_StringCopy(&in.newAuth.b, newpw != NULL ? newpw : pwdn,
                                     sizeof(in.newAuth.t.buffer));
    if (rc != 0)
        tool_error(&t, "the new password is longer than %u bytes",
                   (unsigned)sizeof(in.newAuth.t.buffer));
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_HierarchyChangeAuth, 1,
                          authpw != NULL ? authpw : pwda, NULL);
    memset(&in, 0, sizeof(in));
    free(newpw);
    free(authpw);
    return tool_finish(&t, ctx, rc);
}
