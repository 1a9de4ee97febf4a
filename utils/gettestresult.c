/* SPDX-License-Identifier: BSD-3-Clause */
/* gettestresult: TPM2_GetTestResult: prints the test result code and the vendor data. */
#include "tool/tool.h"
#include "tss2/tssprint.h"

static const tool_opt opts[] = {{NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"gettestresult", "Runs TPM2_GetTestResult", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    GetTestResult_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, NULL, TPM_CC_GetTestResult, 0, NULL, NULL);
    if (rc == 0) {
        const char *msg, *sub, *num;
        TSS_ResponseCode_toString(&msg, &sub, &num, out.testResult);
        printf("testResult %08x %s%s%s\n", out.testResult, msg, sub, num);
        TSS_PrintAll("outData", out.outData.t.buffer, out.outData.t.size);
    }
    return tool_finish(&t, ctx, rc);
}
