/* SPDX-License-Identifier: BSD-3-Clause */
/* One hex digit's value, for the library's few text parsers. Internal. */
#ifndef TSS_CORE_HEX_H
#define TSS_CORE_HEX_H

/* 0..15, or -1 when c is not a hex digit */
static inline int tss_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif
