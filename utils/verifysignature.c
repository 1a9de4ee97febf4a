/* SPDX-License-Identifier: BSD-3-Clause */
/* verifysignature: checks a signature over a message (-if, hashed here) or a digest (-ih)
 * with TPM2_VerifySignature (-hk), an OpenSSL PEM public key (-ipem) and/or an HMAC key
 * file (-ihmac); every check given must pass. The signature is a TPMT_SIGNATURE, or with
 * -raw one made outside the TPM: RSA signature bytes (-rsa, default) or a DER ECDSA
 * signature (-ecc). */
#include <string.h>

#include <openssl/evp.h>

#include "tool/crypto_util.h"

static uint32_t hk;
static const char *ifile, *ih, *is, *tk, *ipem, *ihmac;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static int raw, rsa, ecc;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle (the TPM verifies)", 0, NULL},
    {"-ipem", T_STR, &ipem, "file", "public key PEM format file name (OpenSSL verifies)", 0, NULL},
    {"-ihmac", T_STR, &ihmac, "file", "HMAC key file name (verified here)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-rsa", T_FLAG, &rsa, NULL, "with -raw: RSA (RSASSA) signature (default)", 0, NULL},
    {"-ecc", T_FLAG, &ecc, NULL, "with -raw: DER ECDSA signature", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input message file name (hashed with -halg)", 0, NULL},
    {"-ih", T_STR, &ih, "file", "input hash file name", 0, NULL},
    {"-is", T_STR, &is, "file", "signature file name", TOOL_REQUIRED, NULL},
    {"-raw", T_FLAG, &raw, NULL, "signature specified by -is is in raw format (default TPMT_SIGNATURE)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "verified ticket file name (requires -hk)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"verifysignature", "Runs TPM2_VerifySignature and/or verifies using the PEM public key or HMAC key",
                 opts, 3, 0, {0}, {0}, {0}};

/* a file of at most max bytes into buf */
static TPM_RC read_small(const char *path, BYTE *buf, size_t max, UINT16 *size)
{
    unsigned char *data = NULL;
    size_t len = 0;
    TPM_RC rc = tool_read_bytes(&t, path, &data, &len);
    if (rc == 0 && (len == 0 || len > max)) {
        fprintf(stderr, "%s: %s must hold 1 to %zu bytes\n", t.name, path, max);
        rc = TSS_RC_BAD_ARGUMENT;
    }
    if (rc == 0) {
        memcpy(buf, data, len);
        *size = (UINT16)len;
    }
    free(data);
    return rc;
}

static TPM_RC read_signature(TPMT_SIGNATURE *sig)
{
    if (!raw)
        return tool_read_flag(&t, is, sig, (UnmarshalFunctionFlag_t)TSS_TPMT_SIGNATURE_Unmarshalu, NO);
    unsigned char *data = NULL;
    size_t len = 0;
    TPM_RC rc = tool_read_bytes(&t, is, &data, &len);
    if (rc == 0)
        rc = crypto_sig_from_raw(&t, data, len, ecc, halg, sig);
    free(data);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    EVP_PKEY *pkey = NULL;
    VerifySignature_In in;
    VerifySignature_Out out;
    TPM2B_KEY hkey;
    int have_hk = 0;
    for (int i = 1; i < argc; i++)
        have_hk |= strcmp(argv[i], "-hk") == 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ifile == NULL) == (ih == NULL))
        return tool_error(&t, "one of -if and -ih is required");
    if (!have_hk && ipem == NULL && ihmac == NULL)
        return tool_error(&t, "one of -hk, -ipem, -ihmac must be specified");
    if (tk != NULL && !have_hk)
        return tool_error(&t, "-tk requires -hk");
    if (rsa && ecc)
        return tool_error(&t, "-rsa and -ecc exclude each other");
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    TPM_RC rc = read_signature(&in.signature);
    if (rc == 0 && ifile != NULL)
        rc = crypto_digest_file(&t, ifile, halg, &in.digest);
    else if (rc == 0)
        rc = read_small(ih, in.digest.t.buffer, sizeof(in.digest.t.buffer), &in.digest.t.size);
    if (rc == 0 && ihmac != NULL)
        rc = read_small(ihmac, hkey.t.buffer, sizeof(hkey.t.buffer), &hkey.t.size);
    if (rc == 0 && ipem != NULL)
        rc = crypto_read_pem(&t, ipem, &pkey);
    if (rc == 0 && have_hk)
        rc = tool_context(&t, &ctx);
    if (rc == 0 && have_hk)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_VerifySignature, 0, NULL, NULL);
    if (rc == 0 && pkey != NULL)
        rc = crypto_verify(&t, pkey, &in.signature, &in.digest);
    if (rc == 0 && ihmac != NULL)
        rc = crypto_verify_hmac(&t, &hkey, &in.signature, &in.digest);
    if (rc == 0 && tk != NULL)
        rc = tool_write(&t, tk, &out.validation, (MarshalFunction_t)TSS_TPMT_TK_VERIFIED_Marshalu);
    EVP_PKEY_free(pkey);
    return tool_finish(&t, ctx, rc);
}
