/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 2.x style program: the smallest TSS_Execute. Built by utils/compat/run.sh with
 * <ibmtss/...> includes and -libmtss -libmtssutils, as IBM's users build theirs.
 * usage: getrandom [bytes]   prints "randomBytes length N" and the bytes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssresponsecode.h>
#include <ibmtss/tssprint.h>

extern int tssUtilsVerbose;

int main(int argc, char *argv[])
{
    TPM_RC rc = 0;
    TSS_CONTEXT *tssContext = NULL;
    GetRandom_In in;
    GetRandom_Out out;
    int bytes = argc > 1 ? atoi(argv[1]) : 16;

    tssUtilsVerbose = FALSE;
    if (bytes < 1 || bytes > 32) {
        printf("getrandom: bytes must be 1 to 32\n");
        return EXIT_FAILURE;
    }
    in.bytesRequested = (UINT16)bytes;
    rc = TSS_Create(&tssContext);
    if (rc == 0) {
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                         NULL, TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
    }
    {
        TPM_RC rc1 = TSS_Delete(tssContext);
        if (rc == 0)
            rc = rc1;
    }
    if (rc == 0 && out.randomBytes.t.size != in.bytesRequested) {
        printf("getrandom: asked for %u bytes, got %u\n", in.bytesRequested, out.randomBytes.t.size);
        return EXIT_FAILURE;
    }
    if (rc != 0) {
        const char *msg, *submsg, *num;
        printf("getrandom: failed, rc %08x\n", rc);
        TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
        printf("%s%s%s\n", msg, submsg, num);
        return EXIT_FAILURE;
    }
    TSS_PrintAll("randomBytes", out.randomBytes.t.buffer, out.randomBytes.t.size);
    return EXIT_SUCCESS;
}
