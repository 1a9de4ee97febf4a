/* SPDX-License-Identifier: BSD-3-Clause */
/* Hex text to bytes and the log-level byte printer, IBM's names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hex.h"
#include "tss2/tssprint.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"

uint32_t TSS_Array_Scan(unsigned char **data, size_t *len, const char *string)
{
    if (data == NULL || len == NULL || string == NULL)
        return TSS_RC_NULL_PARAMETER;
    size_t n = strlen(string);
    if (n % 2 != 0 || n / 2 > 0xffffffu)
        return TSS_RC_BAD_PROPERTY_VALUE;
    /* like IBM's, a few spare bytes: an empty string still gives a buffer to free */
    uint32_t rc = TSS_Malloc(data, (uint32_t)(n / 2 + 8));
    if (rc != 0)
        return rc;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = tss_hex_digit(string[2 * i]), lo = tss_hex_digit(string[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(*data);
            *data = NULL;
            return TSS_RC_BAD_PROPERTY_VALUE;
        }
        (*data)[i] = (unsigned char)(hi << 4 | lo);
    }
    *len = n / 2;
    return 0;
}

void TSS_PrintAllLogLevel(uint32_t log_level, const char *string, unsigned int indent,
                          const unsigned char *buff, uint32_t length)
{
    if (log_level == LOGLEVEL_DEBUG || buff == NULL) {
        TSS_PrintAlli(string, indent, buff, length);
        return;
    }
    printf("%*s%s%*s", (int)indent, "", string, (int)indent, "");
    for (uint32_t i = 0; i < length; i++)
        printf("%02x ", buff[i]);
    printf("\n");
}
