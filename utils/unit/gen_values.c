/* SPDX-License-Identifier: BSD-3-Clause */
/* Random valid instances of TPM types from their descriptors (see gen_values.h). */
#include <string.h>

#include "gen_values.h"

/* the generator gives up on a type nested deeper than this (a descriptor loop) */
#define GV_MAX_DEPTH 24
/* at most this many values tried before deciding a type has no valid value */
#define GV_TRIES 4096

void gv_init(gv_ctx *g, uint64_t seed, uint32_t small, unsigned elems, int big)
{
    g->s = seed ? seed : 0x9e3779b97f4a7c15ull;
    g->small = small;
    g->elems = elems;
    g->big = big;
}

uint64_t gv_next(gv_ctx *g)
{
    g->s ^= g->s >> 12;
    g->s ^= g->s << 25;
    g->s ^= g->s >> 27;
    return g->s * 0x2545f4914f6cdd1dull;
}

uint64_t gv_below(gv_ctx *g, uint64_t n)
{
    uint64_t v = gv_next(g);
    return n == 0 ? v : v % n;
}

void gv_bytes(gv_ctx *g, void *dst, uint32_t n)
{
    uint8_t *p = dst;
    for (uint32_t i = 0; i < n; i++)
        p[i] = (uint8_t)gv_next(g);
}

uint64_t gv_load(const void *p, unsigned width)
{
    uint8_t v8;
    uint16_t v16;
    uint32_t v32;
    uint64_t v64;
    switch (width) {
    case 1: memcpy(&v8, p, 1); return v8;
    case 2: memcpy(&v16, p, 2); return v16;
    case 4: memcpy(&v32, p, 4); return v32;
    default: memcpy(&v64, p, 8); return v64;
    }
}

void gv_store(void *p, uint64_t v, unsigned width)
{
    uint8_t v8 = (uint8_t)v;
    uint16_t v16 = (uint16_t)v;
    uint32_t v32 = (uint32_t)v;
    switch (width) {
    case 1: memcpy(p, &v8, 1); break;
    case 2: memcpy(p, &v16, 2); break;
    case 4: memcpy(p, &v32, 4); break;
    default: memcpy(p, &v, 8); break;
    }
}

int gv_field_null(const tss_field *f, int allownull)
{
    if (f->nullmode == TSS_NULL_YES)
        return 1;
    if (f->nullmode == TSS_NULL_INHERIT)
        return allownull;
    return 0;
}

static uint64_t width_mask(unsigned width)
{
    return width >= 8 ? ~0ull : ((1ull << (8 * width)) - 1);
}

/* a wire value of width bytes read as a signed number */
static int64_t as_signed(uint64_t v, unsigned width)
{
    if (width >= 8)
        return (int64_t)v;
    uint64_t sign = 1ull << (8 * width - 1);
    v &= width_mask(width);
    return (v & sign) ? (int64_t)(v | ~width_mask(width)) : (int64_t)v;
}

/* inside one of the listed ranges (any value when there are none)? */
static int in_ranges(const tss_type *t, uint64_t v)
{
    if (t->nranges == 0)
        return 1;
    for (unsigned i = 0; i < t->nranges; i++) {
        if (t->is_signed) {
            int64_t s = as_signed(v, t->width);
            if (s >= (int64_t)t->ranges[i].lo && s <= (int64_t)t->ranges[i].hi)
                return 1;
        } else if (v >= t->ranges[i].lo && v <= t->ranges[i].hi) {
            return 1;
        }
    }
    return 0;
}

static int is_null(const tss_type *t, uint64_t v)
{
    if (!(t->flags & TSS_F_TAKES_NULL))
        return 0;
    if (t->is_signed)
        return as_signed(v, t->width) == (int64_t)t->nullval;
    return v == (t->nullval & width_mask(t->width));
}

int gv_int_allowed(const tss_type *t, uint64_t v, int allownull)
{
    v &= width_mask(t->width);
    if (is_null(t, v))
        return allownull;
    return in_ranges(t, v);
}

int gv_int_rejected(const tss_type *t, uint64_t *v)
{
    if (t->nranges == 0)
        return 0;
    /* just outside each range end first, then a few fixed values */
    uint64_t cand[64];
    unsigned n = 0;
    for (unsigned i = 0; i < t->nranges && n + 2 <= 48; i++) {
        cand[n++] = t->ranges[i].lo - 1;
        cand[n++] = t->ranges[i].hi + 1;
    }
    cand[n++] = 0;
    cand[n++] = 0x5a5a5a5a5a5a5a5aull;
    cand[n++] = ~0ull;
    cand[n++] = 0x7f;
    cand[n++] = 0x80;
    cand[n++] = 0x7fff;
    cand[n++] = 0x8000;
    for (unsigned i = 0; i < n; i++) {
        uint64_t c = cand[i] & width_mask(t->width);
        if (!is_null(t, c) && !in_ranges(t, c)) {
            *v = c;
            return 1;
        }
    }
    return 0;
}

const tss_field *gv_union_member(const tss_type *u, uint32_t sel)
{
    for (unsigned i = 0; i < u->nfields; i++) {
        const tss_field *f = &u->fields[i];
        if (!(f->flags & TSS_F_CONLY) && f->selval == sel)
            return f;
    }
    return NULL;
}

unsigned gv_union_selectors(const tss_type *u, uint32_t *out, unsigned max)
{
    unsigned n = 0;
    for (unsigned i = 0; i < u->nfields; i++) {
        if (!(u->fields[i].flags & TSS_F_CONLY)) {
            if (n < max)
                out[n] = u->fields[i].selval;
            n++;
        }
    }
    return n;
}

/* ---- generation ---------------------------------------------------------------------- */

static int fill(gv_ctx *g, const tss_type *t, uint8_t *dst, int allownull, uint32_t selector,
                int depth);

static uint64_t random_in_range(gv_ctx *g, const tss_type *t, const tss_range *r)
{
    if (t->is_signed) {
        int64_t lo = (int64_t)r->lo, hi = (int64_t)r->hi;
        uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
        return (uint64_t)lo + gv_below(g, span);
    }
    uint64_t span = r->hi - r->lo + 1; /* 0: the whole 64-bit range */
    switch (gv_below(g, 4)) {
    case 0: return r->lo;
    case 1: return r->hi;
    default: return r->lo + gv_below(g, span);
    }
}

static int fill_int(gv_ctx *g, const tss_type *t, uint8_t *dst, int allownull)
{
    for (int i = 0; i < GV_TRIES; i++) {
        uint64_t v;
        if ((t->flags & TSS_F_TAKES_NULL) && allownull && gv_below(g, 6) == 0) {
            v = t->nullval;
        } else if (t->nranges > 0) {
            v = random_in_range(g, t, &t->ranges[gv_below(g, t->nranges)]);
        } else {
            switch (gv_below(g, 5)) {
            case 0: v = 0; break;
            case 1: v = ~0ull; break;
            default: v = gv_next(g); break;
            }
        }
        v &= width_mask(t->width);
        if (gv_int_allowed(t, v, allownull)) {
            gv_store(dst, v, t->width);
            return 1;
        }
    }
    return 0;
}

static uint32_t tpm2b_size(gv_ctx *g, uint32_t max)
{
    uint32_t cap = max < g->small ? max : g->small;
    switch (gv_below(g, 8)) {
    case 0: return 0;
    case 1: return g->big ? max : cap;
    default: return (uint32_t)gv_below(g, (uint64_t)cap + 1);
    }
}

/* the selector value for the union members selected by field sel of struct t, or 0 when
 * no value suits both every such union and the selector field's type */
static int pick_selector(gv_ctx *g, const tss_type *t, unsigned sel, int allownull, uint64_t *out)
{
    const tss_field *sf = &t->fields[sel];
    uint64_t cand[64];
    unsigned n = 0;
    const tss_field *first = NULL;
    for (unsigned j = sel + 1; j < t->nfields; j++) {
        if (t->fields[j].sel == (int8_t)sel) {
            first = &t->fields[j];
            break;
        }
    }
    if (first == NULL || first->type == NULL || first->type->kind != TSS_K_UNION)
        return 0;
    for (unsigned i = 0; i < first->type->nfields; i++) {
        const tss_field *m = &first->type->fields[i];
        if (m->flags & TSS_F_CONLY)
            continue;
        uint64_t v = m->selval;
        if (!gv_int_allowed(sf->type, v, gv_field_null(sf, allownull)))
            continue;
        if ((v & width_mask(sf->type->width)) != v)
            continue;
        int everywhere = 1;
        for (unsigned j = sel + 1; j < t->nfields; j++)
            if (t->fields[j].sel == (int8_t)sel &&
                gv_union_member(t->fields[j].type, (uint32_t)v) == NULL)
                everywhere = 0;
        if (everywhere && n < 64)
            cand[n++] = v;
    }
    if (n == 0)
        return 0;
    *out = cand[gv_below(g, n)];
    return 1;
}

static int fill_struct(gv_ctx *g, const tss_type *t, uint8_t *dst, int allownull, int depth)
{
    uint64_t val[64];
    uint8_t fixed[64] = {0};
    if (t->nfields > 64)
        return 0;
    /* decide count and selector members first: later members depend on them */
    for (unsigned j = 0; j < t->nfields; j++) {
        const tss_field *f = &t->fields[j];
        if (f->cnt >= 0 && !fixed[f->cnt]) {
            const tss_field *cf = &t->fields[f->cnt];
            uint32_t cap = f->max;
            int bytes = f->type->kind == TSS_K_INT && f->type->width == 1;
            if (!bytes && cap > g->elems)
                cap = g->elems;
            uint64_t c = gv_below(g, (uint64_t)cap + 1);
            if (bytes && gv_below(g, 4) == 0)
                c = f->max;
            if (!gv_int_allowed(cf->type, c, gv_field_null(cf, allownull)))
                return 0;
            val[f->cnt] = c;
            fixed[f->cnt] = 1;
        }
        if (f->sel >= 0 && !fixed[f->sel]) {
            if (!pick_selector(g, t, (unsigned)f->sel, allownull, &val[f->sel]))
                return 0;
            fixed[f->sel] = 1;
        }
    }
    for (unsigned i = 0; i < t->nfields; i++) {
        const tss_field *f = &t->fields[i];
        uint8_t *p = dst + f->offset;
        int an = gv_field_null(f, allownull);
        if (fixed[i]) {
            gv_store(p, val[i], f->type->width);
        } else if (f->cnt >= 0) {
            uint64_t count = val[f->cnt];
            for (uint64_t k = 0; k < count; k++)
                if (!fill(g, f->type, p + k * f->type->csize, an, 0, depth + 1))
                    return 0;
        } else if ((f->flags & TSS_F_OPTIONAL) && gv_below(g, 4) == 0) {
            memset(p, 0, f->type->csize); /* absent: C size 0 (LoadExternal's inPrivate) */
        } else {
            uint32_t sel = f->sel >= 0 ? (uint32_t)val[f->sel] : 0;
            if (!fill(g, f->type, p, an, sel, depth + 1))
                return 0;
        }
    }
    return 1;
}

static int fill(gv_ctx *g, const tss_type *t, uint8_t *dst, int allownull, uint32_t selector,
                int depth)
{
    if (depth > GV_MAX_DEPTH)
        return 0;
    switch (t->kind) {
    case TSS_K_INT: return fill_int(g, t, dst, allownull);
    case TSS_K_ATTR:
        gv_store(dst, gv_next(g) & ~t->reserved & width_mask(t->width), t->width);
        return 1;
    case TSS_K_TPM2B: {
        uint16_t size = (uint16_t)tpm2b_size(g, t->max);
        memcpy(dst, &size, 2);
        gv_bytes(g, dst + 2, size);
        return 1;
    }
    case TSS_K_SIZED: {
        const tss_field *f = &t->fields[0];
        /* marshal computes the wire size from the contents whatever the C size holds (an
         * absent structure exists only as an optional member, in fill_struct) */
        uint16_t size = (uint16_t)gv_below(g, 3);
        if (!fill(g, f->type, dst + f->offset, gv_field_null(f, allownull), 0, depth + 1))
            return 0;
        memcpy(dst, &size, 2);
        return 1;
    }
    case TSS_K_STRUCT: return fill_struct(g, t, dst, allownull, depth);
    case TSS_K_UNION: {
        const tss_field *m = gv_union_member(t, selector);
        if (m == NULL)
            return 0;
        if (m->flags & TSS_F_EMPTY)
            return 1;
        if (m->type == NULL) {
            gv_bytes(g, dst, m->max);
            return 1;
        }
        /* a union directly inside a union would need a selector nobody supplies */
        return fill(g, m->type, dst, gv_field_null(m, allownull), 0, depth + 1);
    }
    default: return 0;
    }
}

int gv_fill(gv_ctx *g, const tss_type *t, void *dst, int allownull, uint32_t selector)
{
    memset(dst, 0, t->csize);
    return fill(g, t, dst, allownull, selector, 0);
}
