/* SPDX-License-Identifier: BSD-3-Clause */
/* policycapability: TPM2_PolicyCapability (TPM 1.83), comparing operandB with the value of
 * the capability property at -off. */
#include "tool/policyfile.h"

static TPMI_SH_POLICY hs;
static const char *ic, *ifile;
static uint16_t off;
static uint32_t op, cap, pr;
static const tool_opt opts[] = {
    {"-hs", T_X32, &hs, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-ic", T_STR, &ic, "string", "data string (operandB)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file (operandB)", 0, NULL},
    {"-off", T_U16, &off, "offset", "offset (default 0)", 0, NULL},
    {"-op", T_X32, &op, "operation", "operation 0..9, a, b in hex (default 0, A = B)", 0, NULL},
    {"-cap", T_X32, &cap, "capability", "capability in hex", TOOL_REQUIRED, NULL},
    {"-pr", T_X32, &pr, "property", "property in hex", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policycapability",
                 .summary = "Runs TPM2_PolicyCapability",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyCapability_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = hs;
    in.offset = off;
    in.capability = cap;
    in.property = pr;
    if (policy_operation(&t, op, &in.operation) != 0 ||
        policy_operand(&t, ic, ifile, &in.operandB) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyCapability, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
