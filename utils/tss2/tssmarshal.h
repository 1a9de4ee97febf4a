/* SPDX-License-Identifier: BSD-3-Clause */
/* Marshal entry points with IBM's names and signatures:
 *   TPM_RC TSS_<TYPE>_Marshalu(const TYPE *source, uint16_t *written, BYTE **buffer, uint32_t *size);
 * buffer == NULL (or *buffer == NULL) only counts: *written grows by the encoded length.
 * Otherwise the bytes go to *buffer, which advances; when size != NULL, *size is the room
 * left and shrinks (TSS_RC_INSUFFICIENT_BUFFER when it is too small). Unions take a
 * trailing `uint32_t selector`. TSS_<Command>_In_Marshalu encodes handles then parameters.
 * A sized structure (TPM2B_PUBLIC, TPM2B_SENSITIVE, TPM2B_ECC_POINT, TPM2B_NV_PUBLIC, ...) is
 * always marshaled from its contents, its size computed whatever .size holds, as IBM's TSS
 * does; only TPM2_LoadExternal reads inPrivate.size 0 as "no private area".
 * Unless TPM_TSS_NODEPRECATED is defined, IBM 1.x's forms with a signed room are declared too:
 *   TPM_RC TSS_<TYPE>_Marshal(const TYPE *, UINT16 *written, BYTE **buffer, INT32 *size); */
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
/* TPMT_PUBLIC with unique read as a TPMS_DERIVE (a CreateLoaded template under a derivation
 * parent) */
TPM_RC TSS_TPMT_PUBLIC_D_Marshalu(const TPMT_PUBLIC *source, uint16_t *written, BYTE **buffer,
                                  uint32_t *size);

#ifndef TPM_TSS_NODEPRECATED
TPM_RC TSS_Array_Marshal(const BYTE *source, UINT16 sourceSize, UINT16 *written, BYTE **buffer,
                         INT32 *size);
TPM_RC TSS_TPM2B_Marshal(const TPM2B *source, UINT16 *written, BYTE **buffer, INT32 *size);
TPM_RC TSS_TPMT_PUBLIC_D_Marshal(const TPMT_PUBLIC *source, UINT16 *written, BYTE **buffer,
                                 INT32 *size);
#endif

#ifdef __cplusplus
}
#endif

#endif
