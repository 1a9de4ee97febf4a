/* SPDX-License-Identifier: BSD-3-Clause */
/* The fake TPM described in faketpm.h. Only as much of a TPM as the hostile-response tests
 * need; every failure to understand a command is a TPM error code, never a crash. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/commands.h"
#include "crypto/crypto.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsserror.h"
#include "unit/faketpm.h"

#define FT_RC_AUTH_FAIL(i) (0x08Eu | 0x800u | ((uint32_t)((i) + 1) << 8))
#define FT_RC_SESSION(i) (TPM_RC_REFERENCE_S0 + (uint32_t)(i)) /* session i is not loaded */

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static void wr16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8), p[1] = (uint8_t)v;
}

void ft_init(faketpm *f)
{
    memset(f, 0, sizeof(*f));
    wr16(f->load_name, TPM_ALG_SHA256);
    for (int i = 0; i < 32; i++)
        f->load_name[2 + i] = (uint8_t)(0x40 + i);
}

static const ft_entity *entity(const faketpm *f, uint32_t h)
{
    for (unsigned i = 0; i < f->ne; i++)
        if (f->e[i].handle == h)
            return &f->e[i];
    return NULL;
}

static void name_of(const faketpm *f, uint32_t h, const uint8_t **name, uint16_t *len, uint8_t tmp[4])
{
    const ft_entity *e = entity(f, h);
    if (e != NULL) {
        *name = e->name, *len = e->namelen;
        return;
    }
    wr32(tmp, h); /* permanent handles, PCRs, sessions */
    *name = tmp, *len = 4;
}

void ft_entity_add(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, const char *auth)
{
    ft_entity *e = &f->e[f->ne++];
    e->handle = handle;
    snprintf(e->auth, sizeof(e->auth), "%s", auth);
    /* a Name: nameAlg SHA-256 and a digest derived from the handle */
    uint8_t hb[4];
    wr32(hb, handle);
    tss_chunk c = {hb, 4};
    wr16(e->name, TPM_ALG_SHA256);
    tss_hash(TPM_ALG_SHA256, &c, 1, e->name + 2);
    e->namelen = 34;
    TPM2B_NAME n;
    n.t.size = e->namelen;
    memcpy(n.t.name, e->name, e->namelen);
    tss_name_store(ctx, handle, &n);
}

void ft_session_add(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, uint16_t keylen, uint32_t bind)
{
    ft_session *fs = NULL;
    for (int i = 0; i < FT_SESSIONS && fs == NULL; i++)
        if (f->s[i].handle == 0)
            fs = &f->s[i];
    if (fs == NULL)
        abort();
    memset(fs, 0, sizeof(*fs));
    fs->handle = handle;
    fs->keylen = keylen;
    for (int i = 0; i < 32; i++) {
        fs->key[i] = (uint8_t)(0xa0 + i + handle);
        fs->nonceTPM[i] = (uint8_t)(i * 7 + handle);
    }
    const ft_entity *e = bind != 0 ? entity(f, bind) : NULL;
    if (e != NULL) {
        memcpy(fs->bindName, e->name, e->namelen);
        fs->bindlen = e->namelen;
    }
    tss_session s;
    memset(&s, 0, sizeof(s));
    s.handle = handle;
    s.type = TPM_SE_HMAC;
    s.authHash = TPM_ALG_SHA256;
    s.symAlg = TPM_ALG_AES;
    s.symKeyBits = 128;
    s.symMode = TPM_ALG_CFB;
    s.sessionKey.t.size = keylen;
    memcpy(s.sessionKey.t.buffer, fs->key, keylen);
    s.nonceTPM.t.size = 32;
    memcpy(s.nonceTPM.t.buffer, fs->nonceTPM, 32);
    s.bindName.t.size = fs->bindlen;
    memcpy(s.bindName.t.name, fs->bindName, fs->bindlen);
    if (e != NULL) { /* the library keeps the bind auth value, as startauthsession -pwdb does */
        s.bindAuth.t.size = (uint16_t)strlen(e->auth);
        memcpy(s.bindAuth.t.buffer, e->auth, s.bindAuth.t.size);
    }
    if (tss_session_save(ctx, &s) != 0)
        abort();
}

void ft_session_policy(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, int policyAuthValue)
{
    tss_session s;
    ft_session *fs = NULL;
    for (int i = 0; i < FT_SESSIONS; i++)
        if (f->s[i].handle == handle)
            fs = &f->s[i];
    if (fs == NULL || tss_session_load(ctx, handle, &s) != 0)
        abort();
    fs->policy = 1;
    fs->policyAuthValue = (uint8_t)policyAuthValue;
    fs->bindlen = 0; /* policy sessions are never bound for the HMAC */
    s.type = TPM_SE_POLICY;
    s.policyAuthValue = (uint8_t)policyAuthValue;
    s.bindName.t.size = 0;
    if (tss_session_save(ctx, &s) != 0)
        abort();
}

static ft_session *session(faketpm *f, uint32_t h)
{
    for (int i = 0; i < FT_SESSIONS; i++)
        if (f->s[i].handle == h && h != 0)
            return &f->s[i];
    return NULL;
}

/* one authorization from the command */
typedef struct ft_auth {
    uint32_t handle;
    const uint8_t *nonce;
    uint16_t noncelen;
    uint8_t attrs;
    const uint8_t *hmac;
    uint16_t hmaclen;
    ft_session *s;
} ft_auth;

/* sessionKey || auth value of the entity session i authorizes (HMAC: not when the session is
 * bound to that entity; parameter encryption: always) */
static size_t auth_key(const faketpm *f, const tss_command *cmd, const uint8_t *handles, unsigned i,
                       const ft_session *s, int crypt, uint8_t *key)
{
    size_t n = s->keylen;
    memcpy(key, s->key, n);
    if (i >= cmd->auth_handles)
        return n;
    uint32_t h = rd32(handles + 4 * i);
    const ft_entity *e = entity(f, h);
    uint8_t tmp[4];
    const uint8_t *name;
    uint16_t nlen;
    name_of(f, h, &name, &nlen, tmp);
    if (!crypt && s->bindlen != 0 && s->bindlen == nlen && memcmp(s->bindName, name, nlen) == 0)
        return n;
    if (!crypt && s->policy && !s->policyAuthValue)
        return n;
    if (e != NULL) {
        memcpy(key + n, e->auth, strlen(e->auth));
        n += strlen(e->auth);
    }
    return n;
}

/* runs the command: handles out in oh, parameters (plain) in op */
static uint32_t execute(faketpm *f, uint32_t cc, const uint8_t *handles, const uint8_t *par, uint32_t plen, uint8_t *oh, uint32_t *ohlen,
                        uint8_t *op, uint32_t *oplen)
{
    *ohlen = *oplen = 0;
    switch (cc) {
    case TPM_CC_GetRandom:
    case TPM_CC_NV_Read: {
        if (plen < 2)
            return TPM_RC_INSUFFICIENT;
        uint16_t n = rd16(par);
        if (n > 48)
            n = 48;
        wr16(op, n);
        for (uint16_t i = 0; i < n; i++)
            op[2 + i] = (uint8_t)('A' + i % 26);
        *oplen = 2u + n;
        return 0;
    }
    case TPM_CC_ReadPublic: {
        /* the Name the fake hashes into cpHash, so the TSS's tracking keeps it */
        const ft_entity *e = entity(f, rd32(handles));
        if (e == NULL)
            return TPM_RC_HANDLE | TPM_RC_1;
        memcpy(op, f->pub, f->publen);
        *oplen = f->publen;
        for (int k = 0; k < 2; k++) {
            wr16(op + *oplen, e->namelen);
            memcpy(op + *oplen + 2, e->name, e->namelen);
            *oplen += 2u + e->namelen;
        }
        return 0;
    }
    case TPM_CC_ContextSave: {
        /* TPMS_CONTEXT: sequence, savedHandle, hierarchy, a 40-byte blob naming the handle */
        uint32_t h = rd32(handles);
        if (entity(f, h) == NULL && h != 0x80000001)
            return TPM_RC_HANDLE | TPM_RC_1;
        memset(op, 0, 8);
        op[7] = (uint8_t)++f->contexts;
        wr32(op + 8, h);
        wr32(op + 12, TPM_RH_OWNER);
        wr16(op + 16, 40);
        for (int i = 0; i < 40; i++)
            op[18 + i] = (uint8_t)(i < 4 ? h >> (24 - 8 * i) : (uint32_t)(f->contexts + i));
        *oplen = 58;
        return 0;
    }
    case TPM_CC_ContextLoad:
        if (plen < 18 + 4)
            return TPM_RC_INSUFFICIENT;
        wr32(oh, rd32(par + 18)); /* the handle the blob names */
        *ohlen = 4;
        return 0;
    case TPM_CC_NV_UndefineSpaceSpecial: {
        /* the index goes, and with it the auth value the response HMAC would have used */
        for (unsigned i = 0; i < f->ne; i++)
            if (f->e[i].handle == rd32(handles)) {
                f->e[i].handle = 0;
                return 0;
            }
        return TPM_RC_HANDLE | TPM_RC_1;
    }
    case TPM_CC_Load:
        wr32(oh, 0x80000001);
        *ohlen = 4;
        wr16(op, 34);
        memcpy(op + 2, f->load_name, 34);
        *oplen = 36;
        return 0;
    default:
        return TPM_RC_COMMAND_CODE;
    }
}

static uint32_t error_response(uint8_t *rsp, uint32_t rc)
{
    wr16(rsp, TPM_ST_NO_SESSIONS);
    wr32(rsp + 2, 10);
    wr32(rsp + 6, rc);
    return 10;
}

/* parses and runs one command; returns the response length */
static uint32_t process(faketpm *f, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp)
{
    if (cmdlen < 10 || rd32(cmd + 2) != cmdlen)
        return error_response(rsp, TPM_RC_COMMAND_SIZE);
    uint16_t tag = rd16(cmd);
    uint32_t cc = rd32(cmd + 6);
    const tss_command *c = tss_command_find(cc);
    if (c == NULL)
        return error_response(rsp, TPM_RC_COMMAND_CODE);
    uint32_t off = 10;
    const uint8_t *handles = cmd + off;
    if (off + 4u * c->in_handles > cmdlen)
        return error_response(rsp, TPM_RC_INSUFFICIENT);
    off += 4u * c->in_handles;
    ft_auth a[3];
    unsigned na = 0;
    memset(a, 0, sizeof(a));
    if (tag == TPM_ST_SESSIONS) {
        if (off + 4 > cmdlen || rd32(cmd + off) > cmdlen - off - 4)
            return error_response(rsp, TPM_RC_AUTHSIZE);
        uint32_t end = off + 4 + rd32(cmd + off);
        off += 4;
        while (off < end) {
            if (na == 3 || off + 7 > end)
                return error_response(rsp, TPM_RC_AUTHSIZE);
            ft_auth *x = &a[na++];
            x->handle = rd32(cmd + off);
            x->noncelen = rd16(cmd + off + 4);
            x->nonce = cmd + off + 6;
            off += 6u + x->noncelen;
            if (off + 3 > end)
                return error_response(rsp, TPM_RC_AUTHSIZE);
            x->attrs = cmd[off];
            x->hmaclen = rd16(cmd + off + 1);
            x->hmac = cmd + off + 3;
            off += 3u + x->hmaclen;
            if (off > end)
                return error_response(rsp, TPM_RC_AUTHSIZE);
        }
    }
    const uint8_t *par = cmd + off;
    uint32_t plen = cmdlen - off;
    /* the authorizations */
    for (unsigned i = 0; i < na; i++) {
        ft_auth *x = &a[i];
        if (x->handle == TPM_RS_PW) {
            const ft_entity *e = i < c->in_handles ? entity(f, rd32(handles + 4 * i)) : NULL;
            const char *pw = e != NULL ? e->auth : "";
            if (x->hmaclen != strlen(pw) || memcmp(x->hmac, pw, x->hmaclen) != 0)
                return error_response(rsp, FT_RC_AUTH_FAIL(i));
            continue;
        }
        x->s = session(f, x->handle);
        if (x->s == NULL || x->noncelen != 32 || x->hmaclen != 32)
            return error_response(rsp, FT_RC_SESSION(i));
        uint8_t ccb[4], cp[32], want[32], key[128];
        wr32(ccb, cc);
        tss_chunk cin[5];
        size_t n = 0;
        cin[n++] = (tss_chunk){ccb, 4};
        uint8_t tmp[3][4];
        for (unsigned h = 0; h < c->in_handles; h++) {
            const uint8_t *nm;
            uint16_t nl;
            name_of(f, rd32(handles + 4 * h), &nm, &nl, tmp[h]);
            cin[n++] = (tss_chunk){nm, nl};
        }
        cin[n++] = (tss_chunk){par, plen};
        tss_hash(TPM_ALG_SHA256, cin, n, cp);
        size_t klen = auth_key(f, c, handles, i, x->s, 0, key);
        tss_chunk hin[4] = {{cp, 32}, {x->nonce, 32}, {x->s->nonceTPM, 32}, {&x->attrs, 1}};
        tss_hmac(TPM_ALG_SHA256, key, klen, hin, 4, want);
        if (memcmp(want, x->hmac, 32) != 0)
            return error_response(rsp, FT_RC_AUTH_FAIL(i));
        if (x->attrs & TPMA_SESSION_DECRYPT)
            return error_response(rsp, TPM_RC_ATTRIBUTES); /* not needed by the tests */
    }
    uint8_t oh[16], op[1024];
    uint32_t ohlen, oplen;
    uint32_t rc = execute(f, cc, handles, par, plen, oh, &ohlen, op, &oplen);
    if (rc != 0)
        return error_response(rsp, rc);
    if (f->size_lie != 0 && oplen >= 2)
        wr16(op, (uint16_t)(rd16(op) + f->size_lie));
    /* roll the nonces, encrypt the first parameter, sign */
    for (unsigned i = 0; i < na; i++) {
        if (a[i].s == NULL)
            continue;
        tss_chunk nin = {a[i].s->nonceTPM, 32};
        tss_hash(TPM_ALG_SHA256, &nin, 1, a[i].s->nonceTPM);
    }
    for (unsigned i = 0; i < na; i++) {
        if (a[i].s == NULL || !(a[i].attrs & TPMA_SESSION_ENCRYPT) || oplen < 2)
            continue;
        uint8_t key[128], kiv[32];
        size_t klen = auth_key(f, c, handles, i, a[i].s, 1, key);
        tss_kdfa(TPM_ALG_SHA256, key, klen, "CFB", a[i].s->nonceTPM, 32, a[i].nonce, 32, 256, kiv);
        uint16_t sz = rd16(op);
        if (2u + sz > oplen)
            sz = (uint16_t)(oplen - 2);
        tss_aes_cfb(1, kiv, 16, kiv + 16, op + 2, sz);
    }
    uint32_t n = 10;
    memcpy(rsp + n, oh, ohlen);
    n += ohlen;
    if (na > 0) {
        wr32(rsp + n, oplen);
        n += 4;
    }
    memcpy(rsp + n, op, oplen);
    n += oplen;
    uint8_t ccb[4], zero[4] = {0}, rp[32];
    wr32(ccb, cc);
    tss_chunk rin[3] = {{zero, 4}, {ccb, 4}, {op, oplen}};
    tss_hash(TPM_ALG_SHA256, rin, 3, rp);
    for (unsigned i = 0; i < na; i++) {
        if (a[i].s == NULL) {
            static const uint8_t pw[5] = {0, 0, 1, 0, 0};
            memcpy(rsp + n, pw, 5);
            n += 5;
            continue;
        }
        uint8_t key[128], hmac[32], attrs = a[i].attrs;
        size_t klen = auth_key(f, c, handles, i, a[i].s, 0, key);
        tss_chunk hin[4] = {{rp, 32}, {a[i].s->nonceTPM, 32}, {a[i].nonce, 32}, {&attrs, 1}};
        tss_hmac(TPM_ALG_SHA256, key, klen, hin, 4, hmac);
        wr16(rsp + n, 32);
        memcpy(rsp + n + 2, a[i].s->nonceTPM, 32);
        rsp[n + 34] = attrs;
        wr16(rsp + n + 35, 32);
        memcpy(rsp + n + 37, hmac, 32);
        n += 69;
        if (attrs & TPMA_SESSION_AUDIT)
            a[i].s->bindlen = 0; /* an audit session is not bound (Part 1, audit sessions) */
        a[i].s->policyAuthValue = 0; /* a policy session starts over after each use */
        if (!(attrs & TPMA_SESSION_CONTINUESESSION))
            a[i].s->handle = 0; /* flushed */
    }
    wr16(rsp, na > 0 ? TPM_ST_SESSIONS : TPM_ST_NO_SESSIONS);
    wr32(rsp + 2, n);
    wr32(rsp + 6, 0);
    f->rsp_nhandles = ohlen / 4;
    f->rsp_sessions = na > 0;
    return n;
}

static uint32_t ft_open(tss_transport *t)
{
    t->opened = 1;
    return 0;
}

static void ft_close(tss_transport *t)
{
    t->opened = 0;
}

static uint32_t ft_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp, uint32_t *rsplen)
{
    faketpm *f = t->user;
    ft_session saved[FT_SESSIONS];
    memcpy(saved, f->s, sizeof(saved));
    f->commands++;
    f->rsplen = process(f, cmd, cmdlen, f->rsp);
    f->last_rc = rd32(f->rsp + 6);
    if (f->inject)
        memcpy(f->s, saved, sizeof(saved));
    uint32_t n = f->rsplen;
    if (n > *rsplen)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memcpy(rsp, f->rsp, n);
    if (f->mutate != NULL)
        f->mutate(f, rsp, &n, *rsplen);
    *rsplen = n;
    return 0;
}

static const tss_transport_ops ft_ops = {"faketpm", ft_open, ft_transmit, NULL, NULL, ft_close};

TSS_CONTEXT *ft_context(faketpm *f, const char *dir)
{
    TSS_CONTEXT *ctx = NULL;
    if (TSS_Create(&ctx) != 0 || TSS_SetProperty(ctx, TPM_DATA_DIR, dir) != 0 ||
        TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, "000102030405060708090a0b0c0d0e0f") != 0 ||
        tss_set_transport_ops(ctx, &ft_ops, f) != 0)
        abort();
    return ctx;
}

/* ---- directory snapshots ------------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void append(uint8_t **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
    if (*len + n > *cap) {
        *cap = (*len + n) * 2 + 256;
        *buf = realloc(*buf, *cap);
        if (*buf == NULL)
            abort();
    }
    memcpy(*buf + *len, p, n);
    *len += n;
}

uint8_t *ft_snapshot(const char *dir, size_t *len)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        abort();
    char *names[512];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        /* tss.lock holds no state: only its byte-range locks matter */
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 || strcmp(e->d_name, "tss.lock") == 0)
            continue;
        if (nn == 512)
            abort();
        names[nn++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, nn, sizeof(names[0]), by_name);
    uint8_t *buf = NULL;
    size_t cap = 0;
    *len = 0;
    append(&buf, len, &cap, "", 1); /* never NULL */
    for (size_t i = 0; i < nn; i++) {
        char path[TSS_PATH_MAX + 300];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        append(&buf, len, &cap, names[i], strlen(names[i]) + 1);
        FILE *fp = fopen(path, "rb");
        uint8_t chunk[1024];
        size_t got, total = 0;
        while (fp != NULL && (got = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
            append(&buf, len, &cap, chunk, got);
            total += got;
        }
        if (fp != NULL)
            fclose(fp);
        uint8_t tl[8];
        for (int k = 0; k < 8; k++)
            tl[k] = (uint8_t)(total >> (8 * k));
        append(&buf, len, &cap, tl, 8);
        free(names[i]);
    }
    return buf;
}

int ft_snapshot_same(const char *dir, const uint8_t *snap, size_t len)
{
    size_t n;
    uint8_t *now = ft_snapshot(dir, &n);
    int same = n == len && memcmp(now, snap, len) == 0;
    free(now);
    return same;
}
