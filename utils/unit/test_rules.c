/* SPDX-License-Identifier: BSD-3-Clause */
/* The session rules the TPM applies, checked against the fake TPM (unit/faketpm.c), which
 * applies them as the TPM's reference code does:
 *   - a bound session on its bind entity: parameter encryption is keyed with the bind
 *     entity's auth value, whatever password the caller gives;
 *   - an audit use unbinds a session: later HMACs include the entity's auth value;
 *   - a policy session is reset after each use: PolicyAuthValue must be run again;
 *   - NV_UndefineSpaceSpecial answers with the empty auth value (the index is gone);
 * and the locality property, and the per-handle locks a call holds while it runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/context.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsserror.h"
#include "unit/unitdir.h"
#include "unit/faketpm.h"

#define NVIDX 0x01500020u
#define SESSION 0x02000001u
#define POLICY 0x03000002u

static char dir[64];

static TPM_RC nv_read(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION s, const char *pw, unsigned attrs,
                      NV_Read_Out *out)
{
    NV_Read_In in;
    memset(&in, 0, sizeof(in));
    in.authHandle = NVIDX;
    in.nvIndex = NVIDX;
    in.size = 20;
    return TSS_Execute(ctx, (RESPONSE_PARAMETERS *)out, (COMMAND_PARAMETERS *)&in, NULL,
                       TPM_CC_NV_Read, s, pw, attrs, TPM_RH_NULL, NULL, 0);
}

static void expect_letters(const NV_Read_Out *out)
{
    assert_int_equal(out->data.t.size, 20);
    for (int i = 0; i < 20; i++)
        assert_int_equal(out->data.t.buffer[i], 'A' + i);
}

static TSS_CONTEXT *setup(faketpm *f, uint16_t keylen, uint32_t bind)
{
    ft_init(f);
    TSS_CONTEXT *ctx = ft_context(f, dir);
    ft_entity_add(f, ctx, NVIDX, "nvpw");
    ft_session_add(f, ctx, SESSION, keylen, bind);
    return ctx;
}

/* rule 1: the response is encrypted with sessionKey || the index's auth value; the caller
 * gives no password (or a wrong one): the HMAC leaves it out (bound), the encryption not */
static void test_bound_encryption(void **state)
{
    (void)state;
    faketpm f;
    TSS_CONTEXT *ctx = setup(&f, 32, NVIDX);
    unsigned enc = TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT;
    NV_Read_Out out;
    assert_int_equal(nv_read(ctx, SESSION, NULL, enc, &out), 0);
    expect_letters(&out);
    assert_int_equal(nv_read(ctx, SESSION, "wrong", enc, &out), 0);
    expect_letters(&out);
    assert_int_equal(nv_read(ctx, SESSION, "nvpw", enc, &out), 0);
    expect_letters(&out);
    /* the bind auth value lives in the (sealed) state file, across contexts */
    TSS_Delete(ctx);
    ctx = ft_context(&f, dir);
    assert_int_equal(nv_read(ctx, SESSION, "", enc, &out), 0);
    expect_letters(&out);
    TSS_Delete(ctx);
}

/* rule 2: after an audit use the session is unbound: the HMAC includes the auth value */
static void test_audit_unbinds(void **state)
{
    (void)state;
    faketpm f;
    TSS_CONTEXT *ctx = setup(&f, 32, NVIDX);
    NV_Read_Out out;
    unsigned cont = TPMA_SESSION_CONTINUESESSION;
    assert_int_equal(nv_read(ctx, SESSION, NULL, cont, &out), 0); /* bound: no password */
    assert_int_equal(nv_read(ctx, SESSION, NULL, cont | TPMA_SESSION_AUDIT, &out), 0);
    tss_session s;
    assert_int_equal(tss_session_load(ctx, SESSION, &s), 0);
    assert_int_equal(s.bindName.t.size, 0);
    assert_int_equal(s.bindAuth.t.size, 0);
    /* now the password counts */
    assert_int_equal(nv_read(ctx, SESSION, "nvpw", cont, &out), 0);
    expect_letters(&out);
    assert_int_not_equal(nv_read(ctx, SESSION, NULL, cont, &out), 0);
    assert_int_equal(f.last_rc & 0xbf, TPM_RC_AUTH_FAIL & 0xbf);
    TSS_Delete(ctx);
}

/* rule 3: PolicyAuthValue counts for one use only */
static void test_policy_resets(void **state)
{
    (void)state;
    faketpm f;
    ft_init(&f);
    TSS_CONTEXT *ctx = ft_context(&f, dir);
    ft_entity_add(&f, ctx, NVIDX, "nvpw");
    ft_session_add(&f, ctx, POLICY, 0, 0);
    ft_session_policy(&f, ctx, POLICY, 1);
    NV_Read_Out out;
    unsigned cont = TPMA_SESSION_CONTINUESESSION;
    assert_int_equal(nv_read(ctx, POLICY, "nvpw", cont, &out), 0);
    tss_session s;
    assert_int_equal(tss_session_load(ctx, POLICY, &s), 0);
    assert_int_equal(s.policyAuthValue, 0);
    assert_int_equal(s.policyPassword, 0);
    /* the same password again, no PolicyAuthValue: the HMAC must leave it out */
    assert_int_equal(nv_read(ctx, POLICY, "nvpw", cont, &out), 0);
    expect_letters(&out);
    TSS_Delete(ctx);
}

/* rule 4: the response HMAC of NV_UndefineSpaceSpecial uses the empty auth value */
static void test_undefine_special(void **state)
{
    (void)state;
    faketpm f;
    TSS_CONTEXT *ctx = setup(&f, 32, 0);
    NV_UndefineSpaceSpecial_In in = {.nvIndex = NVIDX, .platform = TPM_RH_PLATFORM};
    char path[256];
    snprintf(path, sizeof(path), "%s/h%08x.bin", dir, NVIDX);
    assert_int_equal(access(path, F_OK), 0);
    TPM_RC rc = TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_UndefineSpaceSpecial,
                            SESSION, "nvpw", TPMA_SESSION_CONTINUESESSION, TPM_RS_PW, NULL, 0,
                            TPM_RH_NULL, NULL, 0);
    assert_int_equal(rc, 0);
    assert_int_equal(f.last_rc, 0);
    assert_int_not_equal(access(path, F_OK), 0); /* the Name is forgotten */
    TSS_Delete(ctx);
}

/* TPM_TRANSMIT_LOCALITY is IBM's property 10; the value is range-checked */
static void test_locality_property(void **state)
{
    (void)state;
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TPM_TRANSMIT_LOCALITY, 10);
    assert_int_not_equal(TPM_SESSION_ENCKEY, 10);
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "3"), 0);
    assert_int_equal(ctx->locality, 3);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "32"), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "5"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "256"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, NULL), 0);
    assert_int_equal(ctx->locality, 0);
    TSS_Delete(ctx);
    /* a transport that cannot select a locality refuses the command, sending nothing */
    faketpm f;
    ctx = setup(&f, 0, 0);
    GetRandom_In in = {.bytesRequested = 8};
    GetRandom_Out out;
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "3"), 0);
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                 TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0),
                     TSS_RC_NOT_IMPLEMENTED);
    assert_int_equal(f.commands, 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, "0"), 0);
    assert_int_equal(TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                 TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0),
                     0);
    assert_int_equal(f.commands, 1);
    TSS_Delete(ctx);
}

/* is the lock byte of handle h taken by another open of tss.lock? */
static int lock_held(uint32_t h)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/tss.lock", dir);
    int fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    struct flock l;
    memset(&l, 0, sizeof(l));
    l.l_type = F_WRLCK;
    l.l_whence = SEEK_SET;
    l.l_start = (off_t)h;
    l.l_len = 1;
    assert_int_equal(fcntl(fd, F_OFD_GETLK, &l), 0);
    close(fd);
    return l.l_type != F_UNLCK;
}

/* sessions and handles are locked from loading to saving; the lock goes with the call */
static void test_session_lock(void **state)
{
    (void)state;
    faketpm f;
    TSS_CONTEXT *ctx = setup(&f, 32, 0);
    uint32_t h[2] = {SESSION, NVIDX};
    uint32_t sorted[2] = {NVIDX, SESSION};
    int fd;
    assert_int_equal(tss_state_lock(ctx, sorted, 2, &fd), 0);
    assert_true(lock_held(h[0]));
    assert_true(lock_held(h[1]));
    assert_false(lock_held(NVIDX + 1));
    tss_state_unlock(fd);
    assert_false(lock_held(h[0]));
    /* TSS_Execute releases its locks when it returns, also after a failure */
    NV_Read_Out out;
    assert_int_equal(nv_read(ctx, SESSION, "nvpw", TPMA_SESSION_CONTINUESESSION, &out), 0);
    assert_false(lock_held(SESSION));
    assert_int_not_equal(nv_read(ctx, SESSION, "wrong", TPMA_SESSION_CONTINUESESSION, &out), 0);
    assert_false(lock_held(SESSION));
    assert_false(lock_held(NVIDX));
    TSS_Delete(ctx);
}

static int make_dir(void **state)
{
    (void)state;
    return ft_dir_make(dir, sizeof(dir), "rules");
}

static int remove_dir(void **state)
{
    (void)state;
    return ft_dir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bound_encryption, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_audit_unbinds, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_policy_resets, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_undefine_special, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_locality_property, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_session_lock, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
