/* SPDX-License-Identifier: BSD-3-Clause */
/* Checking TPM signatures without the TPM (OpenSSL 3 EVP), for sign -ipu and
 * verifysignature -ipem / -ihmac / -raw. Functions print "<name>: <why>" on failure and
 * return 0 or a TSS_RC_*: a signature that does not verify is TSS_RC_RSA_SIGNATURE,
 * TSS_RC_EC_SIGNATURE or TSS_RC_HMAC_VERIFY, as IBM's utilities report it. */
#ifndef TSS_TOOL_CRYPTO_UTIL_H
#define TSS_TOOL_CRYPTO_UTIL_H

#include <openssl/types.h>

#include "tool/tool.h"

/* the halg digest of a whole file */
TPM_RC crypto_digest_file(const tool *t, const char *path, TPMI_ALG_HASH halg, TPM2B_DIGEST *d);

/* a PEM public key ("PUBLIC KEY", or the public half of a PEM private key) */
TPM_RC crypto_read_pem(const tool *t, const char *path, EVP_PKEY **pkey);

/* An RSASSA, RSAPSS (any salt length) or ECDSA signature over digest, with an RSA or EC
 * public key. The hash algorithm is the signature's. */
TPM_RC crypto_verify(const tool *t, EVP_PKEY *pkey, const TPMT_SIGNATURE *sig,
                     const TPM2B_DIGEST *digest);

/* An HMAC "signature" (TPM2_Sign with a keyed-hash key): HMAC(key, digest). */
TPM_RC crypto_verify_hmac(const tool *t, const TPM2B_KEY *key, const TPMT_SIGNATURE *sig,
                          const TPM2B_DIGEST *digest);

/* A signature made outside the TPM: ecc == 0, the raw RSA signature bytes (RSASSA);
 * ecc != 0, a DER ECDSA-Sig-Value as OpenSSL writes it. hashAlg is halg. */
TPM_RC crypto_sig_from_raw(const tool *t, const uint8_t *raw, size_t len, int ecc,
                           TPMI_ALG_HASH halg, TPMT_SIGNATURE *sig);

#endif
