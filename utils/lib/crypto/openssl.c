/* SPDX-License-Identifier: BSD-3-Clause */
/* Hashes, HMACs and random bytes. SHA-1/256/384/512 are computed natively (sha.c: no
 * OpenSSL initialisation for the session path); other hashes go to OpenSSL 3 EVP. Random
 * bytes come from the kernel (getrandom(2)), not from a user-space generator that would
 * have to be seeded first. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/random.h>


#include "crypto/crypto.h"
#include "crypto/ossl.h"
#include "crypto/sha.h"
#include "marshal/desc_gen.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"

static const char *md_name(TPM_ALG_ID alg)
{
    switch (alg) {
    case TPM_ALG_SHA1: return "SHA1";
    case TPM_ALG_SHA256: return "SHA256";
    case TPM_ALG_SHA384: return "SHA384";
    case TPM_ALG_SHA512: return "SHA512";
    case TPM_ALG_SM3_256: return "SM3";
    case TPM_ALG_SHA3_256: return "SHA3-256";
    case TPM_ALG_SHA3_384: return "SHA3-384";
    case TPM_ALG_SHA3_512: return "SHA3-512";
    default: return NULL;
    }
}

TPM_RC tss_hash(TPM_ALG_ID alg, const tss_chunk *in, size_t nin, uint8_t *out)
{
    tss_sha_ctx sc;
    if (tss_sha_init(&sc, alg) == 0) {
        for (size_t i = 0; i < nin; i++)
            tss_sha_update(&sc, in[i].p, in[i].n);
        tss_sha_final(&sc, out);
        return 0;
    }
    const char *name = md_name(alg);
    if (name == NULL)
        return TSS_RC_BAD_HASH_ALGORITHM;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    int ok = md != NULL && c != NULL && EVP_DigestInit_ex(c, md, NULL) == 1;
    for (size_t i = 0; ok && i < nin; i++)
        ok = in[i].n == 0 || EVP_DigestUpdate(c, in[i].p, in[i].n) == 1;
    ok = ok && EVP_DigestFinal_ex(c, out, NULL) == 1;
    EVP_MD_CTX_free(c);
    EVP_MD_free(md);
    return ok ? 0 : TSS_RC_HASH;
}

TPM_RC tss_hmac(TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const tss_chunk *in, size_t nin,
                uint8_t *out)
{
    tss_sha_hmac sm;
    if (tss_sha_hmac_init(&sm, alg, key, keylen) == 0) {
        for (size_t i = 0; i < nin; i++)
            tss_sha_hmac_update(&sm, in[i].p, in[i].n);
        tss_sha_hmac_final(&sm, out);
        return 0;
    }
    const char *name = md_name(alg);
    if (name == NULL)
        return TSS_RC_BAD_HASH_ALGORITHM;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *c = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;
    OSSL_PARAM params[2] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)name, 0),
                            OSSL_PARAM_construct_end()};
    /* HMAC with an empty key is legal in TPM 2.0 (empty auth); OpenSSL wants a non-NULL pointer */
    static const uint8_t empty = 0;
    int ok = c != NULL && EVP_MAC_init(c, keylen ? key : &empty, keylen, params) == 1;
    for (size_t i = 0; ok && i < nin; i++)
        ok = in[i].n == 0 || EVP_MAC_update(c, in[i].p, in[i].n) == 1;
    size_t outl = 0;
    ok = ok && EVP_MAC_final(c, out, &outl, TSS_GetDigestSize(alg)) == 1;
    EVP_MAC_CTX_free(c);
    EVP_MAC_free(mac);
    return ok ? 0 : TSS_RC_HMAC;
}

TPM_RC tss_random(uint8_t *out, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(out + got, n - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) /* no getrandom(2) (old kernel, seccomp): OpenSSL's generator */
            return (tss_ossl_load() == 0 && RAND_bytes(out + got, (int)(n - got)) == 1) ? 0
                                                                                    : TSS_RC_RNG_FAILURE;
        got += (size_t)k;
    }
    return 0;
}

/* collects (int length, buffer) pairs */
static size_t chunks_from(va_list ap, tss_chunk *ch, size_t max, int *overflow)
{
    size_t n = 0;
    *overflow = 0;
    for (;;) {
        int len = va_arg(ap, int);
        const unsigned char *p = va_arg(ap, const unsigned char *);
        if (p == NULL)
            return n;
        if (n == max) {
            *overflow = 1;
            return n;
        }
        ch[n].p = p;
        ch[n].n = len > 0 ? (size_t)len : 0;
        n++;
    }
}

TPM_RC TSS_Hash_Generate_valist(TPMT_HA *digest, va_list ap)
{
    tss_chunk ch[32];
    int over;
    size_t n = chunks_from(ap, ch, 32, &over);
    if (over)
        return TSS_RC_IN_PARAMETER;
    return tss_hash(digest->hashAlg, ch, n, (uint8_t *)&digest->digest);
}

TPM_RC TSS_Hash_Generate(TPMT_HA *digest, ...)
{
    va_list ap;
    va_start(ap, digest);
    TPM_RC rc = TSS_Hash_Generate_valist(digest, ap);
    va_end(ap);
    return rc;
}

TPM_RC TSS_HMAC_Generate_valist(TPMT_HA *digest, const TPM2B_KEY *hmacKey, va_list ap)
{
    tss_chunk ch[32];
    int over;
    size_t n = chunks_from(ap, ch, 32, &over);
    if (over)
        return TSS_RC_IN_PARAMETER;
    return tss_hmac(digest->hashAlg, hmacKey->b.buffer, hmacKey->b.size, ch, n, (uint8_t *)&digest->digest);
}

TPM_RC TSS_HMAC_Generate(TPMT_HA *digest, const TPM2B_KEY *hmacKey, ...)
{
    va_list ap;
    va_start(ap, hmacKey);
    TPM_RC rc = TSS_HMAC_Generate_valist(digest, hmacKey, ap);
    va_end(ap);
    return rc;
}

TPM_RC TSS_RandBytes(unsigned char *buffer, uint32_t size)
{
    return tss_random(buffer, size);
}

static TPM_RC name_of(TPM2B_NAME *name, TPM_ALG_ID alg, const tss_type *t, const void *pub)
{
    uint8_t buf[sizeof(TPMT_PUBLIC) + 64];
    tss_wcur w;
    tss_wcur_init(&w, buf, sizeof(buf));
    tss_put(&w, t, pub, 0);
    if (w.rc != 0)
        return w.rc;
    uint16_t ds = TSS_GetDigestSize(alg);
    if (ds == 0)
        return TSS_RC_BAD_HASH_ALGORITHM;
    tss_chunk ch = {buf, w.n};
    name->t.name[0] = (uint8_t)(alg >> 8);
    name->t.name[1] = (uint8_t)alg;
    TPM_RC rc = tss_hash(alg, &ch, 1, name->t.name + 2);
    name->t.size = rc == 0 ? (uint16_t)(2 + ds) : 0;
    return rc;
}

TPM_RC tss_object_name(TPM2B_NAME *name, const TPMT_PUBLIC *pub)
{
    return name_of(name, pub->nameAlg, &tss_t_TPMT_PUBLIC, pub);
}

TPM_RC tss_nv_name(TPM2B_NAME *name, const TPMS_NV_PUBLIC *pub)
{
    return name_of(name, pub->nameAlg, &tss_t_TPMS_NV_PUBLIC, pub);
}
