/* SPDX-License-Identifier: BSD-3-Clause */
/* sign: TPM2_Sign over the hash of a file; -ipu checks the signature with OpenSSL before
 * it is saved, -cf gives the commit counter an ECDAA signature needs. */
#include <string.h>

#include <openssl/evp.h>

#include "tool/crypto_util.h"
#include "tool/pem.h"
#include "tool/seq.h"

static uint32_t hk;
static const char *ifile, *pwdk, *os, *tk, *cf, *ipu;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static int salg = 0, scheme = -1;
static const char *const salgs[] = {"rsa", "ecc", "hmac", NULL};
static const char *const schemes[] = {"rsassa", "rsapss", "ecdsa", "ecdaa", "hmac", NULL};
static const TPMI_ALG_SIG_SCHEME scheme_alg[] = {TPM_ALG_RSASSA, TPM_ALG_RSAPSS, TPM_ALG_ECDSA,
                                                 TPM_ALG_ECDAA, TPM_ALG_HMAC};
static const int salg_scheme[] = {0, 2, 4}; /* the default scheme of each -salg */
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-if", T_STR, &ifile, "file", "input message to hash and sign", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-salg", T_CHOICE, &salg, "alg", "signature algorithm (rsa, ecc, hmac) (default rsa)", 0, salgs},
    {"-scheme", T_CHOICE, &scheme, "scheme", "signing scheme (default rsassa, ecdsa or hmac by -salg)", 0, schemes},
    {"-cf", T_STR, &cf, "file", "commit counter file (from commit -cf), required for ecdaa", 0, NULL},
    {"-ipu", T_STR, &ipu, "file", "public key file (TPM2B_PUBLIC) to verify the signature (default no verify)", 0, NULL},
    {"-os", T_STR, &os, "file", "signature file name (TPMT_SIGNATURE) (default do not save)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "hashcheck ticket file name (default NULL ticket)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"sign", "Runs TPM2_Sign", opts, 3, 0, {0}, {0}, {0}};

/* the -ipu key as an OpenSSL public key, read before the TPM is asked to sign */
static TPM_RC read_ipu(EVP_PKEY **pkey)
{
    TPM2B_PUBLIC pub;
    *pkey = NULL;
    if (ipu == NULL)
        return 0;
    TPM_RC rc = tool_read_flag(&t, ipu, &pub, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, NO);
    return rc != 0 ? rc : pem_pkey_from_public(&t, &pub.publicArea, pkey);
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    EVP_PKEY *pkey = NULL;
    Sign_In in;
    Sign_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (scheme < 0)
        scheme = salg_scheme[salg];
    if (scheme_alg[scheme] == TPM_ALG_ECDAA && cf == NULL)
        return tool_error(&t, "the ecdaa scheme needs the commit counter file -cf");
    if (ipu != NULL && scheme_alg[scheme] != TPM_ALG_RSASSA && scheme_alg[scheme] != TPM_ALG_RSAPSS &&
        scheme_alg[scheme] != TPM_ALG_ECDSA)
        return tool_error(&t, "-ipu verifies only rsassa, rsapss and ecdsa signatures");
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    in.inScheme.scheme = scheme_alg[scheme];
    in.inScheme.details.any.hashAlg = halg;
    in.validation.tag = TPM_ST_HASHCHECK;
    in.validation.hierarchy = TPM_RH_NULL;
    TPM_RC rc = 0;
    if (cf != NULL && scheme_alg[scheme] == TPM_ALG_ECDAA)
        rc = seq_read_counter(&t, cf, &in.inScheme.details.ecdaa.count);
    if (rc == 0 && tk != NULL)
        rc = tool_read(&t, tk, &in.validation, (UnmarshalFunction_t)TSS_TPMT_TK_HASHCHECK_Unmarshalu);
    if (rc == 0)
        rc = crypto_digest_file(&t, ifile, halg, &in.digest);
    if (rc == 0)
        rc = read_ipu(&pkey);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Sign, 1, pwdk, NULL);
    if (rc == 0 && pkey != NULL) /* a signature that does not verify is not saved */
        rc = crypto_verify(&t, pkey, &out.signature, &in.digest);
    if (rc == 0 && pkey != NULL && t.verbose)
        printf("sign: signature verified with %s\n", ipu);
    if (rc == 0 && os != NULL)
        rc = tool_write(&t, os, &out.signature, (MarshalFunction_t)TSS_TPMT_SIGNATURE_Marshalu);
    EVP_PKEY_free(pkey);
    return tool_finish(&t, ctx, rc);
}
