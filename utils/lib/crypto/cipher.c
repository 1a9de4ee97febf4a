/* SPDX-License-Identifier: BSD-3-Clause */
/* AES-CFB for parameter encryption. */

#include "crypto/crypto.h"
#include "crypto/ossl.h"
#include "tss2/tsserror.h"

static const char *aes_name(size_t keylen)
{
    return keylen == 16 ? "AES-128-CFB" : keylen == 24 ? "AES-192-CFB" : keylen == 32 ? "AES-256-CFB" : NULL;
}

TPM_RC tss_aes_cfb(int encrypt, const uint8_t *key, size_t keylen, const uint8_t *iv, uint8_t *data,
                   size_t len)
{
    const char *name = aes_name(keylen);
    TPM_RC fail = encrypt ? TSS_RC_AES_ENCRYPT_FAILURE : TSS_RC_AES_DECRYPT_FAILURE;
    if (name == NULL)
        return encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
    if (len == 0)
        return 0;
    if (tss_ossl_load() != 0)
        return TSS_RC_NO_CRYPTO;
    EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int outl = 0, fin = 0;
    int ok = c != NULL && x != NULL && EVP_CipherInit_ex2(x, c, key, iv, encrypt, NULL) == 1 &&
             EVP_CipherUpdate(x, data, &outl, data, (int)len) == 1 &&
             EVP_CipherFinal_ex(x, data + outl, &fin) == 1 && (size_t)(outl + fin) == len;
    EVP_CIPHER_CTX_free(x);
    EVP_CIPHER_free(c);
    return ok ? 0 : fail;
}
