/* SPDX-License-Identifier: BSD-3-Clause */
/* Native AES forward cipher and CFB-128 (see aes.c for why and how). */
#ifndef TSS_AES_H
#define TSS_AES_H

#include <stddef.h>
#include <stdint.h>

typedef struct tss_aes {
    int rounds;
    uint8_t rk[16 * 15];
} tss_aes;

/* 0, or -1 for a key that is not 16, 24 or 32 bytes */
int tss_aes_init(tss_aes *a, const uint8_t *key, size_t keylen);
void tss_aes_encrypt(const tss_aes *a, const uint8_t in[16], uint8_t out[16]);
/* CFB-128 in place; 0, or -1 for a bad key length */
int tss_aes_cfb_native(int encrypt, const uint8_t *key, size_t keylen, const uint8_t iv[16],
                       uint8_t *data, size_t len);

#endif
