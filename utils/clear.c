/* SPDX-License-Identifier: BSD-3-Clause */
/* clear: TPM2_Clear with lockout or platform authorization. -hi is required, as IBM's: a
 * missing -hi sends nothing (it is no guess at lockout, whose password a failure would burn). */
#include "tool/hier.h"

static int hi = -1;
static const char *pwda;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authhandle hierarchy (l, p)", TOOL_REQUIRED, hier_lp},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"clear", "Runs TPM2_Clear", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    Clear_In in = {.authHandle = hier_handle(hier_lp, hi)};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_Clear, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
