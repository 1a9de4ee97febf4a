/* SPDX-License-Identifier: BSD-3-Clause */
/* Base integer types of TPM 2.0 Part 2 (clause 5), as plain C99 fixed-width types. */
#ifndef TSS_BASETYPES_H
#define TSS_BASETYPES_H

#include <stdint.h>
#include <stddef.h>

typedef uint8_t UINT8;
typedef uint8_t BYTE;
typedef int8_t INT8;
typedef int BOOL;
typedef uint16_t UINT16;
typedef int16_t INT16;
typedef uint32_t UINT32;
typedef int32_t INT32;
typedef uint64_t UINT64;
typedef int64_t INT64;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef YES
#define YES 1
#endif
#ifndef NO
#define NO 0
#endif

#endif
