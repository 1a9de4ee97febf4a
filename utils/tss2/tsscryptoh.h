/* SPDX-License-Identifier: BSD-3-Clause */
/* Crypto helpers that need no crypto library object from the caller: digest sizes, hash,
 * HMAC, the Part 1 KDFs. IBM's names and signatures. Hash and HMAC take a list of
 * (int length, const unsigned char *buffer) pairs ended by 0, NULL; a length of 0 adds
 * nothing. */
#ifndef TSS_TSSCRYPTOH_H
#define TSS_TSSCRYPTOH_H

#include <stdint.h>
#include "TPM_Types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* digest size in bytes of a hash algorithm, 0 if unknown */
uint16_t TSS_GetDigestSize(TPM_ALG_ID hashAlg);
/* block size in bytes of a hash algorithm (the HMAC block), 0 if unknown */
uint16_t TSS_GetDigestBlockSize(TPM_ALG_ID hashAlg);

/* digest->hashAlg selects the algorithm; the result goes to digest->digest */
TPM_RC TSS_Hash_Generate(TPMT_HA *digest, ...);
TPM_RC TSS_HMAC_Generate(TPMT_HA *digest, const TPM2B_KEY *hmacKey, ...);
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

/* block size in bytes of a symmetric algorithm (AES, SM4, CAMELLIA 16, TDES 8), else 0 */
uint16_t TSS_Sym_GetBlockSize(TPM_ALG_ID symmetricAlg, uint16_t keySizeInBits);

#ifdef __cplusplus
}
#endif

#endif
