/* SPDX-License-Identifier: BSD-3-Clause */
/* Firmware (TCG PC Client) and IMA event log parsers; see eventlog.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tool/eventlog.h"
#include "tss2/tsscrypto.h"

static void failw(char *err, size_t n, const char *what, unsigned index, const char *fmt, va_list ap)
{
    int k = snprintf(err, n, "%s %u: ", what, index);
    if (k > 0 && (size_t)k < n)
        vsnprintf(err + k, n - (size_t)k, fmt, ap);
}

static void fail(char *err, size_t n, unsigned index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void ifail(char *err, size_t n, unsigned index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void ifail(char *err, size_t n, unsigned index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failw(err, n, "entry", index, fmt, ap);
    va_end(ap);
}

static void fail(char *err, size_t n, unsigned index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failw(err, n, "event", index, fmt, ap);
    va_end(ap);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* n bytes at the cursor, or NULL when fewer are left */
static const uint8_t *take(const uint8_t *buf, size_t len, size_t *pos, size_t n)
{
    if (n > len - *pos)
        return NULL;
    const uint8_t *p = buf + *pos;
    *pos += n;
    return p;
}

uint16_t el_digest_size(uint16_t alg)
{
    switch (alg) {
    case TPM_ALG_SHA1: return 20;
    case TPM_ALG_SHA256: return 32;
    case TPM_ALG_SHA384: return 48;
    case TPM_ALG_SHA512: return 64;
    case TPM_ALG_SM3_256: return 32;
    default: return 0;
    }
}

static const struct {
    uint32_t type;
    const char *name;
} types[] = {
    {0x00000000, "EV_PREBOOT_CERT"}, {0x00000001, "EV_POST_CODE"}, {0x00000002, "EV_UNUSED"},
    {0x00000003, "EV_NO_ACTION"}, {0x00000004, "EV_SEPARATOR"}, {0x00000005, "EV_ACTION"},
    {0x00000006, "EV_EVENT_TAG"}, {0x00000007, "EV_S_CRTM_CONTENTS"},
    {0x00000008, "EV_S_CRTM_VERSION"}, {0x00000009, "EV_CPU_MICROCODE"},
    {0x0000000a, "EV_PLATFORM_CONFIG_FLAGS"}, {0x0000000b, "EV_TABLE_OF_DEVICES"},
    {0x0000000c, "EV_COMPACT_HASH"}, {0x0000000d, "EV_IPL"}, {0x0000000e, "EV_IPL_PARTITION_DATA"},
    {0x0000000f, "EV_NONHOST_CODE"}, {0x00000010, "EV_NONHOST_CONFIG"}, {0x00000011, "EV_NONHOST_INFO"},
    {0x00000012, "EV_OMIT_BOOT_DEVICE_EVENTS"}, {0x80000001, "EV_EFI_VARIABLE_DRIVER_CONFIG"},
    {0x80000002, "EV_EFI_VARIABLE_BOOT"}, {0x80000003, "EV_EFI_BOOT_SERVICES_APPLICATION"},
    {0x80000004, "EV_EFI_BOOT_SERVICES_DRIVER"}, {0x80000005, "EV_EFI_RUNTIME_SERVICES_DRIVER"},
    {0x80000006, "EV_EFI_GPT_EVENT"}, {0x80000007, "EV_EFI_ACTION"},
    {0x80000008, "EV_EFI_PLATFORM_FIRMWARE_BLOB"}, {0x80000009, "EV_EFI_HANDOFF_TABLES"},
    {0x8000000a, "EV_EFI_PLATFORM_FIRMWARE_BLOB2"}, {0x8000000b, "EV_EFI_HANDOFF_TABLES2"},
    {0x800000e0, "EV_EFI_VARIABLE_AUTHORITY"},
};

const char *el_type_name(uint32_t type)
{
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (types[i].type == type)
            return types[i].name;
    return NULL;
}

int el_digest_is_of_data(uint32_t type)
{
    /* the PC Client spec has these measure exactly their event data */
    return type == 0x00000004 /* EV_SEPARATOR */ || type == 0x00000005 /* EV_ACTION */ ||
           type == 0x80000007 /* EV_EFI_ACTION */ || type == 0x80000006 /* EV_EFI_GPT_EVENT */ ||
           type == 0x80000001 /* EV_EFI_VARIABLE_DRIVER_CONFIG */;
}

/* the first, SHA-1 format, event at the cursor */
static int sha1_event(el_log *l, el_event *e)
{
    size_t pos = l->pos;
    const uint8_t *h = take(l->buf, l->len, &pos, 8);
    const uint8_t *d = h != NULL ? take(l->buf, l->len, &pos, 20) : NULL;
    const uint8_t *s = d != NULL ? take(l->buf, l->len, &pos, 4) : NULL;
    if (s == NULL) {
        fail(l->err, sizeof(l->err), l->next, "truncated header (%zu bytes left)", l->len - l->pos);
        return -1;
    }
    memset(e, 0, sizeof(*e));
    e->index = l->next;
    e->pcr = le32(h);
    e->type = le32(h + 4);
    e->ndigests = 1;
    e->dig[0] = (el_digest){TPM_ALG_SHA1, 20, d};
    e->datalen = le32(s);
    e->data = take(l->buf, l->len, &pos, e->datalen);
    if (e->data == NULL) {
        fail(l->err, sizeof(l->err), l->next, "event size %u, only %zu bytes left", e->datalen,
             l->len - pos);
        return -1;
    }
    l->pos = pos;
    return 1;
}

/* a TCG_PCR_EVENT2 at the cursor, digests sized by the Spec ID event */
static int agile_event(el_log *l, el_event *e)
{
    size_t pos = l->pos;
    const uint8_t *h = take(l->buf, l->len, &pos, 12);
    if (h == NULL) {
        fail(l->err, sizeof(l->err), l->next, "truncated header (%zu bytes left)", l->len - l->pos);
        return -1;
    }
    memset(e, 0, sizeof(*e));
    e->index = l->next;
    e->pcr = le32(h);
    e->type = le32(h + 4);
    e->ndigests = le32(h + 8);
    if (e->ndigests > EL_MAX_ALGS) {
        fail(l->err, sizeof(l->err), l->next, "%u digests (at most %d)", e->ndigests, EL_MAX_ALGS);
        return -1;
    }
    for (uint32_t i = 0; i < e->ndigests; i++) {
        const uint8_t *a = take(l->buf, l->len, &pos, 2);
        if (a == NULL) {
            fail(l->err, sizeof(l->err), l->next, "truncated in digest %u", i);
            return -1;
        }
        uint16_t alg = le16(a), size = 0;
        for (uint32_t k = 0; k < l->nalgs; k++)
            if (l->alg[k] == alg)
                size = l->size[k];
        if (size == 0) {
            fail(l->err, sizeof(l->err), l->next, "digest %u has algorithm 0x%04x, which the Spec ID event does not list", i, alg);
            return -1;
        }
        e->dig[i] = (el_digest){alg, size, take(l->buf, l->len, &pos, size)};
        if (e->dig[i].bytes == NULL) {
            fail(l->err, sizeof(l->err), l->next, "truncated in digest %u", i);
            return -1;
        }
    }
    const uint8_t *s = take(l->buf, l->len, &pos, 4);
    e->datalen = s != NULL ? le32(s) : 0;
    e->data = s != NULL ? take(l->buf, l->len, &pos, e->datalen) : NULL;
    if (e->data == NULL) {
        fail(l->err, sizeof(l->err), l->next, s == NULL ? "truncated before the event size"
                                                        : "event size %u, only %zu bytes left",
             e->datalen, l->len - pos);
        return -1;
    }
    l->pos = pos;
    return 1;
}

/* "Spec ID Event03": the banks and their digest sizes */
static int spec_id(el_log *l, const el_event *e)
{
    static const char sig[16] = "Spec ID Event03";
    if (e->type != EV_NO_ACTION || e->datalen < 16 || memcmp(e->data, sig, 16) != 0)
        return 0; /* a SHA-1 format log */
    size_t pos = 16;
    const uint8_t *f = take(e->data, e->datalen, &pos, 12);
    if (f == NULL) {
        fail(l->err, sizeof(l->err), 0, "Spec ID event truncated");
        return -1;
    }
    uint32_t n = le32(f + 8);
    if (n == 0 || n > EL_MAX_ALGS) {
        fail(l->err, sizeof(l->err), 0, "Spec ID event lists %u algorithms (1 to %d)", n, EL_MAX_ALGS);
        return -1;
    }
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *a = take(e->data, e->datalen, &pos, 4);
        if (a == NULL) {
            fail(l->err, sizeof(l->err), 0, "Spec ID event truncated in algorithm %u", i);
            return -1;
        }
        l->alg[i] = le16(a);
        l->size[i] = le16(a + 2);
        uint16_t known = el_digest_size(l->alg[i]);
        if (l->size[i] == 0 || l->size[i] > 64 || (known != 0 && known != l->size[i])) {
            fail(l->err, sizeof(l->err), 0, "Spec ID event: algorithm 0x%04x with digest size %u",
                 l->alg[i], l->size[i]);
            return -1;
        }
    }
    const uint8_t *v = take(e->data, e->datalen, &pos, 1);
    if (v == NULL || take(e->data, e->datalen, &pos, v[0]) == NULL) {
        fail(l->err, sizeof(l->err), 0, "Spec ID event: vendor information truncated");
        return -1;
    }
    l->nalgs = n;
    return 1;
}

int el_open(el_log *l, const uint8_t *buf, size_t len, int nospec)
{
    memset(l, 0, sizeof(*l));
    l->buf = buf;
    l->len = len;
    if (nospec || len == 0)
        return 0;
    el_event e;
    if (sha1_event(l, &e) < 0)
        return -1;
    int r = spec_id(l, &e);
    if (r < 0)
        return -1;
    l->agile = r;
    l->pos = 0; /* el_next returns the first event too */
    return 0;
}

int el_next(el_log *l, el_event *e)
{
    if (l->pos == l->len)
        return 0;
    int r = (l->agile && l->next > 0) ? agile_event(l, e) : sha1_event(l, e);
    if (r > 0)
        l->next++;
    return r;
}

/* ---- IMA ---- */

void ima_open(ima_log *l, const uint8_t *buf, size_t len, int little, uint16_t hashlen)
{
    memset(l, 0, sizeof(*l));
    l->buf = buf;
    l->len = len;
    l->little = little;
    l->hashlen = hashlen;
}

static uint32_t ima32(const ima_log *l, const uint8_t *p)
{
    return l->little ? le32(p) : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The field lists of the kernel's named templates; any other name is itself a field list
 * ("d-ng|n-ng|sig"), as the kernel names a template given by ima_template_fmt. */
static const struct {
    const char *name, *fmt;
} ima_templates[] = {
    {"ima", "d|n"},
    {"ima-ng", "d-ng|n-ng"},
    {"ima-ngv2", "d-ngv2|n-ng"},
    {"ima-sig", "d-ng|n-ng|sig"},
    {"ima-sigv2", "d-ngv2|n-ng|sig"},
    {"ima-buf", "d-ng|n-ng|buf"},
    {"ima-modsig", "d-ng|n-ng|sig|d-modsig|modsig"},
    {"evm-sig", "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|igid|imode"},
};

const char *ima_template_fields(const char *name)
{
    for (size_t i = 0; i < sizeof(ima_templates) / sizeof(ima_templates[0]); i++)
        if (strcmp(ima_templates[i].name, name) == 0)
            return ima_templates[i].fmt;
    return name;
}

static int field_is(const char *id, size_t idlen, const char *want)
{
    return strlen(want) == idlen && memcmp(id, want, idlen) == 0;
}

/* d-ng: "[type:]alg:" NUL digest, or a bare SHA-1 / MD5 digest from old kernels; d: bare */
static int ima_digest_field(ima_entry *e, const uint8_t *d, uint32_t dl, int bare)
{
    const uint8_t *nul = bare ? NULL : memchr(d, '\0', dl);
    if (nul != NULL) {
        size_t plen = (size_t)(nul - d);
        size_t start = plen >= 2 ? plen - 1 : 0; /* the alg is the last "xxx:" before the NUL */
        while (start > 0 && d[start - 1] != ':')
            start--;
        if (plen < 2 || d[plen - 1] != ':' || plen - 1 - start >= sizeof(e->digalg))
            return -1;
        memcpy(e->digalg, d + start, plen - 1 - start);
        e->digalg[plen - 1 - start] = '\0';
        e->filedigest = nul + 1;
        e->filedigestlen = dl - (uint32_t)plen - 1;
        return 0;
    }
    strcpy(e->digalg, dl == 20 ? "sha1" : "md5");
    e->filedigest = d;
    e->filedigestlen = dl;
    return 0;
}

/* Template data of the fields the template's name lists, each a length and its bytes: the
 * digest, name and signature fields are picked out; e->parsed when the fields are all there
 * and fill the data exactly. */
static void ima_fields(const ima_log *l, ima_entry *e)
{
    const char *f = ima_template_fields(e->name);
    size_t pos = 0;
    int ok = 1, digest = 0;
    for (;;) {
        const char *bar = strchr(f, '|');
        size_t idlen = bar != NULL ? (size_t)(bar - f) : strlen(f);
        const uint8_t *lp = take(e->tdata, e->tdatalen, &pos, 4);
        uint32_t n = lp != NULL ? ima32(l, lp) : 0;
        const uint8_t *d = lp != NULL ? take(e->tdata, e->tdatalen, &pos, n) : NULL;
        if (d == NULL)
            return;
        if (!digest && (field_is(f, idlen, "d-ng") || field_is(f, idlen, "d-ngv2") ||
                        field_is(f, idlen, "d"))) {
            digest = 1;
            ok &= ima_digest_field(e, d, n, field_is(f, idlen, "d")) == 0;
        } else if (field_is(f, idlen, "n-ng") || field_is(f, idlen, "n")) {
            int nul = n > 0 && d[n - 1] == '\0';
            ok &= nul || field_is(f, idlen, "n");
            e->filename = (const char *)d;
            e->filenamelen = nul ? n - 1 : n;
        } else if (field_is(f, idlen, "sig")) {
            e->sig = d;
            e->siglen = n;
        }
        if (bar == NULL)
            break;
        f = bar + 1;
    }
    e->parsed = ok && pos == e->tdatalen;
}

int ima_next(ima_log *l, ima_entry *e)
{
    if (l->pos == l->len)
        return 0;
    size_t pos = l->pos;
    memset(e, 0, sizeof(*e));
    e->index = l->next;
    const uint8_t *p = take(l->buf, l->len, &pos, 4);
    e->hash = p != NULL ? take(l->buf, l->len, &pos, l->hashlen) : NULL;
    const uint8_t *nl = e->hash != NULL ? take(l->buf, l->len, &pos, 4) : NULL;
    if (nl == NULL) {
        ifail(l->err, sizeof(l->err), l->next, "truncated header (%zu bytes left)", l->len - l->pos);
        return -1;
    }
    e->pcr = ima32(l, p);
    uint32_t namelen = ima32(l, nl);
    const uint8_t *name = namelen < sizeof(e->name) ? take(l->buf, l->len, &pos, namelen) : NULL;
    if (name == NULL) {
        ifail(l->err, sizeof(l->err), l->next, "template name length %u (at most %zu, %zu bytes left)",
             namelen, sizeof(e->name) - 1, l->len - pos);
        return -1;
    }
    memcpy(e->name, name, namelen);
    e->name[namelen] = '\0';
    if (strlen(e->name) != namelen) {
        ifail(l->err, sizeof(l->err), l->next, "template name contains a NUL");
        return -1;
    }
    if (strcmp(e->name, "ima") == 0) {
        /* digest[20], then the name as uint32 length + bytes; hashed as digest || name[256] */
        const uint8_t *d = take(l->buf, l->len, &pos, 20);
        const uint8_t *fl = d != NULL ? take(l->buf, l->len, &pos, 4) : NULL;
        uint32_t fnl = fl != NULL ? ima32(l, fl) : 0;
        const uint8_t *fn = (fl != NULL && fnl < 256) ? take(l->buf, l->len, &pos, fnl) : NULL;
        if (fn == NULL) {
            ifail(l->err, sizeof(l->err), l->next, "ima template data truncated or name too long");
            return -1;
        }
        memset(l->ima_tdata, 0, sizeof(l->ima_tdata));
        memcpy(l->ima_tdata, d, 20);
        memcpy(l->ima_tdata + 20, fn, fnl);
        e->tdata = l->ima_tdata;
        e->tdatalen = sizeof(l->ima_tdata);
        strcpy(e->digalg, "sha1");
        e->filedigest = l->ima_tdata;
        e->filedigestlen = 20;
        e->filename = (const char *)l->ima_tdata + 20;
        e->filenamelen = fnl;
        e->parsed = 1;
    } else {
        const uint8_t *tl = take(l->buf, l->len, &pos, 4);
        e->tdatalen = tl != NULL ? ima32(l, tl) : 0;
        e->tdata = tl != NULL ? take(l->buf, l->len, &pos, e->tdatalen) : NULL;
        if (e->tdata == NULL) {
            ifail(l->err, sizeof(l->err), l->next,
                 tl == NULL ? "truncated before the template data length"
                            : "template data length %u, only %zu bytes left",
                 e->tdatalen, l->len - pos);
            return -1;
        }
        ima_fields(l, e);
    }
    l->pos = pos;
    l->next++;
    return 1;
}

int ima_check_data(const ima_entry *e, char *why, size_t whylen)
{
    static const struct {
        const char *name;
        uint32_t size;
    } algs[] = {{"md5", 16}, {"sha1", 20}, {"sha256", 32}, {"sha384", 48}, {"sha512", 64}, {"sm3", 32}};
    if (!e->parsed) {
        snprintf(why, whylen, "template %s: the data does not match its fields %s", e->name,
                 ima_template_fields(e->name));
        return -1;
    }
    if (e->filedigest == NULL) /* a template without a digest field */
        return 0;
    for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
        if (strcmp(algs[i].name, e->digalg) == 0) {
            if (algs[i].size == e->filedigestlen)
                return 0;
            snprintf(why, whylen, "%s file digest of %u bytes", e->digalg, e->filedigestlen);
            return -1;
        }
    }
    snprintf(why, whylen, "unknown file digest algorithm %s", e->digalg);
    return -1;
}

/* ---- PCRs ---- */

const char *el_alg_name(uint16_t alg)
{
    switch (alg) {
    case TPM_ALG_SHA1: return "sha1";
    case TPM_ALG_SHA256: return "sha256";
    case TPM_ALG_SHA384: return "sha384";
    case TPM_ALG_SHA512: return "sha512";
    case TPM_ALG_SM3_256: return "sm3";
    default: return "unknown";
    }
}

void el_pcrs_init(el_pcrs *s)
{
    memset(s, 0, sizeof(*s));
}

int el_pcrs_bank(el_pcrs *s, uint16_t alg)
{
    for (uint32_t i = 0; i < s->nbanks; i++)
        if (s->alg[i] == alg)
            return (int)i;
    uint16_t size = el_digest_size(alg);
    if (size == 0 || s->nbanks == EL_MAX_ALGS)
        return -1;
    s->alg[s->nbanks] = alg;
    s->size[s->nbanks] = size;
    return (int)s->nbanks++;
}

int el_pcrs_extend(el_pcrs *s, uint16_t alg, uint32_t pcr, const uint8_t *digest, size_t n)
{
    int b = el_pcrs_bank(s, alg);
    if (b < 0 || pcr >= EL_MAX_PCR || n != s->size[b])
        return -1;
    TPMT_HA h = {.hashAlg = alg};
    uint8_t *v = s->v[b][pcr];
    if (TSS_Hash_Generate(&h, (int)n, v, (int)n, digest, 0, NULL) != 0)
        return -1;
    memcpy(v, &h.digest, n);
    s->touched |= 1u << pcr;
    return 0;
}

void el_pcrs_print(const el_pcrs *s, uint32_t pcrmax, int ns)
{
    for (uint32_t b = 0; b < s->nbanks; b++)
        for (uint32_t p = 0; p <= pcrmax && p < EL_MAX_PCR; p++) {
            if (!(s->touched & (1u << p)))
                continue;
            if (!ns)
                printf("PCR %02u %-6s ", p, el_alg_name(s->alg[b]));
            for (uint16_t i = 0; i < s->size[b]; i++)
                printf("%02x", s->v[b][p][i]);
            printf("\n");
        }
}

TPM_RC el_tpm_extend(tool *t, TSS_CONTEXT *ctx, uint32_t pcr, const el_digest *d, uint32_t n)
{
    PCR_Extend_In in;
    memset(&in, 0, sizeof(in));
    in.pcrHandle = pcr;
    in.digests.count = n;
    for (uint32_t i = 0; i < n && i < HASH_COUNT; i++) {
        in.digests.digests[i].hashAlg = d[i].alg;
        memcpy(&in.digests.digests[i].digest, d[i].bytes, d[i].size);
    }
    if (n > HASH_COUNT)
        return TSS_RC_BAD_ARGUMENT;
    return tool_execute(t, ctx, NULL, &in, TPM_CC_PCR_Extend, 1, NULL, NULL);
}

int el_pcrs_check(tool *t, TSS_CONTEXT *ctx, const el_pcrs *s, uint32_t pcrmax)
{
    int bad = 0;
    for (uint32_t b = 0; b < s->nbanks; b++)
        for (uint32_t p = 0; p <= pcrmax && p < EL_MAX_PCR; p++) {
            if (!(s->touched & (1u << p)))
                continue;
            PCR_Read_In in;
            PCR_Read_Out out;
            memset(&in, 0, sizeof(in));
            in.pcrSelectionIn.count = 1;
            in.pcrSelectionIn.pcrSelections[0].hash = s->alg[b];
            in.pcrSelectionIn.pcrSelections[0].sizeofSelect = 3;
            in.pcrSelectionIn.pcrSelections[0].pcrSelect[p / 8] = (uint8_t)(1u << (p % 8));
            TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                    TPM_CC_PCR_Read, TPM_RH_NULL, NULL, 0);
            if (rc != 0) {
                tool_print_rc(t, rc);
                return -1;
            }
            if (out.pcrValues.count != 1) {
                fprintf(stderr, "%s: the TPM has no %s bank\n", t->name, el_alg_name(s->alg[b]));
                bad++;
            } else if (out.pcrValues.digests[0].t.size != s->size[b] ||
                       memcmp(out.pcrValues.digests[0].t.buffer, s->v[b][p], s->size[b]) != 0) {
                fprintf(stderr, "%s: PCR %u %s differs from the log\n", t->name, p, el_alg_name(s->alg[b]));
                bad++;
            }
        }
    return bad;
}
