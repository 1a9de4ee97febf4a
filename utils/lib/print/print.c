/* SPDX-License-Identifier: BSD-3-Clause */
/* Structure printing for the utilities' output and -v traces. One walker over the same
 * descriptors the marshaler uses prints any TPM structure with its member names; the
 * IBM-named TSS_<TYPE>_Print functions are thin calls into it. Unions print the member
 * their selector chooses; an unknown selector or an over-long count prints a note, never
 * reads outside the object. */
#include <stdio.h>
#include <string.h>

#include "marshal/desc_gen.h"
#include "tss2/tssprint.h"

static const struct {
    uint16_t id;
    const char *name;
} alg_names[] = {
    {TPM_ALG_ERROR, "TPM_ALG_ERROR"},   {TPM_ALG_RSA, "TPM_ALG_RSA"},
    {TPM_ALG_TDES, "TPM_ALG_TDES"},     {TPM_ALG_SHA1, "TPM_ALG_SHA1"},
    {TPM_ALG_HMAC, "TPM_ALG_HMAC"},     {TPM_ALG_AES, "TPM_ALG_AES"},
    {TPM_ALG_MGF1, "TPM_ALG_MGF1"},     {TPM_ALG_KEYEDHASH, "TPM_ALG_KEYEDHASH"},
    {TPM_ALG_XOR, "TPM_ALG_XOR"},       {TPM_ALG_SHA256, "TPM_ALG_SHA256"},
    {TPM_ALG_SHA384, "TPM_ALG_SHA384"}, {TPM_ALG_SHA512, "TPM_ALG_SHA512"},
    {TPM_ALG_NULL, "TPM_ALG_NULL"},     {TPM_ALG_SM3_256, "TPM_ALG_SM3_256"},
    {TPM_ALG_SM4, "TPM_ALG_SM4"},       {TPM_ALG_RSASSA, "TPM_ALG_RSASSA"},
    {TPM_ALG_RSAES, "TPM_ALG_RSAES"},   {TPM_ALG_RSAPSS, "TPM_ALG_RSAPSS"},
    {TPM_ALG_OAEP, "TPM_ALG_OAEP"},     {TPM_ALG_ECDSA, "TPM_ALG_ECDSA"},
    {TPM_ALG_ECDH, "TPM_ALG_ECDH"},     {TPM_ALG_ECDAA, "TPM_ALG_ECDAA"},
    {TPM_ALG_SM2, "TPM_ALG_SM2"},       {TPM_ALG_ECSCHNORR, "TPM_ALG_ECSCHNORR"},
    {TPM_ALG_ECMQV, "TPM_ALG_ECMQV"},   {TPM_ALG_KDF1_SP800_56A, "TPM_ALG_KDF1_SP800_56A"},
    {TPM_ALG_KDF2, "TPM_ALG_KDF2"},     {TPM_ALG_KDF1_SP800_108, "TPM_ALG_KDF1_SP800_108"},
    {TPM_ALG_ECC, "TPM_ALG_ECC"},       {TPM_ALG_SYMCIPHER, "TPM_ALG_SYMCIPHER"},
    {TPM_ALG_CAMELLIA, "TPM_ALG_CAMELLIA"}, {TPM_ALG_SHA3_256, "TPM_ALG_SHA3_256"},
    {TPM_ALG_SHA3_384, "TPM_ALG_SHA3_384"}, {TPM_ALG_SHA3_512, "TPM_ALG_SHA3_512"},
    {TPM_ALG_CMAC, "TPM_ALG_CMAC"},     {TPM_ALG_CTR, "TPM_ALG_CTR"},
    {TPM_ALG_OFB, "TPM_ALG_OFB"},       {TPM_ALG_CBC, "TPM_ALG_CBC"},
    {TPM_ALG_CFB, "TPM_ALG_CFB"},       {TPM_ALG_ECB, "TPM_ALG_ECB"},
};

static const char *alg_name(uint64_t id)
{
    for (size_t i = 0; i < sizeof(alg_names) / sizeof(alg_names[0]); i++)
        if (alg_names[i].id == id)
            return alg_names[i].name;
    return "unknown algorithm";
}

static const char *member_name(const tss_field *f, const tss_type *t)
{
    return f != NULL && f->name != NULL && f->name[0] != '\0' ? f->name : t->name;
}

static void walk(const tss_type *t, const tss_field *as, const BYTE *p, unsigned indent, uint32_t sel, int depth);

static void walk_field(const tss_type *owner, const tss_field *f, const BYTE *obj, unsigned indent, int depth)
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

static void walk(const tss_type *t, const tss_field *as, const BYTE *p, unsigned indent, uint32_t sel, int depth)
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
            int scalar = m->type == NULL || m->type->kind == TSS_K_INT || m->type->kind == TSS_K_ATTR ||
                         m->type->kind == TSS_K_TPM2B;
            const tss_field *label = (scalar && as != NULL) ? as : m;
            if (m->type == NULL)
                TSS_PrintAlli(label->name, indent, p, m->max);
            else
                walk(m->type, label, p, indent, 0, depth + 1);
            return;
        }
        printf("%*s%s selector %08x unknown\n", (int)indent, "", name, sel);
        return;
    default:
        return;
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

#define PRINTER(T)                                                                                 \
    void TSS_##T##_Print(const T *source, unsigned int indent)                                     \
    {                                                                                              \
        walk(&tss_t_##T, NULL, (const BYTE *)source, indent, 0, 0);                                \
    }

PRINTER(TPMT_PUBLIC)
PRINTER(TPM2B_PUBLIC)
PRINTER(TPMS_ATTEST)
PRINTER(TPMT_SIGNATURE)
PRINTER(TPML_PCR_SELECTION)
PRINTER(TPMS_PCR_SELECTION)
PRINTER(TPMS_NV_PUBLIC)
PRINTER(TPMS_CAPABILITY_DATA)
PRINTER(TPMT_HA)
PRINTER(TPMS_CREATION_DATA)
PRINTER(TPMS_CONTEXT)
PRINTER(TPMT_TK_CREATION)
PRINTER(TPMS_CLOCK_INFO)
PRINTER(TPMS_TIME_INFO)
PRINTER(TPML_DIGEST)

static const struct {
    uint32_t bit;
    const char *name;
} object_bits[] = {
    {TPMA_OBJECT_FIXEDTPM, "fixedTPM"},
    {TPMA_OBJECT_STCLEAR, "stClear"},
    {TPMA_OBJECT_FIXEDPARENT, "fixedParent"},
    {TPMA_OBJECT_SENSITIVEDATAORIGIN, "sensitiveDataOrigin"},
    {TPMA_OBJECT_USERWITHAUTH, "userWithAuth"},
    {TPMA_OBJECT_ADMINWITHPOLICY, "adminWithPolicy"},
    {TPMA_OBJECT_NODA, "noDA"},
    {TPMA_OBJECT_ENCRYPTEDDUPLICATION, "encryptedDuplication"},
    {TPMA_OBJECT_RESTRICTED, "restricted"},
    {TPMA_OBJECT_DECRYPT, "decrypt"},
    {TPMA_OBJECT_SIGN, "sign"},
};

void TSS_TPMA_OBJECT_Print(const char *string, TPMA_OBJECT source, unsigned int indent)
{
    printf("%*s%s %08x\n", (int)indent, "", string, source.val);
    for (size_t i = 0; i < sizeof(object_bits) / sizeof(object_bits[0]); i++)
        if (source.val & object_bits[i].bit)
            printf("%*sTPMA_OBJECT %s\n", (int)indent + 2, "", object_bits[i].name);
}
