/* SPDX-License-Identifier: BSD-3-Clause */
/* certify: TPM2_Certify of a loaded object by a signing key. */
#include <string.h>

#include "tool/attest.h"

static uint32_t ho, hk;
static const char *pwdo, *pwdk;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-pwdo", T_STR, &pwdo, "password", "password for object (default empty)", 0, NULL},
    {"-hk", T_X32, &hk, "handle", "certifying key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    ATTEST_OPTS(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"certify", "Runs TPM2_Certify", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Certify_In in;
    Certify_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.objectHandle = ho;
    in.signHandle = hk;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = attest_run(&t, &a, &ctx, &out, &in, TPM_CC_Certify, 2, pwdo, pwdk,
                           TPM_ST_ATTEST_CERTIFY, &out.certifyInfo, &out.signature);
    return tool_finish(&t, ctx, rc);
}
