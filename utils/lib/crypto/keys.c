/* SPDX-License-Identifier: BSD-3-Clause */
/* The crypto-library-dependent helpers of tsscrypto.h: RSA and ECC key tokens (OpenSSL 3
 * EVP_PKEY objects, as IBM's TSS builds them with OpenSSL 3), OAEP padding, raw RSA public
 * encryption, the ECC session salt, and the OpenSSL digest of a TPM hash algorithm. */
#include <string.h>

#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssmarshal.h"
#include "crypto/crypto.h"
#include "crypto/ossl.h"

/* the deprecated OpenSSL-typed form: RSA is an incomplete struct type here (the library is
 * built without OpenSSL's deprecated API), the token is the same EVP_PKEY */
struct rsa_st;
TPM_RC TSS_RSAGeneratePublicToken(struct rsa_st **rsa_pub_key, const unsigned char *narr,
                                  uint32_t nbytes, const unsigned char *earr, uint32_t ebytes);

TPM_RC TSS_Crypto_Init(void)
{
    return 0;
}

void TSS_XOR(unsigned char *out, const unsigned char *in1, const unsigned char *in2,
             size_t length)
{
    for (size_t i = 0; i < length; i++)
        out[i] = in1[i] ^ in2[i];
}

/* out[0..n) ^= MGF1(seed) */
static TPM_RC mgf1_xor(TPMI_ALG_HASH halg, const uint8_t *seed, size_t seedlen, uint8_t *out,
                       size_t n)
{
    uint16_t hl = TSS_GetDigestSize(halg);
    uint8_t h[64];
    for (uint32_t counter = 0, done = 0; done < n; counter++) {
        uint8_t c[4] = {(uint8_t)(counter >> 24), (uint8_t)(counter >> 16), (uint8_t)(counter >> 8),
                        (uint8_t)counter};
        tss_chunk in[2] = {{seed, seedlen}, {c, 4}};
        TPM_RC rc = tss_hash(halg, in, 2, h);
        if (rc != 0)
            return rc;
        for (uint16_t i = 0; i < hl && done < n; i++)
            out[done++] ^= h[i];
    }
    tss_wipe(h, sizeof(h));
    return 0;
}

TPM_RC TSS_RSA_padding_add_PKCS1_OAEP(unsigned char *em, uint32_t emLen,
                                      const unsigned char *from, uint32_t fLen,
                                      const unsigned char *p, int plen, TPMI_ALG_HASH halg)
{
    uint16_t hl = TSS_GetDigestSize(halg);
    if (em == NULL || (from == NULL && fLen != 0) || (p == NULL && plen > 0) || plen < 0)
        return TSS_RC_NULL_PARAMETER;
    if (hl == 0 || hl > 64)
        return TSS_RC_BAD_HASH_ALGORITHM;
    /* EM = 0x00 || maskedSeed (hLen) || maskedDB (emLen - hLen - 1) */
    if (emLen < 2u * hl + 2u || fLen > emLen - 2u * hl - 2u)
        return TSS_RC_RSA_PADDING;
    uint8_t *seed = em + 1, *db = em + 1 + hl;
    uint32_t dblen = emLen - hl - 1;
    tss_chunk label = {p, (size_t)plen};
    TPM_RC rc = tss_hash(halg, &label, 1, db); /* lHash */
    if (rc != 0)
        return rc;
    /* DB = lHash || PS (zeros) || 0x01 || M */
    memset(db + hl, 0, dblen - hl - fLen - 1);
    db[dblen - fLen - 1] = 0x01;
    if (fLen != 0)
        memmove(db + dblen - fLen, from, fLen);
    em[0] = 0x00;
    rc = tss_random(seed, hl);
    if (rc == 0)
        rc = mgf1_xor(halg, seed, hl, db, dblen); /* maskedDB */
    if (rc == 0)
        rc = mgf1_xor(halg, db, dblen, seed, hl); /* maskedSeed */
    if (rc != 0)
        tss_wipe(em, emLen);
    return rc;
}

#ifndef TPM_TSS_NORSA

TPM_RC TSS_RsaNew(void **rsaKey)
{
    if (rsaKey == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (*rsaKey != NULL)
        return TSS_RC_ALLOC_INPUT;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    *rsaKey = EVP_PKEY_new();
    return *rsaKey != NULL ? 0 : TSS_RC_RSA_KEY_CONVERT;
}

void TSS_RsaFree(void *rsaKey)
{
    if (rsaKey != NULL && tss_ossl_load() == 0)
        EVP_PKEY_free(rsaKey);
}

TPM_RC TSS_RSAGeneratePublicTokenI(void **rsa_pub_key, const unsigned char *narr, uint32_t nbytes,
                                   const unsigned char *earr, uint32_t ebytes)
{
    if (rsa_pub_key == NULL || narr == NULL || earr == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (*rsa_pub_key != NULL)
        return TSS_RC_ALLOC_INPUT;
    if (nbytes == 0 || nbytes > 0x10000 || ebytes == 0 || ebytes > 0x10000)
        return TSS_RC_RSA_KEY_CONVERT;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    EVP_PKEY *pkey = NULL;
    BIGNUM *n = BN_bin2bn(narr, (int)nbytes, NULL);
    BIGNUM *e = BN_bin2bn(earr, (int)ebytes, NULL);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *c = NULL;
    if (n != NULL && e != NULL && bld != NULL &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) == 1 &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e) == 1)
        params = OSSL_PARAM_BLD_to_param(bld);
    if (params != NULL)
        c = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    if (c == NULL || EVP_PKEY_fromdata_init(c) != 1 ||
        EVP_PKEY_fromdata(c, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1)
        pkey = NULL;
    EVP_PKEY_CTX_free(c);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
    *rsa_pub_key = pkey;
    return pkey != NULL ? 0 : TSS_RC_RSA_KEY_CONVERT;
}

TPM_RC TSS_RSAGeneratePublicToken(struct rsa_st **rsa_pub_key, const unsigned char *narr,
                                  uint32_t nbytes, const unsigned char *earr, uint32_t ebytes)
{
    return TSS_RSAGeneratePublicTokenI((void **)rsa_pub_key, narr, nbytes, earr, ebytes);
}

TPM_RC TSS_RSAPublicEncrypt(unsigned char *encrypt_data, size_t encrypt_data_size,
                            const unsigned char *decrypt_data, size_t decrypt_data_size,
                            unsigned char *narr, uint32_t nbytes, unsigned char *earr,
                            uint32_t ebytes, unsigned char *p, int pl, TPMI_ALG_HASH halg)
{
    uint8_t padded[0x10000 / 8]; /* the largest RSA key: 65536 bits */
    if (encrypt_data == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (encrypt_data_size == 0 || encrypt_data_size > sizeof(padded) ||
        decrypt_data_size > encrypt_data_size)
        return TSS_RC_RSA_PADDING;
    TPM_RC rc = TSS_RSA_padding_add_PKCS1_OAEP(padded, (uint32_t)encrypt_data_size, decrypt_data,
                                               (uint32_t)decrypt_data_size, p, pl, halg);
    void *key = NULL;
    if (rc == 0)
        rc = TSS_RSAGeneratePublicTokenI(&key, narr, nbytes, earr, ebytes);
    if (rc == 0) {
        /* the padding is done: a raw modular exponentiation */
        EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
        OSSL_PARAM params[2];
        params[0] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_PAD_MODE,
                                                     (char *)OSSL_PKEY_RSA_PAD_MODE_NONE, 0);
        params[1] = OSSL_PARAM_construct_end();
        size_t outlen = encrypt_data_size;
        if (c == NULL || EVP_PKEY_encrypt_init_ex(c, params) != 1 ||
            EVP_PKEY_encrypt(c, encrypt_data, &outlen, padded, encrypt_data_size) != 1 ||
            outlen != encrypt_data_size)
            rc = TSS_RC_RSA_ENCRYPT;
        EVP_PKEY_CTX_free(c);
    }
    TSS_RsaFree(key);
    tss_wipe(padded, sizeof(padded));
    return rc;
}

#endif

#ifndef TPM_TSS_NOECC

void TSS_EccFree(void *eccKey)
{
    if (eccKey != NULL && tss_ossl_load() == 0)
        EVP_PKEY_free(eccKey);
}

TPM_RC TSS_ECC_Salt(TPM2B_DIGEST *salt, TPM2B_ENCRYPTED_SECRET *encryptedSalt,
                    TPMT_PUBLIC *publicArea)
{
    if (salt == NULL || encryptedSalt == NULL || publicArea == NULL)
        return TSS_RC_NULL_PARAMETER;
    uint16_t ss = TSS_GetDigestSize(publicArea->nameAlg);
    if (publicArea->type != TPM_ALG_ECC || ss == 0)
        return TSS_RC_BAD_SALT_KEY;
    TPMS_ECC_POINT q;
    uint8_t z[128];
    size_t zlen = sizeof(z);
    TPM_RC rc = tss_ecdh_ephemeral(publicArea, &q, z, &zlen);
    if (rc == 0)
        rc = tss_kdfe(publicArea->nameAlg, z, zlen, "SECRET", q.x.t.buffer, q.x.t.size,
                      publicArea->unique.ecc.x.t.buffer, publicArea->unique.ecc.x.t.size,
                      ss * 8u, salt->t.buffer);
    tss_wipe(z, sizeof(z));
    salt->t.size = rc == 0 ? ss : 0;
    encryptedSalt->t.size = 0;
    if (rc == 0) {
        BYTE *b = encryptedSalt->t.secret;
        uint32_t room = sizeof(encryptedSalt->t.secret);
        rc = TSS_TPMS_ECC_POINT_Marshalu(&q, &encryptedSalt->t.size, &b, &room);
    }
    if (rc != 0)
        tss_wipe(salt, sizeof(*salt));
    return rc;
}

#endif

TPM_RC TSS_Hash_GetMd(const EVP_MD **md, TPMI_ALG_HASH hashAlg)
{
    const char *name;
    if (md == NULL)
        return TSS_RC_NULL_PARAMETER;
    switch (hashAlg) {
    case TPM_ALG_SHA1: name = "SHA1"; break;
    case TPM_ALG_SHA256: name = "SHA256"; break;
    case TPM_ALG_SHA384: name = "SHA384"; break;
    case TPM_ALG_SHA512: name = "SHA512"; break;
    case TPM_ALG_SHA3_256: name = "SHA3-256"; break;
    case TPM_ALG_SHA3_384: name = "SHA3-384"; break;
    case TPM_ALG_SHA3_512: name = "SHA3-512"; break;
    case TPM_ALG_SM3_256: name = "SM3"; break;
    default: return TSS_RC_BAD_HASH_ALGORITHM;
    }
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    *md = EVP_get_digestbyname(name);
    return *md != NULL ? 0 : TSS_RC_BAD_HASH_ALGORITHM;
}
