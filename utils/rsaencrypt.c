/* SPDX-License-Identifier: BSD-3-Clause */
/* rsaencrypt: TPM2_RSA_Encrypt of a file with a loaded RSA key's own scheme, empty label. */
#include <string.h>

#include "tool/data.h"
#include "tss2/tssprint.h"

static uint32_t hk;
static const char *id, *oe;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "RSA key handle", TOOL_REQUIRED, NULL},
    {"-id", T_STR, &id, "file", "decrypted (input) data file", TOOL_REQUIRED, NULL},
    {"-oe", T_STR, &oe, "file", "encrypted output file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"rsaencrypt", "Runs TPM2_RSA_Encrypt", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    RSA_Encrypt_In in;
    RSA_Encrypt_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    in.inScheme.scheme = TPM_ALG_NULL; /* the key's scheme */
    if (data_in(&t, NULL, id, in.message.t.buffer, sizeof(in.message.t.buffer), &in.message.t.size) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_RSA_Encrypt, 0, NULL, NULL);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("outData", out.outData.t.buffer, out.outData.t.size);
    if (rc == 0 && oe != NULL)
        rc = tool_write_bytes(&t, oe, out.outData.t.buffer, out.outData.t.size);
    return tool_finish(&t, ctx, rc);
}
