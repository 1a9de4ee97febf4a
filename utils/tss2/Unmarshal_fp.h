/* SPDX-License-Identifier: BSD-3-Clause */
/* Unmarshal entry points with IBM's names and signatures:
 *   TPM_RC TSS_<TYPE>_Unmarshalu(TYPE *target, BYTE **buffer, uint32_t *size[, BOOL allowNull]);
 * Types with a null value take allowNull; unions take `uint32_t selector`. *buffer advances
 * and *size shrinks only on success. Errors: TPM_RC_INSUFFICIENT (stream too short),
 * TPM_RC_SIZE (a size or count over its maximum, a sized structure that does not fill its
 * size), TPM_RC_SELECTOR (unknown union selector), TPM_RC_VALUE or the type's own code
 * (TPM_RC_HASH, TPM_RC_SYMMETRIC, ...) for a value outside its TPMI_ range or a NULL where
 * none is allowed, TPM_RC_RESERVED_BITS for attributes. Nothing is read past *size bytes.
 * TSS_<Command>_Out_Unmarshalu(target, tag, ...) reads the response handles, then (when tag
 * is TPM_ST_SESSIONS) the parameterSize, then the parameters.
 * Unless TPM_TSS_NODEPRECATED is defined, IBM 1.x's forms with a signed room are declared too:
 *   TPM_RC <TYPE>_Unmarshal(TYPE *target, BYTE **buffer, INT32 *size[, BOOL allowNull]); */
#ifndef TSS_UNMARSHAL_FP_H
#define TSS_UNMARSHAL_FP_H

#include "TPM_Types.h"
#include "Parameters.h"

#ifdef __cplusplus
extern "C" {
#endif

#include "Unmarshal_gen.h"

TPM_RC TSS_Array_Unmarshalu(BYTE *targetBuffer, uint16_t targetSize, BYTE **buffer, uint32_t *size);
TPM_RC TSS_TPM2B_Unmarshalu(TPM2B *target, uint16_t targetSize, BYTE **buffer, uint32_t *size);

#ifndef TPM_TSS_NODEPRECATED
TPM_RC Array_Unmarshal(BYTE *targetBuffer, UINT16 targetSize, BYTE **buffer, INT32 *size);
TPM_RC TPM2B_Unmarshal(TPM2B *target, UINT16 targetSize, BYTE **buffer, INT32 *size);
#endif

#ifdef __cplusplus
}
#endif

#endif
