/* SPDX-License-Identifier: BSD-3-Clause */
/* readclock: TPM2_ReadClock. -otime / -oclock write the time and the clock as marshaled
 * UINT64 values (clockset -iclock reads the latter). */
#include "tool/tool.h"

static const char *otime, *oclock;
static const tool_opt opts[] = {
    {"-otime", T_STR, &otime, "file", "time output file (marshaled UINT64)", 0, NULL},
    {"-oclock", T_STR, &oclock, "file", "clock output file (marshaled UINT64)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"readclock", "Runs TPM2_ReadClock", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ReadClock_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, NULL, TPM_CC_ReadClock, 0, NULL, NULL);
    if (rc == 0 && otime != NULL)
        rc = tool_write(&t, otime, &out.currentTime.time, (MarshalFunction_t)TSS_UINT64_Marshalu);
    if (rc == 0 && oclock != NULL)
        rc = tool_write(&t, oclock, &out.currentTime.clockInfo.clock, (MarshalFunction_t)TSS_UINT64_Marshalu);
    if (rc == 0) {
        const TPMS_CLOCK_INFO *ci = &out.currentTime.clockInfo;
        printf("TPMS_TIME_INFO time %llu\n", (unsigned long long)out.currentTime.time);
        printf("  TPMS_CLOCK_INFO clock %llu\n", (unsigned long long)ci->clock);
        printf("  TPMS_CLOCK_INFO resetCount %u\n", ci->resetCount);
        printf("  TPMS_CLOCK_INFO restartCount %u\n", ci->restartCount);
        printf("  TPMS_CLOCK_INFO safe %u\n", ci->safe);
    }
    return tool_finish(&t, ctx, rc);
}
