/* SPDX-License-Identifier: BSD-3-Clause */
/* Native SHA-1/256/384/512 and HMAC (see sha.c for why). Contexts may hold key material:
 * final wipes them. */
#ifndef TSS_SHA_H
#define TSS_SHA_H

#include <stddef.h>
#include <stdint.h>

#include "tss2/TPM_Types.h"

typedef struct tss_sha_ctx {
    TPM_ALG_ID alg;
    size_t block, outlen, fill;
    uint64_t total;
    union {
        uint32_t w32[8];
        uint64_t w64[8];
    } h;
    uint8_t buf[128];
} tss_sha_ctx;

typedef struct tss_sha_hmac {
    tss_sha_ctx inner, outer;
} tss_sha_hmac;

/* 0, or -1 when alg is not SHA-1/256/384/512 */
int tss_sha_init(tss_sha_ctx *c, TPM_ALG_ID alg);
void tss_sha_update(tss_sha_ctx *c, const void *data, size_t n);
void tss_sha_final(tss_sha_ctx *c, uint8_t *out);

int tss_sha_hmac_init(tss_sha_hmac *m, TPM_ALG_ID alg, const uint8_t *key, size_t keylen);
static inline void tss_sha_hmac_update(tss_sha_hmac *m, const void *data, size_t n)
{
    tss_sha_update(&m->inner, data, n);
}
void tss_sha_hmac_final(tss_sha_hmac *m, uint8_t *out);

#endif
