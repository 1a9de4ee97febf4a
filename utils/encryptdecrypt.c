/* SPDX-License-Identifier: BSD-3-Clause */
/* encryptdecrypt: TPM2_EncryptDecrypt2 with the key's mode and a zero IV; a TPM that lacks
 * it gets TPM2_EncryptDecrypt instead, unless -2 insists on the newer command. */
#include <string.h>

#include "tool/data.h"
#include "tss2/tssprint.h"

static uint32_t hk;
static const char *pwdk, *ifile, *of;
static int dec, two;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "symmetric key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for the key (default empty)", 0, NULL},
    {"-d", T_FLAG, &dec, NULL, "decrypt (default encrypt)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "output file", 0, NULL},
    {"-2", T_FLAG, &two, NULL, "only TPM2_EncryptDecrypt2", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"encryptdecrypt", "Runs TPM2_EncryptDecrypt2", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    EncryptDecrypt2_In in2;
    EncryptDecrypt2_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in2, 0, sizeof(in2));
    in2.keyHandle = hk;
    in2.decrypt = (TPMI_YES_NO)dec;
    in2.mode = TPM_ALG_NULL;
    in2.ivIn.t.size = 16;
    if (data_in(&t, NULL, ifile, in2.inData.t.buffer, sizeof(in2.inData.t.buffer), &in2.inData.t.size) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in2, TPM_CC_EncryptDecrypt2, 1, pwdk, NULL);
    if (rc == TPM_RC_COMMAND_CODE && !two) {
        EncryptDecrypt_In in = {.keyHandle = hk, .decrypt = in2.decrypt, .mode = in2.mode,
                                .ivIn = in2.ivIn, .inData = in2.inData};
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_EncryptDecrypt, 1, pwdk, NULL);
    }
    if (rc == 0 && t.verbose)
        TSS_PrintAll("outData", out.outData.t.buffer, out.outData.t.size);
    if (rc == 0 && of != NULL)
        rc = tool_write_private(&t, of, out.outData.t.buffer, out.outData.t.size);
    return tool_finish(&t, ctx, rc);
}
