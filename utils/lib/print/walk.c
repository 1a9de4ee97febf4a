/* SPDX-License-Identifier: BSD-3-Clause */
/* TSS_Structure_Print: one walker over the descriptors the marshaler uses prints any TPM
 * structure by its type name, with member names. Unions print the member their selector
 * chooses; an unknown selector or an over-long count prints a note, never reads outside the
 * object. The IBM-named TSS_<TYPE>_Print functions (print.c, printcap.c) are written out by
 * hand instead, because their layout is IBM's rather than the descriptor's. */
#include <stdio.h>
#include <string.h>

#include "marshal/desc_gen.h"
#include "print/print_int.h"
#include "tss2/tssprint.h"

static const char *alg_name(uint64_t id)
{
    const char *name = id <= 0xffff ? TSS_TPM_ALG_ID_Name((TPM_ALG_ID)id) : NULL;
    return name != NULL ? name : "unknown algorithm";
}

static const char *member_name(const tss_field *f, const tss_type *t)
{
    return f != NULL && f->name != NULL && f->name[0] != '\0' ? f->name : t->name;
}

static void walk(const tss_type *t, const tss_field *as, const BYTE *p, unsigned indent,
                 uint32_t sel, int depth);

static void walk_field(const tss_type *owner, const tss_field *f, const BYTE *obj, unsigned indent,
                       int depth)
{
    const BYTE *p = obj + f->offset;
    if (f->cnt >= 0) {
        const tss_field *cf = &owner->fields[f->cnt];
        uint64_t count = tss_load_uint(obj + cf->offset, cf->type->width);
        if (count > f->max) {
            printf("%*s%s count %llu is over its maximum %u\n", (int)indent, "", f->name,
                   (unsigned long long)count, f->max);
            return;
        }
        if (f->type->kind == TSS_K_INT && f->type->width == 1) {
            TSS_PrintAlli(f->name, indent, p, (uint32_t)count);
            return;
        }
        for (uint64_t i = 0; i < count; i++)
            walk(f->type, f, p + i * f->type->csize, indent, 0, depth + 1);
        return;
    }
    uint32_t sel = 0;
    if (f->sel >= 0) {
        const tss_field *sf = &owner->fields[f->sel];
        sel = (uint32_t)tss_load_uint(obj + sf->offset, sf->type->width);
    }
    walk(f->type, f, p, indent, sel, depth + 1);
}

static void walk(const tss_type *t, const tss_field *as, const BYTE *p, unsigned indent,
                 uint32_t sel, int depth)
{
    const char *name = member_name(as, t);
    if (depth > 16)
        return;
    switch (t->kind) {
    case TSS_K_INT: {
        uint64_t v = tss_load_uint(p, t->width);
        if (strstr(t->name, "ALG") != NULL)
            printf("%*s%s %04llx %s\n", (int)indent, "", name, (unsigned long long)v, alg_name(v));
        else
            printf("%*s%s %0*llx\n", (int)indent, "", name, 2 * t->width, (unsigned long long)v);
        return;
    }
    case TSS_K_ATTR:
        printf("%*s%s %0*llx\n", (int)indent, "", name, 2 * t->width,
               (unsigned long long)tss_load_uint(p, t->width));
        return;
    case TSS_K_TPM2B: {
        uint16_t size;
        memcpy(&size, p, 2);
        if (size > t->max)
            printf("%*s%s size %u is over its maximum %u\n", (int)indent, "", name, size, t->max);
        else
            TSS_PrintAlli(name, indent, p + 2, size);
        return;
    }
    case TSS_K_SIZED: {
        uint16_t size;
        memcpy(&size, p, 2);
        if ((t->flags & TSS_F_EMPTY) && size == 0) {
            printf("%*s%s empty\n", (int)indent, "", name);
            return;
        }
        walk(t->fields[0].type, &t->fields[0], p + t->fields[0].offset, indent, 0, depth + 1);
        return;
    }
    case TSS_K_STRUCT:
        if (t->nfields == 0)
            return;
        printf("%*s%s\n", (int)indent, "", name);
        for (unsigned i = 0; i < t->nfields; i++)
            walk_field(t, &t->fields[i], p, indent + 2, depth);
        return;
    case TSS_K_UNION:
        for (unsigned i = 0; i < t->nfields; i++) {
            const tss_field *m = &t->fields[i];
            if ((m->flags & TSS_F_CONLY) || m->selval != sel)
                continue;
            if (m->flags & TSS_F_EMPTY)
                return;
            /* a scalar member reads best under the name of the field that holds the union
             * (keyBits, mode); a structure member under its own (rsaDetail, ecc) */
            int scalar = m->type == NULL || m->type->kind == TSS_K_INT ||
                         m->type->kind == TSS_K_ATTR || m->type->kind == TSS_K_TPM2B;
            const tss_field *label = (scalar && as != NULL) ? as : m;
            if (m->type == NULL)
                TSS_PrintAlli(label->name, indent, p, m->max);
            else
                walk(m->type, label, p, indent, 0, depth + 1);
            return;
        }
        printf("%*s%s selector %08x unknown\n", (int)indent, "", name, sel);
        return;
    default: return;
    }
}

void TSS_Structure_Print(const char *typeName, const void *source, unsigned int indent)
{
    for (size_t i = 0; i < tss_all_types_count; i++) {
        if (strcmp(tss_all_types[i]->name, typeName) == 0) {
            walk(tss_all_types[i], NULL, source, indent, 0, 0);
            return;
        }
    }
    printf("%*s%s: no such type\n", (int)indent, "", typeName);
}

void tss_print_walk_member(const tss_type *owner, unsigned i, const void *obj, unsigned indent)
{
    walk_field(owner, &owner->fields[i], obj, indent, 0);
}
