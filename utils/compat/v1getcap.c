/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 1.x style program (<tss2/...> includes, linked -ltss): GetCapability of the
 * TPM properties and prints the manufacturer.
 * Prints "manufacturer XXXXXXXX" (hex) and "property count N". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tss2/tss.h>
#include <tss2/tssutils.h>
#include <tss2/tssresponsecode.h>

int main(void)
{
    TPM_RC rc = 0;
    TSS_CONTEXT *tssContext = NULL;
    GetCapability_In in;
    GetCapability_Out out;

    in.capability = TPM_CAP_TPM_PROPERTIES;
    in.property = TPM_PT_MANUFACTURER;
    in.propertyCount = 1;
    rc = TSS_Create(&tssContext);
    if (rc == 0)
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_GetCapability, TPM_RH_NULL, NULL, 0);
    TSS_Delete(tssContext);
    if (rc != 0) {
        const char *msg, *submsg, *num;
        TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
        printf("v1getcap: failed, rc %08x\n%s%s%s\n", rc, msg, submsg, num);
        return EXIT_FAILURE;
    }
    TPML_TAGGED_TPM_PROPERTY *p = &out.capabilityData.data.tpmProperties;
    printf("property count %u\n", p->count);
    if (p->count < 1 || p->tpmProperty[0].property != TPM_PT_MANUFACTURER)
        return EXIT_FAILURE;
    uint32_t m = p->tpmProperty[0].value;
    printf("manufacturer %08x\n", m);
    return EXIT_SUCCESS;
}
