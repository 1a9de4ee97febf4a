/* SPDX-License-Identifier: BSD-3-Clause */
/* A translation unit built with TPM_TSS_NODEPRECATED (compat_nodeprecated.c). */
#ifndef TSS_COMPAT_NODEPRECATED_H
#define TSS_COMPAT_NODEPRECATED_H

/* 1 when that unit compiled: the headers declared none of the signed-size forms there */
int compat_nodeprecated_probe(void);

#endif
