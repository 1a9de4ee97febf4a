/* SPDX-License-Identifier: BSD-3-Clause */
/* hierarchycontrol: TPM2_HierarchyControl: enable or disable a hierarchy. As IBM's, -he n is
 * phEnableNV (TPM_RH_PLATFORM_NV): the platform's NV indexes. */
#include "tool/hier.h"

static int hi = -1, he = -1;
static const char *pwda;
static uint32_t state = 1;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authhandle hierarchy (e, o, p)", TOOL_REQUIRED, hier_eop},
    {"-he", T_CHOICE, &he, "hierarchy", "hierarchy to enable or disable (e, o, p, n: platform NV, phEnableNV)", TOOL_REQUIRED, hier_eopn},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {"-state", T_U32, &state, "0|1", "0 to disable, 1 to enable (default enable)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"hierarchycontrol", "Runs TPM2_HierarchyControl", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (state > 1)
        return tool_error(&t, "-state must be 0 or 1");
    /* hier_handle reads 'n' as the null hierarchy, which is no enable */
    TPMI_RH_ENABLES enable = hier_eopn[he][0] == 'n' ? TPM_RH_PLATFORM_NV : hier_handle(hier_eopn, he);
    HierarchyControl_In in = {.authHandle = hier_handle(hier_eop, hi), .enable = enable,
                              .state = (TPMI_YES_NO)state};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_HierarchyControl, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
