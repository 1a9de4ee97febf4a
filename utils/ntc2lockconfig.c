/* SPDX-License-Identifier: BSD-3-Clause */
/* ntc2lockconfig: Nuvoton NTC2_LockPreConfig. Locking cannot be undone, so -lock must be
 * given, as with IBM's utility. */
#include "tool/tool.h"

static int lock;
static const tool_opt opts[] = {
    {"-lock", T_FLAG, &lock, NULL, "lock the configuration, irreversibly", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"ntc2lockconfig", "Runs NTC2_LockPreConfig", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, NULL, NTC2_CC_LockPreConfig, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
