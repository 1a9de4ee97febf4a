/* SPDX-License-Identifier: BSD-3-Clause */
/* The marshaling engine: every TPM type is a const tss_type descriptor generated from
 * types.tdl / commands.tdl (gen.py); one interpreter marshals and unmarshals them all.
 *
 * Cursors carry a sticky error: after the first failure every later put/get is a no-op,
 * so callers check once at the end. A get never reads past the bytes it was given, and
 * never writes past the C object it fills (counts are checked against the C dimension
 * before any copy). */
#ifndef TSS_MDESC_H
#define TSS_MDESC_H

#include "tss2/TPM_Types.h"

enum { TSS_K_INT = 1, TSS_K_ATTR, TSS_K_STRUCT, TSS_K_UNION, TSS_K_TPM2B, TSS_K_SIZED };
enum { TSS_NULL_NO = 0, TSS_NULL_YES = 1, TSS_NULL_INHERIT = 2 };

/* tss_type.flags and tss_field.flags */
#define TSS_F_TAKES_NULL 0x01 /* type: takes allowNull (has a null value somewhere inside) */
#define TSS_F_EMPTY 0x02      /* sized type: size 0 allowed; union member: nothing on the wire */
#define TSS_F_CONLY 0x04      /* union member: C only, never selected */
#define TSS_F_OPTIONAL 0x08   /* member of a sized type with TSS_F_EMPTY: a C size of 0 marshals
                               * as absent (size 0); the type alone always computes the size */

typedef struct tss_range {
    uint64_t lo, hi;
} tss_range;

typedef struct tss_type tss_type;

typedef struct tss_field {
    const char *name;
    const tss_type *type; /* NULL: a union member that is a fixed-length byte array */
    uint32_t offset;      /* within the containing C object */
    uint32_t max;         /* array: C dimension; byte-array member: its length */
    uint32_t rc;          /* array: error for a count above max */
    int8_t sel;           /* union member of a struct: index of the selector field, else -1 */
    int8_t cnt;           /* array: index of the count field, else -1 */
    uint8_t nullmode;     /* TSS_NULL_* passed to the member's type */
    uint32_t selval;      /* union member: its selector value */
    uint8_t flags;
} tss_field;

struct tss_type {
    const char *name;
    uint8_t kind;
    uint8_t width;     /* integers: wire bytes */
    uint8_t is_signed; /* integers */
    uint8_t flags;
    uint32_t rc;       /* integers: error for a value not allowed; union: unknown selector */
    uint32_t csize;    /* sizeof the C type */
    uint64_t nullval;  /* integers with TSS_F_TAKES_NULL */
    uint64_t reserved; /* attributes: reserved bit mask */
    const tss_range *ranges; /* integers: allowed values; none = any */
    uint16_t nranges;
    const tss_field *fields; /* struct members, union members, sized: the one inner member */
    uint16_t nfields;
    uint32_t max; /* TPM2B: buffer capacity */
};

/* write cursor: p == NULL counts only */
typedef struct tss_wcur {
    BYTE *p;
    uint32_t room; /* bytes left at p (ignored when counting) */
    uint32_t n;    /* bytes produced so far */
    TPM_RC rc;
} tss_wcur;

/* read cursor */
typedef struct tss_rcur {
    const BYTE *p;
    uint32_t left;
    TPM_RC rc;
} tss_rcur;

void tss_wcur_init(tss_wcur *w, BYTE *p, uint32_t room);
void tss_rcur_init(tss_rcur *r, const BYTE *p, uint32_t left);

void tss_put_bytes(tss_wcur *w, const void *src, uint32_t n);
void tss_put_uint(tss_wcur *w, uint64_t v, unsigned width);
void tss_get_bytes(tss_rcur *r, void *dst, uint32_t n);
uint64_t tss_get_uint(tss_rcur *r, unsigned width);

/* whole objects; selector is used only when t is a union */
void tss_put(tss_wcur *w, const tss_type *t, const void *src, uint32_t selector);
void tss_get(tss_rcur *r, const tss_type *t, void *dst, int allownull, uint32_t selector);

/* members [first, last) of a struct descriptor (command In/Out: handles then parameters) */
void tss_put_fields(tss_wcur *w, const tss_type *t, const void *src, unsigned first, unsigned last);
void tss_get_fields(tss_rcur *r, const tss_type *t, void *dst, unsigned first, unsigned last);

/* reads/writes an integer-typed member value of a C object */
uint64_t tss_load_uint(const void *p, unsigned width);
void tss_store_uint(void *p, uint64_t v, unsigned width);

/* IBM-style entry points: buffer/size advance only on success; NULL buffer counts only */
TPM_RC tss_marshal_entry(const tss_type *t, const void *src, uint16_t *written, BYTE **buffer,
                         uint32_t *size, uint32_t selector);
TPM_RC tss_unmarshal_entry(const tss_type *t, void *dst, BYTE **buffer, uint32_t *size,
                           int allownull, uint32_t selector);
/* TPML with IBM's minCount argument: fewer entries than minCount is TPM_RC_SIZE */
TPM_RC tss_unmarshal_mincount(const tss_type *t, void *dst, BYTE **buffer, uint32_t *size,
                              uint32_t minCount);
TPM_RC tss_response_unmarshal_entry(const tss_type *t, unsigned nhandles, void *dst, TPM_ST tag,
                                    BYTE **buffer, uint32_t *size);

/* The same with IBM 1.x's signed room (INT32 *size; signed.c): a negative room is no room */
TPM_RC tss_marshal_signed(const tss_type *t, const void *src, UINT16 *written, BYTE **buffer,
                          INT32 *size, uint32_t selector);
TPM_RC tss_unmarshal_signed(const tss_type *t, void *dst, BYTE **buffer, INT32 *size,
                            int allownull, uint32_t selector);
TPM_RC tss_unmarshal_mincount_signed(const tss_type *t, void *dst, BYTE **buffer, INT32 *size,
                                     uint32_t minCount);
TPM_RC tss_response_unmarshal_signed(const tss_type *t, unsigned nhandles, void *dst, TPM_ST tag,
                                     BYTE **buffer, INT32 *size);

#endif
