/* SPDX-License-Identifier: BSD-3-Clause */
/* policyauthorize: TPM2_PolicyAuthorize: replaces the session's digest by a policy a signing
 * key approved (the ticket comes from verifysignature over H(approvedPolicy || policyRef)). */
#include "tool/policyfile.h"

static TPMI_SH_POLICY ha;
static const char *appr, *pref, *skn, *tk;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-appr", T_STR, &appr, "file", "digest of the policy being approved", TOOL_REQUIRED, NULL},
    {"-pref", T_STR, &pref, "file", "policyRef file (default none)", 0, NULL},
    {"-skn", T_STR, &skn, "file", "signing key Name file", TOOL_REQUIRED, NULL},
    {"-tk", T_STR, &tk, "file", "ticket file (from verifysignature)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policyauthorize",
                 .summary = "Runs TPM2_PolicyAuthorize",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyAuthorize_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = ha;
    in.policyRef.t.size = 0;
    if (policy_read_2b(&t, appr, &in.approvedPolicy.b, sizeof(in.approvedPolicy.t.buffer)) != 0 ||
        (pref != NULL &&
         policy_read_2b(&t, pref, &in.policyRef.b, sizeof(in.policyRef.t.buffer)) != 0) ||
        policy_read_2b(&t, skn, &in.keySign.b, sizeof(in.keySign.t.name)) != 0 ||
        tool_read(&t, tk, &in.checkTicket, (UnmarshalFunction_t)TSS_TPMT_TK_VERIFIED_Unmarshalu) !=
            0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyAuthorize, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
