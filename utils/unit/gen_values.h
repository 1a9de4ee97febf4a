/* SPDX-License-Identifier: BSD-3-Clause */
/* Random VALID instances of any TPM type, made by walking its marshal descriptor (the
 * same tss_type the engine interprets), for round-trip and hostile-input unit tests.
 *
 * "Valid" means what unmarshal accepts: integers inside their ranges (the null value only
 * when allowNull applies), attributes with reserved bits clear, a union member picked by a
 * selector that both the union and the selector field's own type accept, list counts and
 * TPM2B sizes within their maxima. The checks here are written from the TDL rules
 * (TDL.md), independently of engine.c, so that a test compares two readings of them. */
#ifndef TSS_UNIT_GEN_VALUES_H
#define TSS_UNIT_GEN_VALUES_H

#include <stdint.h>

#include "marshal/mdesc.h"

typedef struct gv_ctx {
    uint64_t s;     /* xorshift64* state, never 0 */
    uint32_t small; /* usual cap for a random TPM2B size */
    unsigned elems; /* cap for a random list count */
    int big;        /* 1: now and then use a TPM2B's full capacity */
} gv_ctx;

void gv_init(gv_ctx *g, uint64_t seed, uint32_t small, unsigned elems, int big);
uint64_t gv_next(gv_ctx *g);
/* uniform in [0, n); n == 0 means the whole 64-bit range */
uint64_t gv_below(gv_ctx *g, uint64_t n);
void gv_bytes(gv_ctx *g, void *dst, uint32_t n);

/* allowNull as a member or union member receives it */
int gv_field_null(const tss_field *f, int allownull);

/* does an integer type (TSS_K_INT) accept wire value v (already width-truncated)? */
int gv_int_allowed(const tss_type *t, uint64_t v, int allownull);

/* a wire value the integer type rejects, other than its null value; 0 if none exists */
int gv_int_rejected(const tss_type *t, uint64_t *v);

/* union: is sel a selectable (not C-only) member? */
const tss_field *gv_union_member(const tss_type *u, uint32_t sel);

/* union: the selectable members' selector values; returns how many (<= max written) */
unsigned gv_union_selectors(const tss_type *u, uint32_t *out, unsigned max);

/* Fills dst (t->csize bytes, zeroed first) with a random valid instance. selector is used
 * only when t is a union. Returns 1, or 0 when the type has no valid wire instance (a
 * union without selectable members, or a structure that needs one). */
int gv_fill(gv_ctx *g, const tss_type *t, void *dst, int allownull, uint32_t selector);

/* a value as the engine stores it: width 1, 2, 4 or 8 bytes, host order */
uint64_t gv_load(const void *p, unsigned width);
void gv_store(void *p, uint64_t v, unsigned width);

#endif
