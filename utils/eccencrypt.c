/* SPDX-License-Identifier: BSD-3-Clause */
/* eccencrypt: TPM2_ECC_Encrypt (TPM 1.83) with the public part of an ECC key, KDF2(halg) as
 * the scheme when the key has none. C1 is saved as a TPM2B_ECC_POINT, C2 and C3 as raw bytes,
 * the forms eccdecrypt -ic1 -ic2 -ic3 take. */
#include <string.h>

#include "tool/tool.h"

static uint32_t hk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *id, *oc1, *oc2, *oc3;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-halg", T_HALG, &halg, "alg", "KDF hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-id", T_STR, &id, "file", "plaintext input file name", TOOL_REQUIRED, NULL},
    {"-oc1", T_STR, &oc1, "file", "C1 output file name (TPM2B_ECC_POINT) (default do not save)", 0, NULL},
    {"-oc2", T_STR, &oc2, "file", "C2 output file name (default do not save)", 0, NULL},
    {"-oc3", T_STR, &oc3, "file", "C3 output file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"eccencrypt", "Runs TPM2_ECC_Encrypt", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ECC_Encrypt_In in;
    ECC_Encrypt_Out out;
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    if (tool_read_bytes(&t, id, &data, &len) != 0)
        return EXIT_FAILURE;
    if (len > sizeof(in.plainText.t.buffer)) {
        free(data);
        return tool_error(&t, "%s: %zu bytes is more than the %zu allowed", id, len,
                          sizeof(in.plainText.t.buffer));
    }
    memcpy(in.plainText.t.buffer, data, len);
    in.plainText.t.size = (UINT16)len;
    free(data);
    in.keyHandle = hk;
    in.inScheme.scheme = TPM_ALG_KDF2;
    in.inScheme.details.kdf2.hashAlg = halg;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ECC_Encrypt, 0, NULL, NULL);
    if (rc == 0 && oc1 != NULL)
        rc = tool_write(&t, oc1, &out.C1, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
    if (rc == 0 && oc2 != NULL)
        rc = tool_write_bytes(&t, oc2, out.C2.t.buffer, out.C2.t.size);
    if (rc == 0 && oc3 != NULL)
        rc = tool_write_bytes(&t, oc3, out.C3.t.buffer, out.C3.t.size);
    return tool_finish(&t, ctx, rc);
}
