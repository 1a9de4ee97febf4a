/* SPDX-License-Identifier: BSD-3-Clause */
/* Crypto helpers that depend on the crypto library, IBM's names and signatures.
 *
 * Like IBM's header this brings OpenSSL's <openssl/rsa.h> and <openssl/ec.h> when they are
 * there (define TPM_TSS_NORSA / TPM_TSS_NOECC / TPM_TSS_NO_OPENSSL to leave them out).
 * Key tokens (void *) are OpenSSL 3 EVP_PKEY objects: free them with TSS_RsaFree or
 * TSS_EccFree (or EVP_PKEY_free). libtss loads libcrypto on the first call that needs it;
 * a program that uses the token with OpenSSL itself links libcrypto as usual, and both
 * share the one library.
 *
 * The library-independent helpers (digest sizes, hash, HMAC, KDFs) are in tsscryptoh.h,
 * included here too. */
#ifndef TSS_TSSCRYPTO_H
#define TSS_TSSCRYPTO_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if !defined(TPM_TSS_NO_OPENSSL) && defined(__has_include)
#if !defined(TPM_TSS_NORSA) && __has_include(<openssl/rsa.h>)
#include <openssl/rsa.h>
#endif
#if !defined(TPM_TSS_NOECC) && __has_include(<openssl/ec.h>)
#include <openssl/ec.h>
#endif
#endif

#include "tss.h"
#include "tsscryptoh.h"

#ifdef __cplusplus
extern "C" {
#endif

/* nothing to initialise (OpenSSL 3 needs no set-up): always 0 */
TPM_RC TSS_Crypto_Init(void);

TPM_RC TSS_Hash_Generate_valist(TPMT_HA *digest, va_list ap);
TPM_RC TSS_HMAC_Generate_valist(TPMT_HA *digest, const TPM2B_KEY *hmacKey, va_list ap);
/* out = in1 XOR in2, length bytes; out may be in1 or in2 */
void TSS_XOR(unsigned char *out, const unsigned char *in1, const unsigned char *in2,
             size_t length);
/* bytes from the kernel's generator (getrandom(2)) */
TPM_RC TSS_RandBytes(unsigned char *buffer, uint32_t size);

/* EME-OAEP encoding (RFC 8017 7.1.1) of from[0..fLen) into em[0..emLen), label p[0..plen)
 * (the TPM's labels include their NUL), hash and MGF1 with halg; TSS_RC_RSA_PADDING when
 * the message does not fit */
TPM_RC TSS_RSA_padding_add_PKCS1_OAEP(unsigned char *em, uint32_t emLen,
                                      const unsigned char *from, uint32_t fLen,
                                      const unsigned char *p, int plen, TPMI_ALG_HASH halg);

#ifndef TPM_TSS_NORSA
/* frees a key token from TSS_RSAGeneratePublicTokenI / TSS_RsaNew; NULL is allowed */
void TSS_RsaFree(void *rsaKey);
/* *rsa_pub_key (must be NULL on entry) = a public RSA key token from the big-endian modulus
 * and exponent */
TPM_RC TSS_RSAGeneratePublicTokenI(void **rsa_pub_key, const unsigned char *narr, uint32_t nbytes,
                                   const unsigned char *earr, uint32_t ebytes);
/* OAEP-pads decrypt_data to encrypt_data_size bytes (label p, pl bytes, hash halg) and
 * encrypts with the public key (n, e) */
TPM_RC TSS_RSAPublicEncrypt(unsigned char *encrypt_data, size_t encrypt_data_size,
                            const unsigned char *decrypt_data, size_t decrypt_data_size,
                            unsigned char *narr, uint32_t nbytes, unsigned char *earr,
                            uint32_t ebytes, unsigned char *p, int pl, TPMI_ALG_HASH halg);
/* *rsaKey (must be NULL on entry) = an empty key token */
TPM_RC TSS_RsaNew(void **rsaKey);
#if !defined(TPM_TSS_NODEPRECATED) && defined(HEADER_RSA_H) && !defined(OPENSSL_NO_DEPRECATED_3_0)
/* deprecated: the same as TSS_RSAGeneratePublicTokenI; the token is an EVP_PKEY */
TPM_RC TSS_RSAGeneratePublicToken(RSA **rsa_pub_key, const unsigned char *narr, uint32_t nbytes,
                                  const unsigned char *earr, uint32_t ebytes);
#endif
#endif

#ifndef TPM_TSS_NOECC
/* frees an ECC key token; NULL is allowed */
void TSS_EccFree(void *eccKey);
/* Salt for a session salted with an ECC key (Part 1 C.6.1): one-pass ECDH with an
 * ephemeral key on the curve of publicArea; encryptedSalt = the marshaled ephemeral
 * TPMS_ECC_POINT, salt = KDFe(nameAlg, Z, "SECRET", Qe.x, Qs.x) of the nameAlg size */
TPM_RC TSS_ECC_Salt(TPM2B_DIGEST *salt, TPM2B_ENCRYPTED_SECRET *encryptedSalt,
                    TPMT_PUBLIC *publicArea);
#endif

#if !defined(TPM_TSS_NO_OPENSSL) && (defined(OPENSSL_TYPES_H) || defined(HEADER_OPENSSL_TYPES_H))
/* *md = OpenSSL's digest for a TPM hash algorithm (nothing to free);
 * TSS_RC_BAD_HASH_ALGORITHM when there is none */
TPM_RC TSS_Hash_GetMd(const EVP_MD **md, TPMI_ALG_HASH hashAlg);
#endif

/* AES-128-CBC with PKCS#7 padding under a key made once per process, for data a program
 * keeps for itself (IBM encrypts session state files with it). The key objects are opaque:
 * allocate TSS_AES_GetEncKeySize / GetDecKeySize bytes. TSS_AES_KeyGenerate takes the key
 * from the TPM_SESSION_ENCKEY environment variable (32 hex digits) or makes a random one.
 * Encrypt / Decrypt return a malloc'd buffer (free it). */
TPM_RC TSS_AES_GetEncKeySize(size_t *tssSessionEncKeySize);
TPM_RC TSS_AES_GetDecKeySize(size_t *tssSessionDecKeySize);
TPM_RC TSS_AES_KeyGenerate(void *tssSessionEncKey, void *tssSessionDecKey);
TPM_RC TSS_AES_Encrypt(void *tssSessionEncKey, unsigned char **encrypt_data,
                       uint32_t *encrypt_length, const unsigned char *decrypt_data,
                       uint32_t decrypt_length);
TPM_RC TSS_AES_Decrypt(void *tssSessionDecKey, unsigned char **decrypt_data,
                       uint32_t *decrypt_length, const unsigned char *encrypt_data,
                       uint32_t encrypt_length);

/* AES-CFB-128 without padding (parameter encryption, wrappers): dOut may equal dIn; the iv
 * is left unchanged; keySizeInBits 128, 192 or 256 */
TPM_RC TSS_AES_EncryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn);
TPM_RC TSS_AES_DecryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn);

#ifdef __cplusplus
}
#endif

#endif
