/* SPDX-License-Identifier: BSD-3-Clause */
/* nvundefinespacespecial: TPM2_NV_UndefineSpaceSpecial of a TPMA_NV_POLICY_DELETE index. The
 * index is authorized by -se0 (a policy session that has satisfied the index's policy, which
 * includes PolicyCommandCode(NV_UndefineSpaceSpecial)), the platform by a second session
 * (default a password session with -pwdp). */
#include "tool/nvadmin.h"

static uint32_t ha;
static const char *pwdp, *pwdn;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "password for platform (default empty)", 0, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty; with PolicyAuthValue)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvundefinespacespecial", "Runs TPM2_NV_UndefineSpaceSpecial", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    NV_UndefineSpaceSpecial_In in = {.nvIndex = ha, .platform = TPM_RH_PLATFORM};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_UndefineSpaceSpecial, 2, pwdn, pwdp);
    return tool_finish(&t, ctx, rc);
}
