/* SPDX-License-Identifier: BSD-3-Clause */
/* The Nuvoton vendor commands through TSS_Execute against a fake transport: the exact command
 * bytes of NTC2_PreConfig, NTC2_LockPreConfig and NTC2_GetConfig, a hand-built GetConfig
 * response unmarshaled field by field, and hostile or failing responses. Also the raw path
 * tpmcmd and timepacket use (TSS_Transmit), which must not touch the bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/context.h"
#include "tss2/Unmarshal_fp.h"
#include "tss2/tss.h"
#include "tss2/tsserror.h"
#include "tss2/tssmarshal.h"
#include "tss2/tsstransmit.h"

typedef struct fake {
    uint8_t rsp[64];
    uint32_t rsplen;
    uint8_t cmd[256];
    uint32_t cmdlen;
    int sent;
} fake;

static uint32_t f_open(tss_transport *t)
{
    t->opened = 1;
    return 0;
}

static uint32_t f_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                           uint32_t *rsplen)
{
    fake *f = t->user;
    f->sent++;
    assert_true(cmdlen <= sizeof(f->cmd));
    memcpy(f->cmd, cmd, cmdlen);
    f->cmdlen = cmdlen;
    memcpy(rsp, f->rsp, f->rsplen);
    *rsplen = f->rsplen;
    return 0;
}

static void f_close(tss_transport *t)
{
    t->opened = 0;
}

static const tss_transport_ops fake_ops = {"fake", f_open, f_transmit, NULL, NULL, f_close};

/* the response: a header with the size patched in, then body */
static void respond(fake *f, TPM_RC rc, const uint8_t *body, uint32_t n)
{
    static const uint8_t hdr[] = {0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0};
    memcpy(f->rsp, hdr, sizeof(hdr));
    if (n > 0)
        memcpy(f->rsp + 10, body, n);
    f->rsplen = 10 + n;
    f->rsp[5] = (uint8_t)f->rsplen;
    f->rsp[6] = (uint8_t)(rc >> 24), f->rsp[7] = (uint8_t)(rc >> 16);
    f->rsp[8] = (uint8_t)(rc >> 8), f->rsp[9] = (uint8_t)rc;
}

static TSS_CONTEXT *ctx_with(fake *f)
{
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(tss_set_transport_ops(ctx, &fake_ops, f), 0);
    return ctx;
}

/* 18 distinct bytes, in NTC2_CFG_STRUCT order */
static const uint8_t cfg_bytes[18] = {0xa9, 0xa5, 0x03, 0x00, 0xff, 0xfe, 0x11, 0x22, 0x33,
                                      0x44, 0x55, 0x66, 0x77, 0xf0, 0x88, 0x99, 0xaa, 0xbb};

static void test_preconfig_bytes(void **state)
{
    (void)state;
    fake f = {0};
    respond(&f, 0, NULL, 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    NTC2_PreConfig_In in;
    memset(&in, 0, sizeof(in));
    NTC2_CFG_STRUCT *c = &in.preConfig;
    c->i2cLoc1_2 = 0xa9, c->i2cLoc3_4 = 0xa5, c->AltCfg = 0x03, c->Direction = 0x00;
    c->PullUp = 0xff, c->PushPull = 0xfe, c->CFG_A = 0x11, c->CFG_B = 0x22, c->CFG_C = 0x33;
    c->CFG_D = 0x44, c->CFG_E = 0x55, c->CFG_F = 0x66, c->CFG_G = 0x77, c->CFG_H = 0xf0;
    c->CFG_I = 0x88, c->CFG_J = 0x99, c->IsValid = 0xaa, c->IsLocked = 0xbb;
    assert_int_equal(TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, NTC2_CC_PreConfig,
                                 TPM_RH_NULL, NULL, 0),
                     0);
    /* no sessions: tag 8001, size 10 + 18, command code 20000211, the 18 bytes in order */
    static const uint8_t hdr[] = {0x80, 0x01, 0, 0, 0, 0x1c, 0x20, 0x00, 0x02, 0x11};
    assert_int_equal(f.cmdlen, sizeof(hdr) + sizeof(cfg_bytes));
    assert_memory_equal(f.cmd, hdr, sizeof(hdr));
    assert_memory_equal(f.cmd + sizeof(hdr), cfg_bytes, sizeof(cfg_bytes));
    TSS_Delete(ctx);
}

static void test_lockpreconfig_bytes(void **state)
{
    (void)state;
    fake f = {0};
    respond(&f, 0, NULL, 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    assert_int_equal(
        TSS_Execute(ctx, NULL, NULL, NULL, NTC2_CC_LockPreConfig, TPM_RH_NULL, NULL, 0), 0);
    static const uint8_t want[] = {0x80, 0x01, 0, 0, 0, 0x0a, 0x20, 0x00, 0x02, 0x12};
    assert_int_equal(f.cmdlen, sizeof(want));
    assert_memory_equal(f.cmd, want, sizeof(want));
    TSS_Delete(ctx);
}

static void test_getconfig(void **state)
{
    (void)state;
    fake f = {0};
    respond(&f, 0, cfg_bytes, sizeof(cfg_bytes));
    TSS_CONTEXT *ctx = ctx_with(&f);
    NTC2_GetConfig_Out out;
    memset(&out, 0, sizeof(out));
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, NULL, NULL, NTC2_CC_GetConfig,
                                 TPM_RH_NULL, NULL, 0),
                     0);
    static const uint8_t want[] = {0x80, 0x01, 0, 0, 0, 0x0a, 0x20, 0x00, 0x02, 0x13};
    assert_int_equal(f.cmdlen, sizeof(want));
    assert_memory_equal(f.cmd, want, sizeof(want));
    const NTC2_CFG_STRUCT *c = &out.preConfig;
    assert_int_equal(c->i2cLoc1_2, 0xa9);
    assert_int_equal(c->i2cLoc3_4, 0xa5);
    assert_int_equal(c->AltCfg, 0x03);
    assert_int_equal(c->Direction, 0x00);
    assert_int_equal(c->PullUp, 0xff);
    assert_int_equal(c->PushPull, 0xfe);
    assert_int_equal(c->CFG_A, 0x11);
    assert_int_equal(c->CFG_B, 0x22);
    assert_int_equal(c->CFG_C, 0x33);
    assert_int_equal(c->CFG_D, 0x44);
    assert_int_equal(c->CFG_E, 0x55);
    assert_int_equal(c->CFG_F, 0x66);
    assert_int_equal(c->CFG_G, 0x77);
    assert_int_equal(c->CFG_H, 0xf0);
    assert_int_equal(c->CFG_I, 0x88);
    assert_int_equal(c->CFG_J, 0x99);
    assert_int_equal(c->IsValid, 0xaa);
    assert_int_equal(c->IsLocked, 0xbb);
    TSS_Delete(ctx);
}

static TPM_RC getconfig_with(const uint8_t *body, uint32_t n, TPM_RC trc)
{
    fake f = {0};
    respond(&f, trc, body, n);
    TSS_CONTEXT *ctx = ctx_with(&f);
    NTC2_GetConfig_Out out;
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, NULL, NULL, NTC2_CC_GetConfig,
                            TPM_RH_NULL, NULL, 0);
    TSS_Delete(ctx);
    return rc;
}

static void test_getconfig_hostile(void **state)
{
    (void)state;
    uint8_t longer[19];
    memcpy(longer, cfg_bytes, sizeof(cfg_bytes));
    longer[18] = 0;
    /* one byte short, one byte too many */
    assert_int_equal(getconfig_with(cfg_bytes, 17, 0), TSS_RC_MALFORMED_RESPONSE);
    assert_int_equal(getconfig_with(longer, sizeof(longer), 0), TSS_RC_MALFORMED_RESPONSE);
    /* a TPM without the command (swtpm): its response code comes back as it is */
    assert_int_equal(getconfig_with(NULL, 0, TPM_RC_COMMAND_CODE), TPM_RC_COMMAND_CODE);
}

/* the entry points utilities and applications use */
static void test_cfg_marshal(void **state)
{
    (void)state;
    NTC2_CFG_STRUCT c;
    uint8_t buf[18], *p = (uint8_t *)cfg_bytes;
    uint32_t size = sizeof(cfg_bytes);
    assert_int_equal(TSS_NTC2_CFG_STRUCT_Unmarshalu(&c, &p, &size), 0);
    assert_int_equal(size, 0);
    assert_int_equal(c.CFG_H, 0xf0);
    uint8_t *w = buf;
    uint32_t room = sizeof(buf);
    uint16_t written = 0;
    assert_int_equal(TSS_NTC2_CFG_STRUCT_Marshalu(&c, &written, &w, &room), 0);
    assert_int_equal(written, 18);
    assert_memory_equal(buf, cfg_bytes, sizeof(buf));
    p = (uint8_t *)cfg_bytes;
    size = 17;
    assert_int_not_equal(TSS_NTC2_CFG_STRUCT_Unmarshalu(&c, &p, &size), 0);
}

/* tpmcmd / timepacket: bytes go out as given and come back as received, even an error */
static void test_transmit_raw(void **state)
{
    (void)state;
    fake f = {0};
    respond(&f, TPM_RC_COMMAND_CODE, NULL, 0);
    TSS_CONTEXT *ctx = ctx_with(&f);
    static const uint8_t cmd[] = {0x80, 0x01, 0, 0, 0, 0x0a, 0x20, 0x00, 0x02, 0x13};
    uint8_t rsp[MAX_RESPONSE_SIZE];
    uint32_t n = sizeof(rsp);
    assert_int_equal(TSS_Transmit(ctx, rsp, &n, cmd, sizeof(cmd), "test"), 0);
    assert_int_equal(f.cmdlen, sizeof(cmd));
    assert_memory_equal(f.cmd, cmd, sizeof(cmd));
    assert_int_equal(n, 10);
    assert_memory_equal(rsp, f.rsp, 10);
    /* a response larger than the caller's buffer is refused, not truncated */
    n = 5;
    assert_int_equal(TSS_Transmit(ctx, rsp, &n, cmd, sizeof(cmd), NULL),
                     TSS_RC_INSUFFICIENT_BUFFER);
    TSS_Delete(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_preconfig_bytes), cmocka_unit_test(test_lockpreconfig_bytes),
        cmocka_unit_test(test_getconfig),       cmocka_unit_test(test_getconfig_hostile),
        cmocka_unit_test(test_cfg_marshal),     cmocka_unit_test(test_transmit_raw),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
