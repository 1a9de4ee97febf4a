/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>

#include "print_int.h"

void TSS_PrintAlli(const char *string, unsigned int indent, const unsigned char *buff,
                   uint32_t length)
{
    if (buff == NULL) {
        printf("%*s%s null\n", (int)indent, "", string);
        return;
    }
    printf("%*s%s length %u\n", (int)indent, "", string, length);
    if (length == 0)
        return;
    printf("%*s", (int)indent, "");
    for (uint32_t i = 0; i < length; i++) {
        printf("%02x ", buff[i]);
        if ((i + 1) % 16 == 0 && i + 1 < length)
            printf("\n%*s", (int)indent, "");
    }
    printf("\n");
}

void TSS_PrintAll(const char *string, const unsigned char *buff, uint32_t length)
{
    TSS_PrintAlli(string, 1, buff, length);
}

void TSS_TPM2B_Print(const char *string, unsigned int indent, const TPM2B *source)
{
    if (source == NULL) {
        printf("%*s%s null\n", (int)indent, "", string);
        return;
    }
    TSS_PrintAlli(string, indent, source->buffer, source->size);
}

void tss_print_2b(const char *string, unsigned indent, const void *tpm2b, size_t capacity)
{
    UINT16 size;
    memcpy(&size, tpm2b, sizeof(size));
    if (size > capacity) {
        printf("%*s%s length %u is over its maximum %zu\n", (int)indent, "", string, size,
               capacity);
        return;
    }
    TSS_PrintAlli(string, indent, (const unsigned char *)tpm2b + sizeof(UINT16), size);
}

uint32_t tss_print_count(const char *type, unsigned indent, uint32_t count, size_t max)
{
    printf("%*s%s count %u\n", (int)indent, "", type, count);
    if (count > max) {
        printf("%*s%s count %u is over its maximum %zu\n", (int)indent, "", type, count, max);
        return (uint32_t)max;
    }
    return count;
}

const char *tss_print_lookup(const tss_print_name *table, size_t n, uint32_t value)
{
    for (size_t i = 0; i < n; i++)
        if (table[i].value == value)
            return table[i].name;
    return NULL;
}

void tss_print_enum(const char *string, unsigned indent, const char *name, const char *type,
                    int hexdigits, uint32_t value)
{
    if (name != NULL)
        printf("%*s%s %s\n", (int)indent, "", string, name);
    else
        printf("%*s%s %s value %0*x unknown\n", (int)indent, "", string, type, hexdigits, value);
}

void tss_print_bits(const char *prefix, unsigned indent, const tss_print_name *bits, size_t n,
                    uint32_t value)
{
    for (size_t i = 0; i < n; i++)
        if (value & bits[i].value)
            printf("%*s%s%s\n", (int)indent, "", prefix, bits[i].name);
}

void tss_print_flags(const char *prefix, unsigned indent, const tss_print_name *bits, size_t n,
                     uint32_t value, const char *on, const char *off)
{
    for (size_t i = 0; i < n; i++)
        printf("%*s%s%s %s\n", (int)indent, "", prefix, bits[i].name,
               (value & bits[i].value) ? on : off);
}
