/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM's AES-128-CBC helpers for data a program keeps for itself (tsscrypto.h). The key
 * objects are opaque to callers; both hold the same 16-byte key. The IV is fixed (zero):
 * these protect local files under a per-process or per-environment key, as IBM's do; new
 * code wants the library's sealed state files (store/state.c) instead. */
#include <stdlib.h>
#include <string.h>

#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"
#include "crypto/crypto.h"
#include "crypto/ossl.h"

#define KEYLEN 16

typedef struct aes_session_key {
    uint32_t magic;
    uint8_t key[KEYLEN];
} aes_session_key;

#define KEY_MAGIC 0x41455331u

TPM_RC TSS_AES_GetEncKeySize(size_t *tssSessionEncKeySize)
{
    if (tssSessionEncKeySize == NULL)
        return TSS_RC_NULL_PARAMETER;
    *tssSessionEncKeySize = sizeof(aes_session_key);
    return 0;
}

TPM_RC TSS_AES_GetDecKeySize(size_t *tssSessionDecKeySize)
{
    return TSS_AES_GetEncKeySize(tssSessionDecKeySize);
}

TPM_RC TSS_AES_KeyGenerate(void *tssSessionEncKey, void *tssSessionDecKey)
{
    if (tssSessionEncKey == NULL || tssSessionDecKey == NULL)
        return TSS_RC_NULL_PARAMETER;
    aes_session_key k = {.magic = KEY_MAGIC};
    const char *env = getenv("TPM_SESSION_ENCKEY");
    TPM_RC rc = 0;
    if (env == NULL || env[0] == '\0') {
        rc = tss_random(k.key, KEYLEN);
    } else {
        unsigned char *bin = NULL;
        size_t len = 0;
        rc = TSS_Array_Scan(&bin, &len, env);
        if (rc == 0 && len != KEYLEN)
            rc = TSS_RC_BAD_PROPERTY_VALUE;
        if (rc == 0)
            memcpy(k.key, bin, KEYLEN);
        if (bin != NULL)
            tss_wipe(bin, len);
        free(bin);
    }
    if (rc == 0) {
        memcpy(tssSessionEncKey, &k, sizeof(k));
        memcpy(tssSessionDecKey, &k, sizeof(k));
    }
    tss_wipe(&k, sizeof(k));
    return rc != 0 ? TSS_RC_AES_KEYGEN_FAILURE : 0;
}

static TPM_RC cbc(int encrypt, const void *keyObj, unsigned char **out, uint32_t *outlen,
                  const unsigned char *in, uint32_t inlen)
{
    const TPM_RC fail = encrypt ? TSS_RC_AES_ENCRYPT_FAILURE : TSS_RC_AES_DECRYPT_FAILURE;
    aes_session_key k;
    if (keyObj == NULL || out == NULL || outlen == NULL || (in == NULL && inlen != 0))
        return TSS_RC_NULL_PARAMETER;
    memcpy(&k, keyObj, sizeof(k));
    if (k.magic != KEY_MAGIC || inlen > 0xffffff00u || (!encrypt && inlen % 16 != 0)) {
        tss_wipe(&k, sizeof(k));
        return fail;
    }
    if (tss_ossl_load() != 0) {
        tss_wipe(&k, sizeof(k));
        return TSS_RC_NO_CRYPTO;
    }
    *out = NULL;
    /* padding adds 1..16 bytes; never malloc(0) */
    TPM_RC rc = TSS_Malloc(out, inlen + 16);
    EVP_CIPHER *ciph = rc == 0 ? EVP_CIPHER_fetch(NULL, "AES-128-CBC", NULL) : NULL;
    EVP_CIPHER_CTX *c = ciph != NULL ? EVP_CIPHER_CTX_new() : NULL;
    static const uint8_t iv[16];
    int n1 = 0, n2 = 0;
    if (rc == 0 && (c == NULL || EVP_CipherInit_ex2(c, ciph, k.key, iv, encrypt, NULL) != 1 ||
                    EVP_CipherUpdate(c, *out, &n1, in, (int)inlen) != 1 ||
                    EVP_CipherFinal_ex(c, *out + n1, &n2) != 1))
        rc = fail;
    EVP_CIPHER_CTX_free(c);
    EVP_CIPHER_free(ciph);
    tss_wipe(&k, sizeof(k));
    if (rc != 0) {
        if (*out != NULL)
            tss_wipe(*out, inlen + 16);
        free(*out);
        *out = NULL;
        return rc;
    }
    *outlen = (uint32_t)(n1 + n2);
    return 0;
}

TPM_RC TSS_AES_Encrypt(void *tssSessionEncKey, unsigned char **encrypt_data,
                       uint32_t *encrypt_length, const unsigned char *decrypt_data,
                       uint32_t decrypt_length)
{
    return cbc(1, tssSessionEncKey, encrypt_data, encrypt_length, decrypt_data, decrypt_length);
}

TPM_RC TSS_AES_Decrypt(void *tssSessionDecKey, unsigned char **decrypt_data,
                       uint32_t *decrypt_length, const unsigned char *encrypt_data,
                       uint32_t encrypt_length)
{
    return cbc(0, tssSessionDecKey, decrypt_data, decrypt_length, encrypt_data, encrypt_length);
}
