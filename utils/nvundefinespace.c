/* SPDX-License-Identifier: BSD-3-Clause */
/* nvundefinespace: TPM2_NV_UndefineSpace with owner or platform authorization. */
#include "tool/hier.h"

static uint32_t ha;
static int hi = -1;
static const char *pwdp;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authorizing hierarchy (o, p)", TOOL_REQUIRED, hier_op},
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "password for hierarchy (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvundefinespace", "Runs TPM2_NV_UndefineSpace", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    NV_UndefineSpace_In in = {.authHandle = hier_handle(hier_op, hi), .nvIndex = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_UndefineSpace, 1, pwdp, NULL);
    return tool_finish(&t, ctx, rc);
}
