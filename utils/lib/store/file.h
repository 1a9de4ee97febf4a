/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef TSS_STORE_FILE_H
#define TSS_STORE_FILE_H

#include <stddef.h>
#include <sys/types.h>
#include "tss2/TPM_Types.h"

/* write to a temporary file beside filename, fsync when durable, rename over it: readers see
 * the old or the new file whole, whenever this process dies */
TPM_RC tss_file_write_atomic(const char *filename, const void *data, size_t length, mode_t mode,
                             int durable);

#endif
