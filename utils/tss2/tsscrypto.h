/* SPDX-License-Identifier: BSD-3-Clause */
/* Crypto helpers (OpenSSL 3 EVP underneath). Hash and HMAC take a list of
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

#ifdef __cplusplus
}
#endif

#endif
