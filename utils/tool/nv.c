/* SPDX-License-Identifier: BSD-3-Clause */
#include "tool/nv.h"

#define NV_SAFE_CHUNK 512 /* PC Client TPMs accept at least this much per NV command */

const char *const nv_hia[] = {"o", "p", NULL};

TPMI_RH_NV_AUTH nv_auth_handle(int hia, TPMI_RH_NV_INDEX index)
{
    return hia == 0 ? TPM_RH_OWNER : hia == 1 ? TPM_RH_PLATFORM : index;
}

TPM_RC nv_chunk(tool *t, TSS_CONTEXT *ctx, uint32_t need, uint32_t *chunk)
{
    *chunk = NV_SAFE_CHUNK;
    if (need <= NV_SAFE_CHUNK)
        return 0; /* the common case costs no extra command */
    GetCapability_In in = {.capability = TPM_CAP_TPM_PROPERTIES, .property = TPM_PT_NV_BUFFER_MAX,
                           .propertyCount = 1};
    GetCapability_Out out;
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_GetCapability, TPM_RH_NULL, NULL, 0);
    if (rc == 0 && out.capabilityData.data.tpmProperties.count == 1 &&
        out.capabilityData.data.tpmProperties.tpmProperty[0].property == TPM_PT_NV_BUFFER_MAX &&
        out.capabilityData.data.tpmProperties.tpmProperty[0].value >= NV_SAFE_CHUNK)
        *chunk = out.capabilityData.data.tpmProperties.tpmProperty[0].value;
    if (*chunk > MAX_NV_BUFFER_SIZE)
        *chunk = MAX_NV_BUFFER_SIZE;
    (void)t;
    return rc;
}
