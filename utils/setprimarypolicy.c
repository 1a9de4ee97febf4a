/* SPDX-License-Identifier: BSD-3-Clause */
/* setprimarypolicy: TPM2_SetPrimaryPolicy: sets (or, without -pol, clears) a hierarchy's
 * authorization policy. */
#include "tool/policyfile.h"

static const char *const hiers[] = {"l", "e", "o", "p", NULL};
static int hi = 3;
static const char *pwda, *pol;
static TPMI_ALG_HASH halg = TPM_ALG_NULL;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authhandle hierarchy (default platform)", 0, hiers},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {"-pol", T_STR, &pol, "file", "policy file (default empty policy)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "policy hash algorithm (sha1, sha256) (default null)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "setprimarypolicy",
                 .summary = "Runs TPM2_SetPrimaryPolicy",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    SetPrimaryPolicy_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.authHandle = policy_hierarchy(hiers[hi]);
    in.hashAlg = halg;
    in.authPolicy.t.size = 0;
    if (pol != NULL &&
        policy_read_2b(&t, pol, &in.authPolicy.b, sizeof(in.authPolicy.t.buffer)) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_SetPrimaryPolicy, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
