/* SPDX-License-Identifier: BSD-3-Clause */
/* <Command>_In_Print (tssprintcmd.h, generated in printcmd_gen.c): a "TPM2_<Command>" line,
 * then each member of the In structure the way IBM's printers show it: handles, algorithms
 * and other enumerations by name, TPM2Bs as bytes, and the structures that have an IBM
 * printer (public areas, schemes, tickets, PCR selections ...) through it. Any other member
 * goes through the descriptor walker, so every command prints without a reader of its own. */
#include <string.h>

#include "marshal/desc_gen.h"
#include "print/print_int.h"

typedef void (*print_named)(const char *name, const void *src, unsigned indent);

/* IBM prints these structures without the member's name */
#define PLAIN(T)                                                                                   \
    static void p_##T(const char *name, const void *src, unsigned indent)                         \
    {                                                                                              \
        (void)name;                                                                                \
        TSS_##T##_Print((const T *)src, indent);                                                   \
    }
/* and these under it */
#define NAMED(T)                                                                                   \
    static void p_##T(const char *name, const void *src, unsigned indent)                         \
    {                                                                                              \
        TSS_##T##_Print(name, (const T *)src, indent);                                             \
    }

PLAIN(TPML_PCR_SELECTION)
PLAIN(TPML_DIGEST)
PLAIN(TPML_DIGEST_VALUES)
PLAIN(TPMT_SIG_SCHEME)
PLAIN(TPMT_SIGNATURE)
PLAIN(TPMT_SYM_DEF)
PLAIN(TPMT_SYM_DEF_OBJECT)
PLAIN(TPMT_RSA_DECRYPT)
PLAIN(TPMT_KDF_SCHEME)
PLAIN(TPMT_PUBLIC_PARMS)
PLAIN(TPMT_TK_CREATION)
PLAIN(TPMT_TK_VERIFIED)
PLAIN(TPMT_TK_AUTH)
PLAIN(TPMT_TK_HASHCHECK)
PLAIN(TPMT_HA)
PLAIN(TPM2B_NV_PUBLIC)
PLAIN(TPM2B_SENSITIVE)
PLAIN(TPMS_CONTEXT)
NAMED(TPM2B_PUBLIC)
NAMED(TPM2B_SENSITIVE_CREATE)
NAMED(TPM2B_ECC_POINT)

static const struct {
    const char *type;
    print_named fn;
} printers[] = {
#define ROW(T) {#T, p_##T}
    ROW(TPML_PCR_SELECTION), ROW(TPML_DIGEST),          ROW(TPML_DIGEST_VALUES),
    ROW(TPMT_SIG_SCHEME),    ROW(TPMT_SIGNATURE),       ROW(TPMT_SYM_DEF),
    ROW(TPMT_SYM_DEF_OBJECT), ROW(TPMT_RSA_DECRYPT),    ROW(TPMT_KDF_SCHEME),
    ROW(TPMT_PUBLIC_PARMS),  ROW(TPMT_TK_CREATION),     ROW(TPMT_TK_VERIFIED),
    ROW(TPMT_TK_AUTH),       ROW(TPMT_TK_HASHCHECK),    ROW(TPMT_HA),
    ROW(TPM2B_NV_PUBLIC),    ROW(TPM2B_SENSITIVE),      ROW(TPMS_CONTEXT),
    ROW(TPM2B_PUBLIC),       ROW(TPM2B_SENSITIVE_CREATE), ROW(TPM2B_ECC_POINT),
#undef ROW
};

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* an integer member by the kind of value its type holds; 0 when it is none of these */
static int print_scalar(const tss_type *t, const char *name, const void *p, unsigned indent)
{
    if (t->kind != TSS_K_INT && t->kind != TSS_K_ATTR)
        return 0; /* width is an integer's only */
    uint32_t v = (uint32_t)tss_load_uint(p, t->width);
    const char *n = t->name;
    if (t->kind == TSS_K_ATTR && strcmp(n, "TPMA_LOCALITY") == 0) {
        TPMA_LOCALITY a = {(UINT8)v};
        printf("%*s%s\n", (int)indent, "", name);
        TSS_TPMA_LOCALITY_Print(a, indent);
        return 1;
    }
    if (t->kind != TSS_K_INT)
        return 0;
    if (strcmp(n, "TPM_HANDLE") == 0 || starts(n, "TPMI_DH_") || starts(n, "TPMI_RH_") ||
        starts(n, "TPMI_SH_"))
        TSS_TPM_HANDLE_Print(name, v, indent);
    else if (strcmp(n, "TPM_ALG_ID") == 0 || starts(n, "TPMI_ALG_"))
        TSS_TPM_ALG_ID_Print(name, (TPM_ALG_ID)v, indent);
    else if (strcmp(n, "TPM_ECC_CURVE") == 0 || strcmp(n, "TPMI_ECC_CURVE") == 0)
        TSS_TPM_ECC_CURVE_Print(name, (TPM_ECC_CURVE)v, indent);
    else if (strcmp(n, "TPMI_YES_NO") == 0)
        TSS_TPMI_YES_NO_Print(name, (TPMI_YES_NO)v, indent);
    else if (strcmp(n, "TPM_SE") == 0)
        TSS_TPM_SE_Print(name, (TPM_SE)v, indent);
    else if (strcmp(n, "TPM_SU") == 0)
        TSS_TPM_SU_Print(name, (TPM_SU)v, indent);
    else if (strcmp(n, "TPM_EO") == 0)
        TSS_TPM_EO_Print(name, (TPM_EO)v, indent);
    else if (strcmp(n, "TPM_CAP") == 0)
        TSS_TPM_CAP_Print(name, v, indent);
    else if (strcmp(n, "TPM_CC") == 0)
        TSS_TPM_CC_Print(name, v, indent);
    else if (strcmp(n, "TPM_CLOCK_ADJUST") == 0)
        TSS_TPM_CLOCK_ADJUST_Print(name, (TPM_CLOCK_ADJUST)(INT8)v, indent);
    else
        return 0;
    return 1;
}

void tss_print_command_in(const char *title, const tss_type *t, const void *in, unsigned indent)
{
    printf("%*s%s\n", (int)indent, "", title);
    if (in == NULL)
        return;
    indent += 2;
    for (unsigned i = 0; i < t->nfields; i++) {
        const tss_field *f = &t->fields[i];
        const BYTE *p = (const BYTE *)in + f->offset;
        if (f->cnt >= 0 || f->sel >= 0 || f->type == NULL) {
            tss_print_walk_member(t, i, in, indent);
            continue;
        }
        if (print_scalar(f->type, f->name, p, indent))
            continue;
        if (f->type->kind == TSS_K_TPM2B) {
            uint16_t size;
            memcpy(&size, p, 2);
            if (size <= f->type->max) {
                TSS_TPM2B_Print(f->name, indent, (const TPM2B *)p);
                continue;
            }
        }
        size_t k = 0;
        while (k < TSS_ARRAY_COUNT(printers) && strcmp(printers[k].type, f->type->name) != 0)
            k++;
        if (k < TSS_ARRAY_COUNT(printers))
            printers[k].fn(f->name, p, indent);
        else
            tss_print_walk_member(t, i, in, indent);
    }
}
