/* SPDX-License-Identifier: BSD-3-Clause */
/* The public crypto helpers of tsscrypto.h beyond hash, HMAC and random bytes: IBM's names
 * and signatures over the library's own KDFs and AES-CFB, for applications and for the
 * utilities' offline work (credentials, duplication, import). */
#include <stdarg.h>
#include <string.h>

#include "crypto/crypto.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"

TPM_RC TSS_KDFA(uint8_t *keyStream, TPM_ALG_ID hashAlg, const TPM2B *key, const char *label,
                const TPM2B *contextU, const TPM2B *contextV, uint32_t sizeInBits)
{
    if (keyStream == NULL || key == NULL || label == NULL)
        return TSS_RC_NULL_PARAMETER;
    return tss_kdfa(hashAlg, key->buffer, key->size, label, contextU ? contextU->buffer : NULL,
                    contextU ? contextU->size : 0, contextV ? contextV->buffer : NULL,
                    contextV ? contextV->size : 0, sizeInBits, keyStream);
}

TPM_RC TSS_KDFE(uint8_t *keyStream, TPM_ALG_ID hashAlg, const TPM2B *key, const char *label,
                const TPM2B *contextU, const TPM2B *contextV, uint32_t sizeInBits)
{
    if (keyStream == NULL || key == NULL || label == NULL)
        return TSS_RC_NULL_PARAMETER;
    return tss_kdfe(hashAlg, key->buffer, key->size, label, contextU ? contextU->buffer : NULL,
                    contextU ? contextU->size : 0, contextV ? contextV->buffer : NULL,
                    contextV ? contextV->size : 0, sizeInBits, keyStream);
}

TPM_RC TSS_HMAC_Verify(TPMT_HA *expect, const TPM2B_KEY *hmacKey, UINT32 sizeInBytes, ...)
{
    if (expect == NULL || hmacKey == NULL)
        return TSS_RC_NULL_PARAMETER;
    uint16_t ds = TSS_GetDigestSize(expect->hashAlg);
    if (ds == 0)
        return TSS_RC_BAD_HASH_ALGORITHM;
    if (sizeInBytes == 0 || sizeInBytes > ds)
        return TSS_RC_HMAC_SIZE;
    TPMT_HA actual = {.hashAlg = expect->hashAlg};
    va_list ap;
    va_start(ap, sizeInBytes);
    TPM_RC rc = TSS_HMAC_Generate_valist(&actual, hmacKey, ap);
    va_end(ap);
    if (rc == 0 && !tss_ct_equal((const uint8_t *)&actual.digest, (const uint8_t *)&expect->digest, sizeInBytes))
        rc = TSS_RC_HMAC_VERIFY;
    tss_wipe(&actual, sizeof(actual));
    return rc;
}

static TPM_RC cfb(int encrypt, uint8_t *dOut, uint32_t keySizeInBits, const uint8_t *key,
                  const uint8_t *iv, uint32_t dInSize, const uint8_t *dIn)
{
    if (dOut == NULL || key == NULL || iv == NULL || (dIn == NULL && dInSize != 0))
        return TSS_RC_NULL_PARAMETER;
    if (keySizeInBits % 8 != 0)
        return encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
    if (dInSize != 0)
        memmove(dOut, dIn, dInSize);
    return tss_aes_cfb(encrypt, key, keySizeInBits / 8, iv, dOut, dInSize);
}

TPM_RC TSS_AES_EncryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn)
{
    return cfb(1, dOut, keySizeInBits, key, iv, dInSize, dIn);
}

TPM_RC TSS_AES_DecryptCFB(uint8_t *dOut, uint32_t keySizeInBits, uint8_t *key, uint8_t *iv,
                          uint32_t dInSize, uint8_t *dIn)
{
    return cfb(0, dOut, keySizeInBits, key, iv, dInSize, dIn);
}

uint16_t TSS_Sym_GetBlockSize(TPM_ALG_ID symmetricAlg, uint16_t keySizeInBits)
{
    (void)keySizeInBits;
    switch (symmetricAlg) {
    case TPM_ALG_AES:
    case TPM_ALG_SM4:
    case TPM_ALG_CAMELLIA:
        return 16;
    case TPM_ALG_TDES:
        return 8;
    default:
        return 0;
    }
}
