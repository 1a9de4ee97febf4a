/* SPDX-License-Identifier: BSD-3-Clause */
/* Public-key operations the TSS itself needs: salting a session with an RSA key (OAEP)
 * or an ECC key (one-pass ECDH). Keys come from TPMT_PUBLIC areas. */
#include <string.h>


#include "crypto/crypto.h"
#include "crypto/ossl.h"
#include "tss2/tsserror.h"

static const char *curve_name(TPM_ECC_CURVE c)
{
    switch (c) {
    case TPM_ECC_NIST_P192: return "prime192v1";
    case TPM_ECC_NIST_P224: return "secp224r1";
    case TPM_ECC_NIST_P256: return "prime256v1";
    case TPM_ECC_NIST_P384: return "secp384r1";
    case TPM_ECC_NIST_P521: return "secp521r1";
    default: return NULL;
    }
}

static const char *md_of(TPM_ALG_ID alg)
{
    switch (alg) {
    case TPM_ALG_SHA1: return "SHA1";
    case TPM_ALG_SHA256: return "SHA256";
    case TPM_ALG_SHA384: return "SHA384";
    case TPM_ALG_SHA512: return "SHA512";
    default: return NULL;
    }
}

EVP_PKEY *tss_public_pkey(const TPMT_PUBLIC *pub)
{
    if (tss_ossl_load() != 0)
        return NULL;
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    BIGNUM *n = NULL, *e = NULL;
    const char *type = NULL;
    uint8_t point[1 + 2 * 128];
    if (bld == NULL)
        return NULL;
    if (pub->type == TPM_ALG_RSA) {
        uint32_t exp = pub->parameters.rsaDetail.exponent ? pub->parameters.rsaDetail.exponent : 65537;
        n = BN_bin2bn(pub->unique.rsa.t.buffer, pub->unique.rsa.t.size, NULL);
        e = BN_new();
        if (n != NULL && e != NULL && BN_set_word(e, exp) == 1 &&
            OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) == 1 &&
            OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e) == 1)
            type = "RSA";
    } else if (pub->type == TPM_ALG_ECC) {
        const char *cn = curve_name(pub->parameters.eccDetail.curveID);
        const TPMS_ECC_POINT *q = &pub->unique.ecc;
        size_t xs = q->x.t.size, ys = q->y.t.size;
        if (cn != NULL && xs == ys && 1 + xs + ys <= sizeof(point)) {
            point[0] = 0x04; /* uncompressed */
            memcpy(point + 1, q->x.t.buffer, xs);
            memcpy(point + 1 + xs, q->y.t.buffer, ys);
            if (OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, cn, 0) == 1 &&
                OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, 1 + xs + ys) == 1)
                type = "EC";
        }
    }
    if (type != NULL)
        params = OSSL_PARAM_BLD_to_param(bld);
    if (params != NULL) {
        EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
        if (c == NULL || EVP_PKEY_fromdata_init(c) != 1 ||
            EVP_PKEY_fromdata(c, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1)
            pkey = NULL;
        EVP_PKEY_CTX_free(c);
    }
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
    return pkey;
}

TPM_RC tss_rsa_oaep_encrypt(const TPMT_PUBLIC *pub, TPM_ALG_ID hashAlg, const char *label,
                            const uint8_t *in, size_t inlen, uint8_t *out, size_t *outlen)
{
    const char *md = md_of(hashAlg);
    if (pub->type != TPM_ALG_RSA || md == NULL)
        return TSS_RC_BAD_SALT_KEY;
    EVP_PKEY *pkey = tss_public_pkey(pub);
    if (pkey == NULL)
        return TSS_RC_RSA_KEY_CONVERT;
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    OSSL_PARAM params[5];
    int i = 0;
    params[i++] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, (char *)OSSL_PKEY_RSA_PAD_MODE_OAEP, 0);
    params[i++] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_OAEP_DIGEST, (char *)md, 0);
    params[i++] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_MGF1_DIGEST, (char *)md, 0);
    /* the TPM's OAEP label includes the terminating NUL */
    params[i++] = OSSL_PARAM_construct_octet_string(OSSL_ASYM_CIPHER_PARAM_OAEP_LABEL, (void *)label,
                                                    label != NULL ? strlen(label) + 1 : 0);
    params[i] = OSSL_PARAM_construct_end();
    int ok = c != NULL && EVP_PKEY_encrypt_init_ex(c, params) == 1 &&
             EVP_PKEY_encrypt(c, out, outlen, in, inlen) == 1;
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(pkey);
    return ok ? 0 : TSS_RC_RSA_ENCRYPT;
}

TPM_RC tss_ecdh_ephemeral(const TPMT_PUBLIC *pub, TPMS_ECC_POINT *q, uint8_t *z, size_t *zlen)
{
    const char *cn = pub->type == TPM_ALG_ECC ? curve_name(pub->parameters.eccDetail.curveID) : NULL;
    if (cn == NULL)
        return TSS_RC_BAD_SALT_KEY;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    EVP_PKEY *peer = tss_public_pkey(pub);
    EVP_PKEY *eph = peer != NULL ? EVP_PKEY_Q_keygen(NULL, NULL, "EC", cn) : NULL;
    EVP_PKEY_CTX *c = eph != NULL ? EVP_PKEY_CTX_new_from_pkey(NULL, eph, NULL) : NULL;
    uint8_t point[1 + 2 * 128];
    size_t plen = 0;
    int ok = c != NULL && EVP_PKEY_derive_init(c) == 1 && EVP_PKEY_derive_set_peer(c, peer) == 1 &&
             EVP_PKEY_derive(c, z, zlen) == 1 &&
             EVP_PKEY_get_octet_string_param(eph, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof(point), &plen) == 1 &&
             plen > 1 && point[0] == 0x04 && (plen - 1) % 2 == 0 &&
             (plen - 1) / 2 <= sizeof(q->x.t.buffer);
    if (ok) {
        size_t half = (plen - 1) / 2;
        q->x.t.size = q->y.t.size = (uint16_t)half;
        memcpy(q->x.t.buffer, point + 1, half);
        memcpy(q->y.t.buffer, point + 1 + half, half);
    }
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(eph);
    EVP_PKEY_free(peer);
    return ok ? 0 : TSS_RC_EC_EPHEMERAL_FAILURE;
}
