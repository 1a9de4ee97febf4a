/* SPDX-License-Identifier: BSD-3-Clause */
/* Printers of TPM2_GetCapability data: TPMS_CAPABILITY_DATA prints its capability and then
 * the list the capability selects. Algorithms, commands, curves and properties print with
 * their Part 2 names; a property the TSS does not know prints its number in hex. */
#include "print_int.h"

void TSS_TPMS_ALG_PROPERTY_Print(const TPMS_ALG_PROPERTY *source, unsigned int indent)
{
    TSS_TPM_ALG_ID_Print("TPM_ALG_ID", source->alg, indent);
    TSS_TPMA_ALGORITHM_Print(source->algProperties, indent + 2);
}

void TSS_TPML_ALG_PROPERTY_Print(const TPML_ALG_PROPERTY *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_ALG_PROPERTY", indent, source->count, MAX_CAP_ALGS);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_ALG_PROPERTY_Print(&source->algProperties[i], indent + 2);
}

/* "TPM_PT <property> value <value> <name>"; the attribute-valued properties decode below */
void TSS_TPMS_TAGGED_PROPERTY_Print(const TPMS_TAGGED_PROPERTY *source, unsigned int indent)
{
    const char *name = TSS_TPM_PT_Name(source->property);
    printf("%*sTPM_PT %08x value %08x %s\n", (int)indent, "", source->property, source->value,
           name != NULL ? name : "unknown");
    switch (source->property) {
    case TPM_PT_PERMANENT:
        TSS_TPMA_PERMANENT_Print((TPMA_PERMANENT){source->value}, indent + 2);
        break;
    case TPM_PT_STARTUP_CLEAR:
        TSS_TPMA_STARTUP_CLEAR_Print((TPMA_STARTUP_CLEAR){source->value}, indent + 2);
        break;
    case TPM_PT_MEMORY: TSS_TPMA_MEMORY_Print((TPMA_MEMORY){source->value}, indent + 2); break;
    case TPM_PT_MODES: TSS_TPMA_MODES_Print((TPMA_MODES){source->value}, indent + 2); break;
    default: break;
    }
}

void TSS_TPML_TAGGED_TPM_PROPERTY_Print(const TPML_TAGGED_TPM_PROPERTY *source, unsigned int indent)
{
    uint32_t n =
        tss_print_count("TPML_TAGGED_TPM_PROPERTY", indent, source->count, MAX_TPM_PROPERTIES);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_TAGGED_PROPERTY_Print(&source->tpmProperty[i], indent + 2);
}

void TSS_TPMS_TAGGED_PCR_SELECT_Print(const TPMS_TAGGED_PCR_SELECT *source, unsigned int indent)
{
    TSS_TPM_PT_PCR_Print("TPM_PT_PCR", source->tag, indent);
    if (source->sizeofSelect > PCR_SELECT_MAX)
        printf("%*spcrSelect sizeofSelect %u is over its maximum %u\n", (int)indent + 2, "",
               source->sizeofSelect, (unsigned)PCR_SELECT_MAX);
    else
        TSS_PrintAlli("pcrSelect", indent + 2, source->pcrSelect, source->sizeofSelect);
}

void TSS_TPML_TAGGED_PCR_PROPERTY_Print(const TPML_TAGGED_PCR_PROPERTY *source, unsigned int indent)
{
    uint32_t n =
        tss_print_count("TPML_TAGGED_PCR_PROPERTY", indent, source->count, MAX_PCR_PROPERTIES);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_TAGGED_PCR_SELECT_Print(&source->pcrProperty[i], indent + 2);
}

void TSS_TPML_ECC_CURVE_Print(const TPML_ECC_CURVE *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_ECC_CURVE", indent, source->count, MAX_ECC_CURVES);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPM_ECC_CURVE_Print("TPM_ECC_CURVE", source->eccCurves[i], indent + 2);
}

void TSS_TPMS_TAGGED_POLICY_Print(const TPMS_TAGGED_POLICY *source, unsigned int indent)
{
    TSS_TPM_HANDLE_Print("handle", source->handle, indent);
    TSS_TPMT_HA_Print(&source->policyHash, indent);
}

void TSS_TPML_TAGGED_POLICY_Print(const TPML_TAGGED_POLICY *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_TAGGED_POLICY", indent, source->count, MAX_TAGGED_POLICIES);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_TAGGED_POLICY_Print(&source->policies[i], indent + 2);
}

void TSS_TPMS_ACT_DATA_Print(const TPMS_ACT_DATA *source, unsigned int indent)
{
    TSS_TPM_HANDLE_Print("handle", source->handle, indent);
    printf("%*sTPMS_ACT_DATA timeout %u sec\n", (int)indent, "", source->timeout);
    TSS_TPMA_ACT_Print(source->attributes, indent);
}

void TSS_TPML_ACT_DATA_Print(const TPML_ACT_DATA *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_ACT_DATA", indent, source->count, MAX_ACT_DATA);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMS_ACT_DATA_Print(&source->actData[i], indent + 2);
}

void TSS_TPML_HANDLE_Print(const TPML_HANDLE *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_HANDLE", indent, source->count, MAX_CAP_HANDLES);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPM_HANDLE_Print("handle", source->handle[i], indent + 2);
}

void TSS_TPML_CC_Print(const TPML_CC *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_CC", indent, source->count, MAX_CAP_CC);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPM_CC_Print("commandCode", source->commandCodes[i], indent);
}

void TSS_TPML_CCA_Print(const TPML_CCA *source, unsigned int indent)
{
    uint32_t n = tss_print_count("TPML_CCA", indent, source->count, MAX_CAP_CC);
    for (uint32_t i = 0; i < n; i++)
        TSS_TPMA_CC_Print(source->commandAttributes[i], indent + 2);
}

void TSS_TPMU_CAPABILITIES_Print(const TPMU_CAPABILITIES *source, TPM_CAP selector,
                                 unsigned int indent)
{
    switch (selector) {
    case TPM_CAP_ALGS: TSS_TPML_ALG_PROPERTY_Print(&source->algorithms, indent); return;
    case TPM_CAP_HANDLES: TSS_TPML_HANDLE_Print(&source->handles, indent); return;
    case TPM_CAP_COMMANDS: TSS_TPML_CCA_Print(&source->command, indent); return;
    case TPM_CAP_PP_COMMANDS: TSS_TPML_CC_Print(&source->ppCommands, indent); return;
    case TPM_CAP_AUDIT_COMMANDS: TSS_TPML_CC_Print(&source->auditCommands, indent); return;
    case TPM_CAP_PCRS: TSS_TPML_PCR_SELECTION_Print(&source->assignedPCR, indent); return;
    case TPM_CAP_TPM_PROPERTIES:
        TSS_TPML_TAGGED_TPM_PROPERTY_Print(&source->tpmProperties, indent);
        return;
    case TPM_CAP_PCR_PROPERTIES:
        TSS_TPML_TAGGED_PCR_PROPERTY_Print(&source->pcrProperties, indent);
        return;
    case TPM_CAP_ECC_CURVES: TSS_TPML_ECC_CURVE_Print(&source->eccCurves, indent); return;
    case TPM_CAP_AUTH_POLICIES: TSS_TPML_TAGGED_POLICY_Print(&source->authPolicies, indent); return;
    case TPM_CAP_ACT: TSS_TPML_ACT_DATA_Print(&source->actData, indent); return;
    default:
        printf("%*sTPMU_CAPABILITIES selection %08x not implemented\n", (int)indent, "", selector);
    }
}

void TSS_TPMS_CAPABILITY_DATA_Print(const TPMS_CAPABILITY_DATA *source, unsigned int indent)
{
    TSS_TPM_CAP_Print("capability", source->capability, indent);
    TSS_TPMU_CAPABILITIES_Print(&source->data, source->capability, indent + 2);
}
