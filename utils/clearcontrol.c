/* SPDX-License-Identifier: BSD-3-Clause */
/* clearcontrol: TPM2_ClearControl; -state 1 disables TPM2_Clear (IBM's wording: "1 to enable
 * the disable"), 0 allows it again. -hi is required, as IBM's: without it nothing is sent. */
#include "tool/hier.h"

static int hi = -1;
static const char *pwda;
static uint32_t state = 1;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authhandle hierarchy (l, p)", TOOL_REQUIRED, hier_lp},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {"-state", T_U32, &state, "0|1", "1 disables TPM2_Clear, 0 allows it (default 1)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"clearcontrol", "Runs TPM2_ClearControl", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (state > 1)
        return tool_error(&t, "-state must be 0 or 1");
    ClearControl_In in = {.auth = hier_handle(hier_lp, hi), .disable = (TPMI_YES_NO)state};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_ClearControl, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
