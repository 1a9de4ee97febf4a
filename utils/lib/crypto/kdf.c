/* SPDX-License-Identifier: BSD-3-Clause */
/* KDFa (SP 800-108 counter mode, HMAC) and KDFe (SP 800-56A concatenation), Part 1 11.4.10. */
#include <string.h>

#include "crypto/crypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

/* the counter KDFs differ only in what one block hashes */
static TPM_RC kdf(int is_e, TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const char *label,
                  const uint8_t *u, size_t ulen, const uint8_t *v, size_t vlen, uint32_t bits,
                  uint8_t *out)
{
    uint16_t ds = TSS_GetDigestSize(alg);
    if (ds == 0)
        return TSS_RC_BAD_HASH_ALGORITHM;
    if (bits == 0)
        return 0;
    size_t bytes = (bits + 7) / 8;
    uint8_t counter[4], lbits[4], block[64];
    be32(lbits, bits);
    size_t llen = label != NULL ? strlen(label) + 1 : 0; /* the label's NUL is hashed too */
    for (uint32_t i = 1, done = 0; done < bytes; i++) {
        be32(counter, i);
        TPM_RC rc;
        if (is_e) {
            tss_chunk in[5] = {{counter, 4}, {key, keylen}, {label, llen}, {u, ulen}, {v, vlen}};
            rc = tss_hash(alg, in, 5, block);
        } else {
            tss_chunk in[5] = {{counter, 4}, {label, llen}, {u, ulen}, {v, vlen}, {lbits, 4}};
            rc = tss_hmac(alg, key, keylen, in, 5, block);
        }
        if (rc != 0)
            return is_e ? TSS_RC_KDFE_FAILED : TSS_RC_KDFA_FAILED;
        size_t n = bytes - done < ds ? bytes - done : ds;
        memcpy(out + done, block, n);
        done += (uint32_t)n;
    }
    if (bits % 8 != 0)
        out[0] &= (uint8_t)((1u << (bits % 8)) - 1); /* keep the low-order bits of the leading byte */
    tss_wipe(block, sizeof(block));
    return 0;
}

TPM_RC tss_kdfa(TPM_ALG_ID alg, const uint8_t *key, size_t keylen, const char *label,
                const uint8_t *u, size_t ulen, const uint8_t *v, size_t vlen, uint32_t bits,
                uint8_t *out)
{
    return kdf(0, alg, key, keylen, label, u, ulen, v, vlen, bits, out);
}

TPM_RC tss_kdfe(TPM_ALG_ID alg, const uint8_t *z, size_t zlen, const char *label,
                const uint8_t *u, size_t ulen, const uint8_t *v, size_t vlen, uint32_t bits,
                uint8_t *out)
{
    return kdf(1, alg, z, zlen, label, u, ulen, v, vlen, bits, out);
}
