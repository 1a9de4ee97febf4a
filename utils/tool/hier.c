/* SPDX-License-Identifier: BSD-3-Clause */
#include "tool/hier.h"

const char *const hier_lp[] = {"l", "p", NULL};
const char *const hier_op[] = {"o", "p", NULL};
const char *const hier_eop[] = {"e", "o", "p", NULL};
const char *const hier_eopn[] = {"e", "o", "p", "n", NULL};

TPM_HANDLE hier_handle(const char *const *table, int choice)
{
    switch (table[choice][0]) {
    case 'l': return TPM_RH_LOCKOUT;
    case 'p': return TPM_RH_PLATFORM;
    case 'o': return TPM_RH_OWNER;
    case 'e': return TPM_RH_ENDORSEMENT;
    default: return TPM_RH_NULL;
    }
}
