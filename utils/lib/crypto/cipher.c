/* SPDX-License-Identifier: BSD-3-Clause */
/* Symmetric ciphers: AES-CFB for parameter encryption, AES-GCM for state files. */
#include <openssl/evp.h>

#include "crypto/crypto.h"
#include "tss2/tsserror.h"

static const char *aes_name(const char *mode, size_t keylen)
{
    static const char *const cfb[] = {"AES-128-CFB", "AES-192-CFB", "AES-256-CFB"};
    static const char *const gcm[] = {"AES-128-GCM", "AES-192-GCM", "AES-256-GCM"};
    int i = keylen == 16 ? 0 : keylen == 24 ? 1 : keylen == 32 ? 2 : -1;
    if (i < 0)
        return NULL;
    return mode[0] == 'c' ? cfb[i] : gcm[i];
}

TPM_RC tss_aes_cfb(int encrypt, const uint8_t *key, size_t keylen, const uint8_t *iv, uint8_t *data,
                   size_t len)
{
    const char *name = aes_name("cfb", keylen);
    TPM_RC fail = encrypt ? TSS_RC_AES_ENCRYPT_FAILURE : TSS_RC_AES_DECRYPT_FAILURE;
    if (name == NULL)
        return encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
    if (len == 0)
        return 0;
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

static TPM_RC gcm(int seal, const uint8_t *key, size_t keylen, const uint8_t iv[12], const uint8_t *aad,
                  size_t aadlen, const uint8_t *in, size_t len, uint8_t *out)
{
    const char *name = aes_name("gcm", keylen);
    if (name == NULL)
        return TSS_RC_STATE_KEY;
    EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int outl = 0, fin = 0, tmp = 0;
    int ok = c != NULL && x != NULL && EVP_CipherInit_ex2(x, c, key, iv, seal, NULL) == 1 &&
             (aadlen == 0 || EVP_CipherUpdate(x, NULL, &tmp, aad, (int)aadlen) == 1) &&
             (len == 0 || EVP_CipherUpdate(x, out, &outl, in, (int)len) == 1);
    if (ok && !seal) /* the tag follows the ciphertext */
        ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_TAG, 16, (void *)(in + len)) == 1;
    ok = ok && EVP_CipherFinal_ex(x, out + outl, &fin) == 1;
    if (ok && seal)
        ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_GET_TAG, 16, out + len) == 1;
    EVP_CIPHER_CTX_free(x);
    EVP_CIPHER_free(c);
    return ok ? 0 : (seal ? TSS_RC_AES_ENCRYPT_FAILURE : TSS_RC_STATE_FILE);
}

TPM_RC tss_aes_gcm_seal(const uint8_t *key, size_t keylen, const uint8_t iv[12], const uint8_t *aad,
                        size_t aadlen, const uint8_t *in, size_t len, uint8_t *out)
{
    return gcm(1, key, keylen, iv, aad, aadlen, in, len, out);
}

TPM_RC tss_aes_gcm_open(const uint8_t *key, size_t keylen, const uint8_t iv[12], const uint8_t *aad,
                        size_t aadlen, const uint8_t *in, size_t len, uint8_t *out)
{
    return gcm(0, key, keylen, iv, aad, aadlen, in, len, out);
}
