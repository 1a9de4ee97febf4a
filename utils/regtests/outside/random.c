/* SPDX-License-Identifier: BSD-3-Clause */
/* An outside program (README, test15): built against an installed TSS with pkg-config. */
#include <stdio.h>
#include <ibmtss/tss.h>

int main(void)
{
    TSS_CONTEXT *ctx = NULL;
    GetRandom_In in = {.bytesRequested = 8};
    GetRandom_Out out;
    TPM_RC rc = TSS_Create(&ctx);
    if (rc == 0)
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
    for (unsigned i = 0; rc == 0 && i < out.randomBytes.t.size; i++)
        printf("%02x", out.randomBytes.t.buffer[i]);
    printf(rc == 0 ? "\n" : "failed, rc %08x\n", rc);
    TSS_Delete(ctx);
    return rc != 0;
}
