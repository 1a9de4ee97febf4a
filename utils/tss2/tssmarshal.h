/* SPDX-License-Identifier: BSD-3-Clause */
/* Marshal entry points with IBM's names and signatures:
 *   TPM_RC TSS_<TYPE>_Marshalu(const TYPE *source, uint16_t *written, BYTE **buffer, uint32_t *size);
 * buffer == NULL (or *buffer == NULL) only counts: *written grows by the encoded length.
 * Otherwise the bytes go to *buffer, which advances; when size != NULL, *size is the room
 * left and shrinks (TSS_RC_INSUFFICIENT_BUFFER when it is too small). Unions take a
 * trailing `uint32_t selector`. TSS_<Command>_In_Marshalu encodes handles then parameters. */
#ifndef TSS_TSSMARSHAL_H
#define TSS_TSSMARSHAL_H

#include "TPM_Types.h"
#include "Parameters.h"

#ifdef __cplusplus
extern "C" {
#endif

#include "tssmarshal_gen.h"

TPM_RC TSS_Array_Marshalu(const BYTE *source, uint16_t sourceSize, uint16_t *written, BYTE **buffer,
                          uint32_t *size);
TPM_RC TSS_TPM2B_Marshalu(const TPM2B *source, uint16_t *written, BYTE **buffer, uint32_t *size);

#ifdef __cplusplus
}
#endif

#endif
