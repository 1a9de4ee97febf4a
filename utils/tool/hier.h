/* SPDX-License-Identifier: BSD-3-Clause */
/* Hierarchy selection shared by the hierarchy, clock and DA utilities. */
#ifndef TSS_TOOL_HIER_H
#define TSS_TOOL_HIER_H

#include "tool/tool.h"

/* IBM's one-letter hierarchy names, for T_CHOICE options */
extern const char *const hier_lp[];   /* l p */
extern const char *const hier_op[];   /* o p */
extern const char *const hier_eop[];  /* e o p */
extern const char *const hier_eopn[]; /* e o p n */
/* the handle of a choice made from one of the tables above */
TPM_HANDLE hier_handle(const char *const *table, int choice);

#endif
