/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

#include "tss2/tssprint.h"

void TSS_PrintAlli(const char *string, unsigned int indent, const unsigned char *buff, uint32_t length)
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
