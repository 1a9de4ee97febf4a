/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM 1.x style: <tss2/...> headers, -ltss (test15). */
#include <stdio.h>
#include <tss2/tss.h>

int main(void)
{
    TSS_CONTEXT *ctx = NULL;
    GetRandom_In in = {.bytesRequested = 4};
    GetRandom_Out out;
    TPM_RC rc = TSS_Create(&ctx);
    if (rc == 0)
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
    if (rc == 0)
        printf("%u random bytes\n", out.randomBytes.t.size);
    TSS_Delete(ctx);
    return rc != 0;
}
