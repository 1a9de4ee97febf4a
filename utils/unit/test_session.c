/* SPDX-License-Identifier: BSD-3-Clause */
/* HMAC sessions against a fake TPM that checks the command HMAC and signs its responses:
 * a correct exchange rolls the nonces; an altered response HMAC, a wrong-size HMAC or a
 * lying parameter size fail and leave the session state file exactly as it was; response
 * parameter encryption (AES-CFB) decrypts to the TPM's plaintext. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/context.h"
#include "crypto/crypto.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsserror.h"
#include "unit/unitdir.h"

#define SH 0x02000000u

typedef struct faketpm {
    uint8_t key[32];      /* the session key both sides know */
    uint8_t nonceTPM[32]; /* the TPM's current nonce */
    int corrupt;          /* 1: flip a response HMAC bit, 2: short HMAC, 3: lying TPM2B size */
    int encrypt;          /* encrypt the response parameter */
    int cmd_hmac_ok;
    uint8_t plain[8];
} faketpm;

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static uint32_t f_open(tss_transport *t)
{
    t->opened = 1;
    return 0;
}

static void f_close(tss_transport *t)
{
    t->opened = 0;
}

/* GetRandom(8) with one HMAC session: header 10, auth size 4, handle 4, nonce 2+32,
 * attrs 1, hmac 2+32, then bytesRequested 2 */
static uint32_t f_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp, uint32_t *rsplen)
{
    faketpm *f = t->user;
    if (cmdlen != 10 + 4 + 4 + 34 + 1 + 34 + 2)
        return TSS_RC_BAD_CONNECTION;
    const uint8_t *nonceCaller = cmd + 20;
    uint8_t attrs = cmd[52];
    const uint8_t *params = cmd + 87;
    /* check the command HMAC as a TPM would */
    uint8_t cp[32], want[32];
    tss_chunk cpin[2] = {{cmd + 6, 4}, {params, 2}};
    tss_hash(TPM_ALG_SHA256, cpin, 2, cp);
    tss_chunk hin[4] = {{cp, 32}, {nonceCaller, 32}, {f->nonceTPM, 32}, {&attrs, 1}};
    tss_hmac(TPM_ALG_SHA256, f->key, 32, hin, 4, want);
    f->cmd_hmac_ok = memcmp(want, cmd + 55, 32) == 0;
    /* new nonce, response parameters, response HMAC */
    for (int i = 0; i < 32; i++)
        f->nonceTPM[i] = (uint8_t)(f->nonceTPM[i] + 0x21);
    uint8_t par[10] = {0, 8};
    memcpy(par + 2, f->plain, 8);
    if (f->encrypt) {
        uint8_t kiv[32];
        tss_kdfa(TPM_ALG_SHA256, f->key, 32, "CFB", f->nonceTPM, 32, nonceCaller, 32, 128 + 128, kiv);
        tss_aes_cfb(1, kiv, 16, kiv + 16, par + 2, 8);
    }
    if (f->corrupt == 3)
        par[1] = 9; /* claims one byte more than the parameter area holds */
    uint8_t rp[32], hmac[32], cc[4], zero[4] = {0};
    be32(cc, 0x17b);
    tss_chunk rin[3] = {{zero, 4}, {cc, 4}, {par, 10}};
    tss_hash(TPM_ALG_SHA256, rin, 3, rp);
    uint8_t rattrs = attrs & 0x01;
    tss_chunk min[4] = {{rp, 32}, {f->nonceTPM, 32}, {nonceCaller, 32}, {&rattrs, 1}};
    tss_hmac(TPM_ALG_SHA256, f->key, 32, min, 4, hmac);
    if (f->corrupt == 1)
        hmac[5] ^= 0x04;
    uint32_t n = 0;
    rsp[n++] = 0x80, rsp[n++] = 0x02;
    n += 4;
    be32(rsp + n, 0), n += 4;
    be32(rsp + n, 10), n += 4;
    memcpy(rsp + n, par, 10), n += 10;
    rsp[n++] = 0, rsp[n++] = 32;
    memcpy(rsp + n, f->nonceTPM, 32), n += 32;
    rsp[n++] = rattrs;
    uint16_t hl = f->corrupt == 2 ? 20 : 32;
    rsp[n++] = 0, rsp[n++] = (uint8_t)hl;
    memcpy(rsp + n, hmac, hl), n += hl;
    be32(rsp + 2, n);
    *rsplen = n;
    return 0;
}

static const tss_transport_ops ops = {"fake-hmac", f_open, f_transmit, NULL, NULL, f_close};
static char dir[64];

static TSS_CONTEXT *setup_ctx(faketpm *f)
{
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_DATA_DIR, dir), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, "000102030405060708090a0b0c0d0e0f"), 0);
    assert_int_equal(tss_set_transport_ops(ctx, &ops, f), 0);
    tss_session s;
    memset(&s, 0, sizeof(s));
    s.handle = SH;
    s.type = TPM_SE_HMAC;
    s.authHash = TPM_ALG_SHA256;
    s.symAlg = TPM_ALG_AES;
    s.symKeyBits = 128;
    s.symMode = TPM_ALG_CFB;
    s.sessionKey.t.size = 32;
    memcpy(s.sessionKey.t.buffer, f->key, 32);
    s.nonceTPM.t.size = 32;
    memcpy(s.nonceTPM.t.buffer, f->nonceTPM, 32);
    assert_int_equal(tss_session_save(ctx, &s), 0);
    return ctx;
}

static TPM_RC run(TSS_CONTEXT *ctx, unsigned attrs, GetRandom_Out *out)
{
    GetRandom_In in = {.bytesRequested = 8};
    return TSS_Execute(ctx, (RESPONSE_PARAMETERS *)out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_GetRandom,
                       SH, NULL, attrs, TPM_RH_NULL, NULL, 0);
}

static size_t state_bytes(TSS_CONTEXT *ctx, uint8_t *buf, size_t cap)
{
    char path[TSS_PATH_MAX + 32];
    tss_state_path(ctx, path, sizeof(path), "h", SH);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return 0;
    size_t n = fread(buf, 1, cap, fp);
    fclose(fp);
    return n;
}

static void init_fake(faketpm *f)
{
    memset(f, 0, sizeof(*f));
    for (int i = 0; i < 32; i++)
        f->key[i] = (uint8_t)(0xa0 + i), f->nonceTPM[i] = (uint8_t)i;
    memcpy(f->plain, "RANDOM!!", 8);
}

static void test_hmac_exchange(void **state)
{
    (void)state;
    faketpm f;
    init_fake(&f);
    TSS_CONTEXT *ctx = setup_ctx(&f);
    GetRandom_Out out;
    assert_int_equal(run(ctx, TPMA_SESSION_CONTINUESESSION, &out), 0);
    assert_true(f.cmd_hmac_ok);
    assert_memory_equal(out.randomBytes.t.buffer, "RANDOM!!", 8);
    /* the new nonceTPM was saved: a second command verifies again */
    assert_int_equal(run(ctx, TPMA_SESSION_CONTINUESESSION, &out), 0);
    assert_true(f.cmd_hmac_ok);
    /* without continueSession the TSS forgets the session */
    assert_int_equal(run(ctx, 0, &out), 0);
    uint8_t buf[2048];
    assert_int_equal(state_bytes(ctx, buf, sizeof(buf)), 0);
    TSS_Delete(ctx);
}

static void test_response_encryption(void **state)
{
    (void)state;
    faketpm f;
    init_fake(&f);
    f.encrypt = 1;
    TSS_CONTEXT *ctx = setup_ctx(&f);
    GetRandom_Out out;
    assert_int_equal(run(ctx, TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT, &out), 0);
    assert_memory_equal(out.randomBytes.t.buffer, "RANDOM!!", 8);
    /* a command without a TPM2B first parameter cannot take a decrypt session */
    assert_int_equal(run(ctx, TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_DECRYPT, &out),
                     TSS_RC_NO_DECRYPT_PARAMETER);
    TSS_Delete(ctx);
}

static void bad_response(int corrupt, TPM_RC want)
{
    faketpm f;
    init_fake(&f);
    f.corrupt = corrupt;
    TSS_CONTEXT *ctx = setup_ctx(&f);
    uint8_t before[2048], after[2048];
    size_t nb = state_bytes(ctx, before, sizeof(before));
    GetRandom_Out out;
    assert_int_equal(run(ctx, TPMA_SESSION_CONTINUESESSION, &out), want);
    size_t na = state_bytes(ctx, after, sizeof(after));
    assert_int_equal(na, nb);
    assert_memory_equal(before, after, nb); /* nothing rolled, nothing rewritten */
    TSS_Delete(ctx);
}

static void test_bad_responses(void **state)
{
    (void)state;
    bad_response(1, TSS_RC_HMAC_VERIFY);
    bad_response(2, TSS_RC_HMAC_SIZE);
    bad_response(3, TSS_RC_MALFORMED_RESPONSE); /* signed, but the size lies: the unmarshaler catches it */
}

static int make_dir(void **state)
{
    (void)state;
    return ft_dir_make(dir, sizeof(dir), "unit");
}

static int remove_dir(void **state)
{
    (void)state;
    return ft_dir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hmac_exchange, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_response_encryption, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_bad_responses, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
