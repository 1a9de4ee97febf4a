/* SPDX-License-Identifier: BSD-3-Clause */
#include <limits.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "tool/crypto_util.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"

static TPM_RC fail(const tool *t, TPM_RC rc, const char *why)
{
    fprintf(stderr, "%s: %s\n", t->name, why);
    return rc;
}

TPM_RC crypto_digest_file(const tool *t, const char *path, TPMI_ALG_HASH halg, TPM2B_DIGEST *d)
{
    unsigned char *msg = NULL;
    size_t len = 0;
    TPM_RC rc = tool_read_bytes(t, path, &msg, &len);
    if (rc != 0)
        return rc;
    TPMT_HA ha = {.hashAlg = halg};
    if (len > INT_MAX)
        rc = fail(t, TSS_RC_INSUFFICIENT_BUFFER, "the input file is too large");
    else
        rc = TSS_Hash_Generate(&ha, (int)len, msg, 0, NULL);
    free(msg);
    d->t.size = rc == 0 ? TSS_GetDigestSize(halg) : 0;
    if (rc == 0 && d->t.size == 0)
        rc = fail(t, TSS_RC_BAD_HASH_ALGORITHM, "unknown hash algorithm");
    memcpy(d->t.buffer, &ha.digest, d->t.size);
    return rc;
}

TPM_RC crypto_read_pem(const tool *t, const char *path, EVP_PKEY **pkey)
{
    unsigned char *data = NULL;
    size_t len = 0;
    *pkey = NULL;
    if (tool_read_bytes(t, path, &data, &len) != 0)
        return TSS_RC_FILE_READ;
    BIO *bio = len <= INT_MAX ? BIO_new_mem_buf(data, (int)len) : NULL;
    if (bio != NULL)
        *pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
    if (bio != NULL && *pkey == NULL && BIO_reset(bio) == 1) /* a private key file will do */
        *pkey = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)"");
    BIO_free(bio);
    free(data);
    if (*pkey == NULL) {
        fprintf(stderr, "%s: %s is not a PEM public key\n", t->name, path);
        return TSS_RC_BAD_ARGUMENT;
    }
    return 0;
}

static const char *md_name(TPMI_ALG_HASH halg)
{
    switch (halg) {
    case TPM_ALG_SHA1: return "SHA1";
    case TPM_ALG_SHA256: return "SHA256";
    case TPM_ALG_SHA384: return "SHA384";
    case TPM_ALG_SHA512: return "SHA512";
    default: return NULL;
    }
}

/* r and s as the DER ECDSA-Sig-Value OpenSSL verifies; *der is OPENSSL_malloc'd */
static int ecdsa_der(const TPMS_SIGNATURE_ECC *e, unsigned char **der)
{
    ECDSA_SIG *es = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(e->signatureR.t.buffer, e->signatureR.t.size, NULL);
    BIGNUM *s = BN_bin2bn(e->signatureS.t.buffer, e->signatureS.t.size, NULL);
    int len = -1;
    if (es != NULL && r != NULL && s != NULL && ECDSA_SIG_set0(es, r, s) == 1) {
        r = s = NULL; /* owned by es now */
        *der = NULL;
        len = i2d_ECDSA_SIG(es, der);
    }
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(es);
    return len;
}

TPM_RC crypto_verify(const tool *t, EVP_PKEY *pkey, const TPMT_SIGNATURE *sig,
                     const TPM2B_DIGEST *digest)
{
    int rsa = sig->sigAlg == TPM_ALG_RSASSA || sig->sigAlg == TPM_ALG_RSAPSS;
    if (!rsa && sig->sigAlg != TPM_ALG_ECDSA)
        return fail(t, TSS_RC_BAD_SIGNATURE_ALGORITHM,
                    "only RSASSA, RSAPSS and ECDSA signatures can be checked with a public key");
    if (!EVP_PKEY_is_a(pkey, rsa ? "RSA" : "EC"))
        return fail(t, TSS_RC_BAD_SIGNATURE_ALGORITHM,
                    rsa ? "an RSA signature needs an RSA key" : "an ECDSA signature needs an EC key");
    const char *mdn = md_name(sig->signature.any.hashAlg);
    if (mdn == NULL || digest->t.size != TSS_GetDigestSize(sig->signature.any.hashAlg))
        return fail(t, TSS_RC_BAD_HASH_ALGORITHM,
                    "the digest does not match the signature's hash algorithm");
    const unsigned char *s = sig->signature.rsassa.sig.t.buffer;
    size_t slen = sig->signature.rsassa.sig.t.size;
    unsigned char *der = NULL;
    if (!rsa) {
        int n = ecdsa_der(&sig->signature.ecdsa, &der);
        if (n <= 0)
            return fail(t, TSS_RC_EC_SIGNATURE, "cannot encode the ECDSA signature");
        s = der;
        slen = (size_t)n;
    }
    EVP_MD *md = EVP_MD_fetch(NULL, mdn, NULL);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    int ok = md != NULL && ctx != NULL && EVP_PKEY_verify_init(ctx) == 1 &&
             EVP_PKEY_CTX_set_signature_md(ctx, md) == 1;
    if (ok && rsa)
        ok = EVP_PKEY_CTX_set_rsa_padding(ctx, sig->sigAlg == TPM_ALG_RSASSA
                                                   ? RSA_PKCS1_PADDING
                                                   : RSA_PKCS1_PSS_PADDING) == 1 &&
             (sig->sigAlg == TPM_ALG_RSASSA ||
              EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_AUTO) == 1);
    if (ok)
        ok = EVP_PKEY_verify(ctx, s, slen, digest->t.buffer, digest->t.size) == 1;
    EVP_PKEY_CTX_free(ctx);
    EVP_MD_free(md);
    OPENSSL_free(der);
    if (!ok)
        return fail(t, rsa ? TSS_RC_RSA_SIGNATURE : TSS_RC_EC_SIGNATURE,
                    "the signature does not verify with the public key");
    return 0;
}

TPM_RC crypto_verify_hmac(const tool *t, const TPM2B_KEY *key, const TPMT_SIGNATURE *sig,
                          const TPM2B_DIGEST *digest)
{
    if (sig->sigAlg != TPM_ALG_HMAC)
        return fail(t, TSS_RC_BAD_SIGNATURE_ALGORITHM, "an HMAC key checks only HMAC signatures");
    TPMT_HA mac = {.hashAlg = sig->signature.hmac.hashAlg};
    uint16_t n = TSS_GetDigestSize(mac.hashAlg);
    if (n == 0)
        return fail(t, TSS_RC_BAD_HASH_ALGORITHM, "unknown hash algorithm in the signature");
    TPM_RC rc = TSS_HMAC_Generate(&mac, key, (int)digest->t.size, digest->t.buffer, 0, NULL);
    if (rc != 0)
        return rc;
    if (CRYPTO_memcmp(&mac.digest, &sig->signature.hmac.digest, n) != 0)
        return fail(t, TSS_RC_HMAC_VERIFY, "the HMAC does not verify with the key");
    return 0;
}

TPM_RC crypto_sig_from_raw(const tool *t, const uint8_t *raw, size_t len, int ecc,
                           TPMI_ALG_HASH halg, TPMT_SIGNATURE *sig)
{
    memset(sig, 0, sizeof(*sig));
    if (!ecc) {
        if (len == 0 || len > sizeof(sig->signature.rsassa.sig.t.buffer))
            return fail(t, TSS_RC_RSA_SIGNATURE, "the raw RSA signature has a bad size");
        sig->sigAlg = TPM_ALG_RSASSA;
        sig->signature.rsassa.hash = halg;
        sig->signature.rsassa.sig.t.size = (UINT16)len;
        memcpy(sig->signature.rsassa.sig.t.buffer, raw, len);
        return 0;
    }
    const unsigned char *p = raw;
    ECDSA_SIG *es = len <= LONG_MAX ? d2i_ECDSA_SIG(NULL, &p, (long)len) : NULL;
    const BIGNUM *r = NULL, *s = NULL;
    if (es != NULL)
        ECDSA_SIG_get0(es, &r, &s);
    TPMS_SIGNATURE_ECC *e = &sig->signature.ecdsa;
    int ok = es != NULL && p == raw + len && BN_num_bytes(r) <= (int)sizeof(e->signatureR.t.buffer) &&
             BN_num_bytes(s) <= (int)sizeof(e->signatureS.t.buffer);
    if (ok) {
        sig->sigAlg = TPM_ALG_ECDSA;
        e->hash = halg;
        e->signatureR.t.size = (UINT16)BN_bn2bin(r, e->signatureR.t.buffer);
        e->signatureS.t.size = (UINT16)BN_bn2bin(s, e->signatureS.t.buffer);
    }
    ECDSA_SIG_free(es);
    return ok ? 0 : fail(t, TSS_RC_EC_SIGNATURE, "the raw signature is not a DER ECDSA signature");
}
