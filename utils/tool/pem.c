/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "tool/pem.h"

const char *const pem_schemes[] = {"rsassa", "rsapss", "rsapkcs1", "rsaoaep", "null", NULL};
static const TPM_ALG_ID scheme_ids[] = {TPM_ALG_RSASSA, TPM_ALG_RSAPSS, TPM_ALG_RSAES, TPM_ALG_OAEP,
                                        TPM_ALG_NULL};

/* TPM curve <-> OpenSSL group name */
static const struct {
    TPMI_ECC_CURVE id;
    const char *group;
    int nid;
} curves[] = {
    {TPM_ECC_NIST_P192, "prime192v1", NID_X9_62_prime192v1},
    {TPM_ECC_NIST_P224, "secp224r1", NID_secp224r1},
    {TPM_ECC_NIST_P256, "prime256v1", NID_X9_62_prime256v1},
    {TPM_ECC_NIST_P384, "secp384r1", NID_secp384r1},
    {TPM_ECC_NIST_P521, "secp521r1", NID_secp521r1},
    {TPM_ECC_BP_P256_R1, "brainpoolP256r1", NID_brainpoolP256r1},
    {TPM_ECC_BP_P384_R1, "brainpoolP384r1", NID_brainpoolP384r1},
    {TPM_ECC_BP_P512_R1, "brainpoolP512r1", NID_brainpoolP512r1},
};
#define NCURVES (sizeof(curves) / sizeof(curves[0]))

static TPM_RC fail(const tool *t, const char *what)
{
    fprintf(stderr, "%s: %s\n", t->name, what);
    return TSS_RC_BAD_ARGUMENT;
}

/* ---- TPM public area -> EVP_PKEY -> PEM ---------------------------------------------- */

static int add_bn(OSSL_PARAM_BLD *bld, const char *key, const uint8_t *p, size_t n, BIGNUM **bn)
{
    *bn = BN_bin2bn(p, (int)n, NULL);
    return *bn != NULL && OSSL_PARAM_BLD_push_BN(bld, key, *bn);
}

TPM_RC pem_pkey_from_public(const tool *t, const TPMT_PUBLIC *pub, EVP_PKEY **pkey)
{
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    BIGNUM *n = NULL, *e = NULL;
    const char *alg = NULL, *why = "cannot build the key parameters";
    uint8_t point[1 + 2 * MAX_ECC_KEY_BYTES];
    int ok = bld != NULL;
    *pkey = NULL;
    if (ok && pub->type == TPM_ALG_RSA) {
        alg = "RSA";
        uint32_t exp =
            pub->parameters.rsaDetail.exponent ? pub->parameters.rsaDetail.exponent : 65537;
        uint8_t eb[4] = {(uint8_t)(exp >> 24), (uint8_t)(exp >> 16), (uint8_t)(exp >> 8),
                         (uint8_t)exp};
        ok = pub->unique.rsa.t.size != 0 &&
             add_bn(bld, OSSL_PKEY_PARAM_RSA_N, pub->unique.rsa.t.buffer, pub->unique.rsa.t.size,
                    &n) &&
             add_bn(bld, OSSL_PKEY_PARAM_RSA_E, eb, sizeof(eb), &e);
    } else if (ok && pub->type == TPM_ALG_ECC) {
        alg = "EC";
        const TPMS_ECC_POINT *q = &pub->unique.ecc;
        size_t i = 0;
        while (i < NCURVES && curves[i].id != pub->parameters.eccDetail.curveID)
            i++;
        if (i == NCURVES) {
            why = "the key's ECC curve is not supported by OpenSSL";
            ok = 0;
        } else if (q->x.t.size == 0 || q->x.t.size != q->y.t.size) {
            ok = 0;
        } else {
            point[0] = 0x04; /* uncompressed */
            memcpy(point + 1, q->x.t.buffer, q->x.t.size);
            memcpy(point + 1 + q->x.t.size, q->y.t.buffer, q->y.t.size);
            ok = OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, curves[i].group,
                                                 0) &&
                 OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point,
                                                  1 + 2 * (size_t)q->x.t.size);
        }
    } else if (ok) {
        why = "only RSA and ECC keys have a PEM form";
        ok = 0;
    }
    if (ok) {
        why = "OpenSSL refused the public key";
        ok = (params = OSSL_PARAM_BLD_to_param(bld)) != NULL &&
             (ctx = EVP_PKEY_CTX_new_from_name(NULL, alg, NULL)) != NULL &&
             EVP_PKEY_fromdata_init(ctx) > 0 &&
             EVP_PKEY_fromdata(ctx, pkey, EVP_PKEY_PUBLIC_KEY, params) > 0;
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
    return ok ? 0 : fail(t, why);
}

TPM_RC pem_write_public(const tool *t, const char *path, const TPMT_PUBLIC *pub)
{
    EVP_PKEY *pkey = NULL;
    TPM_RC rc = pem_pkey_from_public(t, pub, &pkey);
    if (rc != 0)
        return rc;
    BIO *bio = BIO_new(BIO_s_mem());
    char *data = NULL;
    long len = 0;
    if (bio == NULL || !PEM_write_bio_PUBKEY(bio, pkey) ||
        (len = BIO_get_mem_data(bio, &data)) <= 0)
        rc = fail(t, "cannot encode the PEM public key");
    else
        rc = tool_write_bytes(t, path, data, (size_t)len);
    BIO_free(bio);
    EVP_PKEY_free(pkey);
    return rc;
}

/* ---- PEM / DER key -> TPM public and sensitive areas --------------------------------- */

void pem_args_der_pair(pem_args *a)
{
    if (a->st && !a->den && !a->si) {
        a->st = 0;
        a->den = 1;
    }
}

void pem_args_init(pem_args *a)
{
    memset(a, 0, sizeof(*a));
    a->scheme = -1;
    a->nalg = TPM_ALG_SHA256;
    a->halg = TPM_ALG_SHA256;
}

/* any PEM or DER encoding OpenSSL knows, public or private as selection says; an encrypted
 * private key is opened with passphrase (may be NULL) */
static EVP_PKEY *decode_key(const tool *t, const char *path, int selection, const char *passphrase)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &buf, &len) != 0)
        return NULL;
    EVP_PKEY *pkey = NULL;
    const int tries[] = {selection, EVP_PKEY_KEYPAIR};
    for (int i = 0; i < 2 && pkey == NULL; i++) {
        OSSL_DECODER_CTX *dctx =
            OSSL_DECODER_CTX_new_for_pkey(&pkey, NULL, NULL, NULL, tries[i], NULL, NULL);
        const unsigned char *p = buf;
        size_t left = len;
        if (dctx != NULL && passphrase != NULL && passphrase[0] != '\0' &&
            !OSSL_DECODER_CTX_set_passphrase(dctx, (const unsigned char *)passphrase, strlen(passphrase))) {
            OSSL_DECODER_CTX_free(dctx);
            dctx = NULL;
        }
        if (dctx != NULL && !OSSL_DECODER_from_data(dctx, &p, &left)) {
            EVP_PKEY_free(pkey);
            pkey = NULL;
        }
        OSSL_DECODER_CTX_free(dctx);
    }
    if (pkey == NULL)
        fprintf(stderr, "%s: %s is not a %s key OpenSSL can read%s\n", t->name, path,
                selection == EVP_PKEY_KEYPAIR ? "private" : "public",
                selection == EVP_PKEY_KEYPAIR ? " (or the password is wrong)" : "");
    OPENSSL_cleanse(buf, len);
    free(buf);
    ERR_clear_error();
    return pkey;
}

static int bn_param(EVP_PKEY *pkey, const char *name, uint8_t *out, size_t n)
{
    BIGNUM *bn = NULL;
    int ok = EVP_PKEY_get_bn_param(pkey, name, &bn) && BN_num_bytes(bn) <= (int)n &&
             BN_bn2binpad(bn, out, (int)n) == (int)n;
    BN_free(bn);
    return ok;
}

static int key_shape(const tool *t, const pem_args *a, int ecc, TPMT_PUBLIC *pub)
{
    if (a->si + a->st + a->den > 1)
        return tool_error(t, "-si, -st and -den exclude each other");
    int sign = !a->st && !a->den;
    pub->objectAttributes.val = TPMA_OBJECT_NODA | TPMA_OBJECT_USERWITHAUTH |
                                (sign ? TPMA_OBJECT_SIGN : TPMA_OBJECT_DECRYPT);
    if (a->st)
        pub->objectAttributes.val |= TPMA_OBJECT_RESTRICTED;
    if (a->uwa)
        pub->objectAttributes.val &= ~TPMA_OBJECT_USERWITHAUTH;
    /* a storage key's inner symmetric algorithm, as IBM's: AES-128-CFB */
    TPMT_SYM_DEF_OBJECT sym = {.algorithm = TPM_ALG_NULL};
    if (a->st) {
        sym.algorithm = TPM_ALG_AES;
        sym.keyBits.aes = 128;
        sym.mode.aes = TPM_ALG_CFB;
    }
    TPM_ALG_ID scheme = a->scheme >= 0 ? scheme_ids[a->scheme] : TPM_ALG_NULL;
    if (ecc) {
        if (scheme != TPM_ALG_NULL)
            return tool_error(t, "-scheme %s is for RSA keys", pem_schemes[a->scheme]);
        if (sign && a->scheme < 0)
            scheme = TPM_ALG_ECDSA;
        else if (a->den && a->scheme < 0) /* IBM's ECC decryption key: ECDH */
            scheme = TPM_ALG_ECDH;
        pub->parameters.eccDetail.symmetric = sym;
        pub->parameters.eccDetail.scheme.scheme = scheme;
        pub->parameters.eccDetail.scheme.details.anySig.hashAlg = a->halg;
        pub->parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
        return 0;
    }
    if (sign && a->scheme < 0)
        scheme = TPM_ALG_RSASSA;
    if (sign && (scheme == TPM_ALG_RSAES || scheme == TPM_ALG_OAEP))
        return tool_error(t, "-scheme %s needs a decryption key (-den)", pem_schemes[a->scheme]);
    if (!sign &&
        (scheme == TPM_ALG_RSASSA || scheme == TPM_ALG_RSAPSS || (a->st && scheme != TPM_ALG_NULL)))
        return tool_error(t, "-scheme %s does not fit %s", pem_schemes[a->scheme],
                          a->st ? "-st" : "-den");
    pub->parameters.rsaDetail.symmetric = sym;
    pub->parameters.rsaDetail.scheme.scheme = scheme;
    pub->parameters.rsaDetail.scheme.details.anySig.hashAlg = a->halg;
    return 0;
}

/* public area of pkey; with sens, also its private part */
static int convert(const tool *t, EVP_PKEY *pkey, const pem_args *a, TPMT_PUBLIC *pub,
                   TPMT_SENSITIVE *sens)
{
    memset(pub, 0, sizeof(*pub));
    pub->nameAlg = a->nalg;
    int bits = EVP_PKEY_get_bits(pkey);
    if (EVP_PKEY_is_a(pkey, "RSA")) {
        if (a->ecc)
            return tool_error(t, "-ecc given for an RSA key");
        size_t nbytes = (size_t)(bits + 7) / 8;
        BIGNUM *e = NULL;
        int ok = nbytes <= MAX_RSA_KEY_BYTES &&
                 bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, pub->unique.rsa.t.buffer, nbytes) &&
                 EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) && BN_num_bits(e) <= 32;
        uint32_t exp = ok ? (uint32_t)BN_get_word(e) : 0;
        BN_free(e);
        if (!ok)
            return tool_error(t, "unsupported RSA key (%d bits)", bits);
        pub->type = TPM_ALG_RSA;
        pub->unique.rsa.t.size = (UINT16)nbytes;
        pub->parameters.rsaDetail.keyBits = (TPMI_RSA_KEY_BITS)bits;
        pub->parameters.rsaDetail.exponent = exp == 65537 ? 0 : exp;
        if (sens != NULL) {
            sens->sensitiveType = TPM_ALG_RSA;
            sens->sensitive.rsa.t.size = (UINT16)(nbytes / 2);
            if (!bn_param(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, sens->sensitive.rsa.t.buffer,
                          nbytes / 2))
                return tool_error(t, "the RSA key has no private primes");
        }
        return key_shape(t, a, 0, pub);
    }
    if (EVP_PKEY_is_a(pkey, "EC")) {
        if (a->rsa)
            return tool_error(t, "-rsa given for an ECC key");
        char group[64];
        size_t i = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                           NULL)) {
            int nid = OBJ_sn2nid(group);
            while (i < NCURVES && curves[i].nid != nid)
                i++;
        } else {
            i = NCURVES;
        }
        size_t fb = (size_t)(bits + 7) / 8;
        TPMS_ECC_POINT *q = &pub->unique.ecc;
        if (i == NCURVES || fb > MAX_ECC_KEY_BYTES ||
            !bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_X, q->x.t.buffer, fb) ||
            !bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, q->y.t.buffer, fb))
            return tool_error(t, "unsupported ECC key or curve");
        q->x.t.size = q->y.t.size = (UINT16)fb;
        pub->type = TPM_ALG_ECC;
        pub->parameters.eccDetail.curveID = curves[i].id;
        if (sens != NULL) {
            sens->sensitiveType = TPM_ALG_ECC;
            sens->sensitive.ecc.t.size = (UINT16)fb;
            if (!bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, sens->sensitive.ecc.t.buffer, fb))
                return tool_error(t, "the ECC key has no private part");
        }
        return key_shape(t, a, 1, pub);
    }
    return tool_error(t, "only RSA and ECC keys are supported");
}

int pem_read_public(const tool *t, const char *path, const pem_args *a, TPMT_PUBLIC *pub)
{
    EVP_PKEY *pkey = decode_key(t, path, EVP_PKEY_PUBLIC_KEY, NULL);
    if (pkey == NULL)
        return EXIT_FAILURE;
    int ret = convert(t, pkey, a, pub, NULL);
    EVP_PKEY_free(pkey);
    return ret;
}

int pem_read_keypair(const tool *t, const char *path, const pem_args *a, const char *passphrase,
                     const char *pwd, TPMT_PUBLIC *pub, TPMT_SENSITIVE *sens)
{
    EVP_PKEY *pkey = decode_key(t, path, EVP_PKEY_KEYPAIR, passphrase);
    if (pkey == NULL)
        return EXIT_FAILURE;
    memset(sens, 0, sizeof(*sens));
    int ret = convert(t, pkey, a, pub, sens);
    EVP_PKEY_free(pkey);
    if (ret == 0 &&
        TSS_TPM2B_StringCopy(&sens->authValue.b, pwd, sizeof(sens->authValue.t.buffer)) != 0)
        ret = tool_error(t, "-pwdk is too long");
    return ret;
}

EVP_PKEY *pem_read_private(const tool *t, const char *path, const char *passphrase)
{
    return decode_key(t, path, EVP_PKEY_KEYPAIR, passphrase);
}
