/* SPDX-License-Identifier: BSD-3-Clause */
/* The signed-size marshal forms of IBM's TSS 1.x (TSS_<T>_Marshal, <T>_Unmarshal with an
 * INT32 *size), kept by IBM 2.x unless TPM_TSS_NODEPRECATED, and TSS_TPMT_PUBLIC_D_Marshalu.
 * Each form is a thin wrapper over the one engine (its generated callers are in
 * signed_gen.c): a negative room is no room, and *size is written back as the engine left
 * it, so the two forms always agree byte for byte. */
#include <stdint.h>

#include "marshal/desc_gen.h"
#include "tss2/tssmarshal.h"
#include "tss2/Unmarshal_fp.h"
#include "tss2/tsserror.h"

/* The signed room as the engine's: NULL stays NULL (no limit for marshal, an error for
 * unmarshal, as the engine decides), a negative room is refused with 'negative'. */
typedef struct {
    uint32_t room;
    uint32_t *p;
} room_t;

static TPM_RC room_take(const INT32 *size, room_t *r, TPM_RC negative)
{
    r->room = 0;
    r->p = NULL;
    if (size == NULL)
        return 0;
    if (*size < 0)
        return negative;
    r->room = (uint32_t)*size;
    r->p = &r->room;
    return 0;
}

/* writes back what the engine left of the room (unchanged when it failed) */
static TPM_RC room_give(INT32 *size, const room_t *r, TPM_RC rc)
{
    if (size != NULL)
        *size = (INT32)r->room;
    return rc;
}

#define MARSHAL_ROOM TSS_RC_INSUFFICIENT_BUFFER
#define UNMARSHAL_ROOM TPM_RC_INSUFFICIENT

TPM_RC tss_marshal_signed(const tss_type *t, const void *src, UINT16 *written, BYTE **buffer,
                          INT32 *size, uint32_t selector)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, MARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r, tss_marshal_entry(t, src, written, buffer, r.p, selector));
}

TPM_RC tss_unmarshal_signed(const tss_type *t, void *dst, BYTE **buffer, INT32 *size,
                            int allownull, uint32_t selector)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, UNMARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r,
                               tss_unmarshal_entry(t, dst, buffer, r.p, allownull, selector));
}

TPM_RC tss_unmarshal_mincount_signed(const tss_type *t, void *dst, BYTE **buffer, INT32 *size,
                                     uint32_t minCount)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, UNMARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r, tss_unmarshal_mincount(t, dst, buffer, r.p, minCount));
}

TPM_RC tss_response_unmarshal_signed(const tss_type *t, unsigned nhandles, void *dst, TPM_ST tag,
                                     BYTE **buffer, INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, UNMARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r,
                               tss_response_unmarshal_entry(t, nhandles, dst, tag, buffer, r.p));
}

/* TPMT_PUBLIC with the unique field read as a TPMS_DERIVE (label, context): the form
 * TPM2_CreateLoaded takes in its TPM2B_TEMPLATE when the parent is a derivation parent. */
static TPM_RC public_d(const TPMT_PUBLIC *s, uint16_t *written, BYTE **buffer, uint32_t *size)
{
    const struct {
        const tss_type *t;
        const void *p;
        uint32_t selector;
    } part[] = {
        {&tss_t_TPMI_ALG_PUBLIC, &s->type, 0},
        {&tss_t_TPMI_ALG_HASH, &s->nameAlg, 0},
        {&tss_t_TPMA_OBJECT, &s->objectAttributes, 0},
        {&tss_t_TPM2B_DIGEST, &s->authPolicy, 0},
        {&tss_t_TPMU_PUBLIC_PARMS, &s->parameters, s->type},
        {&tss_t_TPMS_DERIVE, &s->unique.derive, 0},
    };
    TPM_RC rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof(part) / sizeof(part[0]); i++)
        rc = tss_marshal_entry(part[i].t, part[i].p, written, buffer, size, part[i].selector);
    return rc;
}

TPM_RC TSS_TPMT_PUBLIC_D_Marshalu(const TPMT_PUBLIC *source, uint16_t *written, BYTE **buffer,
                                  uint32_t *size)
{
    if (source == NULL)
        return TSS_RC_NULL_PARAMETER;
    /* count first, so that nothing is written when a part fails or the room is short */
    uint16_t n = 0;
    TPM_RC rc = public_d(source, &n, NULL, NULL);
    if (rc != 0 || buffer == NULL || *buffer == NULL) {
        if (rc == 0 && written != NULL)
            *written = (uint16_t)(*written + n);
        return rc;
    }
    if (size != NULL && *size < n)
        return TSS_RC_INSUFFICIENT_BUFFER;
    return public_d(source, written, buffer, size);
}

#ifndef TPM_TSS_NODEPRECATED
TPM_RC TSS_TPMT_PUBLIC_D_Marshal(const TPMT_PUBLIC *source, UINT16 *written, BYTE **buffer,
                                 INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, MARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r, TSS_TPMT_PUBLIC_D_Marshalu(source, written, buffer, r.p));
}

TPM_RC TSS_Array_Marshal(const BYTE *source, UINT16 sourceSize, UINT16 *written, BYTE **buffer,
                         INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, MARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r,
                               TSS_Array_Marshalu(source, sourceSize, written, buffer, r.p));
}

TPM_RC TSS_TPM2B_Marshal(const TPM2B *source, UINT16 *written, BYTE **buffer, INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, MARSHAL_ROOM);
    return rc != 0 ? rc : room_give(size, &r, TSS_TPM2B_Marshalu(source, written, buffer, r.p));
}

TPM_RC Array_Unmarshal(BYTE *targetBuffer, UINT16 targetSize, BYTE **buffer, INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, UNMARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r,
                               TSS_Array_Unmarshalu(targetBuffer, targetSize, buffer, r.p));
}

TPM_RC TPM2B_Unmarshal(TPM2B *target, UINT16 targetSize, BYTE **buffer, INT32 *size)
{
    room_t r;
    TPM_RC rc = room_take(size, &r, UNMARSHAL_ROOM);
    return rc != 0 ? rc
                   : room_give(size, &r, TSS_TPM2B_Unmarshalu(target, targetSize, buffer, r.p));
}
#endif
