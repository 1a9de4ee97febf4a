/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "tool/policy.h"
#include "tss2/tsscrypto.h"

int pol_read_opt(const tool *t, const char *path, TPM2B *b, uint16_t max)
{
    b->size = 0;
    if (path == NULL)
        return 0;
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &data, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len > max) {
        ret = tool_error(t, "%s has %zu bytes, at most %u allowed", path, len, (unsigned)max);
    } else {
        memcpy(b->buffer, data, len);
        b->size = (uint16_t)len;
    }
    free(data);
    return ret;
}

int pol_read_auth(const tool *t, const pol_auth *a, TPM2B_NONCE *nonce, TPM2B_DIGEST *cp,
                  TPM2B_NONCE *pref)
{
    /* a digest at most, as the TPM checks */
    if (pol_read_opt(t, a->in, &nonce->b, POL_DIGEST_MAX) != 0 ||
        pol_read_opt(t, a->cp, &cp->b, POL_DIGEST_MAX) != 0 ||
        pol_read_opt(t, a->pref, &pref->b, POL_DIGEST_MAX) != 0)
        return EXIT_FAILURE;
    return 0;
}

TPM_RC pol_write_auth(const tool *t, const pol_auth *a, TPM2B_TIMEOUT *timeout,
                      TPMT_TK_AUTH *ticket)
{
    TPM_RC rc = 0;
    if (a->tk != NULL)
        rc = tool_write(t, a->tk, ticket, (MarshalFunction_t)TSS_TPMT_TK_AUTH_Marshalu);
    if (rc == 0 && a->to != NULL)
        rc = tool_write_bytes(t, a->to, timeout->t.buffer, timeout->t.size);
    return rc;
}

TPM_RC pol_ahash(TPMI_ALG_HASH halg, const TPM2B_NONCE *nonce, int32_t exp, const TPM2B_DIGEST *cp,
                 const TPM2B_NONCE *pref, TPMT_HA *ahash)
{
    uint8_t buf[3 * POL_DIGEST_MAX + 4];
    size_t n = 0;
    uint32_t e = (uint32_t)exp;
    if (nonce->t.size > POL_DIGEST_MAX || cp->t.size > POL_DIGEST_MAX ||
        pref->t.size > POL_DIGEST_MAX)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memcpy(buf + n, nonce->t.buffer, nonce->t.size);
    n += nonce->t.size;
    const uint8_t be[4] = {(uint8_t)(e >> 24), (uint8_t)(e >> 16), (uint8_t)(e >> 8), (uint8_t)e};
    memcpy(buf + n, be, 4);
    n += 4;
    memcpy(buf + n, cp->t.buffer, cp->t.size);
    n += cp->t.size;
    memcpy(buf + n, pref->t.buffer, pref->t.size);
    n += pref->t.size;
    ahash->hashAlg = halg;
    return TSS_Hash_Generate(ahash, (int)n, buf, 0, NULL);
}

static const EVP_MD *md_of(TPMI_ALG_HASH h)
{
    switch (h) {
    case TPM_ALG_SHA1: return EVP_sha1();
    case TPM_ALG_SHA256: return EVP_sha256();
    case TPM_ALG_SHA384: return EVP_sha384();
    case TPM_ALG_SHA512: return EVP_sha512();
    default: return NULL;
    }
}

/* never a terminal prompt: the password is -pwdk or nothing */
static int pem_password(char *buf, int size, int rwflag, void *u)
{
    (void)rwflag;
    size_t n = u != NULL ? strlen(u) : 0;
    if (n > (size_t)size)
        return -1;
    memcpy(buf, u != NULL ? u : "", n);
    return (int)n;
}

/* DER ECDSA-Sig-Value -> r and s, each padded to the curve size */
static int ecdsa_from_der(const uint8_t *der, size_t len, int bits, TPMS_SIGNATURE_ECC *out)
{
    const unsigned char *p = der;
    ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)len);
    int size = (bits + 7) / 8, ok = 0;
    if (es != NULL && size > 0 && (size_t)size <= sizeof(out->signatureR.t.buffer)) {
        const BIGNUM *r, *s;
        ECDSA_SIG_get0(es, &r, &s);
        ok = BN_bn2binpad(r, out->signatureR.t.buffer, size) == size &&
             BN_bn2binpad(s, out->signatureS.t.buffer, size) == size;
        out->signatureR.t.size = out->signatureS.t.size = (uint16_t)size;
    }
    ECDSA_SIG_free(es);
    return ok;
}

int pol_sign(const tool *t, const char *pem, const char *pw, const TPMT_HA *ahash,
             TPMT_SIGNATURE *sig)
{
    const EVP_MD *md = md_of(ahash->hashAlg);
    uint16_t ds = TSS_GetDigestSize(ahash->hashAlg);
    BIO *bio = BIO_new_file(pem, "r");
    if (bio == NULL)
        return tool_error(t, "cannot open signing key %s", pem);
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, NULL, pem_password, (void *)pw);
    BIO_free(bio);
    if (pkey == NULL)
        return tool_error(t, "%s is not a PEM private key, or -pwdk is wrong", pem);
    int rsa = EVP_PKEY_is_a(pkey, "RSA"), ec = EVP_PKEY_is_a(pkey, "EC");
    EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    uint8_t *out = NULL;
    size_t len = 0;
    int ok = md != NULL && (rsa || ec) && pc != NULL && EVP_PKEY_sign_init(pc) == 1 &&
             (!rsa || EVP_PKEY_CTX_set_rsa_padding(pc, RSA_PKCS1_PADDING) == 1) &&
             EVP_PKEY_CTX_set_signature_md(pc, md) == 1 &&
             EVP_PKEY_sign(pc, NULL, &len, (const uint8_t *)&ahash->digest, ds) == 1 &&
             (out = malloc(len)) != NULL &&
             EVP_PKEY_sign(pc, out, &len, (const uint8_t *)&ahash->digest, ds) == 1;
    if (ok && rsa) {
        sig->sigAlg = TPM_ALG_RSASSA;
        sig->signature.rsassa.hash = ahash->hashAlg;
        ok = len <= sizeof(sig->signature.rsassa.sig.t.buffer);
        if (ok) {
            memcpy(sig->signature.rsassa.sig.t.buffer, out, len);
            sig->signature.rsassa.sig.t.size = (uint16_t)len;
        }
    } else if (ok) {
        sig->sigAlg = TPM_ALG_ECDSA;
        sig->signature.ecdsa.hash = ahash->hashAlg;
        ok = ecdsa_from_der(out, len, EVP_PKEY_get_bits(pkey), &sig->signature.ecdsa);
    }
    free(out);
    EVP_PKEY_CTX_free(pc);
    EVP_PKEY_free(pkey);
    if (!ok)
        return tool_error(t, "cannot sign with %s (an RSA or EC key, and a hash it can sign)", pem);
    return 0;
}

int pol_read_signature(const tool *t, const char *path, TPMI_ALG_HASH halg, TPMT_SIGNATURE *sig)
{
    sig->sigAlg = TPM_ALG_RSASSA;
    sig->signature.rsassa.hash = halg;
    if (pol_read_opt(t, path, &sig->signature.rsassa.sig.b,
                     sizeof(sig->signature.rsassa.sig.t.buffer)) != 0)
        return EXIT_FAILURE;
    if (sig->signature.rsassa.sig.t.size == 0)
        return tool_error(t, "%s is empty", path);
    return 0;
}

/* how many arguments follow argv[i] for an option of the table (or -se0..-se2) */
static int nargs(const tool *t, const char *a)
{
    if (strncmp(a, "-se", 3) == 0 && a[3] >= '0' && a[3] <= '2' && a[4] == '\0')
        return 2;
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++)
        if (strcmp(o->flag, a) == 0)
            return o->kind == T_FLAG ? 0 : 1;
    return 0;
}

int pol_collect(const tool *t, const char *flag, int argc, char **argv, const char **vals, int max,
                int *n)
{
    *n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], flag) != 0) {
            i += nargs(t, argv[i]); /* a value that looks like the flag is not one */
            continue;
        }
        if (i + 1 >= argc)
            return 0; /* tool_parse reports the missing value */
        if (*n >= max)
            return tool_error(t, "at most %d %s", max, flag);
        vals[(*n)++] = argv[++i];
    }
    return 0;
}
