/* SPDX-License-Identifier: BSD-3-Clause */
/* powerup: a simulator power cycle (power off, power on, NV on). No TPM command is sent:
 * a startup is needed afterwards. Only transports with a platform channel (mssim, swtpm)
 * can do it. */
#include "tool/tool.h"
#include "tss2/tsstransmit.h"

static const tool_opt opts[] = {{NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"powerup", "Powers the simulator off and on, and powers up NV", opts, 0,
                 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_POWER_OFF, "TPM2_PowerOffPlatform");
    if (rc == 0)
        rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_POWER_ON, "TPM2_PowerOnPlatform");
    if (rc == 0)
        rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_NV_ON, "TPM2_NvOnPlatform");
    return tool_finish(&t, ctx, rc);
}
