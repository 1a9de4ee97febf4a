/* SPDX-License-Identifier: BSD-3-Clause */
/* -ic string / -if file input, shared by the utilities that take data either way. */
#ifndef TSS_TOOL_DATA_H
#define TSS_TOOL_DATA_H

#include "tool/tool.h"

/* Exactly one of ic and ifile must be given; the bytes go to dst (at most cap).
 * Returns 0 or EXIT_FAILURE after printing why. */
int data_in(tool *t, const char *ic, const char *ifile, BYTE *dst, size_t cap, uint16_t *len);
/* prints bytes as one hex string and a newline */
void data_hex(const BYTE *p, size_t n);

#endif
