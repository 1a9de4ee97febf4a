/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the structure printers in utils/lib/print/. Every line starts with
 * 'indent' spaces; a value a table does not know prints as hex; a size or count larger
 * than the array that holds it prints a note and is never used to index. */
#ifndef TSS_PRINT_INT_H
#define TSS_PRINT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tss2/tssprint.h"

#define TSS_ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
    uint32_t value;
    const char *name;
} tss_print_name;

/* a table row from a constant: {TPM_ALG_RSA, "TPM_ALG_RSA"} */
#define TSS_NAME(c)                                                                                \
    {                                                                                              \
        (uint32_t)(c), #c                                                                          \
    }

const char *tss_print_lookup(const tss_print_name *table, size_t n, uint32_t value);

/* "<string> <name>", or when name is NULL "<string> <type> value <hex> unknown" */
void tss_print_enum(const char *string, unsigned indent, const char *name, const char *type,
                    int hexdigits, uint32_t value);

/* A TPM2B of any flavor, given the room its buffer has. */
void tss_print_2b(const char *string, unsigned indent, const void *tpm2b, size_t capacity);
/* x is a TPM2B_xxx union or struct whose first member is the UINT16 size */
#define TSS_PRINT_2B(string, indent, x)                                                            \
    tss_print_2b((string), (indent), &(x), sizeof(x) - sizeof(UINT16))

/* "<type> count N" and the count clamped to max, with a note when it had to be */
uint32_t tss_print_count(const char *type, unsigned indent, uint32_t count, size_t max);

/* one line per bit of a table that is set */
void tss_print_bits(const char *prefix, unsigned indent, const tss_print_name *bits, size_t n,
                    uint32_t value);
/* one line per bit of a table, "<prefix><name> <yes|no>" */
void tss_print_flags(const char *prefix, unsigned indent, const tss_print_name *bits, size_t n,
                     uint32_t value, const char *on, const char *off);

/* "<title>" then every member of a command's In structure (its descriptor from desc_gen.h)
 * in IBM's layout, indented by two: the body of the generated <Command>_In_Print (printcmd.c) */
struct tss_type;
void tss_print_command_in(const char *title, const struct tss_type *t, const void *in,
                          unsigned indent);
/* member i of a structure by the generic descriptor walker (walk.c) */
void tss_print_walk_member(const struct tss_type *owner, unsigned i, const void *obj,
                           unsigned indent);

#endif
