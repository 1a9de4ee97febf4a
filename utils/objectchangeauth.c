/* SPDX-License-Identifier: BSD-3-Clause */
/* objectchangeauth: TPM2_ObjectChangeAuth: a new private area with a new password; the
 * loaded object keeps the old one until the new private is loaded. */
#include <string.h>

#include "tool/policyfile.h"

static TPMI_DH_OBJECT hp, ho;
static const char *pwdo, *pwdn, *ipwdn, *opr;
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "parent handle", TOOL_REQUIRED, NULL},
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-pwdo", T_STR, &pwdo, "password", "password for object (default empty)", 0, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "new password for object (default empty)", 0, NULL},
    {"-ipwdn", T_STR, &ipwdn, "file", "new password file for object (default empty)", 0, NULL},
    {"-opr", T_STR, &opr, "file", "private key file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "objectchangeauth",
                 .summary = "Runs TPM2_ObjectChangeAuth",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ObjectChangeAuth_In in;
    ObjectChangeAuth_Out out;
    char *filepw = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pwdn != NULL && ipwdn != NULL)
        return tool_error(&t, "-pwdn and -ipwdn cannot both be given");
    if (ipwdn != NULL && policy_password_file(&t, ipwdn, &filepw) != 0)
        return EXIT_FAILURE;
    in.objectHandle = ho;
    in.parentHandle = hp;
    const char *pw = filepw != NULL ? filepw : pwdn;
    if (TSS_TPM2B_StringCopy(&in.newAuth.b, pw, sizeof(in.newAuth.t.buffer)) != 0) {
        free(filepw);
        return tool_error(&t, "the new password is longer than %u bytes",
                          (unsigned)sizeof(in.newAuth.t.buffer));
    }
    free(filepw);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ObjectChangeAuth, 1, pwdo, NULL);
    if (rc == 0 && opr != NULL)
        rc = tool_write(&t, opr, &out.outPrivate, (MarshalFunction_t)TSS_TPM2B_PRIVATE_Marshalu);
    memset(&in, 0, sizeof(in));
    return tool_finish(&t, ctx, rc);
}
