/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 1.x style program (<tss2/...>, linked -ltss) calling the five printers whose
 * 1.x form has no caption, (source, indent), and the 2.x form (caption, source, indent) of
 * the same names in the same program; a 2.x form through a function pointer too.
 * Prints 1.x's lines between "[1.x" and "]", then 2.x's between "[2.x" and "]". */
#include <stdio.h>

#include <tss2/tss.h>
#include <tss2/tssprint.h>

int main(void)
{
    TPMA_OBJECT attributes;
    void (*print2)(const char *, TPM_ALG_ID, unsigned int) = TSS_TPM_ALG_ID_Print;

    attributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_SIGN;
    printf("[1.x\n");
    TSS_TPM_ALG_ID_Print(TPM_ALG_SHA256, 2);
    TSS_TPM_ALG_ID_Print(0x7777, 1);
    TSS_TPMA_OBJECT_Print(attributes, 2);
    TSS_TPMI_ALG_PUBLIC_Print(TPM_ALG_RSA, 2);
    TSS_TPMI_ALG_PUBLIC_Print(0x7777, 1);
    TSS_TPMI_ECC_CURVE_Print(TPM_ECC_NIST_P256, 2);
    TSS_TPMI_ECC_CURVE_Print(0x7777, 1);
    TSS_TPMI_ST_ATTEST_Print(TPM_ST_ATTEST_QUOTE, 2);
    TSS_TPMI_ST_ATTEST_Print(0x7777, 1);
    printf("]\n[2.x\n");
    TSS_TPM_ALG_ID_Print("hashAlg", TPM_ALG_SHA384, 2);
    TSS_TPMA_OBJECT_Print("objectAttributes", attributes, 2);
    print2("nameAlg", TPM_ALG_SHA1, 2);
    printf("]\n");
    return 0;
}
