/* SPDX-License-Identifier: BSD-3-Clause */
/* The OpenSSL functions libtss calls, and how it reaches them.
 *
 * With TSS_LAZY_CRYPTO (the Linux build) libtss does not link libcrypto: the first call that
 * needs OpenSSL (RSA, ECC, AES, hashes other than SHA-1/2) loads libcrypto.so.3 with
 * dlopen and resolves these functions once. A program that needs none of them (getrandom,
 * a sign with an HMAC session: the session path is native, see sha.c) never maps
 * libcrypto; relocating it is most of a process start-up. Every user calls
 * tss_ossl_load() first and fails cleanly (TSS_RC_*) when it returns non-zero.
 * Without TSS_LAZY_CRYPTO the calls are ordinary calls and tss_ossl_load() returns 0.
 * Include this instead of the OpenSSL headers, in libtss sources only. */
#ifndef TSS_OSSL_H
#define TSS_OSSL_H

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#ifdef TSS_LAZY_CRYPTO

/* the list, once: X(name) for every function */
#define TSS_OSSL_FUNCS(X) \
    X(BN_bin2bn) \
    X(BN_free) \
    X(BN_new) \
    X(BN_set_word) \
    X(EVP_CIPHER_CTX_free) \
    X(EVP_CIPHER_CTX_new) \
    X(EVP_CIPHER_fetch) \
    X(EVP_CIPHER_free) \
    X(EVP_CipherFinal_ex) \
    X(EVP_CipherInit_ex2) \
    X(EVP_CipherUpdate) \
    X(EVP_DigestFinal_ex) \
    X(EVP_DigestInit_ex) \
    X(EVP_DigestUpdate) \
    X(EVP_MAC_CTX_free) \
    X(EVP_MAC_CTX_new) \
    X(EVP_MAC_fetch) \
    X(EVP_MAC_final) \
    X(EVP_MAC_free) \
    X(EVP_MAC_init) \
    X(EVP_MAC_update) \
    X(EVP_MD_CTX_free) \
    X(EVP_MD_CTX_new) \
    X(EVP_MD_fetch) \
    X(EVP_MD_free) \
    X(EVP_PKEY_CTX_free) \
    X(EVP_PKEY_CTX_new_from_name) \
    X(EVP_PKEY_CTX_new_from_pkey) \
    X(EVP_PKEY_Q_keygen) \
    X(EVP_PKEY_derive) \
    X(EVP_PKEY_derive_init) \
    X(EVP_PKEY_derive_set_peer) \
    X(EVP_PKEY_encrypt) \
    X(EVP_PKEY_encrypt_init_ex) \
    X(EVP_PKEY_free) \
    X(EVP_PKEY_fromdata) \
    X(EVP_PKEY_fromdata_init) \
    X(EVP_PKEY_get_octet_string_param) \
    X(EVP_PKEY_new) \
    X(EVP_get_digestbyname) \
    X(OPENSSL_cleanse) \
    X(OSSL_PARAM_BLD_free) \
    X(OSSL_PARAM_BLD_new) \
    X(OSSL_PARAM_BLD_push_BN) \
    X(OSSL_PARAM_BLD_push_octet_string) \
    X(OSSL_PARAM_BLD_push_utf8_string) \
    X(OSSL_PARAM_BLD_to_param) \
    X(OSSL_PARAM_construct_end) \
    X(OSSL_PARAM_construct_octet_string) \
    X(OSSL_PARAM_construct_utf8_string) \
    X(OSSL_PARAM_free) \
    X(RAND_bytes)

#define TSS_OSSL_FIELD(f) __typeof__(f) *f;
typedef struct tss_ossl_fns {
    TSS_OSSL_FUNCS(TSS_OSSL_FIELD)
} tss_ossl_fns;
#undef TSS_OSSL_FIELD

extern tss_ossl_fns tss_ossl;
/* 0 once libcrypto is loaded and every function resolved; thread-safe */
int tss_ossl_load(void);

#ifndef TSS_OSSL_NO_REDIRECT
/* the calls in libtss sources go through the table */
#define BN_bin2bn (tss_ossl.BN_bin2bn)
#define BN_free (tss_ossl.BN_free)
#define BN_new (tss_ossl.BN_new)
#define BN_set_word (tss_ossl.BN_set_word)
#define EVP_CIPHER_CTX_free (tss_ossl.EVP_CIPHER_CTX_free)
#define EVP_CIPHER_CTX_new (tss_ossl.EVP_CIPHER_CTX_new)
#define EVP_CIPHER_fetch (tss_ossl.EVP_CIPHER_fetch)
#define EVP_CIPHER_free (tss_ossl.EVP_CIPHER_free)
#define EVP_CipherFinal_ex (tss_ossl.EVP_CipherFinal_ex)
#define EVP_CipherInit_ex2 (tss_ossl.EVP_CipherInit_ex2)
#define EVP_CipherUpdate (tss_ossl.EVP_CipherUpdate)
#define EVP_DigestFinal_ex (tss_ossl.EVP_DigestFinal_ex)
#define EVP_DigestInit_ex (tss_ossl.EVP_DigestInit_ex)
#define EVP_DigestUpdate (tss_ossl.EVP_DigestUpdate)
#define EVP_MAC_CTX_free (tss_ossl.EVP_MAC_CTX_free)
#define EVP_MAC_CTX_new (tss_ossl.EVP_MAC_CTX_new)
#define EVP_MAC_fetch (tss_ossl.EVP_MAC_fetch)
#define EVP_MAC_final (tss_ossl.EVP_MAC_final)
#define EVP_MAC_free (tss_ossl.EVP_MAC_free)
#define EVP_MAC_init (tss_ossl.EVP_MAC_init)
#define EVP_MAC_update (tss_ossl.EVP_MAC_update)
#define EVP_MD_CTX_free (tss_ossl.EVP_MD_CTX_free)
#define EVP_MD_CTX_new (tss_ossl.EVP_MD_CTX_new)
#define EVP_MD_fetch (tss_ossl.EVP_MD_fetch)
#define EVP_MD_free (tss_ossl.EVP_MD_free)
#define EVP_PKEY_CTX_free (tss_ossl.EVP_PKEY_CTX_free)
#define EVP_PKEY_CTX_new_from_name (tss_ossl.EVP_PKEY_CTX_new_from_name)
#define EVP_PKEY_CTX_new_from_pkey (tss_ossl.EVP_PKEY_CTX_new_from_pkey)
#define EVP_PKEY_Q_keygen (tss_ossl.EVP_PKEY_Q_keygen)
#define EVP_PKEY_derive (tss_ossl.EVP_PKEY_derive)
#define EVP_PKEY_derive_init (tss_ossl.EVP_PKEY_derive_init)
#define EVP_PKEY_derive_set_peer (tss_ossl.EVP_PKEY_derive_set_peer)
#define EVP_PKEY_encrypt (tss_ossl.EVP_PKEY_encrypt)
#define EVP_PKEY_encrypt_init_ex (tss_ossl.EVP_PKEY_encrypt_init_ex)
#define EVP_PKEY_free (tss_ossl.EVP_PKEY_free)
#define EVP_PKEY_fromdata (tss_ossl.EVP_PKEY_fromdata)
#define EVP_PKEY_fromdata_init (tss_ossl.EVP_PKEY_fromdata_init)
#define EVP_PKEY_get_octet_string_param (tss_ossl.EVP_PKEY_get_octet_string_param)
#define EVP_PKEY_new (tss_ossl.EVP_PKEY_new)
#define EVP_get_digestbyname (tss_ossl.EVP_get_digestbyname)
#define OPENSSL_cleanse (tss_ossl.OPENSSL_cleanse)
#define OSSL_PARAM_BLD_free (tss_ossl.OSSL_PARAM_BLD_free)
#define OSSL_PARAM_BLD_new (tss_ossl.OSSL_PARAM_BLD_new)
#define OSSL_PARAM_BLD_push_BN (tss_ossl.OSSL_PARAM_BLD_push_BN)
#define OSSL_PARAM_BLD_push_octet_string (tss_ossl.OSSL_PARAM_BLD_push_octet_string)
#define OSSL_PARAM_BLD_push_utf8_string (tss_ossl.OSSL_PARAM_BLD_push_utf8_string)
#define OSSL_PARAM_BLD_to_param (tss_ossl.OSSL_PARAM_BLD_to_param)
#define OSSL_PARAM_construct_end (tss_ossl.OSSL_PARAM_construct_end)
#define OSSL_PARAM_construct_octet_string (tss_ossl.OSSL_PARAM_construct_octet_string)
#define OSSL_PARAM_construct_utf8_string (tss_ossl.OSSL_PARAM_construct_utf8_string)
#define OSSL_PARAM_free (tss_ossl.OSSL_PARAM_free)
#define RAND_bytes (tss_ossl.RAND_bytes)
#endif

#else

static inline int tss_ossl_load(void)
{
    return 0;
}

#endif
#endif
