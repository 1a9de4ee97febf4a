/* SPDX-License-Identifier: BSD-3-Clause */
/* certifycreation: TPM2_CertifyCreation, with the creation ticket and hash that create /
 * createprimary wrote (-tk, -ch). */
#include <string.h>

#include "tool/attest.h"

static uint32_t ho, hk;
static const char *pwdk, *tk, *ch;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-hk", T_X32, &hk, "handle", "certifying key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    ATTEST_OPT_HALG(a),
    ATTEST_OPT_SALG(a),
    ATTEST_OPT_SCHEME(a),
    ATTEST_OPT_QD(a),
    {"-tk", T_STR, &tk, "file", "input creation ticket file name", TOOL_REQUIRED, NULL},
    {"-ch", T_STR, &ch, "file", "input creation hash file name", TOOL_REQUIRED, NULL},
    ATTEST_OPT_OS(a),
    ATTEST_OPT_OA(a),
    ATTEST_OPT_IPU(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"certifycreation", "Runs TPM2_CertifyCreation", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    CertifyCreation_In in;
    CertifyCreation_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.signHandle = hk;
    in.objectHandle = ho;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    if (tool_read(&t, tk, &in.creationTicket,
                  (UnmarshalFunction_t)TSS_TPMT_TK_CREATION_Unmarshalu) != 0)
        return EXIT_FAILURE;
    if (TSS_File_Read2B(&in.creationHash.b, sizeof(in.creationHash.t.buffer), ch) != 0)
        return tool_error(&t, "cannot read %s as a creation hash", ch);
    TPM_RC rc = attest_run(&t, &a, &ctx, &out, &in, TPM_CC_CertifyCreation, 1, pwdk, NULL,
                           TPM_ST_ATTEST_CREATION, &out.certifyInfo, &out.signature);
    return tool_finish(&t, ctx, rc);
}
