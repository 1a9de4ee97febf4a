/* SPDX-License-Identifier: BSD-3-Clause */
/* Printing helpers for the utilities' output and -v traces. Output goes to stdout in IBM's
 * layout: " <caption> length N" then the bytes, 16 to a line, each followed by a space. */
#ifndef TSS_TSSPRINT_H
#define TSS_TSSPRINT_H

#include <stdint.h>
#include "TPM_Types.h"

#ifdef __cplusplus
extern "C" {
#endif

void TSS_PrintAll(const char *string, const unsigned char *buff, uint32_t length);
void TSS_PrintAlli(const char *string, unsigned int indent, const unsigned char *buff, uint32_t length);

#ifdef __cplusplus
}
#endif

#endif
