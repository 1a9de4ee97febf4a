/* SPDX-License-Identifier: BSD-3-Clause */
/* AES-CFB for parameter encryption, natively (aes.c): no OpenSSL on the session path. */
#include "crypto/aes.h"
#include "crypto/crypto.h"
#include "tss2/tsserror.h"

TPM_RC tss_aes_cfb(int encrypt, const uint8_t *key, size_t keylen, const uint8_t *iv, uint8_t *data,
                   size_t len)
{
    if (keylen != 16 && keylen != 24 && keylen != 32)
        return encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
    if (len == 0)
        return 0;
    if (tss_aes_cfb_native(encrypt, key, keylen, iv, data, len) != 0)
        return encrypt ? TSS_RC_AES_ENCRYPT_FAILURE : TSS_RC_AES_DECRYPT_FAILURE;
    return 0;
}
