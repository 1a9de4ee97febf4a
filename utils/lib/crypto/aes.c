/* SPDX-License-Identifier: BSD-3-Clause */
/* AES (FIPS 197) forward cipher and CFB-128 mode, for parameter encryption.
 *
 * Why not OpenSSL: as for the hashes (sha.c), the first use of an OpenSSL cipher loads and
 * initialises libcrypto, several million instructions, for what is here a few dozen bytes.
 * CFB needs only the forward cipher. The S-box is computed, not looked up: the inverse in
 * GF(2^8) as x^254 with a branch-free multiply, then the affine map, so no memory access or
 * branch depends on the key or the data (no cache-timing leak); it is slower than a table
 * and fast enough for parameters of at most a few kilobytes. Unit tests check FIPS 197
 * vectors and agreement with OpenSSL. */
#include <string.h>

#include "crypto/crypto.h"

#include "crypto/aes.h"

static uint8_t xtime(uint8_t a)
{
    return (uint8_t)((a << 1) ^ (0x1b & (uint8_t)-(a >> 7)));
}

static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    for (int i = 0; i < 8; i++) {
        r ^= a & (uint8_t)-((b >> i) & 1);
        a = xtime(a);
    }
    return r;
}

static uint8_t sbox(uint8_t x)
{
    /* x^254 = x^-1 (0 stays 0): x^2, x^3, x^6, x^12, x^15, x^30, x^60, x^120, x^240, x^252,
     * x^254 by a fixed chain of squarings and multiplications */
    uint8_t x2 = gmul(x, x), x3 = gmul(x2, x), x6 = gmul(x3, x3), x12 = gmul(x6, x6);
    uint8_t x15 = gmul(x12, x3), x30 = gmul(x15, x15), x60 = gmul(x30, x30);
    uint8_t x120 = gmul(x60, x60), x240 = gmul(x120, x120), x252 = gmul(x240, x12);
    uint8_t inv = gmul(x252, x2);
    uint8_t s = inv;
    for (int i = 1; i < 5; i++)
        s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
    return s ^ 0x63;
}

int tss_aes_init(tss_aes *a, const uint8_t *key, size_t keylen)
{
    int nk = (int)keylen / 4;
    if (keylen != 16 && keylen != 24 && keylen != 32)
        return -1;
    a->rounds = nk + 6;
    uint8_t *w = a->rk;
    memcpy(w, key, keylen);
    uint8_t rcon = 1;
    for (int i = nk; i < 4 * (a->rounds + 1); i++) {
        uint8_t t[4];
        memcpy(t, w + 4 * (i - 1), 4);
        if (i % nk == 0) {
            uint8_t u = t[0];
            t[0] = (uint8_t)(sbox(t[1]) ^ rcon);
            t[1] = sbox(t[2]);
            t[2] = sbox(t[3]);
            t[3] = sbox(u);
            rcon = xtime(rcon);
        } else if (nk > 6 && i % nk == 4) {
            for (int k = 0; k < 4; k++)
                t[k] = sbox(t[k]);
        }
        for (int k = 0; k < 4; k++)
            w[4 * i + k] = w[4 * (i - nk) + k] ^ t[k];
    }
    return 0;
}

void tss_aes_encrypt(const tss_aes *a, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ a->rk[i];
    for (int r = 1; r <= a->rounds; r++) {
        /* SubBytes and ShiftRows: byte (row, col) comes from (row, col + row) */
        for (int c = 0; c < 4; c++)
            for (int row = 0; row < 4; row++)
                t[4 * c + row] = sbox(s[4 * ((c + row) % 4) + row]);
        if (r < a->rounds) { /* MixColumns */
            for (int c = 0; c < 4; c++) {
                uint8_t *p = t + 4 * c, a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3];
                uint8_t all = a0 ^ a1 ^ a2 ^ a3;
                p[0] = a0 ^ all ^ xtime(a0 ^ a1);
                p[1] = a1 ^ all ^ xtime(a1 ^ a2);
                p[2] = a2 ^ all ^ xtime(a2 ^ a3);
                p[3] = a3 ^ all ^ xtime(a3 ^ a0);
            }
        }
        for (int i = 0; i < 16; i++)
            s[i] = t[i] ^ a->rk[16 * r + i];
    }
    memcpy(out, s, 16);
    tss_wipe(s, sizeof(s));
    tss_wipe(t, sizeof(t));
}

int tss_aes_cfb_native(int encrypt, const uint8_t *key, size_t keylen, const uint8_t iv[16],
                       uint8_t *data, size_t len)
{
    tss_aes a;
    uint8_t fb[16], ks[16];
    if (tss_aes_init(&a, key, keylen) != 0)
        return -1;
    memcpy(fb, iv, 16);
    for (size_t off = 0; off < len; off += 16) {
        size_t n = len - off < 16 ? len - off : 16;
        tss_aes_encrypt(&a, fb, ks);
        for (size_t i = 0; i < n; i++) {
            uint8_t c = encrypt ? (uint8_t)(data[off + i] ^ ks[i]) : data[off + i];
            data[off + i] ^= ks[i];
            fb[i] = c; /* the ciphertext feeds the next block */
        }
    }
    tss_wipe(&a, sizeof(a));
    tss_wipe(ks, sizeof(ks));
    tss_wipe(fb, sizeof(fb));
    return 0;
}
