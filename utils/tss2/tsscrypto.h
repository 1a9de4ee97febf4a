/* SPDX-License-Identifier: BSD-3-Clause */
/* Crypto helpers, IBM's names and signatures. Hash and HMAC take a list of
 * (int length, const unsigned char *buffer) pairs ended by 0, NULL. */
#ifndef TSS_TSSCRYPTO_H
#define TSS_TSSCRYPTO_H

#include <stdarg.h>
#include "TPM_Types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* digest->hashAlg selects the algorithm; the result goes to digest->digest */
TPM_RC TSS_Hash_Generate(TPMT_HA *digest, ...);
TPM_RC TSS_Hash_Generate_valist(TPMT_HA *digest, va_list ap);
TPM_RC TSS_HMAC_Generate(TPMT_HA *digest, const TPM2B_KEY *hmacKey, ...);
TPM_RC TSS_HMAC_Generate_valist(TPMT_HA *digest, const TPM2B_KEY *hmacKey, va_list ap);
TPM_RC TSS_RandBytes(unsigned char *buffer, uint32_t size);
/* recomputes the HMAC over the (length, buffer) pairs and compares the first sizeInBytes
 * bytes with expect->digest in constant time: TSS_RC_HMAC_VERIFY when they differ */
TPM_RC TSS_HMAC_Verify(TPMT_HA *expect, const TPM2B_KEY *hmacKey, UINT32 sizeInBytes, ...);

/* Part 1 KDFa (SP 800-108, HMAC counter mode) and KDFe (SP 800-56A concatenation): label
 * is NUL-terminated and its NUL is hashed; contextU/contextV may be NULL; keyStream gets
 * (sizeInBits + 7) / 8 bytes */
TPM_RC TSS_KDFA(uint8_t *keyStream, TPM_ALG_ID hashAlg, const TPM2B *key, const char *label,
                const TPM2B *contextU, const TPM2B *contextV, uint32_t sizeInBits);
TPM_RC TSS_KDFE(uint8_t *keyStream, TPM_ALG_ID hashAlg, const TPM2B *key, const char *label,
                const TPM2B *contextU, const TPM2B *contextV, uint32_t sizeInBits);

/* AES-CFB-128 without padding (parameter encryption, wrappers): dOut may equal dIn; the iv
 * is left unchanged; keySizeInBits 128, 192 or 256 */
TPM_RC TSS_AES_EncryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn);
TPM_RC TSS_AES_DecryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn);
/* block size in bytes of a symmetric algorithm (AES, SM4, CAMELLIA 16, TDES 8), else 0 */
uint16_t TSS_Sym_GetBlockSize(TPM_ALG_ID symmetricAlg, uint16_t keySizeInBits);

#ifdef __cplusplus
}
#endif

#endif
