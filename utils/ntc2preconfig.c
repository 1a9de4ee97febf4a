/* SPDX-License-Identifier: BSD-3-Clause */
/* ntc2preconfig: Nuvoton NTC2_PreConfig. -p8 / -p9 write the whole IBM System P
 * configuration; -override reads the current block (NTC2_GetConfig), changes the registers
 * given (hex bytes) and writes it back. Either way the registers Nuvoton fixes are checked
 * first: a wrong bus configuration can make the TPM unreachable. */
#include "tool/nvadmin.h"

#define NREG NTC2_ISVALID + 1 /* every register but IsLocked can be set */
static uint32_t v[NREG];
static int p8, p9, prequired, override;
#define REG(i) {"-" #i, T_X32, NULL, "byte", NULL, 0, NULL}
static tool_opt opts[] = {
    {"-p8", T_FLAG, &p8, NULL, "configure the TPM for IBM System P8", 0, NULL},
    {"-p9", T_FLAG, &p9, NULL, "configure the TPM for IBM System P9", 0, NULL},
    {"-prequired", T_FLAG, &prequired, NULL, "the same as -p8", 0, NULL},
    {"-override", T_FLAG, &override, NULL, "permits individual register values, read-modify-write", 0, NULL},
    REG(i2cLoc1_2), REG(i2cLoc3_4), REG(AltCfg), REG(Direction), REG(PullUp), REG(PushPull),
    REG(CFG_A), REG(CFG_B), REG(CFG_C), REG(CFG_D), REG(CFG_E), REG(CFG_F), REG(CFG_G), REG(CFG_H),
    REG(CFG_I), REG(CFG_J), REG(IsValid),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"ntc2preconfig", "Runs NTC2_PreConfig", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NTC2_PreConfig_In in;
    int nset = 0;
    for (int i = 0; i < NREG; i++) {
        v[i] = UINT32_MAX; /* not given */
        opts[4 + i].dst = &v[i];
        opts[4 + i].help = "value to set (hex byte, default do not change)";
    }
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    p8 |= prequired;
    for (int i = 0; i < NREG; i++) {
        if (v[i] != UINT32_MAX && v[i] > 0xff)
            return tool_error(&t, "-%s %x is not a byte", ntc2_names[i], v[i]);
        nset += v[i] != UINT32_MAX;
    }
    if (p8 + p9 + override != 1)
        return tool_error(&t, "exactly one of -p8, -p9 and -override is required");
    if (override && nset == 0)
        return tool_error(&t, "-override requires at least one value to set");
    if (!override && nset != 0)
        return tool_error(&t, "-p8 and -p9 set every register: no value may be given");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && override) {
        NTC2_GetConfig_Out out;
        rc = tool_execute(&t, ctx, &out, NULL, NTC2_CC_GetConfig, 0, NULL, NULL);
        in.preConfig = out.preConfig;
        for (int i = 0; rc == 0 && i < NREG; i++)
            if (v[i] != UINT32_MAX)
                *ntc2_field(&in.preConfig, i) = (uint8_t)v[i];
    } else if (rc == 0) {
        ntc2_required(&in.preConfig, p9);
    }
    if (rc == 0)
        rc = ntc2_check_fixed(&t, &in.preConfig);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, NTC2_CC_PreConfig, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
