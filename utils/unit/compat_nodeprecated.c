/* SPDX-License-Identifier: BSD-3-Clause */
/* With TPM_TSS_NODEPRECATED the public headers declare only the unsigned (Marshalu /
 * Unmarshalu) forms: this unit names variables like the signed forms, which would be a
 * compile error ("redeclared as a different kind of symbol") if they were still declared. */
#define TPM_TSS_NODEPRECATED

#include "compat_nodeprecated.h"
#include "tss2/tss.h"
#include "tss2/tssmarshal.h"
#include "tss2/Unmarshal_fp.h"

static int TSS_TPMT_PUBLIC_Marshal = 1;
static int TPM2B_PUBLIC_Unmarshal = 1;
static int TSS_Create_In_Marshal = 1;
static int TSS_Create_Out_Unmarshal = 1;
static int TSS_TPM2B_Marshal = 1;
static int TPM2B_Unmarshal = 1;
static int TSS_TPMT_PUBLIC_D_Marshal = 1;

int compat_nodeprecated_probe(void)
{
    /* the unsigned forms stay */
    TPM_RC (*u)(const TPMT_PUBLIC *, uint16_t *, BYTE **, uint32_t *) = TSS_TPMT_PUBLIC_Marshalu;
    return u != NULL && TSS_TPMT_PUBLIC_Marshal && TPM2B_PUBLIC_Unmarshal && TSS_Create_In_Marshal &&
           TSS_Create_Out_Unmarshal && TSS_TPM2B_Marshal && TPM2B_Unmarshal &&
           TSS_TPMT_PUBLIC_D_Marshal;
}
