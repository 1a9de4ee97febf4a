/* SPDX-License-Identifier: BSD-3-Clause */
/* quote: TPM2_Quote of the PCRs given by repeated -hp in the -palg bank. */
#include <string.h>

#include "tool/attest.h"

static uint32_t hk;
static const char *hp, *pwdk;
static TPMI_ALG_HASH palg = TPM_ALG_SHA256;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-hp", T_STR, &hp, "pcr", "PCR number (decimal, may be given more than once)", TOOL_REQUIRED,
     NULL},
    {"-hk", T_X32, &hk, "handle", "quoting key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for quoting key (default empty)", 0, NULL},
    ATTEST_OPT_HALG(a),
    {"-palg", T_HALG, &palg, "alg", "PCR bank (sha1, sha256, sha384, sha512) (default sha256)", 0,
     NULL},
    ATTEST_OPT_SALG(a),
    ATTEST_OPT_SCHEME(a),
    ATTEST_OPT_QD(a),
    ATTEST_OPT_OS(a),
    ATTEST_OPT_OA(a),
    ATTEST_OPT_IPU(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"quote", "Runs TPM2_Quote", opts, 3, 0, {0}, {0}, {0}};

static int add_pcr(const tool *tl, const char *value, void *ctx)
{
    TPMS_PCR_SELECTION *sel = ctx;
    char *end;
    unsigned long pcr = strtoul(value, &end, 10);
    if (*value < '0' || *value > '9' || *end != '\0' || pcr >= 8u * sizeof(sel->pcrSelect))
        return tool_error(tl, "bad PCR number '%s' for -hp", value);
    sel->pcrSelect[pcr / 8] |= (BYTE)(1u << (pcr % 8));
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Quote_In in;
    Quote_Out out;
    memset(&in, 0, sizeof(in));
    TPMS_PCR_SELECTION *sel = &in.PCRselect.pcrSelections[0];
    if (tool_parse(&t, argc, argv) != 0 || attest_collect(&t, "-hp", argc, argv, add_pcr, sel) != 0)
        return EXIT_FAILURE;
    in.signHandle = hk;
    in.PCRselect.count = 1;
    sel->hash = palg;
    sel->sizeofSelect = 3;
    for (int i = 3; i < (int)sizeof(sel->pcrSelect); i++) /* PCRs beyond 23 need a longer map */
        if (sel->pcrSelect[i] != 0)
            sel->sizeofSelect = (UINT8)(i + 1);
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = attest_run(&t, &a, &ctx, &out, &in, TPM_CC_Quote, 1, pwdk, NULL,
                           TPM_ST_ATTEST_QUOTE, &out.quoted, &out.signature);
    return tool_finish(&t, ctx, rc);
}
