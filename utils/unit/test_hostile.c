/* SPDX-License-Identifier: BSD-3-Clause */
/* A hostile TPM (or a man in the middle) against TSS_Execute.
 *
 * Over the fake TPM of faketpm.c, with a password session, an unbound HMAC session, a
 * keyed HMAC session bound to the NV index it authorizes, and HMAC sessions with response
 * encryption (AES-128-CFB), each of these responses must give a non-zero TPM_RC (no crash,
 * no leak under ASan) and leave every file in TPM_DATA_DIR byte for byte as it was: a
 * flipped bit in the response HMAC (every byte position) and, for HMAC sessions, anywhere
 * outside the response handles; a size field larger or smaller than the bytes sent; the
 * response cut at every length, with the size field left alone and with it patched to match;
 * trailing bytes, with and without a matching size field; one handle too few or too many; a
 * parameterSize off by one; and a signed response whose encrypted first parameter decrypts
 * to a TPM2B (outer or nested) larger than the bytes that follow.
 *
 * What the library guarantees after a rejected response (asserted below):
 *  - the error is a TSS_RC_* code (or the TPM error code a mutated header carries), never 0;
 *  - the session state files are not rewritten: the state on disk is the last verified one;
 *  - when the forged response never reached the TPM (the "inject" mode of the fake: the TPM
 *    kept its nonce), the session is still in step and the next command succeeds;
 *  - when the TPM did run the command and only its answer was altered, the TPM has rolled
 *    nonceTPM but the TSS has not: the next command with that session fails cleanly at the
 *    TPM (TPM_RC_AUTH_FAIL for session 1) and the state on disk is still unchanged. The TSS
 *    does not try to resynchronise; the caller must start a new session.
 *
 * Protocol limit, not a TSS bug: response handles are not covered by rpHash (Part 1 18.8),
 * so a flipped bit in a returned handle is not detected; the byte sweep skips them.
 *
 * Finally a sweep over the command table: every command whose response the TSS can build
 * from a zeroed Out structure (and whose zeroed In the TSS sends), with password sessions
 * for its authorization handles, must reject its response cut at every length, with a
 * trailing byte, and with a size field that does not match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/commands.h"
#include "core/context.h"
#include "marshal/mdesc.h"
#include "tss2/tsserror.h"
#include "unit/unitdir.h"
#include "unit/faketpm.h"

#define PARENT 0x81000001u
#define NVIDX 0x01000001u
#define OBJ 0x80000002u
#define S_UNBOUND 0x02000000u
#define S_BOUND 0x02000001u
#define AUTH_FAIL_1 0x98Eu

static char dir[64];

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static int tss_side(TPM_RC rc)
{
    return (rc & 0xffff0000u) == 0x000b0000u;
}

/* ---- response mutations -------------------------------------------------------------------- */

enum { M_FLIP, M_SIZE, M_TRUNC, M_TRUNC_PATCH, M_APPEND, M_APPEND_PATCH, M_DROP_HANDLE, M_EXTRA_HANDLE, M_PSIZE };

typedef struct mut {
    int op;
    int32_t a;
} mut;

static void mutate(faketpm *f, uint8_t *rsp, uint32_t *len, uint32_t cap)
{
    const mut *m = f->arg;
    uint32_t hend = 10 + 4 * f->rsp_nhandles; /* end of the response handles */
    switch (m->op) {
    case M_FLIP:
        rsp[m->a] ^= (uint8_t)(1u << (m->a % 8));
        break;
    case M_SIZE:
        wr32(rsp + 2, (uint32_t)((int32_t)*len + m->a));
        break;
    case M_TRUNC:
    case M_TRUNC_PATCH:
        *len = (uint32_t)m->a;
        if (m->op == M_TRUNC_PATCH && *len >= 6)
            wr32(rsp + 2, *len);
        break;
    case M_APPEND:
    case M_APPEND_PATCH:
        assert_true(*len + (uint32_t)m->a <= cap);
        memset(rsp + *len, 0xa5, (size_t)m->a);
        *len += (uint32_t)m->a;
        if (m->op == M_APPEND_PATCH)
            wr32(rsp + 2, *len);
        break;
    case M_DROP_HANDLE: /* the 4 bytes before the end of the handles (or after it when none) */
        if (hend == 10)
            hend = 14;
        memmove(rsp + hend - 4, rsp + hend, *len - hend);
        *len -= 4;
        wr32(rsp + 2, *len);
        break;
    case M_EXTRA_HANDLE:
        memmove(rsp + hend + 4, rsp + hend, *len - hend);
        wr32(rsp + hend, 0x80000003);
        *len += 4;
        wr32(rsp + 2, *len);
        break;
    case M_PSIZE:
        wr32(rsp + hend, (uint32_t)((int32_t)rd32(rsp + hend) + m->a));
        break;
    default:
        fail();
    }
}

/* ---- the commands -------------------------------------------------------------------------- */

enum { C_GETRANDOM, C_NVREAD, C_LOAD, C_READPUBLIC };

typedef struct call {
    const char *name;
    int cmd;
    uint32_t sh;   /* session: TPM_RS_PW or a session handle */
    unsigned attrs;
} call;

static TPM_RC do_call(TSS_CONTEXT *ctx, const call *k)
{
    static union {
        GetRandom_Out gr;
        NV_Read_Out nv;
        Load_Out ld;
        ReadPublic_Out rp;
    } out;
    memset(&out, 0, sizeof(out));
    TPM_RC rc;
    switch (k->cmd) {
    case C_GETRANDOM: {
        GetRandom_In in = {.bytesRequested = 20};
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_GetRandom,
                         k->sh, NULL, k->attrs, TPM_RH_NULL, NULL, 0);
        if (rc == 0) {
            assert_int_equal(out.gr.randomBytes.t.size, 20);
            assert_memory_equal(out.gr.randomBytes.t.buffer, "ABCDEFGHIJKLMNOPQRST", 20);
        }
        return rc;
    }
    case C_NVREAD: {
        NV_Read_In in = {.authHandle = NVIDX, .nvIndex = NVIDX, .size = 16, .offset = 0};
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_Read,
                         k->sh, "nvpw", k->attrs, TPM_RH_NULL, NULL, 0);
        if (rc == 0) {
            assert_int_equal(out.nv.data.t.size, 16);
            assert_memory_equal(out.nv.data.t.buffer, "ABCDEFGHIJKLMNOP", 16);
        }
        return rc;
    }
    case C_LOAD: {
        Load_In in;
        memset(&in, 0, sizeof(in));
        in.parentHandle = PARENT;
        in.inPublic.publicArea.type = TPM_ALG_KEYEDHASH;
        in.inPublic.publicArea.nameAlg = TPM_ALG_SHA256;
        in.inPublic.publicArea.parameters.keyedHashDetail.scheme.scheme = TPM_ALG_NULL;
        in.inPrivate.t.size = 4;
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_Load, k->sh,
                         "parentpw", k->attrs, TPM_RH_NULL, NULL, 0);
        if (rc == 0) {
            assert_int_equal(out.ld.objectHandle, 0x80000001);
            assert_int_equal(out.ld.name.t.size, 34);
        }
        return rc;
    }
    case C_READPUBLIC: {
        ReadPublic_In in = {.objectHandle = OBJ};
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_ReadPublic,
                         k->sh, NULL, k->attrs, TPM_RH_NULL, NULL, 0);
        if (rc == 0) {
            assert_int_equal(out.rp.outPublic.publicArea.type, TPM_ALG_KEYEDHASH);
            assert_int_equal(out.rp.outPublic.publicArea.nameAlg, TPM_ALG_SHA256);
        }
        return rc;
    }
    default:
        fail();
        return 0;
    }
}

/* a valid keyed-hash public area as ReadPublic returns it; lie: 1 nested authPolicy size
 * larger than the TPM2B_PUBLIC holds, 2 larger than a TPM2B_DIGEST may be */
static void set_public(faketpm *f, int lie)
{
    static const uint8_t good[] = {0x00, 0x0e, 0x00, 0x08, 0x00, 0x0b, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00};
    memcpy(f->pub, good, sizeof(good));
    f->publen = sizeof(good);
    if (lie == 1)
        f->pub[11] = 0x04; /* authPolicy claims 4 bytes; 4 remain but then scheme/unique are missing */
    if (lie == 2)
        f->pub[10] = 0x01; /* 0x100 bytes: more than any digest */
}

typedef struct fixture {
    faketpm f;
    TSS_CONTEXT *ctx;
} fixture;

static fixture *fx_new(void)
{
    fixture *x = calloc(1, sizeof(*x));
    assert_non_null(x);
    ft_init(&x->f);
    x->ctx = ft_context(&x->f, dir);
    ft_entity_add(&x->f, x->ctx, PARENT, "parentpw");
    ft_entity_add(&x->f, x->ctx, NVIDX, "nvpw");
    ft_entity_add(&x->f, x->ctx, OBJ, "");
    ft_session_add(&x->f, x->ctx, S_UNBOUND, 0, 0);
    ft_session_add(&x->f, x->ctx, S_BOUND, 32, NVIDX);
    set_public(&x->f, 0);
    return x;
}

static void fx_free(fixture *x)
{
    TSS_Delete(x->ctx);
    free(x);
}

static int checks; /* hostile exchanges checked, for the summary line */

/* one hostile exchange: a clean non-zero rc, and the directory as it was */
static TPM_RC hostile(fixture *x, const call *k, const mut *m, TPM_RC want)
{
    size_t n;
    uint8_t *snap = ft_snapshot(dir, &n);
    x->f.mutate = m != NULL ? mutate : NULL;
    x->f.arg = m;
    TPM_RC rc = do_call(x->ctx, k);
    x->f.mutate = NULL;
    if (rc == 0 || (want != 0 && rc != want) || !ft_snapshot_same(dir, snap, n))
        print_error("%s: mutation %d/%d gave rc %08x (want %08x), state %s\n", k->name, m ? m->op : -1,
                    m ? m->a : 0, rc, want, ft_snapshot_same(dir, snap, n) ? "same" : "CHANGED");
    assert_int_not_equal(rc, 0);
    if (want != 0)
        assert_int_equal(rc, want);
    assert_true(ft_snapshot_same(dir, snap, n));
    free(snap);
    checks++;
    return rc;
}

/* the whole battery for one command and session; the fake's session never moves (inject),
 * so every exchange tests the response path, and a clean exchange must still work after */
static void battery(const call *k)
{
    fixture *x = fx_new();
    int hmac = k->sh != TPM_RS_PW;
    /* a clean exchange works, and tells the layout of the response */
    assert_int_equal(do_call(x->ctx, k), 0);
    uint32_t full = x->f.rsplen, nh = x->f.rsp_nhandles;
    x->f.inject = 1;
    mut m;
    if (hmac) {
        for (int32_t i = 0; i < 32; i++) { /* every byte of the response HMAC */
            m = (mut){M_FLIP, (int32_t)full - 32 + i};
            hostile(x, k, &m, TSS_RC_HMAC_VERIFY);
        }
        /* every other byte, except the handles rpHash does not cover */
        for (int32_t i = 0; i < (int32_t)full - 32; i++) {
            if (i >= 10 && i < 10 + 4 * (int32_t)nh)
                continue;
            m = (mut){M_FLIP, i};
            TPM_RC rc = hostile(x, k, &m, 0);
            if (i >= 6 && i < 10)
                assert_int_equal(rc, rd32(x->f.rsp + 6) ^ (1u << (i % 8)) << (8 * (9 - i)));
            else
                assert_true(tss_side(rc));
        }
    } else {
        /* a password session's response has no integrity; its structure must still hold */
        m = (mut){M_FLIP, (int32_t)full - 1}; /* HMAC size of a password: bytes missing */
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
        m = (mut){M_FLIP, (int32_t)full - 5}; /* nonce size of a password: too large */
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
        m = (mut){M_FLIP, 1}; /* no-sessions tag */
        hostile(x, k, &m, TSS_RC_RESPONSE_TAG);
    }
    for (int32_t d = -3; d <= 3; d++) {
        if (d == 0)
            continue;
        m = (mut){M_SIZE, d};
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
    }
    m = (mut){M_SIZE, 0x10000};
    hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
    m = (mut){M_SIZE, -(int32_t)full};
    hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
    for (int32_t l = 0; l < (int32_t)full; l++) {
        m = (mut){M_TRUNC, l};
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
        m = (mut){M_TRUNC_PATCH, l};
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
    }
    for (int32_t a = 1; a <= 40; a += 13) {
        m = (mut){M_APPEND, a};
        hostile(x, k, &m, TSS_RC_MALFORMED_RESPONSE);
        m = (mut){M_APPEND_PATCH, a};
        hostile(x, k, &m, 0);
    }
    m = (mut){M_DROP_HANDLE, 0};
    hostile(x, k, &m, 0);
    m = (mut){M_EXTRA_HANDLE, 0};
    hostile(x, k, &m, 0);
    for (int32_t d = -1; d <= 1; d += 2) {
        m = (mut){M_PSIZE, d};
        hostile(x, k, &m, 0);
    }
    /* the session is still in step: a clean exchange succeeds, and rolls the state */
    x->f.inject = 0;
    size_t n;
    uint8_t *snap = ft_snapshot(dir, &n);
    assert_int_equal(do_call(x->ctx, k), 0);
    assert_int_equal(do_call(x->ctx, k), 0);
    if (hmac)
        assert_false(ft_snapshot_same(dir, snap, n)); /* the nonces were saved */
    free(snap);
    fx_free(x);
}

static void test_password_session(void **state)
{
    (void)state;
    battery(&(call){"Load/pw", C_LOAD, TPM_RS_PW, 0});
    battery(&(call){"NV_Read/pw", C_NVREAD, TPM_RS_PW, 0});
}

static void test_hmac_unbound(void **state)
{
    (void)state;
    battery(&(call){"GetRandom/hmac", C_GETRANDOM, S_UNBOUND, TPMA_SESSION_CONTINUESESSION});
    battery(&(call){"NV_Read/hmac", C_NVREAD, S_UNBOUND, TPMA_SESSION_CONTINUESESSION});
    battery(&(call){"Load/hmac", C_LOAD, S_UNBOUND, TPMA_SESSION_CONTINUESESSION});
}

static void test_hmac_bound(void **state)
{
    (void)state;
    /* on its bind entity (no auth value in the HMAC key) and on another entity */
    battery(&(call){"NV_Read/bound", C_NVREAD, S_BOUND, TPMA_SESSION_CONTINUESESSION});
    battery(&(call){"Load/bound", C_LOAD, S_BOUND, TPMA_SESSION_CONTINUESESSION});
}

static void test_hmac_encrypt(void **state)
{
    (void)state;
    const unsigned ce = TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT;
    battery(&(call){"GetRandom/enc", C_GETRANDOM, S_UNBOUND, ce});
    battery(&(call){"NV_Read/enc", C_NVREAD, S_UNBOUND, ce});
    battery(&(call){"NV_Read/bound+enc", C_NVREAD, S_BOUND, ce});
    battery(&(call){"ReadPublic/enc", C_READPUBLIC, S_BOUND, ce});
    battery(&(call){"Load/enc", C_LOAD, S_BOUND, ce});
}

/* signed responses whose decrypted first parameter lies about a size */
static void test_encrypted_lying_size(void **state)
{
    (void)state;
    const unsigned ce = TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT;
    fixture *x = fx_new();
    x->f.inject = 1;
    /* the outer size: signed as sent, larger than the bytes after it */
    x->f.size_lie = 1;
    hostile(x, &(call){"GetRandom/enc lie", C_GETRANDOM, S_UNBOUND, ce}, NULL, TSS_RC_BAD_ENCRYPT_SIZE);
    hostile(x, &(call){"NV_Read/enc lie", C_NVREAD, S_BOUND, ce}, NULL, TSS_RC_BAD_ENCRYPT_SIZE);
    x->f.size_lie = 200;
    hostile(x, &(call){"NV_Read/enc lie", C_NVREAD, S_BOUND, ce}, NULL, TSS_RC_BAD_ENCRYPT_SIZE);
    /* without encryption the same lie is caught by the unmarshaler */
    x->f.size_lie = 1;
    hostile(x, &(call){"GetRandom/hmac lie", C_GETRANDOM, S_UNBOUND, TPMA_SESSION_CONTINUESESSION}, NULL,
            TSS_RC_MALFORMED_RESPONSE);
    x->f.size_lie = 0;
    /* a nested size inside the encrypted TPM2B_PUBLIC: only visible after decryption */
    for (int lie = 1; lie <= 2; lie++) {
        set_public(&x->f, lie);
        hostile(x, &(call){"ReadPublic/enc nested lie", C_READPUBLIC, S_BOUND, ce}, NULL, TSS_RC_MALFORMED_RESPONSE);
        hostile(x, &(call){"ReadPublic/enc nested lie", C_READPUBLIC, S_UNBOUND, ce}, NULL,
                TSS_RC_MALFORMED_RESPONSE);
    }
    /* and the sessions still work */
    set_public(&x->f, 0);
    x->f.inject = 0;
    assert_int_equal(do_call(x->ctx, &(call){"ReadPublic/enc", C_READPUBLIC, S_BOUND, ce}), 0);
    assert_int_equal(do_call(x->ctx, &(call){"GetRandom/enc", C_GETRANDOM, S_UNBOUND, ce}), 0);
    fx_free(x);
}

/* the TPM ran the command, only its answer was altered: the TPM's nonce moved on, the TSS
 * kept the last verified state, so the next command fails at the TPM, cleanly */
static void test_desync_after_rejection(void **state)
{
    (void)state;
    fixture *x = fx_new();
    const call k = {"NV_Read/hmac", C_NVREAD, S_UNBOUND, TPMA_SESSION_CONTINUESESSION};
    assert_int_equal(do_call(x->ctx, &k), 0);
    mut m = {M_FLIP, (int32_t)x->f.rsplen - 7};
    hostile(x, &k, &m, TSS_RC_HMAC_VERIFY);
    assert_int_equal(x->f.last_rc, 0); /* the TPM did run it */
    hostile(x, &k, NULL, AUTH_FAIL_1);  /* the TPM refuses the stale nonce */
    /* a session the rejected response did not touch is unaffected */
    assert_int_equal(do_call(x->ctx, &(call){"NV_Read/bound", C_NVREAD, S_BOUND, TPMA_SESSION_CONTINUESESSION}), 0);
    /* a rejected response that would have ended the session (continueSession clear) leaves
     * its state file in place too */
    const call end = {"GetRandom/end", C_GETRANDOM, S_BOUND, 0};
    m = (mut){M_FLIP, 3}; /* size */
    x->f.inject = 1;
    hostile(x, &end, &m, TSS_RC_MALFORMED_RESPONSE);
    x->f.inject = 0;
    assert_int_equal(do_call(x->ctx, &end), 0);
    /* now it is gone: the TSS refuses to use it without asking the TPM */
    int before = x->f.commands;
    assert_int_not_equal(do_call(x->ctx, &end), 0);
    assert_int_equal(x->f.commands, before);
    fx_free(x);
}

/* ---- every command of the table, with a replayed response ----------------------------------- */

typedef struct replay {
    uint8_t rsp[4096];
    uint32_t len;
    int sent;
} replay;

static uint32_t r_open(tss_transport *t)
{
    t->opened = 1;
    return 0;
}

static void r_close(tss_transport *t)
{
    t->opened = 0;
}

static uint32_t r_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp, uint32_t *rsplen)
{
    replay *r = t->user;
    (void)cmd, (void)cmdlen;
    r->sent++;
    if (r->len > *rsplen)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memcpy(rsp, r->rsp, r->len);
    *rsplen = r->len;
    return 0;
}

static const tss_transport_ops replay_ops = {"replay", r_open, r_transmit, NULL, NULL, r_close};

/* fills a C object with the first allowed value of every integer and the union member
 * that value selects (sizes and counts stay 0), so that it marshals */
static void fill(const tss_type *t, BYTE *dst, uint32_t selector, int depth)
{
    if (depth > 32)
        return;
    switch (t->kind) {
    case TSS_K_INT:
        if (t->nranges > 0)
            tss_store_uint(dst, t->ranges[0].lo, t->width);
        return;
    case TSS_K_SIZED:
        fill(t->fields[0].type, dst + t->fields[0].offset, 0, depth + 1);
        return;
    case TSS_K_STRUCT:
        for (unsigned i = 0; i < t->nfields; i++) {
            const tss_field *f = &t->fields[i];
            if (f->cnt >= 0 || f->type == NULL)
                continue;
            uint32_t sel = 0;
            if (f->sel >= 0)
                sel = (uint32_t)tss_load_uint(dst + t->fields[f->sel].offset, t->fields[f->sel].type->width);
            fill(f->type, dst + f->offset, sel, depth + 1);
        }
        return;
    case TSS_K_UNION:
        for (unsigned i = 0; i < t->nfields; i++) {
            const tss_field *m = &t->fields[i];
            if (!(m->flags & TSS_F_CONLY) && m->selval == selector && m->type != NULL)
                fill(m->type, dst, 0, depth + 1);
        }
        return;
    default:
        return;
    }
}

/* the response to cmd built from a zeroed Out (password sessions for its auth handles);
 * 0 when the zeroed Out does not marshal */
static uint32_t build_response(const tss_command *cmd, uint8_t *buf, uint32_t cap, int filled)
{
    RESPONSE_PARAMETERS *out = calloc(1, sizeof(*out));
    assert_non_null(out);
    if (filled)
        fill(cmd->out, (BYTE *)out, 0, 0);
    if (cmd->out_handles == 1) { /* a handle of the type the command creates */
        TPM_HANDLE h = cmd->cc == TPM_CC_StartAuthSession ? 0x02000000 : 0x80000000;
        memcpy(out, &h, sizeof(h));
    }
    tss_wcur w;
    tss_wcur_init(&w, buf, cap);
    tss_put_uint(&w, cmd->auth_handles > 0 ? TPM_ST_SESSIONS : TPM_ST_NO_SESSIONS, 2);
    tss_put_uint(&w, 0, 4);
    tss_put_uint(&w, 0, 4);
    tss_put_fields(&w, cmd->out, out, 0, cmd->out_handles);
    uint32_t psize_at = w.n;
    if (cmd->auth_handles > 0)
        tss_put_uint(&w, 0, 4);
    uint32_t pstart = w.n;
    tss_put_fields(&w, cmd->out, out, cmd->out_handles, cmd->out->nfields);
    uint32_t psize = w.n - pstart;
    for (unsigned i = 0; i < cmd->auth_handles; i++) {
        static const uint8_t pw[5] = {0, 0, 1, 0, 0};
        tss_put_bytes(&w, pw, 5);
    }
    free(out);
    if (w.rc != 0)
        return 0;
    wr32(buf + 2, w.n);
    if (cmd->auth_handles > 0)
        wr32(buf + psize_at, psize);
    return w.n;
}

static TPM_RC run_cmd(TSS_CONTEXT *ctx, const tss_command *cmd, COMMAND_PARAMETERS *in, RESPONSE_PARAMETERS *out)
{
    switch (cmd->auth_handles) {
    case 0:
        return TSS_Execute(ctx, out, in, NULL, cmd->cc, TPM_RH_NULL, NULL, 0);
    case 1:
        return TSS_Execute(ctx, out, in, NULL, cmd->cc, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    default:
        return TSS_Execute(ctx, out, in, NULL, cmd->cc, TPM_RS_PW, NULL, 0, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    }
}

/* handle values to try until the zeroed In marshals */
static const uint32_t try_handles[] = {0x40000001, 0x80000000, 0x81000000, 0x01000000, 0x02000000,
                                       0x03000000, 0x00000000, 0x4000000c, 0x40000007, 0x4000000b};

static void test_command_table(void **state)
{
    (void)state;
    replay r;
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_DATA_DIR, dir), 0);
    assert_int_equal(tss_set_transport_ops(ctx, &replay_ops, &r), 0);
    COMMAND_PARAMETERS *in = calloc(1, sizeof(*in));
    RESPONSE_PARAMETERS *out = calloc(1, sizeof(*out));
    assert_non_null(in);
    assert_non_null(out);
    int covered = 0, with_handles = 0, with_auth = 0;
    for (size_t c = 0; c < tss_commands_count; c++) {
        const tss_command *cmd = &tss_commands[c];
        if (cmd->out == NULL)
            continue;
        memset(&r, 0, sizeof(r));
        r.len = build_response(cmd, r.rsp, sizeof(r.rsp), 0);
        if (r.len == 0)
            r.len = build_response(cmd, r.rsp, sizeof(r.rsp), 1);
        if (r.len == 0) {
            if (getenv("HOSTILE_VERBOSE"))
                print_message("skip %s: zeroed Out does not marshal\n", cmd->name);
            continue;
        }
        /* find handle values that marshal and a full response that parses */
        int ok = 0;
        for (size_t t = 0; t < 2 * sizeof(try_handles) / sizeof(try_handles[0]) && !ok; t++) {
            size_t nt = sizeof(try_handles) / sizeof(try_handles[0]);
            memset(in, 0, sizeof(*in));
            if (cmd->in != NULL && t >= nt)
                fill(cmd->in, (BYTE *)in, 0, 0);
            for (unsigned h = 0; h < cmd->in_handles; h++)
                tss_store_uint((BYTE *)in + cmd->in->fields[h].offset, try_handles[t % nt], 4);
            memset(out, 0, sizeof(*out));
            TPM_RC rc = run_cmd(ctx, cmd, in, out);
            ok = rc == 0;
            if (!ok && getenv("HOSTILE_VERBOSE"))
                print_message("skip %s with handles %08x: rc %08x, %d sent\n", cmd->name, try_handles[t % nt], rc,
                              r.sent);
        }
        if (!ok)
            continue;
        covered++;
        with_handles += cmd->out_handles > 0;
        with_auth += cmd->auth_handles > 0;
        uint8_t full[4096];
        uint32_t flen = r.len;
        memcpy(full, r.rsp, flen);
        /* the command's tracking may have written files; from here nothing may change */
        size_t sn;
        uint8_t *snap = ft_snapshot(dir, &sn);
        for (uint32_t l = 0; l < flen + 3; l++) {
            for (int patch = 0; patch < 2; patch++) {
                memcpy(r.rsp, full, flen);
                if (l < flen) {
                    r.len = l; /* cut */
                } else {
                    memset(r.rsp + flen, 0, l - flen + 1); /* one to three trailing bytes */
                    r.len = l + 1;
                }
                if (patch && r.len >= 6)
                    wr32(r.rsp + 2, r.len);
                if (!patch && l >= flen)
                    continue; /* the size field still says flen: covered by the cut case */
                TPM_RC rc = run_cmd(ctx, cmd, in, out);
                if (rc != TSS_RC_MALFORMED_RESPONSE)
                    print_error("%s: response of %u of %u bytes (size %s): rc %08x\n", cmd->name, r.len, flen,
                                patch ? "patched" : "kept", rc);
                assert_int_equal(rc, TSS_RC_MALFORMED_RESPONSE);
                checks++;
            }
        }
        /* the size field off by one either way */
        for (int d = -1; d <= 1; d += 2) {
            memcpy(r.rsp, full, flen);
            r.len = flen;
            wr32(r.rsp + 2, flen + (uint32_t)d);
            assert_int_equal(run_cmd(ctx, cmd, in, out), TSS_RC_MALFORMED_RESPONSE);
            checks++;
        }
        assert_true(ft_snapshot_same(dir, snap, sn));
        free(snap);
    }
    print_message("command table: %d commands covered (%d returning handles, %d with authorizations)\n",
                  covered, with_handles, with_auth);
    /* most of the table: a regression here means the sweep silently lost commands */
    assert_true(covered >= 45);
    assert_true(with_handles >= 3);
    assert_true(with_auth >= 25);
    free(in);
    free(out);
    TSS_Delete(ctx);
}

static int make_dir(void **state)
{
    (void)state;
    return ft_dir_make(dir, sizeof(dir), "hostile");
}

static int remove_dir(void **state)
{
    (void)state;
    return ft_dir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_password_session, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_hmac_unbound, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_hmac_bound, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_hmac_encrypt, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_encrypted_lying_size, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_desync_after_rejection, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_command_table, make_dir, remove_dir),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    print_message("%d hostile exchanges checked\n", checks);
    return failed;
}
