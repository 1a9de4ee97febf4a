/* SPDX-License-Identifier: BSD-3-Clause */
/* nvglobalwritelock: TPM2_NV_GlobalWriteLock, write-locking every index with
 * TPMA_NV_GLOBALLOCK until the next TPM2_Startup(CLEAR). Owner (default) or platform. */
#include "tool/hier.h"

static int hia;
static const char *pwd;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default o)", 0, hier_op},
    {"-pwd", T_STR, &pwd, "password", "authorization password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvglobalwritelock", "Runs TPM2_NV_GlobalWriteLock", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    NV_GlobalWriteLock_In in = {.authHandle = hier_handle(hier_op, hia)};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_GlobalWriteLock, 1, pwd, NULL);
    return tool_finish(&t, ctx, rc);
}
