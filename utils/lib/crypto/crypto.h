/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal crypto interface. Nothing here initialises a random generator or loads a
 * provider until a function that needs it is called: utilities that need no crypto pay
 * nothing for it. */
#ifndef TSS_CRYPTO_H
#define TSS_CRYPTO_H

#include <stddef.h>
#include "tss2/TPM_Types.h"

/* one piece of input */
typedef struct tss_chunk {
    const void *p;
    size_t n;
} tss_chunk;

/* out must hold TSS_GetDigestSize(alg) bytes */
TPM_RC tss_hash(TPM_ALG_ID alg, const tss_chunk *in, size_t nin, uint8_t *out);
TPM_RC tss_hmac(TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const tss_chunk *in, size_t nin,
                uint8_t *out);
TPM_RC tss_random(uint8_t *out, size_t n);

/* Name of an object: nameAlg || H(marshaled TPMT_PUBLIC) */
TPM_RC tss_object_name(TPM2B_NAME *name, const TPMT_PUBLIC *pub);
/* Name of an NV index: nameAlg || H(marshaled TPMS_NV_PUBLIC) */
TPM_RC tss_nv_name(TPM2B_NAME *name, const TPMS_NV_PUBLIC *pub);

/* EVP_PKEY from an RSA or ECC public area; NULL on failure (free with EVP_PKEY_free) */
struct evp_pkey_st;
struct evp_pkey_st *tss_public_pkey(const TPMT_PUBLIC *pub);

/* SP 800-108 counter-mode KDF with HMAC (Part 1 KDFa). label is a NUL-terminated string
 * (its NUL is part of the input); out receives (bits + 7) / 8 bytes. */
TPM_RC tss_kdfa(TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const char *label,
                const uint8_t *u, size_t ulen, const uint8_t *v, size_t vlen, uint32_t bits,
                uint8_t *out);
/* SP 800-56A concatenation KDF (Part 1 KDFe) */
TPM_RC tss_kdfe(TPM_ALG_ID alg, const uint8_t *z, size_t zlen, const char *label,
                const uint8_t *u, size_t ulen, const uint8_t *v, size_t vlen, uint32_t bits,
                uint8_t *out);
/* AES in CFB-128 mode, in place; keylen 16, 24 or 32 */
TPM_RC tss_aes_cfb(int encrypt, const uint8_t *key, size_t keylen, const uint8_t *iv, uint8_t *data,
                   size_t len);
/* State file sealing (seal.c): out = ciphertext || TSS_SEAL_TAG-byte tag; open checks the
 * tag first (TSS_RC_STATE_FILE when it does not match) */
#define TSS_SEAL_IV 16
#define TSS_SEAL_TAG 32
TPM_RC tss_seal(const uint8_t *key, size_t keylen, const uint8_t iv[TSS_SEAL_IV], const uint8_t *aad,
                size_t aadlen, const uint8_t *in, size_t len, uint8_t *out);
TPM_RC tss_open(const uint8_t *key, size_t keylen, const uint8_t iv[TSS_SEAL_IV], const uint8_t *aad,
                size_t aadlen, const uint8_t *in, size_t len, uint8_t *out);
/* zeroes secrets; not optimised away */
void tss_wipe(void *p, size_t n);
/* 1 when equal; time independent of the contents */
int tss_ct_equal(const uint8_t *a, const uint8_t *b, size_t n);
/* RSA-OAEP with the TPM's label convention (label includes its NUL) to an RSA public area */
TPM_RC tss_rsa_oaep_encrypt(const TPMT_PUBLIC *pub, TPM_ALG_ID hashAlg, const char *label,
                            const uint8_t *in, size_t inlen, uint8_t *out, size_t *outlen);
/* One-pass ECDH with an ephemeral key on the curve of pub: Q is the ephemeral public
 * point, z the x coordinate of the shared point (zlen = key size) */
TPM_RC tss_ecdh_ephemeral(const TPMT_PUBLIC *pub, TPMS_ECC_POINT *q, uint8_t *z, size_t *zlen);

#endif
