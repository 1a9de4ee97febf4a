/* SPDX-License-Identifier: BSD-3-Clause */
/* clockrateadjust: TPM2_ClockRateAdjust, -adj from -3 (coarse slower) to 3 (coarse faster). */
#include "tool/hier.h"

static int hi = 1; /* platform */
static const char *pwdp;
static int32_t adj;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy auth (o, p) (default p)", 0, hier_op},
    {"-pwdp", T_STR, &pwdp, "password", "hierarchy password (default empty)", 0, NULL},
    {"-adj", T_I32, &adj, "-3..3", "rate adjust (default 0)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"clockrateadjust", "Runs TPM2_ClockRateAdjust", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (adj < TPM_CLOCK_COARSE_SLOWER || adj > TPM_CLOCK_COARSE_FASTER)
        return tool_error(&t, "-adj must be between -3 and 3");
    ClockRateAdjust_In in = {.auth = hier_handle(hier_op, hi), .rateAdjust = (TPM_CLOCK_ADJUST)adj};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_ClockRateAdjust, 1, pwdp, NULL);
    return tool_finish(&t, ctx, rc);
}
