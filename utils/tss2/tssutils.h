/* SPDX-License-Identifier: BSD-3-Clause */
/* Small helpers applications written against IBM's TSS use. */
#ifndef TSS_TSSUTILS_H
#define TSS_TSSUTILS_H

#include <stddef.h>
#include <stdio.h>
#include "TPM_Types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Function types matching the TSS_<TYPE>_Marshalu / _Unmarshalu entry points, for the
 * structure file helpers in tssfile.h. */
typedef TPM_RC (*MarshalFunction_t)(void *source, uint16_t *written, uint8_t **buffer, uint32_t *size);
typedef TPM_RC (*UnmarshalFunction_t)(void *target, uint8_t **buffer, uint32_t *size);
typedef TPM_RC (*UnmarshalFunctionFlag_t)(void *target, uint8_t **buffer, uint32_t *size, BOOL allowNull);

/* *buffer must be NULL on entry; free() the result */
TPM_RC TSS_Malloc(unsigned char **buffer, uint32_t size);
TPM_RC TSS_Realloc(unsigned char **buffer, uint32_t size);
/* marshals structure into a new malloc'd *buffer of *written bytes */
TPM_RC TSS_Structure_Marshal(uint8_t **buffer, uint16_t *written, void *structure,
                             MarshalFunction_t marshalFunction);

TPM_RC TSS_TPM2B_Copy(TPM2B *target, const TPM2B *source, uint16_t targetSize);
TPM_RC TSS_TPM2B_Append(TPM2B *target, const TPM2B *source, uint16_t targetSize);
TPM_RC TSS_TPM2B_Create(TPM2B *target, const uint8_t *buffer, uint16_t size, uint16_t targetSize);
TPM_RC TSS_TPM2B_CreateUint32(TPM2B *target, uint32_t source, uint16_t targetSize);
/* copies a NUL-terminated string without its NUL; NULL source gives an empty TPM2B */
TPM_RC TSS_TPM2B_StringCopy(TPM2B *target, const char *source, uint16_t targetSize);
BOOL TSS_TPM2B_Compare(const TPM2B *expect, const TPM2B *actual);

/* digest size in bytes of a hash algorithm, 0 if unknown (also in tsscryptoh.h) */
uint16_t TSS_GetDigestSize(TPM_ALG_ID hashAlg);
uint16_t TSS_GetDigestBlockSize(TPM_ALG_ID hashAlg);

/* Hex text to bytes: *data (malloc'd, free it; NULL on entry) gets strlen(string) / 2 bytes.
 * An odd length or a character that is not a hex digit is TSS_RC_BAD_PROPERTY_VALUE. */
uint32_t TSS_Array_Scan(unsigned char **data, size_t *len, const char *string);

/* The log levels of TSS_PrintAllLogLevel (IBM declares them in tssprint.h):
 * LOGLEVEL_DEBUG prints like TSS_PrintAlli (" string length N", 16 bytes a line);
 * any other level prints the caption and all the bytes on one line, with no length. */
#ifndef LOGLEVEL_INFO
#define LOGLEVEL_INFO 6
#endif
#ifndef LOGLEVEL_DEBUG
#define LOGLEVEL_DEBUG 7
#endif
void TSS_PrintAllLogLevel(uint32_t log_level, const char *string, unsigned int indent,
                          const unsigned char *buff, uint32_t length);

/* Verbose flag of IBM's utility helpers (libibmtssutils); the library never reads it. */
extern int tssUtilsVerbose;

#ifdef __cplusplus
}
#endif

/* like IBM's: the file helpers come with the utilities unless TPM_TSS_NOFILE */
#ifndef TPM_TSS_NOFILE
#include "tssfile.h"
#endif

#endif
