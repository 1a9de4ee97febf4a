/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal crypto interface. Nothing here initialises a random generator or loads a
 * provider until a function that needs it is called: utilities that need no crypto pay
 * nothing for it. */
#ifndef TSS_CRYPTO_H
#define TSS_CRYPTO_H

#include <stddef.h>
#include "tss2/TPM_Types.h"

/* one piece of input */
typedef struct tss_chunk {
    const void *p;
    size_t n;
} tss_chunk;

/* out must hold TSS_GetDigestSize(alg) bytes */
TPM_RC tss_hash(TPM_ALG_ID alg, const tss_chunk *in, size_t nin, uint8_t *out);
TPM_RC tss_hmac(TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const tss_chunk *in, size_t nin,
                uint8_t *out);
TPM_RC tss_random(uint8_t *out, size_t n);

/* Name of an object: nameAlg || H(marshaled TPMT_PUBLIC) */
TPM_RC tss_object_name(TPM2B_NAME *name, const TPMT_PUBLIC *pub);
/* Name of an NV index: nameAlg || H(marshaled TPMS_NV_PUBLIC) */
TPM_RC tss_nv_name(TPM2B_NAME *name, const TPMS_NV_PUBLIC *pub);

#endif
