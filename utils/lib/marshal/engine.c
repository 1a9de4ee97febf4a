/* SPDX-License-Identifier: BSD-3-Clause */
/* The one marshaling interpreter (see mdesc.h). Wire integers are big-endian. */
#include <string.h>

#include "marshal/mdesc.h"
#include "tss2/tsserror.h"
#include "tss2/tssmarshal.h"
#include "tss2/Unmarshal_fp.h"

/* Nesting deeper than this is a descriptor bug, never data: the TPM types nest < 10 deep. */
#define TSS_MAX_DEPTH 16

void tss_wcur_init(tss_wcur *w, BYTE *p, uint32_t room)
{
    w->p = p;
    w->room = room;
    w->n = 0;
    w->rc = 0;
}

void tss_rcur_init(tss_rcur *r, const BYTE *p, uint32_t left)
{
    r->p = p;
    r->left = left;
    r->rc = 0;
}

static void wfail(tss_wcur *w, TPM_RC rc)
{
    if (w->rc == 0)
        w->rc = rc;
}

static void rfail(tss_rcur *r, TPM_RC rc)
{
    if (r->rc == 0)
        r->rc = rc;
}

void tss_put_bytes(tss_wcur *w, const void *src, uint32_t n)
{
    if (w->rc != 0)
        return;
    if (w->p != NULL) {
        if (n > w->room) {
            wfail(w, TSS_RC_INSUFFICIENT_BUFFER);
            return;
        }
        if (n > 0)
            memcpy(w->p, src, n);
        w->p += n;
        w->room -= n;
    }
    w->n += n;
}

void tss_put_uint(tss_wcur *w, uint64_t v, unsigned width)
{
    BYTE b[8];
    for (unsigned i = 0; i < width; i++)
        b[i] = (BYTE)(v >> (8 * (width - 1 - i)));
    tss_put_bytes(w, b, width);
}

void tss_get_bytes(tss_rcur *r, void *dst, uint32_t n)
{
    if (r->rc != 0)
        return;
    if (n > r->left) {
        rfail(r, TPM_RC_INSUFFICIENT);
        return;
    }
    if (n > 0)
        memcpy(dst, r->p, n);
    r->p += n;
    r->left -= n;
}

uint64_t tss_get_uint(tss_rcur *r, unsigned width)
{
    uint64_t v = 0;
    if (r->rc != 0)
        return 0;
    if (width > r->left) {
        rfail(r, TPM_RC_INSUFFICIENT);
        return 0;
    }
    for (unsigned i = 0; i < width; i++)
        v = (v << 8) | r->p[i];
    r->p += width;
    r->left -= width;
    return v;
}

uint64_t tss_load_uint(const void *p, unsigned width)
{
    switch (width) {
    case 1: return *(const uint8_t *)p;
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}

void tss_store_uint(void *p, uint64_t v, unsigned width)
{
    switch (width) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

static const tss_field *union_member(const tss_type *t, uint32_t selector)
{
    for (unsigned i = 0; i < t->nfields; i++) {
        const tss_field *f = &t->fields[i];
        if (!(f->flags & TSS_F_CONLY) && f->selval == selector)
            return f;
    }
    return NULL;
}

/* a wire value of a signed type, sign-extended to 64 bits (descriptor ranges of signed
 * types are written as (uint64_t)(negative) and compared the same way) */
static uint64_t sign_extend(uint64_t v, unsigned width)
{
    unsigned shift = 64 - 8 * width;
    return (uint64_t)((int64_t)(v << shift) >> shift);
}

static int allowed_int(const tss_type *t, uint64_t v, int allownull)
{
    if (t->is_signed)
        v = sign_extend(v, t->width);
    if ((t->flags & TSS_F_TAKES_NULL) && v == t->nullval)
        return allownull;
    if (t->nranges == 0)
        return 1;
    for (unsigned i = 0; i < t->nranges; i++) {
        int in = t->is_signed ? ((int64_t)v >= (int64_t)t->ranges[i].lo && (int64_t)v <= (int64_t)t->ranges[i].hi)
                              : (v >= t->ranges[i].lo && v <= t->ranges[i].hi);
        if (in)
            return 1;
    }
    return 0;
}

static int field_null(const tss_field *f, int allownull)
{
    return f->nullmode == TSS_NULL_YES || (f->nullmode == TSS_NULL_INHERIT && allownull);
}

/* ---- marshal --------------------------------------------------------------------------- */

static void put(tss_wcur *w, const tss_type *t, const BYTE *src, uint32_t selector, int depth);

static void put_field(tss_wcur *w, const tss_type *owner, const tss_field *f, const BYTE *obj,
                      int depth)
{
    const BYTE *p = obj + f->offset;
    if (f->cnt >= 0) {
        const tss_field *cf = &owner->fields[f->cnt];
        uint64_t count = tss_load_uint(obj + cf->offset, cf->type->width);
        if (count > f->max) {
            wfail(w, f->rc);
            return;
        }
        if (f->type->kind == TSS_K_INT && f->type->width == 1) {
            tss_put_bytes(w, p, (uint32_t)count);
            return;
        }
        for (uint64_t i = 0; i < count && w->rc == 0; i++)
            put(w, f->type, p + i * f->type->csize, 0, depth + 1);
        return;
    }
    uint32_t sel = 0;
    if (f->sel >= 0) {
        const tss_field *sf = &owner->fields[f->sel];
        sel = (uint32_t)tss_load_uint(obj + sf->offset, sf->type->width);
    }
    if ((f->flags & TSS_F_OPTIONAL) && tss_load_uint(p, 2) == 0) {
        tss_put_uint(w, 0, 2); /* the caller left the size 0: the structure is absent */
        return;
    }
    put(w, f->type, p, sel, depth + 1);
}

static void put(tss_wcur *w, const tss_type *t, const BYTE *src, uint32_t selector, int depth)
{
    if (w->rc != 0)
        return;
    if (depth > TSS_MAX_DEPTH) {
        wfail(w, TSS_RC_NOT_IMPLEMENTED);
        return;
    }
    switch (t->kind) {
    case TSS_K_INT:
    case TSS_K_ATTR:
        tss_put_uint(w, tss_load_uint(src, t->width), t->width);
        return;
    case TSS_K_TPM2B: {
        uint16_t size;
        memcpy(&size, src, 2);
        if (size > t->max) {
            wfail(w, TPM_RC_SIZE);
            return;
        }
        tss_put_uint(w, size, 2);
        tss_put_bytes(w, src + 2, size);
        return;
    }
    case TSS_K_SIZED: {
        const tss_field *f = &t->fields[0];
        /* marshaled from its contents whatever .size holds, as IBM's TSS does (a member
         * marked optional has already written an absent structure); count the inner
         * structure first, then write size and body */
        tss_wcur c;
        tss_wcur_init(&c, NULL, 0);
        put(&c, f->type, src + f->offset, 0, depth + 1);
        if (c.rc != 0) {
            wfail(w, c.rc);
            return;
        }
        if (c.n > 0xffff) {
            wfail(w, TPM_RC_SIZE);
            return;
        }
        tss_put_uint(w, c.n, 2);
        put(w, f->type, src + f->offset, 0, depth + 1);
        return;
    }
    case TSS_K_STRUCT:
        for (unsigned i = 0; i < t->nfields && w->rc == 0; i++)
            put_field(w, t, &t->fields[i], src, depth);
        return;
    case TSS_K_UNION: {
        const tss_field *m = union_member(t, selector);
        if (m == NULL) {
            wfail(w, TPM_RC_SELECTOR);
            return;
        }
        if (m->flags & TSS_F_EMPTY)
            return;
        if (m->type == NULL)
            tss_put_bytes(w, src, m->max);
        else
            put(w, m->type, src, 0, depth + 1);
        return;
    }
    default:
        wfail(w, TSS_RC_NOT_IMPLEMENTED);
    }
}

void tss_put(tss_wcur *w, const tss_type *t, const void *src, uint32_t selector)
{
    put(w, t, src, selector, 0);
}

void tss_put_fields(tss_wcur *w, const tss_type *t, const void *src, unsigned first, unsigned last)
{
    for (unsigned i = first; i < last && i < t->nfields && w->rc == 0; i++)
        put_field(w, t, &t->fields[i], src, 0);
}

/* ---- unmarshal ------------------------------------------------------------------------- */

static void get(tss_rcur *r, const tss_type *t, BYTE *dst, int allownull, uint32_t selector,
                int depth);

static void get_field(tss_rcur *r, const tss_type *owner, const tss_field *f, BYTE *obj,
                      int allownull, int depth)
{
    BYTE *p = obj + f->offset;
    int an = field_null(f, allownull);
    if (f->cnt >= 0) {
        const tss_field *cf = &owner->fields[f->cnt];
        uint64_t count = tss_load_uint(obj + cf->offset, cf->type->width);
        if (count > f->max) {
            rfail(r, f->rc);
            return;
        }
        if (f->type->kind == TSS_K_INT && f->type->width == 1 && f->type->nranges == 0) {
            tss_get_bytes(r, p, (uint32_t)count);
            return;
        }
        for (uint64_t i = 0; i < count && r->rc == 0; i++)
            get(r, f->type, p + i * f->type->csize, an, 0, depth + 1);
        return;
    }
    uint32_t sel = 0;
    if (f->sel >= 0) {
        const tss_field *sf = &owner->fields[f->sel];
        sel = (uint32_t)tss_load_uint(obj + sf->offset, sf->type->width);
    }
    get(r, f->type, p, an, sel, depth + 1);
}

static void get(tss_rcur *r, const tss_type *t, BYTE *dst, int allownull, uint32_t selector,
                int depth)
{
    if (r->rc != 0)
        return;
    if (depth > TSS_MAX_DEPTH) {
        rfail(r, TSS_RC_NOT_IMPLEMENTED);
        return;
    }
    switch (t->kind) {
    case TSS_K_INT: {
        uint64_t v = tss_get_uint(r, t->width);
        if (r->rc != 0)
            return;
        if (!allowed_int(t, v, allownull)) {
            rfail(r, t->rc);
            return;
        }
        tss_store_uint(dst, v, t->width);
        return;
    }
    case TSS_K_ATTR: {
        uint64_t v = tss_get_uint(r, t->width);
        if (r->rc != 0)
            return;
        if (v & t->reserved) {
            rfail(r, TPM_RC_RESERVED_BITS);
            return;
        }
        tss_store_uint(dst, v, t->width);
        return;
    }
    case TSS_K_TPM2B: {
        uint16_t size = (uint16_t)tss_get_uint(r, 2);
        if (r->rc != 0)
            return;
        if (size > t->max) {
            rfail(r, TPM_RC_SIZE);
            return;
        }
        tss_get_bytes(r, dst + 2, size);
        if (r->rc == 0)
            memcpy(dst, &size, 2);
        return;
    }
    case TSS_K_SIZED: {
        const tss_field *f = &t->fields[0];
        uint16_t size = (uint16_t)tss_get_uint(r, 2);
        if (r->rc != 0)
            return;
        if (size == 0) {
            if (!(t->flags & TSS_F_EMPTY)) {
                rfail(r, TPM_RC_SIZE);
                return;
            }
            memset(dst, 0, t->csize);
            return;
        }
        if (size > r->left) {
            rfail(r, TPM_RC_INSUFFICIENT);
            return;
        }
        /* the inner structure must fill exactly 'size' bytes */
        tss_rcur sub;
        tss_rcur_init(&sub, r->p, size);
        get(&sub, f->type, dst + f->offset, field_null(f, allownull), 0, depth + 1);
        if (sub.rc != 0) {
            rfail(r, sub.rc == TPM_RC_INSUFFICIENT ? TPM_RC_SIZE : sub.rc);
            return;
        }
        if (sub.left != 0) {
            rfail(r, TPM_RC_SIZE);
            return;
        }
        memcpy(dst, &size, 2);
        r->p += size;
        r->left -= size;
        return;
    }
    case TSS_K_STRUCT:
        for (unsigned i = 0; i < t->nfields && r->rc == 0; i++)
            get_field(r, t, &t->fields[i], dst, allownull, depth);
        return;
    case TSS_K_UNION: {
        const tss_field *m = union_member(t, selector);
        if (m == NULL) {
            rfail(r, TPM_RC_SELECTOR);
            return;
        }
        if (m->flags & TSS_F_EMPTY)
            return;
        if (m->type == NULL)
            tss_get_bytes(r, dst, m->max);
        else
            get(r, m->type, dst, field_null(m, allownull), 0, depth + 1);
        return;
    }
    default:
        rfail(r, TSS_RC_NOT_IMPLEMENTED);
    }
}

void tss_get(tss_rcur *r, const tss_type *t, void *dst, int allownull, uint32_t selector)
{
    get(r, t, dst, allownull, selector, 0);
}

void tss_get_fields(tss_rcur *r, const tss_type *t, void *dst, unsigned first, unsigned last)
{
    for (unsigned i = first; i < last && i < t->nfields && r->rc == 0; i++)
        get_field(r, t, &t->fields[i], dst, 0, 0);
}

/* ---- IBM-style entry points ---------------------------------------------------------------- */

TPM_RC tss_marshal_entry(const tss_type *t, const void *src, uint16_t *written, BYTE **buffer,
                         uint32_t *size, uint32_t selector)
{
    tss_wcur w;
    if (src == NULL)
        return TSS_RC_NULL_PARAMETER;
    int counting = buffer == NULL || *buffer == NULL;
    tss_wcur_init(&w, counting ? NULL : *buffer, (size != NULL) ? *size : UINT32_MAX);
    put(&w, t, src, selector, 0);
    if (w.rc != 0)
        return w.rc;
    if (!counting) {
        *buffer += w.n;
        if (size != NULL)
            *size -= w.n;
    }
    if (written != NULL)
        *written = (uint16_t)(*written + w.n);
    return 0;
}

TPM_RC tss_unmarshal_entry(const tss_type *t, void *dst, BYTE **buffer, uint32_t *size,
                           int allownull, uint32_t selector)
{
    tss_rcur r;
    if (dst == NULL || buffer == NULL || *buffer == NULL || size == NULL)
        return TSS_RC_NULL_PARAMETER;
    tss_rcur_init(&r, *buffer, *size);
    get(&r, t, dst, allownull, selector, 0);
    if (r.rc != 0)
        return r.rc;
    *buffer += *size - r.left;
    *size = r.left;
    return 0;
}

TPM_RC tss_unmarshal_mincount(const tss_type *t, void *dst, BYTE **buffer, uint32_t *size,
                              uint32_t minCount)
{
    tss_rcur r;
    if (dst == NULL || buffer == NULL || *buffer == NULL || size == NULL)
        return TSS_RC_NULL_PARAMETER;
    tss_rcur_init(&r, *buffer, *size);
    get(&r, t, dst, 0, 0, 0);
    if (r.rc == 0 && tss_load_uint((BYTE *)dst + t->fields[0].offset, t->fields[0].type->width) < minCount)
        r.rc = TPM_RC_SIZE;
    if (r.rc != 0)
        return r.rc;
    *buffer += *size - r.left;
    *size = r.left;
    return 0;
}

TPM_RC tss_response_unmarshal_entry(const tss_type *t, unsigned nhandles, void *dst, TPM_ST tag,
                                    BYTE **buffer, uint32_t *size)
{
    tss_rcur r;
    if (dst == NULL || buffer == NULL || *buffer == NULL || size == NULL)
        return TSS_RC_NULL_PARAMETER;
    tss_rcur_init(&r, *buffer, *size);
    tss_get_fields(&r, t, dst, 0, nhandles);
    if (tag == TPM_ST_SESSIONS) {
        uint32_t psize = (uint32_t)tss_get_uint(&r, 4);
        if (r.rc == 0 && psize > r.left)
            r.rc = TPM_RC_SIZE;
        if (r.rc == 0) {
            /* parameters live inside exactly parameterSize bytes */
            tss_rcur sub;
            tss_rcur_init(&sub, r.p, psize);
            tss_get_fields(&sub, t, dst, nhandles, t->nfields);
            if (sub.rc == 0 && sub.left != 0)
                sub.rc = TPM_RC_SIZE;
            /* parameters running past parameterSize: the size lied, as for a sized structure */
            r.rc = sub.rc == TPM_RC_INSUFFICIENT ? TPM_RC_SIZE : sub.rc;
            r.p += psize;
            r.left -= psize;
        }
    } else {
        tss_get_fields(&r, t, dst, nhandles, t->nfields);
    }
    if (r.rc != 0)
        return r.rc;
    *buffer += *size - r.left;
    *size = r.left;
    return 0;
}

/* ---- generic helpers IBM exposes ------------------------------------------------------------ */

TPM_RC TSS_Array_Marshalu(const BYTE *source, uint16_t sourceSize, uint16_t *written, BYTE **buffer,
                          uint32_t *size)
{
    tss_wcur w;
    int counting = buffer == NULL || *buffer == NULL;
    tss_wcur_init(&w, counting ? NULL : *buffer, size != NULL ? *size : UINT32_MAX);
    tss_put_bytes(&w, source, sourceSize);
    if (w.rc != 0)
        return w.rc;
    if (!counting) {
        *buffer += w.n;
        if (size != NULL)
            *size -= w.n;
    }
    if (written != NULL)
        *written = (uint16_t)(*written + w.n);
    return 0;
}

TPM_RC TSS_TPM2B_Marshalu(const TPM2B *source, uint16_t *written, BYTE **buffer, uint32_t *size)
{
    BYTE hdr[2] = {(BYTE)(source->size >> 8), (BYTE)source->size};
    TPM_RC rc = TSS_Array_Marshalu(hdr, 2, written, buffer, size);
    if (rc == 0)
        rc = TSS_Array_Marshalu(source->buffer, source->size, written, buffer, size);
    return rc;
}

TPM_RC TSS_Array_Unmarshalu(BYTE *targetBuffer, uint16_t targetSize, BYTE **buffer, uint32_t *size)
{
    if (buffer == NULL || *buffer == NULL || size == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (*size < targetSize)
        return TPM_RC_INSUFFICIENT;
    memcpy(targetBuffer, *buffer, targetSize);
    *buffer += targetSize;
    *size -= targetSize;
    return 0;
}

TPM_RC TSS_TPM2B_Unmarshalu(TPM2B *target, uint16_t targetSize, BYTE **buffer, uint32_t *size)
{
    tss_rcur r;
    if (buffer == NULL || *buffer == NULL || size == NULL)
        return TSS_RC_NULL_PARAMETER;
    tss_rcur_init(&r, *buffer, *size);
    uint16_t n = (uint16_t)tss_get_uint(&r, 2);
    if (r.rc == 0 && n > targetSize)
        r.rc = TPM_RC_SIZE;
    tss_get_bytes(&r, target->buffer, n);
    if (r.rc != 0)
        return r.rc;
    target->size = n;
    *buffer += *size - r.left;
    *size = r.left;
    return 0;
}
