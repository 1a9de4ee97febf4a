/* SPDX-License-Identifier: BSD-3-Clause */
/* verifysignature: TPM2_VerifySignature of a TPMT_SIGNATURE over a message (-if, hashed
 * here) or a digest (-ih). Offline verification (-ipem, -ihmac, -raw) is not implemented. */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tsscrypto.h"

static uint32_t hk;
static const char *ifile, *ih, *is, *tk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-if", T_STR, &ifile, "file", "input message (hashed with -halg)", 0, NULL},
    {"-ih", T_STR, &ih, "file", "input digest (the raw hash)", 0, NULL},
    {"-is", T_STR, &is, "file", "signature file (TPMT_SIGNATURE)", TOOL_REQUIRED, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "verified ticket output file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"verifysignature", "Runs TPM2_VerifySignature", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    VerifySignature_In in;
    VerifySignature_Out out;
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ifile == NULL) == (ih == NULL))
        return tool_error(&t, "one of -if and -ih is required");
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    if (tool_read_flag(&t, is, &in.signature, (UnmarshalFunctionFlag_t)TSS_TPMT_SIGNATURE_Unmarshalu, NO) != 0)
        return EXIT_FAILURE;
    if (tool_read_bytes(&t, ifile != NULL ? ifile : ih, &data, &len) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = 0;
    if (ih != NULL) {
        if (len > sizeof(in.digest.t.buffer))
            rc = tool_error(&t, "%s: too long for a digest", ih) ? TSS_RC_BAD_ARGUMENT : 0;
        else
            memcpy(in.digest.t.buffer, data, len), in.digest.t.size = (UINT16)len;
    } else {
        TPMT_HA digest = {.hashAlg = halg};
        rc = TSS_Hash_Generate(&digest, (int)len, data, 0, NULL);
        in.digest.t.size = TSS_GetDigestSize(halg);
        memcpy(in.digest.t.buffer, &digest.digest, in.digest.t.size);
    }
    free(data);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_VerifySignature, 0, NULL, NULL);
    if (rc == 0 && tk != NULL)
        rc = tool_write(&t, tk, &out.validation, (MarshalFunction_t)TSS_TPMT_TK_VERIFIED_Marshalu);
    return tool_finish(&t, ctx, rc);
}
