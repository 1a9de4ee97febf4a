/* SPDX-License-Identifier: BSD-3-Clause */
/* TSS_Execute against a scripted fake TPM: command bytes, response parsing, hostile
 * responses, retry, password authorization, properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/context.h"
#include "tss2/tss.h"
#include "tss2/tsserror.h"

#define MAXRSP 8

typedef struct fake {
    uint8_t rsp[MAXRSP][512];
    uint32_t rsplen[MAXRSP];
    int nrsp;     /* scripted responses */
    int repeat;   /* the last response repeats forever */
    int next;
    int sent;     /* commands received */
    uint8_t cmd[1024];
    uint32_t cmdlen;
    uint32_t open_rc;
    int opens;
} fake;

static uint32_t f_open(tss_transport *t)
{
    fake *f = t->user;
    if (f->open_rc != 0)
        return f->open_rc;
    f->opens++;
    t->opened = 1;
    return 0;
}

static uint32_t f_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                           uint32_t *rsplen)
{
    fake *f = t->user;
    f->sent++;
    f->cmdlen = cmdlen < sizeof(f->cmd) ? cmdlen : sizeof(f->cmd);
    memcpy(f->cmd, cmd, f->cmdlen);
    int i = f->next < f->nrsp ? f->next++ : (f->repeat ? f->nrsp - 1 : -1);
    if (i < 0)
        return TSS_RC_BAD_CONNECTION;
    memcpy(rsp, f->rsp[i], f->rsplen[i]);
    *rsplen = f->rsplen[i];
    return 0;
}

static void f_close(tss_transport *t)
{
    t->opened = 0;
}

static const tss_transport_ops fake_ops = {"fake", f_open, f_transmit, NULL, NULL, f_close};

/* appends a response built from hex text; the size field is patched unless keep_size */
static void script(fake *f, const char *hex, int keep_size)
{
    uint8_t *p = f->rsp[f->nrsp];
    uint32_t n = 0;
    for (const char *h = hex; h[0] != '\0';) {
        if (h[0] == ' ') {
            h++;
            continue;
        }
        unsigned v;
        sscanf(h, "%2x", &v);
        p[n++] = (uint8_t)v;
        h += 2;
    }
    if (!keep_size) {
        p[2] = (uint8_t)(n >> 24), p[3] = (uint8_t)(n >> 16), p[4] = (uint8_t)(n >> 8), p[5] = (uint8_t)n;
    }
    f->rsplen[f->nrsp++] = n;
}

static TSS_CONTEXT *ctx_with(fake *f)
{
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(tss_set_transport_ops(ctx, &fake_ops, f), 0);
    return ctx;
}

static TPM_RC getrandom(TSS_CONTEXT *ctx, GetRandom_Out *out)
{
    GetRandom_In in = {.bytesRequested = 8};
    return TSS_Execute(ctx, (RESPONSE_PARAMETERS *)out, (COMMAND_PARAMETERS *)&in, NULL,
                       TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
}

static void test_getrandom_bytes(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8001 00000000 00000000 0008 0102030405060708", 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(getrandom(ctx, &out), 0);
    static const uint8_t want_cmd[] = {0x80, 0x01, 0, 0, 0, 0x0c, 0, 0, 0x01, 0x7b, 0, 8};
    assert_int_equal(f.cmdlen, sizeof(want_cmd));
    assert_memory_equal(f.cmd, want_cmd, sizeof(want_cmd));
    assert_int_equal(out.randomBytes.t.size, 8);
    assert_int_equal(out.randomBytes.t.buffer[7], 8);
    assert_int_equal(f.sent, 1);
    TSS_Delete(ctx);
}

static void expect_rc(const char *hex, int keep_size, TPM_RC want)
{
    fake f = {0};
    script(&f, hex, keep_size);
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(getrandom(ctx, &out), want);
    TSS_Delete(ctx);
}

static void test_hostile_responses(void **state)
{
    (void)state;
    /* header says 0x40 bytes, 20 arrive */
    expect_rc("8001 00000040 00000000 0008 0102030405060708", 1, TSS_RC_MALFORMED_RESPONSE);
    /* header says fewer bytes than arrive */
    expect_rc("8001 00000010 00000000 0008 0102030405060708", 1, TSS_RC_MALFORMED_RESPONSE);
    /* a consistent header around a parameter that claims 8 bytes and has 4 */
    expect_rc("8001 00000000 00000000 0008 01020304", 0, TSS_RC_MALFORMED_RESPONSE);
    /* a TPM2B larger than its type allows */
    expect_rc("8001 00000000 00000000 ffff 01020304", 0, TSS_RC_MALFORMED_RESPONSE);
    /* trailing bytes after the last parameter */
    expect_rc("8001 00000000 00000000 0002 0102 99", 0, TSS_RC_MALFORMED_RESPONSE);
    /* shorter than a header */
    expect_rc("8001 0000", 1, TSS_RC_MALFORMED_RESPONSE);
    /* a sessions tag on a command sent without sessions */
    expect_rc("8002 00000000 00000000 00000004 0002 0102", 0, TSS_RC_RESPONSE_TAG);
    /* a TPM error is returned as it is */
    expect_rc("8001 00000000 00000101", 0, TPM_RC_FAILURE);
}

static void test_retry(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8001 00000000 00000922", 0);
    script(&f, "8001 00000000 00000908", 0);
    script(&f, "8001 00000000 00000000 0001 aa", 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(getrandom(ctx, &out), 0);
    assert_int_equal(f.sent, 3);
    assert_int_equal(out.randomBytes.t.buffer[0], 0xaa);
    TSS_Delete(ctx);
}

static void test_retry_bounded(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8001 00000000 00000922", 0);
    f.repeat = 1;
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(getrandom(ctx, &out), TPM_RC_RETRY);
    assert_true(f.sent > 1 && f.sent <= 12);
    TSS_Delete(ctx);
}

static TPM_RC da_reset(TSS_CONTEXT *ctx, const char *pw)
{
    DictionaryAttackLockReset_In in = {.lockHandle = TPM_RH_LOCKOUT};
    return TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_DictionaryAttackLockReset,
                       TPM_RS_PW, pw, 0, TPM_RH_NULL, NULL, 0);
}

static void test_password_auth(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8002 00000000 00000000 00000000 0000 01 0000", 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    assert_int_equal(da_reset(ctx, "pw"), 0);
    /* tag, size, cc, handle, auth size 11, TPM_RS_PW, nonce 0, attrs 0, hmac "pw" */
    static const uint8_t want[] = {0x80, 0x02, 0, 0, 0, 0x1d, 0, 0, 0x01, 0x39, 0x40, 0, 0, 0x0a,
                                   0, 0, 0, 0x0b, 0x40, 0, 0, 0x09, 0, 0, 0, 0, 2, 'p', 'w'};
    assert_int_equal(f.cmdlen, sizeof(want));
    assert_memory_equal(f.cmd, want, sizeof(want));
    TSS_Delete(ctx);
}

/* TPM2_MAC shares its code with TPM2_HMAC (no row of its own): MAC_In goes out as the same
 * bytes HMAC_In does, and MAC_Out receives the digest */
static void test_mac_shares_hmac(void **state)
{
    (void)state;
    static const char *rsp = "8002 00000000 00000000 00000022 0020"
                             "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
                             " 0000 01 0000";
    fake f = {0};
    script(&f, rsp, 0);
    script(&f, rsp, 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    HMAC_In hin = {.handle = 0x80000001, .hashAlg = TPM_ALG_SHA256};
    MAC_In min = {.handle = 0x80000001, .inScheme = TPM_ALG_SHA256};
    hin.buffer.t.size = min.buffer.t.size = 3;
    memcpy(hin.buffer.t.buffer, "abc", 3);
    memcpy(min.buffer.t.buffer, "abc", 3);
    HMAC_Out hout;
    MAC_Out mout;
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&hout, (COMMAND_PARAMETERS *)&hin, NULL,
                                 TPM_CC_HMAC, TPM_RS_PW, "k", 0, TPM_RH_NULL, NULL, 0), 0);
    uint8_t hcmd[1024];
    uint32_t hlen = f.cmdlen;
    memcpy(hcmd, f.cmd, hlen);
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&mout, (COMMAND_PARAMETERS *)&min, NULL,
                                 TPM_CC_MAC, TPM_RS_PW, "k", 0, TPM_RH_NULL, NULL, 0), 0);
    assert_int_equal(f.cmdlen, hlen);
    assert_memory_equal(f.cmd, hcmd, hlen);
    assert_int_equal(mout.outMAC.t.size, 32);
    assert_int_equal(mout.outMAC.t.buffer[31], 0x20);
    assert_memory_equal(mout.outMAC.t.buffer, hout.outHMAC.t.buffer, 32);
    TSS_Delete(ctx);
}

static void test_password_bad_response(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8002 00000000 00000000 00000000 0000 01 0002 abcd", 0); /* an HMAC on a password */
    script(&f, "8002 00000000 00000000 00000000 0001 aa 01 0000", 0);   /* a nonce on a password */
    script(&f, "8002 00000000 00000000 00000000 0000 01", 0);           /* truncated auth */
    script(&f, "8001 00000000 00000000", 0);                            /* no-sessions tag */
    TSS_CONTEXT *ctx = ctx_with(&f);
    assert_int_equal(da_reset(ctx, NULL), TSS_RC_BAD_PWAP_HMAC);
    assert_int_equal(da_reset(ctx, NULL), TSS_RC_BAD_PWAP_NONCE);
    assert_int_equal(da_reset(ctx, NULL), TSS_RC_MALFORMED_RESPONSE);
    assert_int_equal(da_reset(ctx, NULL), TSS_RC_RESPONSE_TAG);
    TSS_Delete(ctx);
}

static void test_response_handle(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8001 00000000 00000000 80000001 0004 000b1122", 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    LoadExternal_In in;
    memset(&in, 0, sizeof(in));
    in.inPublic.publicArea.type = TPM_ALG_KEYEDHASH;
    in.inPublic.publicArea.nameAlg = TPM_ALG_SHA256;
    in.inPublic.publicArea.parameters.keyedHashDetail.scheme.scheme = TPM_ALG_NULL;
    in.hierarchy = TPM_RH_NULL;
    LoadExternal_Out out;
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                 TPM_CC_LoadExternal, TPM_RH_NULL, NULL, 0), 0);
    assert_int_equal(out.objectHandle, 0x80000001);
    assert_int_equal(out.name.t.size, 4);
    TSS_Delete(ctx);
    /* a handle of another type (here a persistent one) is refused: it is not covered by the
     * response HMAC, and a Name must not be filed under it */
    fake g = {0};
    script(&g, "8001 00000000 00000000 81000001 0004 000b1122", 0);
    ctx = ctx_with(&g);
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                 TPM_CC_LoadExternal, TPM_RH_NULL, NULL, 0),
                     TSS_RC_MALFORMED_RESPONSE);
    TSS_Delete(ctx);
}

static void test_bad_calls(void **state)
{
    (void)state;
    fake f = {0};
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_In in = {.bytesRequested = 8};
    GetRandom_Out out;
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                 0x12345678, TPM_RH_NULL, NULL, 0), TSS_RC_COMMAND_UNIMPLEMENTED);
    assert_int_equal(TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_GetRandom,
                                 TPM_RH_NULL, NULL, 0), TSS_RC_OUT_PARAMETER);
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, NULL, NULL, TPM_CC_GetRandom,
                                 TPM_RH_NULL, NULL, 0), TSS_RC_IN_PARAMETER);
    /* four sessions */
    DictionaryAttackLockReset_In da = {.lockHandle = TPM_RH_LOCKOUT};
    assert_int_equal(TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&da, NULL, TPM_CC_DictionaryAttackLockReset,
                                 TPM_RS_PW, NULL, 0, TPM_RS_PW, NULL, 0, TPM_RS_PW, NULL, 0, TPM_RS_PW, NULL, 0,
                                 TPM_RH_NULL, NULL, 0), TSS_RC_IN_PARAMETER);
    /* a password longer than any TPM2B_AUTH */
    char longpw[300];
    memset(longpw, 'a', sizeof(longpw) - 1);
    longpw[sizeof(longpw) - 1] = 0;
    assert_int_not_equal(da_reset(ctx, longpw), 0);
    assert_int_equal(f.sent, 0); /* none of these reached the TPM */
    TSS_Delete(ctx);
}

static void test_reconnect_on_property(void **state)
{
    (void)state;
    fake f = {0};
    script(&f, "8001 00000000 00000000 0001 aa", 0);
    f.repeat = 1;
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(f.opens, 0); /* TSS_Create opened nothing */
    assert_int_equal(getrandom(ctx, &out), 0);
    assert_int_equal(getrandom(ctx, &out), 0);
    assert_int_equal(f.opens, 1); /* one connection for both commands */
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, "2321"), 0); /* same value */
    assert_int_equal(getrandom(ctx, &out), 0);
    assert_int_equal(f.opens, 2);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRACE_LEVEL, "0"), 0); /* not a connection property */
    assert_int_equal(getrandom(ctx, &out), 0);
    assert_int_equal(f.opens, 2);
    TSS_Delete(ctx);
}

static void test_no_connection(void **state)
{
    (void)state;
    fake f = {0};
    f.open_rc = TSS_RC_NO_CONNECTION;
    TSS_CONTEXT *ctx = ctx_with(&f);
    GetRandom_Out out;
    assert_int_equal(getrandom(ctx, &out), TSS_RC_NO_CONNECTION);
    TSS_Delete(ctx);
}

static void test_properties(void **state)
{
    (void)state;
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, "70000"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, "12x"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, "2330"), 0);
    assert_int_equal(ctx->tcfg.command_port, 2330);
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, NULL), 0); /* back to the default */
    assert_int_equal(ctx->tcfg.command_port, 2321);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SERVER_TYPE, "tcp"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SERVER_TYPE, "swtpm"), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_INTERFACE_TYPE, "tbs"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRACE_LEVEL, "x"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, "00112233"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSPORT, "nonsense:x=y"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSPORT, "swtpm:host=::1,port=2400"), 0);
    assert_int_equal(TSS_SetProperty(ctx, 999, "1"), TSS_RC_BAD_PROPERTY);
    TSS_Delete(ctx);
    /* the environment overrides the default, and a bad value there fails TSS_Create */
    setenv("TPM_COMMAND_PORT", "2999", 1);
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(ctx->tcfg.command_port, 2999);
    TSS_Delete(ctx);
    setenv("TPM_COMMAND_PORT", "0", 1);
    assert_int_equal(TSS_Create(&ctx), TSS_RC_BAD_PROPERTY_VALUE);
    assert_null(ctx);
    unsetenv("TPM_COMMAND_PORT");
    /* IBM's utilities set the trace level before any context exists */
    assert_int_equal(TSS_SetProperty(NULL, TPM_TRACE_LEVEL, "2"), 0);
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(ctx->trace_level, 2);
    TSS_Delete(ctx);
    assert_int_equal(TSS_SetProperty(NULL, TPM_TRACE_LEVEL, "z"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(NULL, TPM_COMMAND_PORT, "2321"), TSS_RC_NULL_PARAMETER);
    assert_int_equal(TSS_SetProperty(NULL, TPM_TRACE_LEVEL, NULL), 0);
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(ctx->trace_level, 0);
    TSS_Delete(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_getrandom_bytes),  cmocka_unit_test(test_hostile_responses),
        cmocka_unit_test(test_retry),            cmocka_unit_test(test_retry_bounded),
        cmocka_unit_test(test_password_auth),    cmocka_unit_test(test_password_bad_response),
        cmocka_unit_test(test_response_handle),  cmocka_unit_test(test_bad_calls),
        cmocka_unit_test(test_no_connection),    cmocka_unit_test(test_properties),
        cmocka_unit_test(test_reconnect_on_property),
        cmocka_unit_test(test_mac_shares_hmac),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
