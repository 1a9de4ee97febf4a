/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "tool/cred.h"
#include "tool/nv.h"
#include "tool/pem.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

static TPM_RC fail(const tool *t, TPM_RC rc, const char *what)
{
    fprintf(stderr, "%s: %s\n", t->name, what);
    return rc;
}

/* ---- primitives: the library's (tsscrypto.h) ----------------------------------------- */

static const char *md_name(TPMI_ALG_HASH alg)
{
    switch (alg) {
    case TPM_ALG_SHA1: return "SHA1";
    case TPM_ALG_SHA256: return "SHA256";
    case TPM_ALG_SHA384: return "SHA384";
    case TPM_ALG_SHA512: return "SHA512";
    default: return NULL;
    }
}

static int kdfa(TPMI_ALG_HASH alg, const uint8_t *key, size_t keylen, const char *label,
                const TPM2B *u, uint32_t bits, uint8_t *out)
{
    TPM2B_DIGEST k;
    if (keylen > sizeof(k.t.buffer))
        return 0;
    k.t.size = (uint16_t)keylen;
    memcpy(k.t.buffer, key, keylen);
    int ok = TSS_KDFA(out, alg, &k.b, label, u, NULL, bits) == 0;
    OPENSSL_cleanse(&k, sizeof(k));
    return ok;
}

static int kdfe(TPMI_ALG_HASH alg, const uint8_t *z, size_t zlen, const char *label, const TPM2B *u,
                const TPM2B *v, uint32_t bits, uint8_t *out)
{
    TPM2B_ECC_PARAMETER k;
    if (zlen > sizeof(k.t.buffer))
        return 0;
    k.t.size = (uint16_t)zlen;
    memcpy(k.t.buffer, z, zlen);
    int ok = TSS_KDFE(out, alg, &k.b, label, u, v, bits) == 0;
    OPENSSL_cleanse(&k, sizeof(k));
    return ok;
}

/* AES-CFB with a zero IV, in place (the outer wrapper's and the inner wrapper's mode) */
static int aes_cfb_encrypt(uint8_t *key, unsigned bits, uint8_t *data, size_t len)
{
    uint8_t iv[16] = {0};
    return len <= UINT32_MAX && TSS_AES_EncryptCFB(data, bits, key, iv, (uint32_t)len, data) == 0;
}

TPM_RC cred_name(const TPMT_PUBLIC *pub, TPM2B_NAME *name)
{
    uint8_t buf[sizeof(TPMT_PUBLIC)], *p = buf;
    uint32_t size = sizeof(buf);
    uint16_t written = 0;
    uint16_t dlen = TSS_GetDigestSize(pub->nameAlg);
    TPM_RC rc = TSS_TPMT_PUBLIC_Marshalu(pub, &written, &p, &size);
    if (rc != 0)
        return rc;
    if (dlen == 0)
        return TSS_RC_BAD_HASH_ALGORITHM;
    TPMT_HA d = {.hashAlg = pub->nameAlg};
    rc = TSS_Hash_Generate(&d, (int)written, buf, 0, NULL);
    if (rc != 0)
        return rc;
    name->t.name[0] = (uint8_t)(pub->nameAlg >> 8);
    name->t.name[1] = (uint8_t)pub->nameAlg;
    memcpy(name->t.name + 2, &d.digest, dlen);
    name->t.size = (uint16_t)(2 + dlen);
    return 0;
}

/* ---- secret sharing ---------------------------------------------------------------- */

static TPM_RC seed_rsa(const tool *t, EVP_PKEY *pk, const TPMT_PUBLIC *pub, const char *label,
                       TPM2B_DIGEST *seed, TPM2B_ENCRYPTED_SECRET *secret)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL);
    const char *md = md_name(pub->nameAlg);
    size_t len = sizeof(secret->t.secret);
    unsigned char *lbl = OPENSSL_memdup(label, strlen(label) + 1);
    int ok = ctx != NULL && lbl != NULL && md != NULL && EVP_PKEY_encrypt_init(ctx) > 0 &&
             EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0 &&
             EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx, md, NULL) > 0 &&
             EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx, md, NULL) > 0 &&
             EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, lbl, (int)strlen(label) + 1) > 0;
    if (ok)
        lbl = NULL; /* owned by ctx now */
    ok = ok && EVP_PKEY_encrypt(ctx, secret->t.secret, &len, seed->t.buffer, seed->t.size) > 0;
    OPENSSL_free(lbl);
    EVP_PKEY_CTX_free(ctx);
    if (!ok)
        return fail(t, TSS_RC_RSA_ENCRYPT, "RSA-OAEP encryption of the seed failed");
    secret->t.size = (uint16_t)len;
    return 0;
}

static int bn_pad(EVP_PKEY *pk, const char *param, TPM2B_ECC_PARAMETER *out, size_t n)
{
    BIGNUM *bn = NULL;
    int ok = n <= sizeof(out->t.buffer) && EVP_PKEY_get_bn_param(pk, param, &bn) &&
             BN_bn2binpad(bn, out->t.buffer, (int)n) == (int)n;
    BN_free(bn);
    out->t.size = (uint16_t)n;
    return ok;
}

static TPM_RC seed_ecc(const tool *t, EVP_PKEY *pk, const TPMT_PUBLIC *pub, const char *label,
                       TPM2B_DIGEST *seed, TPM2B_ENCRYPTED_SECRET *secret)
{
    char group[64];
    size_t fb = (size_t)(EVP_PKEY_get_bits(pk) + 7) / 8, zlen = 0;
    uint8_t z[MAX_ECC_KEY_BYTES + 8];
    TPMS_ECC_POINT q;
    EVP_PKEY *eph = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    int ok = EVP_PKEY_get_utf8_string_param(pk, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                            NULL) &&
             (eph = EVP_PKEY_Q_keygen(NULL, NULL, "EC", group)) != NULL &&
             (ctx = EVP_PKEY_CTX_new_from_pkey(NULL, eph, NULL)) != NULL &&
             EVP_PKEY_derive_init(ctx) > 0 && EVP_PKEY_derive_set_peer(ctx, pk) > 0 &&
             EVP_PKEY_derive(ctx, NULL, &zlen) > 0 && zlen <= sizeof(z) &&
             EVP_PKEY_derive(ctx, z, &zlen) > 0 &&
             bn_pad(eph, OSSL_PKEY_PARAM_EC_PUB_X, &q.x, fb) &&
             bn_pad(eph, OSSL_PKEY_PARAM_EC_PUB_Y, &q.y, fb);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(eph);
    if (ok)
        ok = kdfe(pub->nameAlg, z, zlen, label, &q.x.b, &pub->unique.ecc.x.b, seed->t.size * 8u,
                  seed->t.buffer);
    OPENSSL_cleanse(z, sizeof(z));
    if (!ok)
        return fail(t, TSS_RC_EC_EPHEMERAL_FAILURE, "ECDH with the key failed");
    uint8_t *p = secret->t.secret;
    uint32_t size = sizeof(secret->t.secret);
    uint16_t written = 0;
    TPM_RC rc = TSS_TPMS_ECC_POINT_Marshalu(&q, &written, &p, &size);
    secret->t.size = written;
    return rc;
}

TPM_RC cred_seed(const tool *t, const TPMT_PUBLIC *pub, const char *label, TPM2B_DIGEST *seed,
                 TPM2B_ENCRYPTED_SECRET *secret)
{
    seed->t.size = TSS_GetDigestSize(pub->nameAlg);
    if (seed->t.size == 0)
        return fail(t, TSS_RC_BAD_HASH_ALGORITHM, "the key's name algorithm is not supported");
    if (pub->type == TPM_ALG_RSA && TSS_RandBytes(seed->t.buffer, seed->t.size) != 0)
        return fail(t, TSS_RC_RNG_FAILURE, "no random numbers");
    EVP_PKEY *pk = NULL;
    TPM_RC rc = pem_pkey_from_public(t, pub, &pk);
    if (rc == 0)
        rc = pub->type == TPM_ALG_RSA ? seed_rsa(t, pk, pub, label, seed, secret)
                                      : seed_ecc(t, pk, pub, label, seed, secret);
    EVP_PKEY_free(pk);
    return rc;
}

/* out = TPM2B(HMAC(hmacKey, enc || name)) || enc, enc = AES-CFB(symKey, plain) */
static TPM_RC outer_wrap(const tool *t, const TPMT_PUBLIC *key, const TPM2B_DIGEST *seed,
                         const TPM2B_NAME *name, const uint8_t *plain, size_t plen, uint8_t *out,
                         size_t max, uint16_t *outlen)
{
    const TPMT_SYM_DEF_OBJECT *sym = key->type == TPM_ALG_RSA
                                         ? &key->parameters.rsaDetail.symmetric
                                         : &key->parameters.eccDetail.symmetric;
    if ((key->type != TPM_ALG_RSA && key->type != TPM_ALG_ECC) || sym->algorithm != TPM_ALG_AES ||
        sym->mode.aes != TPM_ALG_CFB)
        return fail(t, TSS_RC_BAD_ENCRYPT_ALGORITHM,
                    "the key is not an RSA or ECC storage key with AES-CFB");
    size_t dlen = TSS_GetDigestSize(key->nameAlg);
    if (2 + dlen + plen > max)
        return fail(t, TSS_RC_INSUFFICIENT_BUFFER, "the wrapped data is too large");
    uint8_t symkey[32];
    uint8_t *enc = out + 2 + dlen;
    memmove(enc, plain, plen);
    TPM2B_KEY hk;
    TPMT_HA mac = {.hashAlg = key->nameAlg};
    int ok = sym->keyBits.aes <= 256 &&
             kdfa(key->nameAlg, seed->t.buffer, seed->t.size, "STORAGE", &name->b, sym->keyBits.aes,
                  symkey) &&
             aes_cfb_encrypt(symkey, sym->keyBits.aes, enc, plen) &&
             kdfa(key->nameAlg, seed->t.buffer, seed->t.size, "INTEGRITY", NULL, (uint32_t)dlen * 8,
                  hk.t.buffer);
    hk.t.size = (uint16_t)dlen;
    ok = ok && plen <= INT32_MAX &&
         TSS_HMAC_Generate(&mac, &hk, (int)plen, enc, (int)name->t.size, name->t.name, 0, NULL) == 0;
    if (ok)
        memcpy(out + 2, &mac.digest, dlen);
    OPENSSL_cleanse(symkey, sizeof(symkey));
    OPENSSL_cleanse(&hk, sizeof(hk));
    OPENSSL_cleanse(&mac, sizeof(mac));
    if (!ok)
        return fail(t, TSS_RC_KDFA_FAILED, "cannot compute the outer wrapper");
    out[0] = (uint8_t)(dlen >> 8);
    out[1] = (uint8_t)dlen;
    *outlen = (uint16_t)(2 + dlen + plen);
    return 0;
}

TPM_RC cred_make(const tool *t, const TPMT_PUBLIC *ek, const TPM2B_DIGEST *credential,
                 const TPM2B_NAME *name, TPM2B_ID_OBJECT *blob, TPM2B_ENCRYPTED_SECRET *secret)
{
    if (!(ek->objectAttributes.val & TPMA_OBJECT_DECRYPT) ||
        !(ek->objectAttributes.val & TPMA_OBJECT_RESTRICTED))
        return fail(t, TPM_RC_TYPE, "the key is not a restricted decryption (storage) key");
    if (credential->t.size > TSS_GetDigestSize(ek->nameAlg))
        return fail(t, TPM_RC_SIZE, "the credential is longer than the key's name digest");
    if (name->t.size < 2)
        return fail(t, TPM_RC_SIZE, "the object Name is empty");
    TPM2B_DIGEST seed;
    uint8_t plain[2 + sizeof(credential->t.buffer)];
    plain[0] = (uint8_t)(credential->t.size >> 8);
    plain[1] = (uint8_t)credential->t.size;
    memcpy(plain + 2, credential->t.buffer, credential->t.size);
    TPM_RC rc = cred_seed(t, ek, "IDENTITY", &seed, secret);
    if (rc == 0)
        rc = outer_wrap(t, ek, &seed, name, plain, 2u + credential->t.size, blob->t.credential,
                        sizeof(blob->t.credential), &blob->t.size);
    OPENSSL_cleanse(&seed, sizeof(seed));
    OPENSSL_cleanse(plain, sizeof(plain));
    return rc;
}

TPM_RC cred_duplicate(const tool *t, const TPMT_PUBLIC *pub, const TPMT_SENSITIVE *sens,
                      const TPMT_PUBLIC *parent, TPM2B_PRIVATE *dup,
                      TPM2B_ENCRYPTED_SECRET *symseed)
{
    /* the plain duplicate is a TPM2B_SENSITIVE */
    uint8_t plain[sizeof(TPM2B_SENSITIVE)], *p = plain + 2;
    uint32_t size = sizeof(plain) - 2;
    uint16_t written = 0;
    TPM_RC rc = TSS_TPMT_SENSITIVE_Marshalu(sens, &written, &p, &size);
    if (rc != 0)
        return rc;
    plain[0] = (uint8_t)(written >> 8);
    plain[1] = (uint8_t)written;
    symseed->t.size = 0;
    if (parent == NULL) {
        if (2u + written > sizeof(dup->t.buffer))
            rc = TSS_RC_INSUFFICIENT_BUFFER;
        else
            memcpy(dup->t.buffer, plain, 2u + written);
        dup->t.size = (uint16_t)(2u + written);
    } else {
        TPM2B_NAME name;
        TPM2B_DIGEST seed;
        rc = cred_name(pub, &name);
        if (rc == 0)
            rc = cred_seed(t, parent, "DUPLICATE", &seed, symseed);
        if (rc == 0)
            rc = outer_wrap(t, parent, &seed, &name, plain, 2u + written, dup->t.buffer,
                            sizeof(dup->t.buffer), &dup->t.size);
        OPENSSL_cleanse(&seed, sizeof(seed));
    }
    OPENSSL_cleanse(plain, sizeof(plain));
    return rc;
}

/* ---- keys ------------------------------------------------------------------------------ */

int cred_read_keypair(const tool *t, const char *path, const struct pem_args *a, const char *pwd,
                      TPMT_PUBLIC *pub, TPMT_SENSITIVE *sens)
{
    return pem_read_keypair(t, path, a, pwd, pwd, pub, sens);
}

TPM_RC cred_read_public(tool *t, TSS_CONTEXT *ctx, TPM_HANDLE h, int sessions, TPMT_PUBLIC *pub)
{
    ReadPublic_In in = {.objectHandle = h};
    ReadPublic_Out out;
    TPM_RC rc = sessions ? tool_execute(t, ctx, &out, &in, TPM_CC_ReadPublic, 0, NULL, NULL)
                         : TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                                       NULL, TPM_CC_ReadPublic, TPM_RH_NULL, NULL, 0);
    if (rc == 0)
        *pub = out.outPublic.publicArea;
    return rc;
}

/* ---- EK ------------------------------------------------------------------------------- */

const char *const cred_curves[] = {"nistp256", "nistp384", "nistp521", NULL};

/* PolicyA: PolicySecret(TPM_RH_ENDORSEMENT); PolicyB: PolicyOR(PolicyA, PolicyC) per nameAlg */
static const uint8_t policy_a[32] = {
    0x83, 0x71, 0x97, 0x67, 0x44, 0x84, 0xb3, 0xf8, 0x1a, 0x90, 0xcc, 0x8d, 0x46, 0xa5, 0xd7, 0x24,
    0xfd, 0x52, 0xd7, 0x6e, 0x06, 0x52, 0x0b, 0x64, 0xf2, 0xa1, 0xda, 0x1b, 0x33, 0x14, 0x69, 0xaa};
static const uint8_t policy_b256[32] = {
    0xca, 0x3d, 0x0a, 0x99, 0xa2, 0xb9, 0x39, 0x06, 0xf7, 0xa3, 0x34, 0x24, 0x14, 0xef, 0xcf, 0xb3,
    0xa3, 0x85, 0xd4, 0x4c, 0xd1, 0xfd, 0x45, 0x90, 0x89, 0xd1, 0x9b, 0x50, 0x71, 0xc0, 0xb7, 0xa0};
static const uint8_t policy_b384[48] = {
    0xb2, 0x6e, 0x7d, 0x28, 0xd1, 0x1a, 0x50, 0xbc, 0x53, 0xd8, 0x82, 0xbc, 0xf5, 0xfd, 0x3a, 0x1a,
    0x07, 0x41, 0x48, 0xbb, 0x35, 0xd3, 0xb4, 0xe4, 0xcb, 0x1c, 0x0a, 0xd9, 0xbd, 0xe4, 0x19, 0xca,
    0xcb, 0x47, 0xba, 0x09, 0x69, 0x96, 0x46, 0x15, 0x0f, 0x9f, 0xc0, 0x00, 0xf3, 0xf8, 0x0e, 0x12};
static const uint8_t policy_b512[64] = {
    0xb8, 0x22, 0x1c, 0xa6, 0x9e, 0x85, 0x50, 0xa4, 0x91, 0x4d, 0xe3, 0xfa, 0xa6, 0xa1, 0x8c, 0x07,
    0x2c, 0xc0, 0x12, 0x08, 0x07, 0x3a, 0x92, 0x8d, 0x5d, 0x66, 0xd5, 0x9e, 0xf7, 0x9e, 0x49, 0xa4,
    0x29, 0xc4, 0x1a, 0x6b, 0x26, 0x95, 0x71, 0xd5, 0x7e, 0xdb, 0x25, 0xfb, 0xdb, 0x18, 0x38, 0x42,
    0x56, 0x08, 0xb4, 0x13, 0xcd, 0x61, 0x6a, 0x5f, 0x6d, 0xb5, 0xb6, 0x07, 0x1a, 0xf9, 0x9b, 0xea};

static const struct ekdef {
    const char *what;
    TPMI_ALG_PUBLIC type;
    unsigned bits; /* RSA key bits */
    TPMI_ECC_CURVE curve;
    int high;
    TPMI_RH_NV_INDEX cert;
    TPMI_ALG_HASH nalg;
    uint16_t aes;
} ekdefs[] = {
    {"RSA 2048 (L-1)", TPM_ALG_RSA, 2048, 0, 0, 0x01c00002, TPM_ALG_SHA256, 128},
    {"ECC NIST P-256 (L-2)", TPM_ALG_ECC, 0, TPM_ECC_NIST_P256, 0, 0x01c0000a, TPM_ALG_SHA256, 128},
    {"RSA 2048 (H-1)", TPM_ALG_RSA, 2048, 0, 1, 0x01c00012, TPM_ALG_SHA256, 128},
    {"ECC NIST P-256 (H-2)", TPM_ALG_ECC, 0, TPM_ECC_NIST_P256, 1, 0x01c00014, TPM_ALG_SHA256, 128},
    {"ECC NIST P-384 (H-3)", TPM_ALG_ECC, 0, TPM_ECC_NIST_P384, 1, 0x01c00016, TPM_ALG_SHA384, 256},
    {"ECC NIST P-521 (H-4)", TPM_ALG_ECC, 0, TPM_ECC_NIST_P521, 1, 0x01c00018, TPM_ALG_SHA512, 256},
    {"RSA 3072 (H-6)", TPM_ALG_RSA, 3072, 0, 1, 0x01c0001c, TPM_ALG_SHA384, 256},
    {"RSA 4096 (H-7)", TPM_ALG_RSA, 4096, 0, 1, 0x01c0001e, TPM_ALG_SHA384, 256},
};

/* an option of t that takes an argument */
static int takes_arg(const tool *t, const char *flag)
{
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++)
        if (strcmp(o->flag, flag) == 0)
            return o->kind != T_FLAG;
    return 0;
}

int cred_rsa_preparse(const tool *t, int *argc, char **argv, int *rsa, unsigned *keybits)
{
    *keybits = 2048;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "-rsa") != 0) {
            if (takes_arg(t, argv[i]))
                i++; /* a password such as "-rsa" is not the option */
            continue;
        }
        *rsa = 1;
        if (i + 1 >= *argc || argv[i + 1][0] == '-')
            continue;
        if (strcmp(argv[i + 1], "2048") != 0 && strcmp(argv[i + 1], "3072") != 0 &&
            strcmp(argv[i + 1], "4096") != 0)
            return tool_error(t, "bad RSA key size '%s' for -rsa (2048, 3072, 4096)", argv[i + 1]);
        *keybits = (unsigned)atoi(argv[i + 1]);
        memmove(&argv[i + 1], &argv[i + 2], (size_t)(*argc - i - 1) * sizeof(char *));
        (*argc)--;
    }
    return 0;
}

int cred_ek_select(const tool *t, int rsa, unsigned keybits, int curve, int high, cred_ek *ek)
{
    static const TPMI_ECC_CURVE ids[] = {TPM_ECC_NIST_P256, TPM_ECC_NIST_P384, TPM_ECC_NIST_P521};
    if (rsa && curve >= 0)
        return tool_error(t, "-rsa and -ecc exclude each other");
    TPMI_ALG_PUBLIC type = curve >= 0 ? TPM_ALG_ECC : TPM_ALG_RSA;
    const struct ekdef *d = NULL;
    for (size_t i = 0; i < sizeof(ekdefs) / sizeof(ekdefs[0]) && d == NULL; i++) {
        const struct ekdef *e = &ekdefs[i];
        if (e->type == type &&
            (type == TPM_ALG_RSA ? e->bits == keybits : e->curve == ids[curve]) &&
            (e->high == high || e->high))
            d = e;
    }
    if (d == NULL)
        return tool_error(t, "no EK template for that algorithm");
    memset(ek, 0, sizeof(*ek));
    ek->what = d->what;
    ek->cert = d->cert;
    ek->nonce = d->high ? 0 : d->cert + 1;
    ek->tmpl = d->high ? d->cert + 1 : d->cert + 2;
    TPMT_PUBLIC *p = &ek->pub;
    p->type = d->type;
    p->nameAlg = d->nalg;
    p->objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                              TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_ADMINWITHPOLICY |
                              TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT |
                              (d->high ? TPMA_OBJECT_USERWITHAUTH : 0);
    const uint8_t *pol = !d->high                    ? policy_a
                         : d->nalg == TPM_ALG_SHA256 ? policy_b256
                         : d->nalg == TPM_ALG_SHA384 ? policy_b384
                                                     : policy_b512;
    p->authPolicy.t.size = TSS_GetDigestSize(d->nalg);
    memcpy(p->authPolicy.t.buffer, pol, p->authPolicy.t.size);
    TPMT_SYM_DEF_OBJECT *sym = d->type == TPM_ALG_RSA ? &p->parameters.rsaDetail.symmetric
                                                      : &p->parameters.eccDetail.symmetric;
    sym->algorithm = TPM_ALG_AES;
    sym->keyBits.aes = d->aes;
    sym->mode.aes = TPM_ALG_CFB;
    if (d->type == TPM_ALG_RSA) {
        p->parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
        p->parameters.rsaDetail.keyBits = (TPMI_RSA_KEY_BITS)d->bits;
        p->parameters.rsaDetail.exponent = 0;
        p->unique.rsa.t.size = d->high ? 0 : (uint16_t)(d->bits / 8); /* zeros in the low range */
    } else {
        p->parameters.eccDetail.scheme.scheme = TPM_ALG_NULL;
        p->parameters.eccDetail.curveID = d->curve;
        p->parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
        p->unique.ecc.x.t.size = p->unique.ecc.y.t.size = d->high ? 0 : 32;
    }
    return 0;
}

TPM_RC cred_nv_read(tool *t, TSS_CONTEXT *ctx, TPMI_RH_NV_INDEX index, uint8_t **data,
                    uint16_t *len)
{
    NV_ReadPublic_In pin = {.nvIndex = index};
    NV_ReadPublic_Out pout;
    uint32_t chunk = 0;
    *data = NULL;
    *len = 0;
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&pout, (COMMAND_PARAMETERS *)&pin, NULL,
                            TPM_CC_NV_ReadPublic, TPM_RH_NULL, NULL, 0);
    uint16_t total = rc == 0 ? pout.nvPublic.nvPublic.dataSize : 0;
    if (rc == 0)
        rc = nv_chunk(t, ctx, total, &chunk);
    if (rc == 0 && (*data = malloc(total + 1u)) == NULL)
        rc = TSS_RC_OUT_OF_MEMORY;
    for (uint16_t got = 0; rc == 0 && got < total;) {
        NV_Read_In in = {.authHandle = index, .nvIndex = index, .offset = got};
        NV_Read_Out out;
        uint32_t left = (uint32_t)(total - got);
        in.size = (uint16_t)(left < chunk ? left : chunk);
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_NV_Read, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        if (rc == 0 && (out.data.t.size == 0 || out.data.t.size > left))
            rc = TSS_RC_MALFORMED_RESPONSE;
        if (rc == 0) {
            memcpy(*data + got, out.data.t.buffer, out.data.t.size);
            got = (uint16_t)(got + out.data.t.size);
        }
    }
    if (rc != 0) {
        free(*data);
        *data = NULL;
    } else {
        *len = total;
    }
    return rc;
}

int cred_nv_absent(TPM_RC rc)
{
    return (rc & 0x80) != 0 && (rc & 0x3f) == (TPM_RC_HANDLE & 0x3f);
}

TPM_RC cred_ek_template(tool *t, TSS_CONTEXT *ctx, const cred_ek *ek, TPMT_PUBLIC *pub, int print)
{
    uint8_t *data = NULL;
    uint16_t len = 0;
    *pub = ek->pub;
    TPM_RC rc = cred_nv_read(t, ctx, ek->tmpl, &data, &len);
    if (rc == 0) {
        uint8_t *p = data;
        uint32_t size = len;
        rc = TSS_TPMT_PUBLIC_Unmarshalu(pub, &p, &size, NO);
        if (rc == 0 && size != 0)
            rc = TPM_RC_SIZE;
        if (rc != 0)
            fprintf(stderr, "%s: the EK template at %08x is malformed\n", t->name, ek->tmpl);
        else if (print)
            printf("EK template from NV index %08x\n", ek->tmpl);
    } else if (cred_nv_absent(rc)) {
        rc = 0;
        if (print)
            printf("EK template not found, using the default %s template\n", ek->what);
    }
    free(data);
    data = NULL;
    if (rc != 0 || ek->nonce == 0)
        return rc;
    rc = cred_nv_read(t, ctx, ek->nonce, &data, &len);
    if (cred_nv_absent(rc)) {
        if (print)
            printf("EK nonce not found, the unique field stays zero\n");
        return 0;
    }
    size_t max = pub->type == TPM_ALG_RSA ? pub->unique.rsa.t.size : pub->unique.ecc.x.t.size;
    if (rc == 0 && len > max)
        rc = fail(t, TPM_RC_SIZE, "the EK nonce is larger than the unique field");
    if (rc == 0) /* the nonce, padded with the template's zeros (ECC: into x) */
        memcpy(pub->type == TPM_ALG_RSA ? pub->unique.rsa.t.buffer : pub->unique.ecc.x.t.buffer,
               data, len);
    if (rc == 0 && print)
        printf("EK nonce from NV index %08x\n", ek->nonce);
    free(data);
    return rc;
}

TPM_RC cred_ek_create(tool *t, TSS_CONTEXT *ctx, const TPMT_PUBLIC *tmpl, const char *pwde,
                      const char *pwdk, TPM_HANDLE *h, TPMT_PUBLIC *out)
{
    CreatePrimary_In in;
    CreatePrimary_Out cout;
    memset(&in, 0, sizeof(in));
    in.primaryHandle = TPM_RH_ENDORSEMENT;
    in.inPublic.publicArea = *tmpl;
    if (TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, pwdk,
                             sizeof(in.inSensitive.sensitive.userAuth.t.buffer)) != 0)
        return fail(t, TSS_RC_BAD_PROPERTY_VALUE, "-pwdk is too long");
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&cout, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_CreatePrimary, TPM_RS_PW, pwde, 0, TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        *h = cout.objectHandle;
        *out = cout.outPublic.publicArea;
    }
    return rc;
}

/* ---- X.509 ---------------------------------------------------------------------------- */

TPM_RC cred_cert_read(tool *t, TSS_CONTEXT *ctx, TPMI_RH_NV_INDEX index, X509 **cert)
{
    uint8_t *data = NULL;
    uint16_t len = 0;
    *cert = NULL;
    TPM_RC rc = cred_nv_read(t, ctx, index, &data, &len);
    if (rc == 0) {
        const unsigned char *p = data;
        *cert = d2i_X509(NULL, &p, len);
        if (*cert == NULL) {
            fprintf(stderr, "%s: NV index %08x does not hold an X.509 certificate\n", t->name,
                    index);
            rc = TSS_RC_X509_ERROR;
        }
    } else if (cred_nv_absent(rc)) {
        fprintf(stderr, "%s: no EK certificate at NV index %08x\n", t->name, index);
    }
    free(data);
    ERR_clear_error();
    return rc;
}

int cred_cert_matches(const tool *t, X509 *cert, const TPMT_PUBLIC *pub)
{
    EVP_PKEY *pk = NULL;
    if (pem_pkey_from_public(t, pub, &pk) != 0)
        return EXIT_FAILURE;
    EVP_PKEY *ck = X509_get0_pubkey(cert);
    int ok = ck != NULL && EVP_PKEY_eq(ck, pk) == 1;
    EVP_PKEY_free(pk);
    ERR_clear_error();
    return ok ? 0 : tool_error(t, "the EK does not match the EK certificate's public key");
}

/* each line of listfile names a PEM certificate; they go into store as trust anchors */
static int load_roots(const tool *t, const char *listfile, X509_STORE *store)
{
    unsigned char *list = NULL;
    size_t len = 0;
    int n = 0, ret = 0;
    if (tool_read_bytes(t, listfile, &list, &len) != 0)
        return EXIT_FAILURE;
    for (char *line = (char *)list, *next; ret == 0 && line != NULL && *line; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        size_t l = strlen(line);
        while (l > 0 && (line[l - 1] == '\r' || line[l - 1] == ' ' || line[l - 1] == '\t'))
            line[--l] = '\0';
        if (l == 0)
            continue;
        BIO *bio = BIO_new_file(line, "r");
        X509 *x = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
        if (x == NULL || !X509_STORE_add_cert(store, x))
            ret = tool_error(t, "%s: cannot read the PEM certificate %s", listfile, line);
        else
            n++;
        X509_free(x);
        BIO_free(bio);
    }
    free(list);
    if (ret == 0 && n == 0)
        ret = tool_error(t, "%s lists no certificate", listfile);
    return ret;
}

int cred_cert_verify(const tool *t, X509 *cert, const char *listfile)
{
    X509_STORE *store = X509_STORE_new();
    X509_STORE_CTX *sctx = X509_STORE_CTX_new();
    int ret = EXIT_FAILURE;
    if (store == NULL || sctx == NULL) {
        tool_error(t, "out of memory");
    } else if (load_roots(t, listfile, store) == 0) {
        X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
        if (!X509_STORE_CTX_init(sctx, store, cert, NULL))
            tool_error(t, "cannot set up the certificate validation");
        else if (X509_verify_cert(sctx) != 1)
            tool_error(t, "EK certificate validation against the root failed: %s",
                       X509_verify_cert_error_string(X509_STORE_CTX_get_error(sctx)));
        else
            ret = 0;
    }
    X509_STORE_CTX_free(sctx);
    X509_STORE_free(store);
    ERR_clear_error();
    return ret;
}

static int add_ext(X509 *x, int nid, const char *value)
{
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, NULL, x, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_nconf_nid(NULL, &v3, nid, value);
    int ok = ext != NULL && X509_add_ext(x, ext, -1);
    X509_EXTENSION_free(ext);
    return ok;
}

static int add_name(X509_NAME *n, const char *const *kv)
{
    int ok = 1;
    for (; ok && kv[0] != NULL; kv += 2)
        ok = X509_NAME_add_entry_by_txt(n, kv[0], MBSTRING_ASC, (const unsigned char *)kv[1], -1,
                                        -1, 0);
    return ok;
}

int cred_cert_make(const tool *t, const TPMT_PUBLIC *ek, const char *cakey, const char *capwd,
                   int caalg, unsigned char **der, int *derlen)
{
    /* the subject Names of IBM's test EK CAs (certificates/cacert.pem, cacertecc.pem) and
     * the subject IBM's createekcert gives the EK */
    static const char *const issuer_rsa[] = {"C", "US",  "ST", "NY",    "L", "Yorktown",
                                             "O", "IBM", "CN", "EK CA", NULL};
    static const char *const issuer_ec[] = {"C", "US",  "ST", "NY",       "L", "Yorktown",
                                            "O", "IBM", "CN", "EK EC CA", NULL};
    static const char *const subject[] = {"C", "US",  "ST", "NY",         "L", "Yorktown",
                                          "O", "IBM", "CN", "IBM SW TPM", NULL};
    EVP_PKEY *ca = pem_read_private(t, cakey, capwd);
    if (ca == NULL)
        return EXIT_FAILURE;
    if (caalg >= 0 && !EVP_PKEY_is_a(ca, caalg == 0 ? "RSA" : "EC")) {
        EVP_PKEY_free(ca);
        return tool_error(t, "-caalg does not match the CA key %s", cakey);
    }
    const char *const *issuer = EVP_PKEY_is_a(ca, "EC") ? issuer_ec : issuer_rsa;
    EVP_PKEY *pk = NULL;
    X509 *x = X509_new();
    BIGNUM *serial = BN_new();
    int ecc = ek->type == TPM_ALG_ECC;
    int ok =
        x != NULL && serial != NULL && pem_pkey_from_public(t, ek, &pk) == 0 &&
        X509_set_version(x, X509_VERSION_3) &&
        BN_rand(serial, 63, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
        BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x)) != NULL &&
        add_name(X509_get_issuer_name(x), issuer) && add_name(X509_get_subject_name(x), subject) &&
        X509_gmtime_adj(X509_getm_notBefore(x), 0) != NULL &&
        X509_time_adj_ex(X509_getm_notAfter(x), 20 * 365, 0, NULL) != NULL &&
        X509_set_pubkey(x, pk) && add_ext(x, NID_basic_constraints, "critical,CA:FALSE") &&
        add_ext(x, NID_key_usage, ecc ? "critical,keyAgreement" : "critical,keyEncipherment") &&
        X509_sign(x, ca, EVP_sha256()) > 0;
    *der = NULL;
    *derlen = ok ? i2d_X509(x, der) : -1;
    BN_free(serial);
    X509_free(x);
    EVP_PKEY_free(pk);
    EVP_PKEY_free(ca);
    ERR_clear_error();
    if (*derlen <= 0)
        return tool_error(t, "cannot make the EK certificate");
    return 0;
}
