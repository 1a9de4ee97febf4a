/* SPDX-License-Identifier: BSD-3-Clause */
/* policycountertimer: TPM2_PolicyCounterTimer, comparing operandB with TPMS_TIME_INFO at -off. */
#include "tool/policyfile.h"

static TPMI_SH_POLICY ha;
static const char *ic, *ifile;
static uint16_t off;
static uint32_t op;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-ic", T_STR, &ic, "string", "data string (operandB)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file (operandB)", 0, NULL},
    {"-off", T_U16, &off, "offset", "offset (default 0)", 0, NULL},
    {"-op", T_X32, &op, "operation", "operation 0..9, a, b in hex (default 0, A = B)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policycountertimer",
                 .summary = "Runs TPM2_PolicyCounterTimer",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyCounterTimer_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = ha;
    in.offset = off;
    if (policy_operation(&t, op, &in.operation) != 0 ||
        policy_operand(&t, ic, ifile, &in.operandB) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyCounterTimer, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
