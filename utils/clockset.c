/* SPDX-License-Identifier: BSD-3-Clause */
/* clockset: TPM2_ClockSet. The new value comes from -clock, or from a file readclock -oclock
 * wrote (-iclock), optionally advanced by -addsec seconds. */
#include "tool/hier.h"

static uint64_t clock_ms;
static uint32_t addsec;
static const char *iclock, *pwdp;
static int hi = 1; /* IBM's default: platform */
static const tool_opt opts[] = {
    {"-clock", T_U64, &clock_ms, "ms", "new clock value (milliseconds)", 0, NULL},
    {"-iclock", T_STR, &iclock, "file", "clock value file (readclock -oclock)", 0, NULL},
    {"-addsec", T_U32, &addsec, "seconds", "seconds to add to the clock value", 0, NULL},
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy (o, p) (default platform)", 0, hier_op},
    {"-pwdp", T_STR, &pwdp, "password", "password for hierarchy (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"clockset", "Runs TPM2_ClockSet", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ClockSet_In in = {0};
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.auth = hier_handle(hier_op, hi);
    in.newTime = clock_ms;
    if (iclock != NULL && tool_read(&t, iclock, &in.newTime, (UnmarshalFunction_t)TSS_UINT64_Unmarshalu) != 0)
        return EXIT_FAILURE;
    in.newTime += (uint64_t)addsec * 1000;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_ClockSet, 1, pwdp, NULL);
    return tool_finish(&t, ctx, rc);
}
