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

/* Any TPM structure by its type name ("TPMT_PUBLIC"), members by name, unions by selector. */
void TSS_Structure_Print(const char *typeName, const void *source, unsigned int indent);

void TSS_TPMT_PUBLIC_Print(const TPMT_PUBLIC *source, unsigned int indent);
void TSS_TPM2B_PUBLIC_Print(const TPM2B_PUBLIC *source, unsigned int indent);
void TSS_TPMS_ATTEST_Print(const TPMS_ATTEST *source, unsigned int indent);
void TSS_TPMT_SIGNATURE_Print(const TPMT_SIGNATURE *source, unsigned int indent);
void TSS_TPML_PCR_SELECTION_Print(const TPML_PCR_SELECTION *source, unsigned int indent);
void TSS_TPMS_PCR_SELECTION_Print(const TPMS_PCR_SELECTION *source, unsigned int indent);
void TSS_TPMS_NV_PUBLIC_Print(const TPMS_NV_PUBLIC *source, unsigned int indent);
void TSS_TPMS_CAPABILITY_DATA_Print(const TPMS_CAPABILITY_DATA *source, unsigned int indent);
void TSS_TPMT_HA_Print(const TPMT_HA *source, unsigned int indent);
void TSS_TPMS_CREATION_DATA_Print(const TPMS_CREATION_DATA *source, unsigned int indent);
void TSS_TPMS_CONTEXT_Print(const TPMS_CONTEXT *source, unsigned int indent);
void TSS_TPMT_TK_CREATION_Print(const TPMT_TK_CREATION *source, unsigned int indent);
void TSS_TPMS_CLOCK_INFO_Print(const TPMS_CLOCK_INFO *source, unsigned int indent);
void TSS_TPMS_TIME_INFO_Print(const TPMS_TIME_INFO *source, unsigned int indent);
void TSS_TPML_DIGEST_Print(const TPML_DIGEST *source, unsigned int indent);
/* the value and the name of each bit set */
void TSS_TPMA_OBJECT_Print(const char *string, TPMA_OBJECT source, unsigned int indent);

#ifdef __cplusplus
}
#endif

#endif
