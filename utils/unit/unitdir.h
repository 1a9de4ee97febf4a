/* SPDX-License-Identifier: BSD-3-Clause */
/* Scratch directories for the unit tests. */
#ifndef TSS_UNIT_UNITDIR_H
#define TSS_UNIT_UNITDIR_H

#include <stddef.h>

/* a fresh directory /tmp/tss-<what>-XXXXXX written into dir (cap >= 48): 0, or -1 */
int ft_dir_make(char *dir, size_t cap, const char *what);
/* removes dir and everything in it: 0, or -1 */
int ft_dir_remove(const char *dir);

#endif
