/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "tool/data.h"

int data_in(tool *t, const char *ic, const char *ifile, BYTE *dst, size_t cap, uint16_t *len)
{
    if ((ic == NULL) == (ifile == NULL))
        return tool_error(t, "one of -ic and -if is required");
    if (ic != NULL) {
        size_t n = strlen(ic);
        if (n > cap)
            return tool_error(t, "-ic: %zu bytes is more than the %zu allowed", n, cap);
        memcpy(dst, ic, n);
        *len = (uint16_t)n;
        return 0;
    }
    unsigned char *buf = NULL;
    size_t n = 0;
    if (tool_read_bytes(t, ifile, &buf, &n) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (n > cap)
        ret = tool_error(t, "%s: %zu bytes is more than the %zu allowed", ifile, n, cap);
    else if (n > 0)
        memcpy(dst, buf, n);
    *len = (uint16_t)n;
    free(buf);
    return ret;
}

void data_hex(const BYTE *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}
