/* SPDX-License-Identifier: BSD-3-Clause */
/* ntc2getconfig: Nuvoton NTC2_GetConfig; prints the configuration block and with -verify
 * compares it with the IBM System P8 (default) or P9 values, locked (-verifylocked) or not. */
#include "tool/nvadmin.h"

static int verify, verifylocked, p8, p9;
static const tool_opt opts[] = {
    {"-verify", T_FLAG, &verify, NULL, "verify results against System P default (default no verify)", 0, NULL},
    {"-verifylocked", T_FLAG, &verifylocked, NULL, "also verify that the preconfig is locked (default verify not locked)", 0, NULL},
    {"-p8", T_FLAG, &p8, NULL, "verify against the P8 values (default)", 0, NULL},
    {"-p9", T_FLAG, &p9, NULL, "verify against the P9 values", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"ntc2getconfig", "Runs NTC2_GetConfig", opts, 0, 0, {0}, {0}, {0}};

/* every differing register is reported; TPM_RC_VALUE if any */
static TPM_RC compare(NTC2_CFG_STRUCT *want, NTC2_CFG_STRUCT *got)
{
    TPM_RC rc = 0;
    for (int i = 0; i < NTC2_NFIELDS - 1; i++) {
        if (*ntc2_field(want, i) != *ntc2_field(got, i)) {
            tool_error(&t, "%s expect %02x actual %02x", ntc2_names[i], *ntc2_field(want, i), *ntc2_field(got, i));
            rc = TPM_RC_VALUE;
        }
    }
    uint8_t lock = verifylocked ? 0xaa : 0xff; /* 0xaa once NTC2_LockPreConfig ran */
    if (got->IsLocked != lock) {
        tool_error(&t, "IsLocked is %02x not %02x", got->IsLocked, lock);
        rc = TPM_RC_VALUE;
    }
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NTC2_GetConfig_Out out;
    NTC2_CFG_STRUCT want;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (p8 && p9)
        return tool_error(&t, "-p8 and -p9 exclude each other");
    verify |= verifylocked;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, NULL, NTC2_CC_GetConfig, 0, NULL, NULL);
    if (rc == 0)
        ntc2_print(&out.preConfig);
    if (rc == 0 && verify) {
        ntc2_required(&want, p9);
        rc = compare(&want, &out.preConfig);
    }
    return tool_finish(&t, ctx, rc);
}
