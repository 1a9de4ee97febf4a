/* SPDX-License-Identifier: BSD-3-Clause */
/* nvincrement: TPM2_NV_Increment of a counter index, with the index's authorization. */
#include "tool/nvadmin.h"

static uint32_t ha;
static const char *pwdn;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvincrement", "Runs TPM2_NV_Increment", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    NV_Increment_In in = {.authHandle = ha, .nvIndex = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_Increment, 1, pwdn, NULL);
    return tool_finish(&t, ctx, rc);
}
