/* SPDX-License-Identifier: BSD-3-Clause */
/* gettime: TPM2_GetTime, the signed time, clock and firmware version. */
#include <string.h>

#include "tool/attest.h"

static uint32_t hk;
static const char *pwdk, *pwde;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "signing key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for signing key (default empty)", 0, NULL},
    {"-pwde", T_STR, &pwde, "password", "password for endorsement hierarchy (default empty)", 0,
     NULL},
    ATTEST_OPTS(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"gettime", "Runs TPM2_GetTime", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    GetTime_In in;
    GetTime_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.privacyAdminHandle = TPM_RH_ENDORSEMENT;
    in.signHandle = hk;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = attest_run(&t, &a, &ctx, &out, &in, TPM_CC_GetTime, 2, pwde, pwdk,
                           TPM_ST_ATTEST_TIME, &out.timeInfo, &out.signature);
    return tool_finish(&t, ctx, rc);
}
