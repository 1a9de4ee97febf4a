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

/* An output file a user named (utilities' -of, -opu ...): a new or existing regular file is
 * written atomically (a symlink's target is replaced, the link kept), a new one with mode
 * 0666 & ~umask (0600 & ~umask for private data: decrypted or unsealed secrets), an existing
 * one keeping its mode; a path that exists and is not a regular file (a device, a FIFO) is
 * written in place. Errors: TSS_RC_FILE_OPEN / FILE_WRITE / FILE_CLOSE. */
TPM_RC tss_file_write_output(const char *filename, const void *data, size_t length, int private_data);

#endif
