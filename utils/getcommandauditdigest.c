/* SPDX-License-Identifier: BSD-3-Clause */
/* getcommandauditdigest: TPM2_GetCommandAuditDigest, the signed command audit digest
 * (signing with a key also resets the TPM's audit digest). */
#include <string.h>

#include "tool/attest.h"

static uint32_t hk;
static const char *pwdk, *pwde;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-pwde", T_STR, &pwde, "password", "endorsement hierarchy password (default empty)", 0, NULL},
    {"-hk", T_X32, &hk, "handle", "signing key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    ATTEST_OPTS(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    "getcommandauditdigest", "Runs TPM2_GetCommandAuditDigest", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    GetCommandAuditDigest_In in;
    GetCommandAuditDigest_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.privacyHandle = TPM_RH_ENDORSEMENT;
    in.signHandle = hk;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = attest_run(&t, &a, &ctx, &out, &in, TPM_CC_GetCommandAuditDigest, 2, pwde, pwdk,
                           TPM_ST_ATTEST_COMMAND_AUDIT, &out.auditInfo, &out.signature);
    return tool_finish(&t, ctx, rc);
}
