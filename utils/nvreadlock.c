/* SPDX-License-Identifier: BSD-3-Clause */
/* nvreadlock: TPM2_NV_ReadLock with the index's authorization or -hia owner / platform. */
#include "tool/nv.h"
#include "tool/nvadmin.h"

static uint32_t ha;
static int hia = -1;
static const char *pwdn;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "authorization password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvreadlock", "Runs TPM2_NV_ReadLock", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    NV_ReadLock_In in = {.authHandle = nv_auth_handle(hia, ha), .nvIndex = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_ReadLock, 1, pwdn, NULL);
    return tool_finish(&t, ctx, rc);
}
