/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/commands.h"

const tss_command *tss_command_find(TPM_CC cc)
{
    size_t lo = 0, hi = tss_commands_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tss_commands[mid].cc == cc)
            return &tss_commands[mid];
        if (tss_commands[mid].cc < cc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
