/* SPDX-License-Identifier: BSD-3-Clause */
/* Authenticated encryption for session state files, built on HMAC-SHA-256 alone (so that
 * saving and loading a session never initialises OpenSSL's cipher machinery, which costs
 * more than the rest of a utility run):
 *   Ke = HMAC(K, "TSS state encrypt"), Km = HMAC(K, "TSS state mac")
 *   keystream block i = HMAC(Ke, iv || i as uint32 big-endian), ciphertext = data XOR stream
 *   tag = HMAC(Km, uint32 aadlen || aad || iv || ciphertext)
 * (HMAC as a PRF in counter mode, then encrypt-then-MAC.) The tag is checked in constant
 * time before anything is decrypted. */
#include <string.h>

#include "crypto/crypto.h"
#include "crypto/sha.h"
#include "tss2/tsserror.h"

static void derive(const uint8_t *key, size_t keylen, const char *label, uint8_t out[32])
{
    tss_sha_hmac m;
    tss_sha_hmac_init(&m, TPM_ALG_SHA256, key, keylen);
    tss_sha_hmac_update(&m, label, strlen(label));
    tss_sha_hmac_final(&m, out);
}

static void keystream_xor(const uint8_t ke[32], const uint8_t iv[TSS_SEAL_IV], const uint8_t *in,
                          size_t len, uint8_t *out)
{
    uint8_t block[32], ctr[4];
    for (uint32_t i = 0; (size_t)i * 32 < len; i++) {
        tss_sha_hmac m;
        ctr[0] = (uint8_t)(i >> 24);
        ctr[1] = (uint8_t)(i >> 16);
        ctr[2] = (uint8_t)(i >> 8);
        ctr[3] = (uint8_t)i;
        tss_sha_hmac_init(&m, TPM_ALG_SHA256, ke, 32);
        tss_sha_hmac_update(&m, iv, TSS_SEAL_IV);
        tss_sha_hmac_update(&m, ctr, 4);
        tss_sha_hmac_final(&m, block);
        size_t n = len - (size_t)i * 32 < 32 ? len - (size_t)i * 32 : 32;
        for (size_t j = 0; j < n; j++)
            out[(size_t)i * 32 + j] = in[(size_t)i * 32 + j] ^ block[j];
    }
    tss_wipe(block, sizeof(block));
}

static void tag_of(const uint8_t km[32], const uint8_t iv[TSS_SEAL_IV], const uint8_t *aad,
                   size_t aadlen, const uint8_t *ct, size_t len, uint8_t tag[TSS_SEAL_TAG])
{
    tss_sha_hmac m;
    uint8_t al[4] = {(uint8_t)(aadlen >> 24), (uint8_t)(aadlen >> 16), (uint8_t)(aadlen >> 8),
                     (uint8_t)aadlen};
    tss_sha_hmac_init(&m, TPM_ALG_SHA256, km, 32);
    tss_sha_hmac_update(&m, al, 4);
    tss_sha_hmac_update(&m, aad, aadlen);
    tss_sha_hmac_update(&m, iv, TSS_SEAL_IV);
    tss_sha_hmac_update(&m, ct, len);
    tss_sha_hmac_final(&m, tag);
}

/* the one wipe for keys, pads, passwords, nonces and state buffers: the compiler may not
 * remove it (explicit_bzero where the C library has it, else volatile stores) */
void tss_wipe(void *p, size_t n)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25))
    explicit_bzero(p, n);
#else
    volatile uint8_t *v = p;
    while (n-- > 0)
        *v++ = 0;
#endif
}

int tss_ct_equal(const uint8_t *a, const uint8_t *b, size_t n)
{
    volatile uint8_t d = 0;
    for (size_t i = 0; i < n; i++)
        d |= (uint8_t)(a[i] ^ b[i]);
    return d == 0;
}

TPM_RC tss_seal(const uint8_t *key, size_t keylen, const uint8_t iv[TSS_SEAL_IV], const uint8_t *aad,
                size_t aadlen, const uint8_t *in, size_t len, uint8_t *out)
{
    uint8_t ke[32], km[32];
    if (keylen == 0)
        return TSS_RC_STATE_KEY;
    derive(key, keylen, "TSS state encrypt", ke);
    derive(key, keylen, "TSS state mac", km);
    keystream_xor(ke, iv, in, len, out);
    tag_of(km, iv, aad, aadlen, out, len, out + len);
    tss_wipe(ke, sizeof(ke));
    tss_wipe(km, sizeof(km));
    return 0;
}

TPM_RC tss_open(const uint8_t *key, size_t keylen, const uint8_t iv[TSS_SEAL_IV], const uint8_t *aad,
                size_t aadlen, const uint8_t *in, size_t len, uint8_t *out)
{
    uint8_t ke[32], km[32], tag[TSS_SEAL_TAG];
    if (keylen == 0)
        return TSS_RC_STATE_KEY;
    derive(key, keylen, "TSS state mac", km);
    tag_of(km, iv, aad, aadlen, in, len, tag);
    int ok = tss_ct_equal(tag, in + len, TSS_SEAL_TAG);
    if (ok) {
        derive(key, keylen, "TSS state encrypt", ke);
        keystream_xor(ke, iv, in, len, out);
        tss_wipe(ke, sizeof(ke));
    }
    tss_wipe(km, sizeof(km));
    return ok ? 0 : TSS_RC_STATE_FILE;
}
