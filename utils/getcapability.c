/* SPDX-License-Identifier: BSD-3-Clause */
/* getcapability: TPM2_GetCapability, printed in IBM's layout (scripts parse the
 * "TPM_PT xxxxxxxx value yyyyyyyy" and handle lines). While the TPM says moreData and
 * fewer than -pc entries were printed, asks again from the entry after the last one. */
#include "tool/basic.h"
#include "tool/tool.h"

static uint32_t cap, property, count = 64;
static const tool_opt opts[] = {
    {"-cap", T_X32, &cap, "capability", "capability (hex)", TOOL_REQUIRED, NULL},
    {"-pr", T_X32, &property, "property", "property (hex, defaults to 0)", 0, NULL},
    {"-pc", T_U32, &count, "propertyCount", "propertyCount (defaults to 64)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"getcapability",
                 "Runs TPM2_GetCapability\n\n-cap values\n\n"
                 "TPM_CAP_ALGS                0\nTPM_CAP_HANDLES             1\n"
                 "TPM_CAP_COMMANDS            2\nTPM_CAP_PP_COMMANDS         3\n"
                 "TPM_CAP_AUDIT_COMMANDS      4\nTPM_CAP_PCRS                5\n"
                 "TPM_CAP_TPM_PROPERTIES      6\nTPM_CAP_PCR_PROPERTIES      7\n"
                 "TPM_CAP_ECC_CURVES          8\nTPM_CAP_AUTH_POLICIES       9\n"
                 "TPM_CAP_ACT                 a",
                 opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (cap > TPM_CAP_ACT)
        return tool_error(&t, "unknown -cap %08x (0 to %x)", cap, TPM_CAP_ACT);
    TPM_RC rc = tool_context(&t, &ctx);
    uint32_t printed = 0;
    for (int rounds = 0; rc == 0 && rounds < 4096; rounds++) {
        GetCapability_In in = {.capability = cap, .property = property,
                               .propertyCount = count - printed};
        GetCapability_Out out;
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_GetCapability, 0, NULL, NULL);
        if (rc != 0)
            break;
        uint32_t next = property;
        if (out.capabilityData.capability != cap) {
            fprintf(stderr, "getcapability: the TPM answered capability %08x for %08x\n",
                    out.capabilityData.capability, cap);
            rc = TSS_RC_MALFORMED_RESPONSE;
            break;
        }
        uint32_t n = basic_print_capability(&out.capabilityData, &next);
        printed += n;
        /* stop when the TPM has no more, gave nothing, or would not move forward */
        if (!out.moreData || n == 0 || next <= property || printed >= count) {
            if (out.moreData)
                printf("moreData: 1\n");
            break;
        }
        property = next;
    }
    return tool_finish(&t, ctx, rc);
}
