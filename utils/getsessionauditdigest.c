/* SPDX-License-Identifier: BSD-3-Clause */
/* getsessionauditdigest: TPM2_GetSessionAuditDigest of an audit session (-hs). Without -hk
 * the digest comes unsigned (TPM_RH_NULL). -od saves the session digest. */
#include <string.h>

#include "tool/attest.h"

static uint32_t hk = TPM_RH_NULL, hs;
static const char *pwdk, *pwde, *od;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-pwde", T_STR, &pwde, "password", "endorsement hierarchy password (default empty)", 0, NULL},
    {"-hk", T_X32, &hk, "handle", "signing key handle (default none: unsigned)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-hs", T_X32, &hs, "handle", "audit session handle", TOOL_REQUIRED, NULL},
    ATTEST_OPT_HALG(a),
    ATTEST_OPT_SALG(a),
    ATTEST_OPT_SCHEME(a),
    ATTEST_OPT_QD(a),
    ATTEST_OPT_OS(a),
    ATTEST_OPT_OA(a),
    {"-od", T_STR, &od, "file", "session digest file name (default do not save)", 0, NULL},
    ATTEST_OPT_IPU(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    "getsessionauditdigest", "Runs TPM2_GetSessionAuditDigest", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    GetSessionAuditDigest_In in;
    GetSessionAuditDigest_Out out;
    TPMS_ATTEST at;
    memset(&at, 0, sizeof(at));
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.privacyAdminHandle = TPM_RH_ENDORSEMENT;
    in.signHandle = hk;
    in.sessionHandle = hs;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    if (hk == TPM_RH_NULL)
        in.inScheme.scheme = TPM_ALG_NULL; /* nothing signs */
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_GetSessionAuditDigest, 2, pwde, pwdk);
    if (rc == 0)
        rc = attest_check(&t, &a, TPM_ST_ATTEST_SESSION_AUDIT, &out.auditInfo, &out.signature, &at);
    const TPM2B_DIGEST *d = &at.attested.sessionAudit.sessionDigest;
    attest_file f = {od, d->t.buffer, d->t.size};
    if (rc == 0)
        rc = attest_write(&t, &a, &out.auditInfo, &out.signature, &f, 1);
    return tool_finish(&t, ctx, rc);
}
