/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "tool/nv.h"
#include "tool/nvadmin.h"

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

struct id_take {
    const tool *t;
    uint32_t *pin;
    int *given;
};

static int take_id(void *user, int which, char **v)
{
    struct id_take *u = user;
    (void)which;
    for (int i = 0; i < 2; i++) {
        char *end;
        unsigned long long x = strtoull(v[i], &end, 10);
        if (*v[i] < '0' || *v[i] > '9' || *end != '\0' || x > UINT32_MAX)
            return tool_error(u->t, "-id %s: pinCount and pinLimit are decimal numbers up to %u",
                              v[i], UINT32_MAX);
        u->pin[i] = (uint32_t)x;
    }
    *u->given = 1;
    return 0;
}

int nv_take_id(const tool *t, int *argc, char **argv, uint32_t pin[2], int *given)
{
    static const char *const flags[] = {"-id", NULL};
    static const int nvals[] = {2};
    struct id_take u = {t, pin, given};
    *given = 0;
    return nva_take(t, argc, argv, flags, nvals, take_id, &u);
}

void nv_pin_bytes(const uint32_t pin[2], uint8_t out[8])
{
    for (int i = 0; i < 8; i++)
        out[i] = (uint8_t)(pin[i / 4] >> (24 - 8 * (i % 4)));
}
