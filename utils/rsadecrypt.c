/* SPDX-License-Identifier: BSD-3-Clause */
/* rsadecrypt: TPM2_RSA_Decrypt with the key's own scheme, empty label. */
#include <string.h>

#include "tool/data.h"

static uint32_t hk;
static const char *pwdk, *ie, *od;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "RSA key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for the key (default empty)", 0, NULL},
    {"-ie", T_STR, &ie, "file", "encrypted input file", TOOL_REQUIRED, NULL},
    {"-od", T_STR, &od, "file", "decrypted output file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"rsadecrypt", "Runs TPM2_RSA_Decrypt", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    RSA_Decrypt_In in;
    RSA_Decrypt_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    in.inScheme.scheme = TPM_ALG_NULL;
    if (data_in(&t, NULL, ie, in.cipherText.t.buffer, sizeof(in.cipherText.t.buffer), &in.cipherText.t.size) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_RSA_Decrypt, 1, pwdk, NULL);
    if (rc == 0 && od != NULL)
        rc = tool_write_bytes(&t, od, out.message.t.buffer, out.message.t.size);
    return tool_finish(&t, ctx, rc);
}
