/* SPDX-License-Identifier: BSD-3-Clause */
/* File helpers. Writes are atomic: a temporary file in the same directory, fsync, rename,
 * so a reader sees the old or the new file, never half of one. Structure reads fail with
 * TSS_RC_FILE_READ style codes on a missing file and with the unmarshal error (or
 * TPM_RC_SIZE for trailing bytes) on malformed content. */
#ifndef TSS_TSSFILE_H
#define TSS_TSSFILE_H

#include <stddef.h>
#include <stdio.h>
#include "TPM_Types.h"
#include "tssutils.h"

#ifdef __cplusplus
extern "C" {
#endif

/* fopen(filename, mode) into *file: 0, TSS_RC_FILE_OPEN (errno tells why) or
 * TSS_RC_NULL_PARAMETER; close it with fclose */
int TSS_File_Open(FILE **file, const char *filename, const char *mode);
/* *data is malloc'd (free it); files over 16 MiB are refused */
TPM_RC TSS_File_ReadBinaryFile(unsigned char **data, size_t *length, const char *filename);
TPM_RC TSS_File_WriteBinaryFile(const unsigned char *data, size_t length, const char *filename);
/* Not in IBM's TSS: as TSS_File_WriteBinaryFile, for secrets (unsealed or decrypted data):
 * a new file is created 0600 (less the umask), an existing one loses its group and other
 * permissions. Both write a regular file atomically (a symlink's target is replaced, the
 * link kept) and a device or FIFO in place. */
TPM_RC TSS_File_WritePrivateFile(const unsigned char *data, size_t length, const char *filename);
TPM_RC TSS_File_ReadStructure(void *structure, UnmarshalFunction_t unmarshalFunction,
                              const char *filename);
TPM_RC TSS_File_ReadStructureFlag(void *structure, UnmarshalFunctionFlag_t unmarshalFunction,
                                  BOOL allowNull, const char *filename);
TPM_RC TSS_File_WriteStructure(void *structure, MarshalFunction_t marshalFunction,
                               const char *filename);
/* reads a whole file into a TPM2B (the file holds just the bytes) */
TPM_RC TSS_File_Read2B(TPM2B *tpm2b, uint16_t targetSize, const char *filename);
TPM_RC TSS_File_DeleteFile(const char *filename);

#ifdef __cplusplus
}
#endif

#endif
