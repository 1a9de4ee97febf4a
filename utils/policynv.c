/* SPDX-License-Identifier: BSD-3-Clause */
/* policynv: TPM2_PolicyNV, comparing operandB (-ic or -if) with the NV index contents at -off. */
#include "tool/policyfile.h"

static const char *const hiers[] = {"o", "p", NULL};
static int hi = -1;
static TPMI_RH_NV_INDEX ha;
static TPMI_SH_POLICY hs;
static const char *pwda, *ic, *ifile;
static uint16_t off;
static uint32_t op;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authHandle hierarchy (default the NV index)", 0, hiers},
    {"-ha", T_X32, &ha, "handle", "NV index handle (operand A)", TOOL_REQUIRED, NULL},
    {"-pwda", T_STR, &pwda, "password", "password for authorization (default empty)", 0, NULL},
    {"-hs", T_X32, &hs, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-ic", T_STR, &ic, "string", "data string (operandB)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file (operandB)", 0, NULL},
    {"-off", T_U16, &off, "offset", "offset (default 0)", 0, NULL},
    {"-op", T_X32, &op, "operation", "operation 0..9, a, b in hex (default 0, A = B)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policynv", .summary = "Runs TPM2_PolicyNV", .opts = opts, .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyNV_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.nvIndex = ha;
    in.authHandle = hi < 0 ? ha : policy_hierarchy(hiers[hi]);
    in.policySession = hs;
    in.offset = off;
    if (policy_operation(&t, op, &in.operation) != 0 ||
        policy_operand(&t, ic, ifile, &in.operandB) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyNV, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
