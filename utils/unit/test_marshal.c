/* SPDX-License-Identifier: BSD-3-Clause */
/* The marshaling engine against every descriptor it has (tss_all_types and the command
 * In/Out descriptors of the command table):
 *   - round trips of random valid instances (marshal, unmarshal, marshal: same bytes, all
 *     bytes consumed, count-only mode agrees), also through the response entry point;
 *   - known byte encodings written by hand from Part 2 / Part 3 (templates, signatures,
 *     PCR selections, every attestation type, a context, CreatePrimary In and Out);
 *   - hostile input: every truncation, oversized TPM2B sizes and list counts, unknown
 *     selectors, out-of-range and null values, reserved bits, lying sized-structure and
 *     parameterSize sizes; failures leave buffer and size alone;
 *   - marshaling into a buffer that is too small never writes past it.
 * Input buffers are heap copies of exactly the given length, so an ASan build catches any
 * read past them. Failures name the type and the case and the test goes on, so one run
 * lists every descriptor that misbehaves. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/commands.h"
#include "gen_values.h"
#include "marshal/desc_gen.h"
#include "tss2/Unmarshal_fp.h"
#include "tss2/tsserror.h"
#include "tss2/tssmarshal.h"

/* "fails like a short stream": a truncated encoding may give either */
#define RC_SHORT 0xfffffffeu
#define MAX_FAIL_PRINT 40
#define WBUF (1u << 18)

static unsigned g_fail;
static unsigned g_checks;

static void failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failf(const char *fmt, ...)
{
    va_list ap;
    if (g_fail++ < MAX_FAIL_PRINT) {
        va_start(ap, fmt);
        fprintf(stderr, "  FAIL: ");
        vfprintf(stderr, fmt, ap);
        fprintf(stderr, "\n");
        va_end(ap);
    }
}

static void begin(void)
{
    g_fail = 0;
    g_checks = 0;
}

static void finish(const char *what)
{
    fprintf(stderr, "  %s: %u checks\n", what, g_checks);
    if (g_fail != 0)
        fail_msg("%s: %u of %u checks failed (first %d printed above)", what, g_fail, g_checks,
                 MAX_FAIL_PRINT);
}

static void *xcalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    assert_non_null(p);
    return p;
}

/* an exact-length heap copy: ASan flags any read past len */
static BYTE *dup_exact(const BYTE *src, uint32_t len)
{
    BYTE *p = malloc(len ? len : 1);
    assert_non_null(p);
    if (len)
        memcpy(p, src, len);
    return p;
}

static void put_be(BYTE *p, uint64_t v, unsigned width)
{
    for (unsigned i = 0; i < width; i++)
        p[i] = (BYTE)(v >> (8 * (width - 1 - i)));
}

static uint64_t get_be(const BYTE *p, unsigned width)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < width; i++)
        v = (v << 8) | p[i];
    return v;
}

/* hex text with blanks and '|' separators to bytes */
static uint32_t hex(const char *s, BYTE *out)
{
    uint32_t n = 0;
    int hi = -1;
    for (; *s; s++) {
        int v;
        if (*s >= '0' && *s <= '9')
            v = *s - '0';
        else if (*s >= 'a' && *s <= 'f')
            v = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'F')
            v = *s - 'A' + 10;
        else
            continue;
        if (hi < 0) {
            hi = v;
        } else {
            out[n++] = (BYTE)(hi << 4 | v);
            hi = -1;
        }
    }
    assert_int_equal(hi, -1);
    return n;
}

/* ---- the descriptors under test ------------------------------------------------------- */

static const tss_type *every[1024];
static size_t n_every;

static void add_type(const tss_type *t)
{
    for (size_t i = 0; i < n_every; i++)
        if (every[i] == t)
            return;
    assert_true(n_every < sizeof(every) / sizeof(every[0]));
    every[n_every++] = t;
}

static int collect(void **state)
{
    (void)state;
    if (n_every != 0)
        return 0;
    for (size_t i = 0; i < tss_all_types_count; i++)
        add_type(tss_all_types[i]);
    for (size_t i = 0; i < tss_commands_count; i++) {
        if (tss_commands[i].in)
            add_type(tss_commands[i].in);
        if (tss_commands[i].out)
            add_type(tss_commands[i].out);
    }
    return 0;
}

/* types with no valid wire instance at all: a union without members and what needs it */
static int no_instance_expected(const tss_type *t)
{
    return strcmp(t->name, "TPMU_SET_CAPABILITIES") == 0 ||
           strcmp(t->name, "TPMS_SET_CAPABILITY_DATA") == 0 ||
           strcmp(t->name, "TPMU_NAME") == 0; /* C only: a Name is told by its size */
}

typedef struct tcase {
    const tss_type *t;
    int an;       /* allowNull */
    uint32_t sel; /* unions */
} tcase;

/* one case per selectable union member, times allowNull NO/YES for types that take it */
static unsigned cases_of(const tss_type *t, tcase *out, unsigned max)
{
    unsigned n = 0;
    int nulls = (t->flags & TSS_F_TAKES_NULL) ? 2 : 1;
    if (t->kind == TSS_K_UNION) {
        uint32_t sels[64];
        unsigned ns = gv_union_selectors(t, sels, 64);
        for (unsigned i = 0; i < ns && i < 64; i++)
            for (int an = 0; an < nulls && n < max; an++)
                out[n++] = (tcase){t, an, sels[i]};
    } else {
        for (int an = 0; an < nulls && n < max; an++)
            out[n++] = (tcase){t, an, 0};
    }
    return n;
}

static const char *case_name(const tcase *c, char *buf, size_t len)
{
    if (c->t->kind == TSS_K_UNION)
        snprintf(buf, len, "%s[sel=0x%x,an=%d]", c->t->name, (unsigned)c->sel, c->an);
    else
        snprintf(buf, len, "%s[an=%d]", c->t->name, c->an);
    return buf;
}

/* ---- engine helpers -------------------------------------------------------------------- */

static BYTE wbuf1[WBUF], wbuf2[WBUF];

/* marshal to buf; returns the rc, length in *len */
static TPM_RC enc(const tss_type *t, const void *obj, uint32_t sel, BYTE *buf, uint32_t room,
                  uint32_t *len)
{
    tss_wcur w;
    tss_wcur_init(&w, buf, room);
    tss_put(&w, t, obj, sel);
    *len = w.n;
    return w.rc;
}

/* Unmarshals len bytes from an exact heap copy into obj (zeroed first). Checks that a
 * failure leaves buffer and size alone and a success moves them consistently. Returns the
 * rc and the number of bytes consumed. */
static TPM_RC dec(const tss_type *t, void *obj, const BYTE *bytes, uint32_t len, int an,
                  uint32_t sel, uint32_t *consumed, const char *what)
{
    BYTE *buf = dup_exact(bytes, len);
    BYTE *p = buf;
    uint32_t sz = len;
    memset(obj, 0, t->csize);
    TPM_RC rc = tss_unmarshal_entry(t, obj, &p, &sz, an, sel);
    g_checks++;
    if (rc != 0 && (p != buf || sz != len))
        failf("%s: failure rc 0x%x moved buffer/size (%u -> %u)", what, (unsigned)rc, (unsigned)len,
              (unsigned)sz);
    if (rc == 0 && (sz > len || p != buf + (len - sz)))
        failf("%s: success with buffer/size inconsistent", what);
    *consumed = rc == 0 ? len - sz : 0;
    free(buf);
    return rc;
}

static void expect_dec(const tss_type *t, const BYTE *bytes, uint32_t len, int an, uint32_t sel,
                       TPM_RC want, const char *what)
{
    void *obj = xcalloc(t->csize);
    uint32_t used;
    TPM_RC rc = dec(t, obj, bytes, len, an, sel, &used, what);
    if (want == RC_SHORT) {
        if (rc != TPM_RC_INSUFFICIENT && rc != TPM_RC_SIZE)
            failf("%s: expected TPM_RC_INSUFFICIENT or TPM_RC_SIZE, got 0x%x", what, (unsigned)rc);
    } else if (rc != want) {
        failf("%s: expected rc 0x%x, got 0x%x", what, (unsigned)want, (unsigned)rc);
    } else if (want == 0 && used != len) {
        failf("%s: consumed %u of %u bytes", what, (unsigned)used, (unsigned)len);
    }
    free(obj);
}

/* wire offset of member i of struct t as marshaled from obj */
static uint32_t wire_offset(const tss_type *t, const void *obj, unsigned i)
{
    tss_wcur c;
    tss_wcur_init(&c, NULL, 0);
    tss_put_fields(&c, t, obj, 0, i);
    assert_int_equal(c.rc, 0);
    return c.n;
}

/* ---- round trips ----------------------------------------------------------------------- */

/* obj -> bytes -> obj2 -> bytes: same bytes, all consumed, count-only agrees */
static void roundtrip_obj(const tcase *c, const void *obj, const char *what)
{
    const tss_type *t = c->t;
    uint32_t n1, n2, used;
    TPM_RC rc = enc(t, obj, c->sel, wbuf1, WBUF, &n1);
    g_checks++;
    if (rc != 0) {
        failf("%s: marshal of a valid instance failed rc 0x%x", what, (unsigned)rc);
        return;
    }
    /* count only, engine and entry point */
    tss_wcur cw;
    tss_wcur_init(&cw, NULL, 0);
    tss_put(&cw, t, obj, c->sel);
    if (cw.rc != 0 || cw.n != n1)
        failf("%s: count-only gave %u (rc 0x%x), marshal %u", what, (unsigned)cw.n, (unsigned)cw.rc,
              (unsigned)n1);
    uint16_t written = 3;
    rc = tss_marshal_entry(t, obj, &written, NULL, NULL, c->sel);
    if (rc != 0 || written != (uint16_t)(3 + n1))
        failf("%s: entry count-only written %u (rc 0x%x), want %u", what, (unsigned)written,
              (unsigned)rc, (unsigned)(uint16_t)(3 + n1));
    /* entry point into an exact buffer */
    BYTE *out = xcalloc(n1);
    BYTE *q = out;
    uint32_t room = n1;
    written = 0;
    rc = tss_marshal_entry(t, obj, &written, &q, &room, c->sel);
    if (rc != 0 || q != out + n1 || room != 0 || written != (uint16_t)n1 ||
        (n1 && memcmp(out, wbuf1, n1) != 0))
        failf("%s: entry marshal into exact buffer rc 0x%x", what, (unsigned)rc);
    free(out);

    void *obj2 = xcalloc(t->csize);
    rc = dec(t, obj2, wbuf1, n1, c->an, c->sel, &used, what);
    if (rc != 0) {
        failf("%s: unmarshal of its own encoding (%u bytes) failed rc 0x%x", what, (unsigned)n1,
              (unsigned)rc);
    } else if (used != n1) {
        failf("%s: unmarshal consumed %u of %u bytes", what, (unsigned)used, (unsigned)n1);
    } else if ((rc = enc(t, obj2, c->sel, wbuf2, WBUF, &n2)) != 0 || n2 != n1 ||
               memcmp(wbuf1, wbuf2, n1) != 0) {
        failf("%s: re-marshal differs (rc 0x%x, %u vs %u bytes)", what, (unsigned)rc, (unsigned)n2,
              (unsigned)n1);
    }
    /* with trailing bytes the same object comes out and the rest stays */
    BYTE *more = xcalloc(n1 + 3);
    memcpy(more, wbuf1, n1);
    more[n1] = 0xee, more[n1 + 1] = 0xff, more[n1 + 2] = 0x01;
    rc = dec(t, obj2, more, n1 + 3, c->an, c->sel, &used, what);
    if (rc != 0 || used != n1)
        failf("%s: with 3 trailing bytes rc 0x%x consumed %u of %u", what, (unsigned)rc,
              (unsigned)used, (unsigned)n1);
    free(more);
    free(obj2);
}

static void roundtrip_types(size_t from, size_t to, unsigned per_case)
{
    gv_ctx g;
    gv_init(&g, 0x1234567 + from, 64, 4, 1);
    unsigned noinst = 0;
    for (size_t i = from; i < to; i++) {
        const tss_type *t = every[i];
        tcase cs[128];
        unsigned nc = cases_of(t, cs, 128);
        void *obj = xcalloc(t->csize);
        int any = 0;
        for (unsigned k = 0; k < nc; k++) {
            char what[160];
            unsigned made = 0;
            case_name(&cs[k], what, sizeof(what));
            for (unsigned r = 0; r < per_case; r++) {
                if (!gv_fill(&g, t, obj, cs[k].an, cs[k].sel))
                    continue;
                made++;
                roundtrip_obj(&cs[k], obj, what);
            }
            if (made == 0 && !no_instance_expected(t))
                failf("%s: no valid instance of this case could be generated", what);
            any |= made != 0;
        }
        if (!any) {
            noinst++;
            if (!no_instance_expected(t))
                failf("%s: no valid instance could be generated", t->name);
        } else if (no_instance_expected(t)) {
            failf("%s: expected to have no valid instance", t->name);
        }
        free(obj);
    }
}

static void test_roundtrip_all_types(void **state)
{
    (void)state;
    begin();
    roundtrip_types(0, tss_all_types_count, 40);
    finish("round trip, tss_all_types");
}

static void test_roundtrip_commands(void **state)
{
    (void)state;
    begin();
    roundtrip_types(tss_all_types_count, n_every, 40);
    finish("round trip, command In/Out");
}

/* ---- responses: handles, parameterSize (TPM_ST_SESSIONS), parameters, auth area ------ */

static const BYTE resp_auth[] = {0x00, 0x00, 0x01, 0x00, 0x00}; /* nonce, attributes, hmac */

typedef struct resp {
    const tss_command *cmd;
    BYTE *bytes;   /* exact heap copy */
    uint32_t len;  /* all of it */
    uint32_t hlen; /* handle area */
    uint32_t plen; /* parameter area (without parameterSize) */
    int sessions;  /* parameterSize and an auth area present */
} resp;

/* obj's response as a TPM sends it, with (TPM_ST_SESSIONS) or without sessions */
static resp resp_build(const tss_command *cmd, const void *obj, int sessions)
{
    const tss_type *t = cmd->out;
    resp r = {cmd, NULL, 0, 0, 0, sessions};
    tss_wcur w;
    tss_wcur_init(&w, wbuf1, WBUF);
    tss_put_fields(&w, t, obj, 0, cmd->out_handles);
    r.hlen = w.n;
    if (sessions)
        tss_put_uint(&w, 0, 4);
    tss_put_fields(&w, t, obj, cmd->out_handles, t->nfields);
    r.plen = w.n - r.hlen - (sessions ? 4 : 0);
    if (sessions) {
        tss_put_bytes(&w, resp_auth, sizeof(resp_auth));
        put_be(wbuf1 + r.hlen, r.plen, 4);
    }
    assert_int_equal(w.rc, 0);
    r.len = w.n;
    r.bytes = dup_exact(wbuf1, r.len);
    return r;
}

static TPM_RC resp_parse(const resp *r, const BYTE *bytes, uint32_t len, void *dst, uint32_t *left)
{
    BYTE *in = dup_exact(bytes, len), *p = in;
    uint32_t sz = len;
    TPM_ST tag = r->sessions ? TPM_ST_SESSIONS : TPM_ST_NO_SESSIONS;
    memset(dst, 0, r->cmd->out->csize);
    TPM_RC rc = tss_response_unmarshal_entry(r->cmd->out, r->cmd->out_handles, dst, tag, &p, &sz);
    g_checks++;
    if (rc != 0 && (p != in || sz != len))
        failf("%s: failed response parse rc 0x%x moved buffer/size", r->cmd->name, (unsigned)rc);
    if (rc == 0 && p != in + (len - sz))
        failf("%s: response parse moved buffer inconsistently", r->cmd->name);
    *left = sz;
    free(in);
    return rc;
}

/* parses back to the same object, leaving exactly the auth area */
static void resp_roundtrip(const resp *r, const void *obj, void *obj2)
{
    const tss_type *t = r->cmd->out;
    uint32_t left, n1, n2;
    uint32_t want_left = r->sessions ? sizeof(resp_auth) : 0;
    TPM_RC rc = resp_parse(r, r->bytes, r->len, obj2, &left);
    if (rc != 0 || left != want_left) {
        failf("%s sessions=%d: response parse rc 0x%x, %u bytes left (want %u)", t->name,
              r->sessions, (unsigned)rc, (unsigned)left, (unsigned)want_left);
        return;
    }
    enc(t, obj, 0, wbuf2, WBUF, &n1);
    BYTE *a = dup_exact(wbuf2, n1);
    if (enc(t, obj2, 0, wbuf2, WBUF, &n2) != 0 || n1 != n2 || memcmp(a, wbuf2, n1) != 0)
        failf("%s sessions=%d: response round trip differs", t->name, r->sessions);
    free(a);
}

/* every truncation before the auth area fails like a short stream */
static void resp_truncations(const resp *r, void *obj2)
{
    uint32_t end = r->len - (r->sessions ? sizeof(resp_auth) : 0), left;
    for (uint32_t k = 0; k < end; k++) {
        TPM_RC rc = resp_parse(r, r->bytes, k, obj2, &left);
        if (rc != TPM_RC_INSUFFICIENT && rc != TPM_RC_SIZE)
            failf("%s sessions=%d: truncated to %u of %u: rc 0x%x", r->cmd->name, r->sessions,
                  (unsigned)k, (unsigned)r->len, (unsigned)rc);
    }
}

/* parameterSize one too large (the parameters do not fill it: TPM_RC_SIZE), one too small
 * (they overrun it), and larger than the whole response */
static void resp_lying_size(const resp *r, void *obj2)
{
    BYTE *w = dup_exact(r->bytes, r->len);
    uint64_t sizes[3] = {(uint64_t)r->plen + 1, (uint64_t)r->plen - 1, r->len};
    for (int k = 0; k < 3; k++) {
        if (k == 1 && r->plen == 0)
            continue;
        uint32_t left;
        put_be(w + r->hlen, sizes[k], 4);
        TPM_RC rc = resp_parse(r, w, r->len, obj2, &left);
        int ok = k == 1 ? (rc == TPM_RC_SIZE || rc == TPM_RC_INSUFFICIENT) : rc == TPM_RC_SIZE;
        if (!ok)
            failf("%s: parameterSize %llu for %u parameter bytes: rc 0x%x", r->cmd->name,
                  (unsigned long long)sizes[k], (unsigned)r->plen, (unsigned)rc);
    }
    free(w);
}

static void test_response_entry_all_commands(void **state)
{
    (void)state;
    begin();
    gv_ctx g;
    gv_init(&g, 77, 32, 3, 0);
    for (size_t i = 0; i < tss_commands_count; i++) {
        const tss_command *cmd = &tss_commands[i];
        if (cmd->out == NULL)
            continue;
        void *obj = xcalloc(cmd->out->csize);
        void *obj2 = xcalloc(cmd->out->csize);
        for (int n = 0; n < 6 && gv_fill(&g, cmd->out, obj, 0, 0); n++) {
            for (int sessions = 0; sessions < 2; sessions++) {
                resp r = resp_build(cmd, obj, sessions);
                resp_roundtrip(&r, obj, obj2);
                resp_truncations(&r, obj2);
                if (sessions)
                    resp_lying_size(&r, obj2);
                free(r.bytes);
            }
        }
        free(obj);
        free(obj2);
    }
    finish("response entry point, every command with a response");
}

/* ---- known encodings (bytes written by hand from Part 2 / Part 3) ----------------------- */

/* marshal obj (engine and IBM entry point must agree with want), then unmarshal want and
 * marshal again */
static void expect_encoding(const tss_type *t, const void *obj, int an, uint32_t sel,
                            const char *want_hex, const char *what)
{
    BYTE want[4096];
    uint32_t wlen = hex(want_hex, want), n;
    TPM_RC rc = enc(t, obj, sel, wbuf1, WBUF, &n);
    g_checks++;
    if (rc != 0 || n != wlen || memcmp(wbuf1, want, wlen) != 0) {
        failf("%s: marshal rc 0x%x, %u bytes, want %u bytes", what, (unsigned)rc, (unsigned)n,
              (unsigned)wlen);
        for (uint32_t i = 0; i < n && i < wlen; i++)
            if (wbuf1[i] != want[i]) {
                failf("%s: first difference at byte %u: 0x%02x, want 0x%02x", what, (unsigned)i,
                      wbuf1[i], want[i]);
                break;
            }
    }
    tcase c = {t, an, sel};
    void *obj2 = xcalloc(t->csize);
    uint32_t used;
    rc = dec(t, obj2, want, wlen, an, sel, &used, what);
    if (rc != 0 || used != wlen)
        failf("%s: unmarshal of the known bytes rc 0x%x, used %u of %u", what, (unsigned)rc,
              (unsigned)used, (unsigned)wlen);
    else
        roundtrip_obj(&c, obj2, what);
    free(obj2);
}

#define ATTR_STORAGE                                                                               \
    (TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT | TPMA_OBJECT_SENSITIVEDATAORIGIN |            \
     TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT)
#define ATTR_SIGNING                                                                               \
    (TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT | TPMA_OBJECT_SENSITIVEDATAORIGIN |            \
     TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_SIGN)

/* TPMT_PUBLIC of an RSA-2048 storage key, Part 2 Table "TPMT_PUBLIC" */
#define RSA_STORAGE_HEX                                                                            \
    "0001 000b 00030072 0000" /* type RSA, nameAlg SHA256, attributes, authPolicy empty */         \
    "0006 0080 0043"          /* symmetric AES 128 CFB */                                          \
    "0010"                    /* scheme NULL */                                                    \
    "0800 00000000"           /* keyBits 2048, exponent 0 (= 2^16+1) */                            \
    "0000"                    /* unique.rsa empty */

static void rsa_storage(TPMT_PUBLIC *p)
{
    memset(p, 0, sizeof(*p));
    p->type = TPM_ALG_RSA;
    p->nameAlg = TPM_ALG_SHA256;
    p->objectAttributes.val = ATTR_STORAGE;
    p->parameters.rsaDetail.symmetric.algorithm = TPM_ALG_AES;
    p->parameters.rsaDetail.symmetric.keyBits.aes = 128;
    p->parameters.rsaDetail.symmetric.mode.aes = TPM_ALG_CFB;
    p->parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
    p->parameters.rsaDetail.keyBits = 2048;
    p->parameters.rsaDetail.exponent = 0;
    p->unique.rsa.t.size = 0;
}

static void test_vector_rsa_storage_template(void **state)
{
    (void)state;
    begin();
    TPMT_PUBLIC p;
    rsa_storage(&p);
    expect_encoding(&tss_t_TPMT_PUBLIC, &p, 0, 0, RSA_STORAGE_HEX, "RSA storage TPMT_PUBLIC");

    TPM2B_PUBLIC b;
    memset(&b, 0, sizeof(b));
    b.publicArea = p;
    expect_encoding(&tss_t_TPM2B_PUBLIC, &b, 0, 0, "001a" RSA_STORAGE_HEX,
                    "RSA storage TPM2B_PUBLIC");

    /* the IBM-named entry points */
    BYTE want[64], out[64], *q = out;
    uint32_t wlen = hex("001a" RSA_STORAGE_HEX, want), room = sizeof(out);
    uint16_t written = 0;
    assert_int_equal(TSS_TPM2B_PUBLIC_Marshalu(&b, &written, &q, &room), 0);
    assert_int_equal(written, wlen);
    assert_int_equal(room, sizeof(out) - wlen);
    assert_memory_equal(out, want, wlen);

    TPM2B_PUBLIC r;
    memset(&r, 0, sizeof(r));
    BYTE *in = dup_exact(want, wlen), *pin = in;
    uint32_t sz = wlen;
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&r, &pin, &sz, NO), 0);
    assert_int_equal(sz, 0);
    assert_int_equal(r.size, 26);
    assert_int_equal(r.publicArea.type, TPM_ALG_RSA);
    assert_int_equal(r.publicArea.nameAlg, TPM_ALG_SHA256);
    assert_int_equal(r.publicArea.objectAttributes.val, ATTR_STORAGE);
    assert_int_equal(r.publicArea.parameters.rsaDetail.symmetric.algorithm, TPM_ALG_AES);
    assert_int_equal(r.publicArea.parameters.rsaDetail.symmetric.keyBits.aes, 128);
    assert_int_equal(r.publicArea.parameters.rsaDetail.symmetric.mode.aes, TPM_ALG_CFB);
    assert_int_equal(r.publicArea.parameters.rsaDetail.scheme.scheme, TPM_ALG_NULL);
    assert_int_equal(r.publicArea.parameters.rsaDetail.keyBits, 2048);
    assert_int_equal(r.publicArea.parameters.rsaDetail.exponent, 0);
    assert_int_equal(r.publicArea.unique.rsa.t.size, 0);
    free(in);
    finish("RSA storage template");
}

#define ECC_SIGNING_HEX                                                                            \
    "0023 000b 00040072 0000" /* type ECC, nameAlg SHA256, attributes, authPolicy */               \
    "0010"                    /* symmetric NULL */                                                 \
    "0018 000b"               /* scheme ECDSA SHA256 */                                            \
    "0003"                    /* curve NIST P256 */                                                \
    "0010"                    /* kdf NULL */                                                       \
    "0000 0000"               /* unique.ecc x, y empty */

static void test_vector_ecc_signing_template(void **state)
{
    (void)state;
    begin();
    TPMT_PUBLIC p;
    memset(&p, 0, sizeof(p));
    p.type = TPM_ALG_ECC;
    p.nameAlg = TPM_ALG_SHA256;
    p.objectAttributes.val = ATTR_SIGNING;
    p.parameters.eccDetail.symmetric.algorithm = TPM_ALG_NULL;
    p.parameters.eccDetail.scheme.scheme = TPM_ALG_ECDSA;
    p.parameters.eccDetail.scheme.details.ecdsa.hashAlg = TPM_ALG_SHA256;
    p.parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    p.parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
    expect_encoding(&tss_t_TPMT_PUBLIC, &p, 0, 0, ECC_SIGNING_HEX, "ECC signing TPMT_PUBLIC");
    TPM2B_PUBLIC b;
    memset(&b, 0, sizeof(b));
    b.publicArea = p;
    expect_encoding(&tss_t_TPM2B_PUBLIC, &b, 0, 0, "0018" ECC_SIGNING_HEX,
                    "ECC signing TPM2B_PUBLIC");

    /* with a point */
    p.unique.ecc.x.t.size = 2;
    p.unique.ecc.x.t.buffer[0] = 0x11, p.unique.ecc.x.t.buffer[1] = 0x22;
    p.unique.ecc.y.t.size = 1;
    p.unique.ecc.y.t.buffer[0] = 0x33;
    expect_encoding(&tss_t_TPMT_PUBLIC, &p, 0, 0,
                    "0023 000b 00040072 0000 0010 0018 000b 0003 0010 0002 1122 0001 33",
                    "ECC signing TPMT_PUBLIC with a point");
    finish("ECC signing template");
}

static void test_vector_signatures(void **state)
{
    (void)state;
    begin();
    TPMT_SIGNATURE s;
    char want[1200];

    memset(&s, 0, sizeof(s));
    s.sigAlg = TPM_ALG_RSASSA;
    s.signature.rsassa.hash = TPM_ALG_SHA256;
    s.signature.rsassa.sig.t.size = 256;
    int n = snprintf(want, sizeof(want), "0014 000b 0100 ");
    for (int i = 0; i < 256; i++) {
        s.signature.rsassa.sig.t.buffer[i] = (BYTE)(i ^ 0x5a);
        n += snprintf(want + n, sizeof(want) - (size_t)n, "%02x", i ^ 0x5a);
    }
    expect_encoding(&tss_t_TPMT_SIGNATURE, &s, 0, 0, want, "RSASSA signature");

    memset(&s, 0, sizeof(s));
    s.sigAlg = TPM_ALG_RSAPSS;
    s.signature.rsapss.hash = TPM_ALG_SHA384;
    s.signature.rsapss.sig.t.size = 4;
    memcpy(s.signature.rsapss.sig.t.buffer, "\xde\xad\xbe\xef", 4);
    expect_encoding(&tss_t_TPMT_SIGNATURE, &s, 0, 0, "0016 000c 0004 deadbeef", "RSAPSS signature");

    memset(&s, 0, sizeof(s));
    s.sigAlg = TPM_ALG_ECDSA;
    s.signature.ecdsa.hash = TPM_ALG_SHA256;
    s.signature.ecdsa.signatureR.t.size = 3;
    memcpy(s.signature.ecdsa.signatureR.t.buffer, "\x01\x02\x03", 3);
    s.signature.ecdsa.signatureS.t.size = 2;
    memcpy(s.signature.ecdsa.signatureS.t.buffer, "\x0a\x0b", 2);
    expect_encoding(&tss_t_TPMT_SIGNATURE, &s, 0, 0, "0018 000b 0003 010203 0002 0a0b",
                    "ECDSA signature");

    memset(&s, 0, sizeof(s));
    s.sigAlg = TPM_ALG_HMAC;
    s.signature.hmac.hashAlg = TPM_ALG_SHA256;
    for (int i = 0; i < 32; i++)
        s.signature.hmac.digest.sha256[i] = (BYTE)i;
    expect_encoding(&tss_t_TPMT_SIGNATURE, &s, 0, 0,
                    "0005 000b 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                    "HMAC signature");

    memset(&s, 0, sizeof(s));
    s.sigAlg = TPM_ALG_NULL;
    expect_encoding(&tss_t_TPMT_SIGNATURE, &s, 1, 0, "0010", "NULL signature (allowNull)");
    BYTE nul[2] = {0x00, 0x10};
    expect_dec(&tss_t_TPMT_SIGNATURE, nul, 2, 0, 0, TPM_RC_SCHEME,
               "NULL signature without allowNull");

    /* the IBM entry point: NULL allowed only when asked */
    TPMT_SIGNATURE r;
    BYTE *in = dup_exact(nul, 2), *p = in;
    uint32_t sz = 2;
    assert_int_equal(TSS_TPMT_SIGNATURE_Unmarshalu(&r, &p, &sz, NO), TPM_RC_SCHEME);
    assert_ptr_equal(p, in);
    assert_int_equal(sz, 2);
    assert_int_equal(TSS_TPMT_SIGNATURE_Unmarshalu(&r, &p, &sz, YES), 0);
    assert_int_equal(r.sigAlg, TPM_ALG_NULL);
    assert_int_equal(sz, 0);
    free(in);
    finish("signatures");
}

static void test_vector_pcr_selection(void **state)
{
    (void)state;
    begin();
    TPML_PCR_SELECTION l;
    memset(&l, 0, sizeof(l));
    l.count = 2;
    l.pcrSelections[0].hash = TPM_ALG_SHA1;
    l.pcrSelections[0].sizeofSelect = 3;
    l.pcrSelections[0].pcrSelect[0] = 0xff; /* PCR 0-7 */
    l.pcrSelections[1].hash = TPM_ALG_SHA256;
    l.pcrSelections[1].sizeofSelect = 3;
    l.pcrSelections[1].pcrSelect[0] = 0x01; /* PCR 0 */
    l.pcrSelections[1].pcrSelect[2] = 0x80; /* PCR 23 */
    const char *h = "00000002 0004 03 ff0000 000b 03 010080";
    expect_encoding(&tss_t_TPML_PCR_SELECTION, &l, 0, 0, h, "TPML_PCR_SELECTION");

    BYTE want[32];
    uint32_t wlen = hex(h, want);
    BYTE out[32], *q = out;
    uint16_t written = 0;
    assert_int_equal(TSS_TPML_PCR_SELECTION_Marshalu(&l, &written, &q, NULL), 0);
    assert_int_equal(written, wlen);
    assert_memory_equal(out, want, wlen);
    TPML_PCR_SELECTION r;
    memset(&r, 0, sizeof(r));
    BYTE *in = dup_exact(want, wlen), *p = in;
    uint32_t sz = wlen;
    assert_int_equal(TSS_TPML_PCR_SELECTION_Unmarshalu(&r, &p, &sz), 0);
    assert_int_equal(sz, 0);
    assert_memory_equal(&r, &l, sizeof(l));
    free(in);
    finish("PCR selection");
}

/* TPMS_ATTEST header shared by the attestation vectors */
#define ATTEST_HDR_HEX(type)                                                                       \
    "ff544347 " type                        /* magic, type */                                      \
    "0004 40000001"                         /* qualifiedSigner (a handle Name) */                  \
    "0002 abcd"                             /* extraData */                                        \
    "0000000000010203 00000005 00000006 01" /* clockInfo */                                        \
    "0001000200030004"                      /* firmwareVersion */

static void attest_hdr(TPMS_ATTEST *a, TPMI_ST_ATTEST type)
{
    memset(a, 0, sizeof(*a));
    a->magic = TPM_GENERATED_VALUE;
    a->type = type;
    a->qualifiedSigner.t.size = 4;
    memcpy(a->qualifiedSigner.t.name, "\x40\x00\x00\x01", 4);
    a->extraData.t.size = 2;
    memcpy(a->extraData.t.buffer, "\xab\xcd", 2);
    a->clockInfo.clock = 0x10203;
    a->clockInfo.resetCount = 5;
    a->clockInfo.restartCount = 6;
    a->clockInfo.safe = YES;
    a->firmwareVersion = 0x0001000200030004ull;
}

static void set2b(TPM2B *b, const char *bytes, uint16_t n)
{
    b->size = n;
    memcpy(b->buffer, bytes, n);
}

static void test_vector_attest(void **state)
{
    (void)state;
    begin();
    TPMS_ATTEST a;

    attest_hdr(&a, TPM_ST_ATTEST_QUOTE);
    a.attested.quote.pcrSelect.count = 1;
    a.attested.quote.pcrSelect.pcrSelections[0].hash = TPM_ALG_SHA256;
    a.attested.quote.pcrSelect.pcrSelections[0].sizeofSelect = 3;
    a.attested.quote.pcrSelect.pcrSelections[0].pcrSelect[0] = 0x03;
    set2b(&a.attested.quote.pcrDigest.b, "\x11\x22\x33\x44", 4);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0,
                    ATTEST_HDR_HEX("8018") "00000001 000b 03 030000 0004 11223344", "attest quote");

    attest_hdr(&a, TPM_ST_ATTEST_CERTIFY);
    set2b(&a.attested.certify.name.b, "\xaa\xbb", 2);
    set2b(&a.attested.certify.qualifiedName.b, "\xcc", 1);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0, ATTEST_HDR_HEX("8017") "0002 aabb 0001 cc",
                    "attest certify");

    attest_hdr(&a, TPM_ST_ATTEST_CREATION);
    set2b(&a.attested.creation.objectName.b, "\x01", 1);
    set2b(&a.attested.creation.creationHash.b, "\x02\x03", 2);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0, ATTEST_HDR_HEX("801a") "0001 01 0002 0203",
                    "attest creation");

    attest_hdr(&a, TPM_ST_ATTEST_COMMAND_AUDIT);
    a.attested.commandAudit.auditCounter = 0x0102030405060708ull;
    a.attested.commandAudit.digestAlg = TPM_ALG_SHA256;
    set2b(&a.attested.commandAudit.auditDigest.b, "\x0a\x0b", 2);
    set2b(&a.attested.commandAudit.commandDigest.b, "\x0c", 1);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0,
                    ATTEST_HDR_HEX("8015") "0102030405060708 000b 0002 0a0b 0001 0c",
                    "attest command audit");

    attest_hdr(&a, TPM_ST_ATTEST_SESSION_AUDIT);
    a.attested.sessionAudit.exclusiveSession = YES;
    set2b(&a.attested.sessionAudit.sessionDigest.b, "\x77\x88\x99", 3);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0, ATTEST_HDR_HEX("8016") "01 0003 778899",
                    "attest session audit");

    attest_hdr(&a, TPM_ST_ATTEST_TIME);
    a.attested.time.time.time = 0x1122334455667788ull;
    a.attested.time.time.clockInfo.clock = 0x99;
    a.attested.time.time.clockInfo.resetCount = 1;
    a.attested.time.time.clockInfo.restartCount = 2;
    a.attested.time.time.clockInfo.safe = NO;
    a.attested.time.firmwareVersion = 0xa0b0c0d0e0f00102ull;
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0,
                    ATTEST_HDR_HEX("8019") "1122334455667788 0000000000000099 00000001 00000002 00"
                                           "a0b0c0d0e0f00102",
                    "attest time");

    attest_hdr(&a, TPM_ST_ATTEST_NV);
    set2b(&a.attested.nv.indexName.b, "\x00\x0b\xee", 3);
    a.attested.nv.offset = 0x10;
    set2b(&a.attested.nv.nvContents.b, "\x01\x02\x03", 3);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0,
                    ATTEST_HDR_HEX("8014") "0003 000bee 0010 0003 010203", "attest nv");

    attest_hdr(&a, TPM_ST_ATTEST_NV_DIGEST);
    set2b(&a.attested.nvDigest.indexName.b, "\x01", 1);
    set2b(&a.attested.nvDigest.nvDigest.b, "\x02", 1);
    expect_encoding(&tss_t_TPMS_ATTEST, &a, 0, 0, ATTEST_HDR_HEX("801c") "0001 01 0001 02",
                    "attest nv digest");

    /* the IBM entry point on a quote; a wrong magic and an unknown type are rejected */
    BYTE want[256];
    uint32_t wlen = hex(ATTEST_HDR_HEX("8018") "00000001 000b 03 030000 0004 11223344", want);
    TPMS_ATTEST r;
    BYTE *in = dup_exact(want, wlen), *p = in;
    uint32_t sz = wlen;
    assert_int_equal(TSS_TPMS_ATTEST_Unmarshalu(&r, &p, &sz), 0);
    assert_int_equal(sz, 0);
    assert_int_equal(r.type, TPM_ST_ATTEST_QUOTE);
    assert_int_equal(r.attested.quote.pcrSelect.pcrSelections[0].pcrSelect[0], 0x03);
    free(in);
    want[3] = 0x48;
    expect_dec(&tss_t_TPMS_ATTEST, want, wlen, 0, 0, TPM_RC_VALUE, "attest with a wrong magic");
    want[3] = 0x47;
    want[5] = 0x1b; /* 0x801b: no such attestation type */
    expect_dec(&tss_t_TPMS_ATTEST, want, wlen, 0, 0, TPM_RC_SELECTOR, "attest of type 0x801b");
    finish("attestation structures");
}

static void test_vector_context(void **state)
{
    (void)state;
    begin();
    TPMS_CONTEXT c;
    memset(&c, 0, sizeof(c));
    c.sequence = 0x2a;
    c.savedHandle = 0x80000000;
    c.hierarchy = TPM_RH_OWNER;
    set2b(&c.contextBlob.b, "\xde\xad\xbe\xef\x00", 5);
    const char *h = "000000000000002a 80000000 40000001 0005 deadbeef00";
    expect_encoding(&tss_t_TPMS_CONTEXT, &c, 0, 0, h, "TPMS_CONTEXT");
    BYTE want[64];
    uint32_t wlen = hex(h, want);
    TPMS_CONTEXT r;
    BYTE *in = dup_exact(want, wlen), *p = in;
    uint32_t sz = wlen;
    assert_int_equal(TSS_TPMS_CONTEXT_Unmarshalu(&r, &p, &sz), 0);
    assert_int_equal(sz, 0);
    assert_true(r.sequence == 0x2a);
    assert_int_equal(r.savedHandle, 0x80000000);
    assert_int_equal(r.hierarchy, TPM_RH_OWNER);
    assert_int_equal(r.contextBlob.t.size, 5);
    free(in);
    /* a NULL hierarchy is allowed (hierarchy is "+") */
    c.hierarchy = TPM_RH_NULL;
    expect_encoding(&tss_t_TPMS_CONTEXT, &c, 0, 0,
                    "000000000000002a 80000000 40000007 0005 deadbeef00",
                    "TPMS_CONTEXT null hierarchy");
    finish("context");
}

static void test_vector_create_primary_in(void **state)
{
    (void)state;
    begin();
    CreatePrimary_In in;
    memset(&in, 0, sizeof(in));
    in.primaryHandle = TPM_RH_OWNER;
    set2b(&in.inSensitive.sensitive.userAuth.b, "pw", 2);
    rsa_storage(&in.inPublic.publicArea);
    in.creationPCR.count = 0;
    const char *h = "40000001"             /* primaryHandle */
                    "0006 0002 7077 0000"  /* inSensitive: size, userAuth "pw", data */
                    "001a" RSA_STORAGE_HEX /* inPublic */
                    "0000"                 /* outsideInfo */
                    "00000000";            /* creationPCR */
    expect_encoding(&tss_t_CreatePrimary_In, &in, 0, 0, h, "CreatePrimary_In");

    BYTE want[128], out[128], *q = out;
    uint32_t wlen = hex(h, want), room = sizeof(out);
    uint16_t written = 0;
    assert_int_equal(TSS_CreatePrimary_In_Marshalu(&in, &written, &q, &room), 0);
    assert_int_equal(written, wlen);
    assert_memory_equal(out, want, wlen);
    written = 0;
    assert_int_equal(TSS_CreatePrimary_In_Marshalu(&in, &written, NULL, NULL), 0);
    assert_int_equal(written, wlen);
    /* a room one byte short */
    q = out;
    room = wlen - 1;
    written = 0;
    assert_int_equal(TSS_CreatePrimary_In_Marshalu(&in, &written, &q, &room),
                     TSS_RC_INSUFFICIENT_BUFFER);
    assert_ptr_equal(q, out);
    assert_int_equal(room, wlen - 1);
    finish("CreatePrimary_In");
}

/* CreatePrimary response parameters, Part 3 */
#define CP_PARAMS_HEX                                                                              \
    "001a" RSA_STORAGE_HEX                                        /* outPublic */                  \
    "0017 00000000 0000 01 000b 0004 40000001 0004 40000001 0000" /* creationData */               \
    "0002 abcd"                                                   /* creationHash */               \
    "8021 40000001 0002 1234"                                     /* creationTicket */             \
    "0004 000baabb"                                               /* name */

static void test_vector_create_primary_out(void **state)
{
    (void)state;
    begin();
    BYTE rb[256];
    uint32_t len = hex("80000000 00000049" CP_PARAMS_HEX "0000 01 0000", rb);
    BYTE *in = dup_exact(rb, len), *p = in;
    uint32_t sz = len;
    CreatePrimary_Out o;
    memset(&o, 0, sizeof(o));
    assert_int_equal(TSS_CreatePrimary_Out_Unmarshalu(&o, TPM_ST_SESSIONS, &p, &sz), 0);
    assert_int_equal(sz, 5); /* the auth area is left */
    assert_ptr_equal(p, in + len - 5);
    assert_int_equal(o.objectHandle, 0x80000000);
    assert_int_equal(o.outPublic.size, 26);
    assert_int_equal(o.outPublic.publicArea.parameters.rsaDetail.keyBits, 2048);
    assert_int_equal(o.creationData.size, 23);
    assert_int_equal(o.creationData.creationData.locality.val, 1);
    assert_int_equal(o.creationData.creationData.parentNameAlg, TPM_ALG_SHA256);
    assert_int_equal(o.creationData.creationData.parentName.t.size, 4);
    assert_int_equal(o.creationHash.t.size, 2);
    assert_int_equal(o.creationTicket.tag, TPM_ST_CREATION);
    assert_int_equal(o.creationTicket.hierarchy, TPM_RH_OWNER);
    assert_int_equal(o.creationTicket.digest.t.size, 2);
    assert_int_equal(o.name.t.size, 4);
    assert_memory_equal(o.name.t.name, "\x00\x0b\xaa\xbb", 4);
    free(in);

    /* the same parameters marshal back to the same bytes */
    uint32_t n;
    tss_wcur w;
    tss_wcur_init(&w, wbuf1, WBUF);
    tss_put_fields(&w, &tss_t_CreatePrimary_Out, &o, 1, tss_t_CreatePrimary_Out.nfields);
    n = w.n;
    assert_int_equal(w.rc, 0);
    assert_int_equal(n, 0x49);
    assert_memory_equal(wbuf1, rb + 8, n);

    /* without sessions: no parameterSize, nothing after the parameters */
    len = hex("80000000" CP_PARAMS_HEX, rb);
    in = dup_exact(rb, len);
    p = in;
    sz = len;
    memset(&o, 0, sizeof(o));
    assert_int_equal(TSS_CreatePrimary_Out_Unmarshalu(&o, TPM_ST_NO_SESSIONS, &p, &sz), 0);
    assert_int_equal(sz, 0);
    assert_int_equal(o.name.t.size, 4);
    free(in);

    /* parameterSize one too small and one too large */
    uint32_t lens[2] = {0x48, 0x4a};
    for (int i = 0; i < 2; i++) {
        len = hex("80000000 00000000" CP_PARAMS_HEX "0000 01 0000", rb);
        put_be(rb + 4, lens[i], 4);
        in = dup_exact(rb, len);
        p = in;
        sz = len;
        TPM_RC rc = TSS_CreatePrimary_Out_Unmarshalu(&o, TPM_ST_SESSIONS, &p, &sz);
        assert_true(rc == TPM_RC_SIZE || (i == 0 && rc == TPM_RC_INSUFFICIENT));
        assert_ptr_equal(p, in);
        assert_int_equal(sz, len);
        free(in);
    }
    finish("CreatePrimary_Out");
}

/* ---- hostile input, type by type ----------------------------------------------------------- */

/* every truncation of valid encodings fails cleanly; marshaling into every too-small
 * buffer fails and writes nothing past it */
static void truncations_types(size_t from, size_t to)
{
    gv_ctx g;
    gv_init(&g, 4242 + from, 12, 2, 0);
    for (size_t i = from; i < to; i++) {
        const tss_type *t = every[i];
        tcase cs[128];
        unsigned nc = cases_of(t, cs, 128);
        void *obj = xcalloc(t->csize);
        void *obj2 = xcalloc(t->csize);
        for (unsigned k = 0; k < nc; k++) {
            char what[160];
            case_name(&cs[k], what, sizeof(what));
            for (int r = 0; r < 8; r++) {
                uint32_t n, used;
                if (!gv_fill(&g, t, obj, cs[k].an, cs[k].sel))
                    break;
                if (enc(t, obj, cs[k].sel, wbuf1, WBUF, &n) != 0) {
                    failf("%s: marshal failed", what);
                    break;
                }
                BYTE *full = dup_exact(wbuf1, n);
                for (uint32_t len = 0; len < n; len++) {
                    TPM_RC rc = dec(t, obj2, full, len, cs[k].an, cs[k].sel, &used, what);
                    if (rc != TPM_RC_INSUFFICIENT && rc != TPM_RC_SIZE)
                        failf("%s: truncated to %u of %u bytes: rc 0x%x", what, (unsigned)len,
                              (unsigned)n, (unsigned)rc);
                }
                for (uint32_t room = 0; room < n; room++) {
                    BYTE *out = malloc(room + 16);
                    assert_non_null(out);
                    memset(out, 0xa5, room + 16);
                    BYTE *q = out;
                    uint32_t left = room;
                    uint16_t written = 9;
                    TPM_RC rc = tss_marshal_entry(t, obj, &written, &q, &left, cs[k].sel);
                    g_checks++;
                    if (rc != TSS_RC_INSUFFICIENT_BUFFER || q != out || left != room ||
                        written != 9)
                        failf("%s: marshal into %u of %u bytes: rc 0x%x, moved %d", what,
                              (unsigned)room, (unsigned)n, (unsigned)rc, q != out || left != room);
                    for (uint32_t b = room; b < room + 16; b++)
                        if (out[b] != 0xa5) {
                            failf("%s: marshal into %u bytes wrote byte %u", what, (unsigned)room,
                                  (unsigned)b);
                            break;
                        }
                    free(out);
                }
                free(full);
            }
        }
        free(obj);
        free(obj2);
    }
}

static void test_truncation_all_types(void **state)
{
    (void)state;
    begin();
    truncations_types(0, tss_all_types_count);
    finish("truncations and short output buffers, tss_all_types");
}

static void test_truncation_commands(void **state)
{
    (void)state;
    begin();
    truncations_types(tss_all_types_count, n_every);
    finish("truncations and short output buffers, command In/Out");
}

static void test_tpm2b_sizes(void **state)
{
    (void)state;
    begin();
    BYTE *b = xcalloc(0x10000 + 2);
    unsigned seen = 0;
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_TPM2B)
            continue;
        seen++;
        char what[160];
        if (t->max < 0xffff) {
            /* size max+1, followed by that many bytes: too large for the type */
            put_be(b, t->max + 1, 2);
            snprintf(what, sizeof(what), "%s size max+1 (%u)", t->name, (unsigned)t->max + 1);
            expect_dec(t, b, t->max + 3, 0, 0, TPM_RC_SIZE, what);
            /* 0xffff with nothing after it: the size check comes first */
            put_be(b, 0xffff, 2);
            snprintf(what, sizeof(what), "%s size 0xffff, no bytes", t->name);
            expect_dec(t, b, 2, 0, 0, TPM_RC_SIZE, what);
        }
        /* exactly max: fine; a size within max but beyond the stream: short */
        put_be(b, t->max, 2);
        snprintf(what, sizeof(what), "%s size max (%u)", t->name, (unsigned)t->max);
        expect_dec(t, b, t->max + 2, 0, 0, 0, what);
        if (t->max > 0) {
            uint32_t s = t->max < 40 ? t->max : 40;
            put_be(b, s, 2);
            snprintf(what, sizeof(what), "%s size %u with %u bytes", t->name, (unsigned)s,
                     (unsigned)s - 1);
            expect_dec(t, b, s + 1, 0, 0, TPM_RC_INSUFFICIENT, what);
        }
        /* one byte: not even a size */
        snprintf(what, sizeof(what), "%s one byte", t->name);
        expect_dec(t, b, 1, 0, 0, TPM_RC_INSUFFICIENT, what);
        /* marshaling a C size above max is refused */
        void *obj = xcalloc(t->csize);
        uint16_t big = (uint16_t)(t->max + 1);
        if (t->max < 0xffff) {
            memcpy(obj, &big, 2);
            uint16_t written = 0;
            TPM_RC rc = tss_marshal_entry(t, obj, &written, NULL, NULL, 0);
            g_checks++;
            if (rc != TPM_RC_SIZE)
                failf("%s: marshal with C size max+1: rc 0x%x", t->name, (unsigned)rc);
        }
        free(obj);
    }
    assert_true(seen > 20);
    free(b);
    /* the IBM entry points */
    TPM2B_DIGEST d;
    BYTE in1[2 + 129] = {0x00, 0x81};
    BYTE *p = in1;
    uint32_t sz = sizeof(in1);
    assert_int_equal(TSS_TPM2B_DIGEST_Unmarshalu(&d, &p, &sz), TPM_RC_SIZE);
    assert_ptr_equal(p, in1);
    assert_int_equal(sz, sizeof(in1));
    BYTE in2[2 + 8] = {0x00, 0x10};
    p = in2;
    sz = sizeof(in2);
    assert_int_equal(TSS_TPM2B_DIGEST_Unmarshalu(&d, &p, &sz), TPM_RC_INSUFFICIENT);
    assert_ptr_equal(p, in2);
    assert_int_equal(sz, sizeof(in2));
    finish("TPM2B sizes");
}

/* integer types: a value outside their set gives the type's rc; the null value needs
 * allowNull; attributes: each reserved bit gives TPM_RC_RESERVED_BITS */
static void test_ints_and_attributes(void **state)
{
    (void)state;
    begin();
    unsigned ranged = 0, nullable = 0, attrs = 0;
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        BYTE b[8];
        char what[160];
        uint64_t v;
        if (t->kind == TSS_K_INT) {
            if (gv_int_rejected(t, &v)) {
                ranged++;
                put_be(b, v, t->width);
                snprintf(what, sizeof(what), "%s value 0x%llx", t->name, (unsigned long long)v);
                expect_dec(t, b, t->width, 0, 0, t->rc, what);
                expect_dec(t, b, t->width, 1, 0, t->rc, what);
            }
            if (t->flags & TSS_F_TAKES_NULL) {
                nullable++;
                put_be(b, t->nullval, t->width);
                snprintf(what, sizeof(what), "%s null, allowNull NO", t->name);
                expect_dec(t, b, t->width, 0, 0, t->rc, what);
                snprintf(what, sizeof(what), "%s null, allowNull YES", t->name);
                expect_dec(t, b, t->width, 1, 0, 0, what);
            }
            if (t->nranges > 0) {
                /* every range end is accepted */
                for (unsigned r = 0; r < t->nranges; r++) {
                    uint64_t ends[2] = {t->ranges[r].lo, t->ranges[r].hi};
                    for (int e = 0; e < 2; e++) {
                        put_be(b, ends[e], t->width);
                        snprintf(what, sizeof(what), "%s range end 0x%llx", t->name,
                                 (unsigned long long)ends[e]);
                        if (gv_int_allowed(t, ends[e], 0))
                            expect_dec(t, b, t->width, 0, 0, 0, what);
                    }
                }
            }
        } else if (t->kind == TSS_K_ATTR) {
            for (unsigned bit = 0; bit < 8u * t->width; bit++) {
                uint64_t m = 1ull << bit;
                put_be(b, m, t->width);
                snprintf(what, sizeof(what), "%s bit %u", t->name, bit);
                expect_dec(t, b, t->width, 0, 0, (t->reserved & m) ? TPM_RC_RESERVED_BITS : 0,
                           what);
            }
            if (t->reserved) {
                attrs++;
                put_be(b, ~t->reserved, t->width);
                snprintf(what, sizeof(what), "%s all non-reserved bits", t->name);
                expect_dec(t, b, t->width, 0, 0, 0, what);
            }
        }
    }
    assert_true(ranged > 30);
    assert_true(nullable > 20);
    assert_true(attrs > 8);

    /* named cases through the IBM entry points */
    BYTE h5[2] = {0x00, 0x05}, hnull[2] = {0x00, 0x10}, *p;
    uint32_t sz;
    TPMI_ALG_HASH ha;
    p = h5, sz = 2;
    assert_int_equal(TSS_TPMI_ALG_HASH_Unmarshalu(&ha, &p, &sz, YES), TPM_RC_HASH);
    assert_ptr_equal(p, h5);
    assert_int_equal(sz, 2);
    p = hnull, sz = 2;
    assert_int_equal(TSS_TPMI_ALG_HASH_Unmarshalu(&ha, &p, &sz, NO), TPM_RC_HASH);
    assert_int_equal(TSS_TPMI_ALG_HASH_Unmarshalu(&ha, &p, &sz, YES), 0);
    assert_int_equal(ha, TPM_ALG_NULL);
    assert_int_equal(sz, 0);
    TPMA_OBJECT oa;
    BYTE r1[4] = {0x00, 0x00, 0x00, 0x01};
    p = r1, sz = 4;
    assert_int_equal(TSS_TPMA_OBJECT_Unmarshalu(&oa, &p, &sz), TPM_RC_RESERVED_BITS);
    assert_ptr_equal(p, r1);
    assert_int_equal(sz, 4);
    BYTE ok[4] = {0x00, 0x03, 0x00, 0x72};
    p = ok, sz = 4;
    assert_int_equal(TSS_TPMA_OBJECT_Unmarshalu(&oa, &p, &sz), 0);
    assert_int_equal(oa.val, ATTR_STORAGE);
    /* signed: TPM_CLOCK_ADJUST is -3..3 */
    BYTE m3[1] = {0xfd}, m4[1] = {0xfc};
    expect_dec(&tss_t_TPM_CLOCK_ADJUST, m3, 1, 0, 0, 0, "TPM_CLOCK_ADJUST -3");
    expect_dec(&tss_t_TPM_CLOCK_ADJUST, m4, 1, 0, 0, TPM_RC_VALUE, "TPM_CLOCK_ADJUST -4");
    finish("integer ranges, null values, attributes");
}

static void test_unions_unknown_selector(void **state)
{
    (void)state;
    begin();
    BYTE b[64] = {0};
    unsigned seen = 0;
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_UNION)
            continue;
        static const uint32_t cand[] = {0xffffffffu, 0, 0x7fff, 0xffff, 0x12345678u, 0x5a};
        for (size_t c = 0; c < sizeof(cand) / sizeof(cand[0]); c++) {
            if (gv_union_member(t, cand[c]) != NULL)
                continue;
            char what[160];
            snprintf(what, sizeof(what), "%s selector 0x%x", t->name, (unsigned)cand[c]);
            expect_dec(t, b, sizeof(b), 0, cand[c], TPM_RC_SELECTOR, what);
            void *obj = xcalloc(t->csize);
            uint16_t written = 0;
            TPM_RC rc = tss_marshal_entry(t, obj, &written, NULL, NULL, cand[c]);
            g_checks++;
            if (rc != TPM_RC_SELECTOR)
                failf("%s: marshal rc 0x%x", what, (unsigned)rc);
            free(obj);
            seen++;
        }
    }
    assert_true(seen > 10);
    TPMU_HA u;
    BYTE *p = b;
    uint32_t sz = sizeof(b);
    assert_int_equal(TSS_TPMU_HA_Unmarshalu(&u, &p, &sz, TPM_ALG_RSA), TPM_RC_SELECTOR);
    assert_ptr_equal(p, b);
    assert_int_equal(sz, sizeof(b));
    /* an unknown capability inside TPMS_CAPABILITY_DATA */
    BYTE cap[8] = {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0};
    TPMS_CAPABILITY_DATA cd;
    p = cap, sz = sizeof(cap);
    assert_int_equal(TSS_TPMS_CAPABILITY_DATA_Unmarshalu(&cd, &p, &sz), TPM_RC_SELECTOR);
    assert_ptr_equal(p, cap);
    finish("unknown union selectors");
}

/* Members of every structure (and command In/Out), patched in a valid encoding:
 * list counts over max, selectors no union member has or the selector type rejects,
 * integer values outside the member's type, null values with and without allowNull,
 * reserved attribute bits, TPM2B sizes over max, sized-structure sizes one too small. */
static void patch_struct(const tss_type *t, const void *obj, int an, const BYTE *wire, uint32_t n,
                         const char *what)
{
    BYTE *w = xcalloc(n + 1);
    char wh[256];
    for (unsigned i = 0; i < t->nfields; i++) {
        const tss_field *f = &t->fields[i];
        if (f->cnt >= 0)
            continue; /* array elements are covered by their own types */
        uint32_t off = wire_offset(t, obj, i);
        const tss_type *ft = f->type;
        int fan = gv_field_null(f, an);
        /* which later member does this one count or select? */
        const tss_field *counted = NULL, *selected = NULL;
        for (unsigned j = i + 1; j < t->nfields; j++) {
            if (t->fields[j].cnt == (int8_t)i && counted == NULL)
                counted = &t->fields[j];
            if (t->fields[j].sel == (int8_t)i && selected == NULL)
                selected = &t->fields[j];
        }
        if (counted != NULL) {
            uint64_t wmax = ft->width >= 8 ? ~0ull : (1ull << (8 * ft->width)) - 1;
            uint64_t vals[2] = {(uint64_t)counted->max + 1, wmax};
            for (int k = 0; k < 2; k++) {
                if (vals[k] > wmax || vals[k] <= counted->max)
                    continue;
                memcpy(w, wire, n);
                put_be(w + off, vals[k], ft->width);
                snprintf(wh, sizeof(wh), "%s: %s = %llu (max %u)", what, f->name,
                         (unsigned long long)vals[k], (unsigned)counted->max);
                expect_dec(t, w, n, an, 0, counted->rc, wh);
            }
            continue;
        }
        if (selected != NULL) {
            static const uint64_t cand[] = {0x7fff, 0xffff, 0x5a, 0, 1, 0x12345678, 0xfe};
            for (size_t k = 0; k < sizeof(cand) / sizeof(cand[0]); k++) {
                uint64_t v = cand[k] & ((ft->width >= 8) ? ~0ull : (1ull << (8 * ft->width)) - 1);
                if (!gv_int_allowed(ft, v, fan) || gv_union_member(selected->type, (uint32_t)v))
                    continue;
                memcpy(w, wire, n);
                put_be(w + off, v, ft->width);
                snprintf(wh, sizeof(wh), "%s: selector %s = 0x%llx", what, f->name,
                         (unsigned long long)v);
                expect_dec(t, w, n, an, 0, TPM_RC_SELECTOR, wh);
                break;
            }
            uint64_t v;
            if (gv_int_rejected(ft, &v)) {
                memcpy(w, wire, n);
                put_be(w + off, v, ft->width);
                snprintf(wh, sizeof(wh), "%s: selector %s = 0x%llx (outside %s)", what, f->name,
                         (unsigned long long)v, ft->name);
                expect_dec(t, w, n, an, 0, ft->rc, wh);
            }
            if ((ft->flags & TSS_F_TAKES_NULL) && !fan) {
                memcpy(w, wire, n);
                put_be(w + off, ft->nullval, ft->width);
                snprintf(wh, sizeof(wh), "%s: selector %s null without allowNull", what, f->name);
                expect_dec(t, w, n, an, 0, ft->rc, wh);
            }
            continue;
        }
        switch (ft->kind) {
        case TSS_K_INT: {
            uint64_t v;
            if (gv_int_rejected(ft, &v)) {
                memcpy(w, wire, n);
                put_be(w + off, v, ft->width);
                snprintf(wh, sizeof(wh), "%s: %s = 0x%llx (outside %s)", what, f->name,
                         (unsigned long long)v, ft->name);
                expect_dec(t, w, n, an, 0, ft->rc, wh);
            }
            if (ft->flags & TSS_F_TAKES_NULL) {
                memcpy(w, wire, n);
                put_be(w + off, ft->nullval, ft->width);
                snprintf(wh, sizeof(wh), "%s: %s null (%s)", what, f->name,
                         fan ? "allowed" : "not allowed");
                expect_dec(t, w, n, an, 0, fan ? 0 : ft->rc, wh);
            }
            break;
        }
        case TSS_K_ATTR:
            if (ft->reserved) {
                memcpy(w, wire, n);
                uint64_t low = ft->reserved & (~ft->reserved + 1);
                put_be(w + off, get_be(w + off, ft->width) | low, ft->width);
                snprintf(wh, sizeof(wh), "%s: %s reserved bit 0x%llx", what, f->name,
                         (unsigned long long)low);
                expect_dec(t, w, n, an, 0, TPM_RC_RESERVED_BITS, wh);
            }
            break;
        case TSS_K_TPM2B:
            if (ft->max < 0xffff) {
                memcpy(w, wire, n);
                put_be(w + off, ft->max + 1, 2);
                snprintf(wh, sizeof(wh), "%s: %s size max+1", what, f->name);
                expect_dec(t, w, n, an, 0, TPM_RC_SIZE, wh);
            }
            break;
        case TSS_K_SIZED: {
            uint64_t s = get_be(wire + off, 2);
            if (s > 1) {
                memcpy(w, wire, n);
                put_be(w + off, s - 1, 2);
                snprintf(wh, sizeof(wh), "%s: %s size one too small", what, f->name);
                expect_dec(t, w, n, an, 0, TPM_RC_SIZE, wh);
            }
            if (s > 0 && off + 2 + s < n) {
                /* one too large, with a following byte to take */
                memcpy(w, wire, n);
                put_be(w + off, s + 1, 2);
                snprintf(wh, sizeof(wh), "%s: %s size one too large", what, f->name);
                expect_dec(t, w, n, an, 0, TPM_RC_SIZE, wh);
            }
            if (s > 0 && !(ft->flags & TSS_F_EMPTY)) {
                memcpy(w, wire, n);
                put_be(w + off, 0, 2);
                snprintf(wh, sizeof(wh), "%s: %s size 0", what, f->name);
                expect_dec(t, w, n, an, 0, TPM_RC_SIZE, wh);
            }
            break;
        }
        default: break;
        }
    }
    free(w);
}

static void test_struct_members_hostile(void **state)
{
    (void)state;
    begin();
    gv_ctx g;
    gv_init(&g, 99, 6, 2, 0);
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_STRUCT || t->nfields == 0)
            continue;
        tcase cs[4];
        unsigned nc = cases_of(t, cs, 4);
        void *obj = xcalloc(t->csize);
        for (unsigned k = 0; k < nc; k++) {
            char what[160];
            case_name(&cs[k], what, sizeof(what));
            for (int r = 0; r < 10; r++) {
                uint32_t n;
                if (!gv_fill(&g, t, obj, cs[k].an, 0))
                    break;
                if (enc(t, obj, 0, wbuf1, WBUF, &n) != 0) {
                    failf("%s: marshal failed", what);
                    break;
                }
                BYTE *wire = dup_exact(wbuf1, n);
                patch_struct(t, obj, cs[k].an, wire, n, what);
                free(wire);
            }
        }
        free(obj);
    }
    finish("structure members patched");
}

/* sized structures at the top: a size larger or smaller than the content */
static void test_sized_hostile(void **state)
{
    (void)state;
    begin();
    gv_ctx g;
    gv_init(&g, 5, 16, 2, 0);
    unsigned seen = 0;
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_SIZED)
            continue;
        seen++;
        void *obj = xcalloc(t->csize);
        tcase cs[4];
        unsigned nc = cases_of(t, cs, 4);
        for (unsigned k = 0; k < nc; k++) {
            char what[160];
            for (int r = 0; r < 6; r++) {
                uint32_t n;
                assert_true(gv_fill(&g, t, obj, cs[k].an, 0));
                assert_int_equal(enc(t, obj, 0, wbuf1, WBUF, &n), 0);
                uint32_t s = (uint32_t)get_be(wbuf1, 2);
                if (s == 0)
                    continue;
                BYTE *w = xcalloc(n + 1);
                memcpy(w, wbuf1, n);
                w[n] = 0x00;
                put_be(w, s + 1, 2);
                snprintf(what, sizeof(what), "%s[an=%d] size %u for %u content bytes", t->name,
                         cs[k].an, (unsigned)s + 1, (unsigned)s);
                expect_dec(t, w, n + 1, cs[k].an, 0, TPM_RC_SIZE, what);
                /* without the extra byte the stream is too short */
                expect_dec(t, w, n, cs[k].an, 0, RC_SHORT, what);
                put_be(w, s - 1, 2);
                snprintf(what, sizeof(what), "%s[an=%d] size %u for %u content bytes", t->name,
                         cs[k].an, (unsigned)s - 1, (unsigned)s);
                expect_dec(t, w, n, cs[k].an, 0,
                           s - 1 == 0 && (t->flags & TSS_F_EMPTY) ? 0 : TPM_RC_SIZE, what);
                put_be(w, 0, 2);
                snprintf(what, sizeof(what), "%s[an=%d] size 0", t->name, cs[k].an);
                if (t->flags & TSS_F_EMPTY) {
                    /* absent: size 0 and the whole inner structure zeroed, even over a
                     * dirty object */
                    BYTE *o2 = xcalloc(t->csize);
                    memset(o2, 0xa5, t->csize);
                    BYTE *in = dup_exact(w, n), *p = in;
                    uint32_t sz = n;
                    TPM_RC rc = tss_unmarshal_entry(t, o2, &p, &sz, cs[k].an, 0);
                    g_checks++;
                    if (rc != 0 || sz != n - 2)
                        failf("%s: empty sized: rc 0x%x left %u", what, (unsigned)rc, (unsigned)sz);
                    for (uint32_t z = 0; z < t->csize; z++)
                        if (o2[z] != 0) {
                            failf("%s: empty sized left byte %u of the C object set", what,
                                  (unsigned)z);
                            break;
                        }
                    free(in);
                    free(o2);
                } else {
                    expect_dec(t, w, n, cs[k].an, 0, TPM_RC_SIZE, what);
                }
                free(w);
            }
        }
        free(obj);
    }
    assert_true(seen >= 6);

    /* TPM2B_PUBLIC through the IBM entry point, and nameAlg NULL */
    BYTE want[64];
    uint32_t wlen = hex("001a" RSA_STORAGE_HEX, want);
    TPM2B_PUBLIC pub;
    BYTE *in, *p;
    uint32_t sz;
    want[1] = 0x1b;
    in = dup_exact(want, wlen), p = in, sz = wlen;
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&pub, &p, &sz, NO), TPM_RC_INSUFFICIENT);
    free(in);
    want[wlen] = 0;
    in = dup_exact(want, wlen + 1), p = in, sz = wlen + 1;
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&pub, &p, &sz, NO), TPM_RC_SIZE);
    assert_ptr_equal(p, in);
    assert_int_equal(sz, wlen + 1);
    free(in);
    want[1] = 0x19;
    in = dup_exact(want, wlen), p = in, sz = wlen;
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&pub, &p, &sz, NO), TPM_RC_SIZE);
    assert_ptr_equal(p, in);
    assert_int_equal(sz, wlen);
    free(in);
    want[1] = 0x1a;
    want[4] = 0x00, want[5] = 0x10; /* nameAlg NULL */
    in = dup_exact(want, wlen), p = in, sz = wlen;
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&pub, &p, &sz, NO), TPM_RC_HASH);
    assert_ptr_equal(p, in);
    assert_int_equal(TSS_TPM2B_PUBLIC_Unmarshalu(&pub, &p, &sz, YES), 0);
    assert_int_equal(pub.publicArea.nameAlg, TPM_ALG_NULL);
    assert_int_equal(sz, 0);
    free(in);
    finish("sized structures");
}

/* C objects that cannot be marshaled: a list count over the C dimension, a selector no
 * union member has. The engine must refuse them (never read past the C array). */
static void test_marshal_bad_objects(void **state)
{
    (void)state;
    begin();
    gv_ctx g;
    gv_init(&g, 31337, 6, 2, 0);
    unsigned lists = 0, sels = 0;
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_STRUCT)
            continue;
        void *obj = xcalloc(t->csize);
        for (unsigned j = 0; j < t->nfields; j++) {
            const tss_field *f = &t->fields[j];
            if (f->cnt < 0 && f->sel < 0)
                continue;
            if (!gv_fill(&g, t, obj, 0, 0))
                break;
            const tss_field *cf = &t->fields[f->cnt >= 0 ? f->cnt : f->sel];
            uint64_t wmax = cf->type->width >= 8 ? ~0ull : (1ull << (8 * cf->type->width)) - 1;
            uint64_t v;
            TPM_RC want;
            if (f->cnt >= 0) {
                if ((uint64_t)f->max + 1 > wmax)
                    continue;
                v = (uint64_t)f->max + 1;
                want = f->rc;
                lists++;
            } else {
                static const uint64_t cand[] = {0x7fff, 0xffff, 0x5a, 0, 1, 0x12345678, 0xfe};
                size_t k;
                for (k = 0; k < sizeof(cand) / sizeof(cand[0]); k++)
                    if (gv_union_member(f->type, (uint32_t)(cand[k] & wmax)) == NULL)
                        break;
                if (k == sizeof(cand) / sizeof(cand[0]))
                    continue;
                v = cand[k] & wmax;
                want = TPM_RC_SELECTOR;
                sels++;
            }
            gv_store((BYTE *)obj + cf->offset, v, cf->type->width);
            char what[200];
            snprintf(what, sizeof(what), "%s: C %s = 0x%llx", t->name, cf->name,
                     (unsigned long long)v);
            uint16_t written = 0;
            TPM_RC rc = tss_marshal_entry(t, obj, &written, NULL, NULL, 0);
            g_checks++;
            if (rc != want || written != 0)
                failf("%s: count-only rc 0x%x, want 0x%x", what, (unsigned)rc, (unsigned)want);
            BYTE *q = wbuf1;
            uint32_t room = WBUF;
            rc = tss_marshal_entry(t, obj, &written, &q, &room, 0);
            g_checks++;
            if (rc != want || q != wbuf1 || room != WBUF)
                failf("%s: marshal rc 0x%x, want 0x%x", what, (unsigned)rc, (unsigned)want);
        }
        free(obj);
    }
    assert_true(lists > 12);
    assert_true(sels > 10);

    /* NULL arguments */
    TPM2B_DIGEST d = {.t = {.size = 0}};
    BYTE b[4] = {0}, *p = b, *np = NULL;
    uint32_t sz = sizeof(b);
    uint16_t written = 0;
    assert_int_equal(tss_marshal_entry(&tss_t_TPM2B_DIGEST, NULL, &written, &p, &sz, 0),
                     TSS_RC_NULL_PARAMETER);
    assert_int_equal(tss_unmarshal_entry(&tss_t_TPM2B_DIGEST, NULL, &p, &sz, 0, 0),
                     TSS_RC_NULL_PARAMETER);
    assert_int_equal(tss_unmarshal_entry(&tss_t_TPM2B_DIGEST, &d, NULL, &sz, 0, 0),
                     TSS_RC_NULL_PARAMETER);
    assert_int_equal(tss_unmarshal_entry(&tss_t_TPM2B_DIGEST, &d, &np, &sz, 0, 0),
                     TSS_RC_NULL_PARAMETER);
    assert_int_equal(tss_unmarshal_entry(&tss_t_TPM2B_DIGEST, &d, &p, NULL, 0, 0),
                     TSS_RC_NULL_PARAMETER);
    assert_ptr_equal(p, b);
    assert_int_equal(sz, sizeof(b));
    finish("C objects that cannot be marshaled");
}

/* Descriptor consistency: every value a selector member's type accepts selects a member
 * of the union it drives (else a value unmarshal accepts could never be parsed on), and
 * every union member is reachable through some selector value. */
static void test_selector_coverage(void **state)
{
    (void)state;
    begin();
    for (size_t i = 0; i < n_every; i++) {
        const tss_type *t = every[i];
        if (t->kind != TSS_K_STRUCT)
            continue;
        for (unsigned j = 0; j < t->nfields; j++) {
            const tss_field *f = &t->fields[j];
            if (f->sel < 0)
                continue;
            const tss_type *st = t->fields[f->sel].type;
            if (st->nranges == 0)
                continue; /* any value: unknown ones are TPM_RC_SELECTOR by design */
            for (unsigned r = 0; r < st->nranges; r++) {
                if (st->ranges[r].hi - st->ranges[r].lo > 4096)
                    continue;
                for (uint64_t v = st->ranges[r].lo; v <= st->ranges[r].hi; v++) {
                    g_checks++;
                    if (gv_union_member(f->type, (uint32_t)v) == NULL)
                        failf("%s.%s: selector %s accepts 0x%llx, union %s has no such member",
                              t->name, f->name, st->name, (unsigned long long)v, f->type->name);
                }
            }
            if ((st->flags & TSS_F_TAKES_NULL) && t->fields[f->sel].nullmode != TSS_NULL_NO) {
                g_checks++;
                if (gv_union_member(f->type, (uint32_t)st->nullval) == NULL)
                    failf("%s.%s: selector %s may be null (0x%llx), union %s has no such member",
                          t->name, f->name, st->name, (unsigned long long)st->nullval,
                          f->type->name);
            }
        }
    }
    finish("selector coverage");
}

static void test_lists_ibm(void **state)
{
    (void)state;
    begin();
    /* TPML_PCR_SELECTION with HASH_COUNT+1 entries */
    BYTE b[8] = {0x00, 0x00, 0x00, HASH_COUNT + 1, 0x00, 0x0b, 0x03, 0x00};
    TPML_PCR_SELECTION l;
    BYTE *p = b;
    uint32_t sz = sizeof(b);
    assert_int_equal(TSS_TPML_PCR_SELECTION_Unmarshalu(&l, &p, &sz), TPM_RC_SIZE);
    assert_ptr_equal(p, b);
    /* sizeofSelect over PCR_SELECT_MAX */
    BYTE s[16] = {0x00, 0x00, 0x00, 0x01, 0x00, 0x0b, PCR_SELECT_MAX + 1};
    p = s, sz = sizeof(s);
    assert_int_equal(TSS_TPML_PCR_SELECTION_Unmarshalu(&l, &p, &sz), TPM_RC_VALUE);
    assert_ptr_equal(p, s);
    /* a count near 2^32 must not be trusted */
    BYTE h[8] = {0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0};
    TPML_HANDLE hl;
    p = h, sz = sizeof(h);
    assert_int_equal(TSS_TPML_HANDLE_Unmarshalu(&hl, &p, &sz), TPM_RC_SIZE);
    /* TPML_DIGEST minCount */
    BYTE d1[8] = {0, 0, 0, 1, 0, 2, 0xaa, 0xbb};
    TPML_DIGEST dl;
    p = d1, sz = sizeof(d1);
    assert_int_equal(TSS_TPML_DIGEST_Unmarshalu(&dl, &p, &sz, 2), TPM_RC_SIZE);
    assert_ptr_equal(p, d1);
    assert_int_equal(sz, sizeof(d1));
    assert_int_equal(TSS_TPML_DIGEST_Unmarshalu(&dl, &p, &sz, 1), 0);
    assert_int_equal(dl.count, 1);
    assert_int_equal(sz, 0);
    BYTE d9[4] = {0, 0, 0, 9};
    p = d9, sz = sizeof(d9);
    assert_int_equal(TSS_TPML_DIGEST_Unmarshalu(&dl, &p, &sz, 0), TPM_RC_SIZE);
    finish("lists");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_all_types),
        cmocka_unit_test(test_roundtrip_commands),
        cmocka_unit_test(test_response_entry_all_commands),
        cmocka_unit_test(test_vector_rsa_storage_template),
        cmocka_unit_test(test_vector_ecc_signing_template),
        cmocka_unit_test(test_vector_signatures),
        cmocka_unit_test(test_vector_pcr_selection),
        cmocka_unit_test(test_vector_attest),
        cmocka_unit_test(test_vector_context),
        cmocka_unit_test(test_vector_create_primary_in),
        cmocka_unit_test(test_vector_create_primary_out),
        cmocka_unit_test(test_truncation_all_types),
        cmocka_unit_test(test_truncation_commands),
        cmocka_unit_test(test_tpm2b_sizes),
        cmocka_unit_test(test_ints_and_attributes),
        cmocka_unit_test(test_unions_unknown_selector),
        cmocka_unit_test(test_struct_members_hostile),
        cmocka_unit_test(test_sized_hostile),
        cmocka_unit_test(test_marshal_bad_objects),
        cmocka_unit_test(test_selector_coverage),
        cmocka_unit_test(test_lists_ibm),
    };
    return cmocka_run_group_tests(tests, collect, NULL);
}
