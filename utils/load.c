/* SPDX-License-Identifier: BSD-3-Clause */
/* load: TPM2_Load of a private/public pair (as create writes them) under a parent. */
#include "tool/tool.h"

static uint32_t hp;
static const char *pwdp, *ipu, *ipr;
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "parent handle", TOOL_REQUIRED, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "password for parent key (default empty)", 0, NULL},
    {"-ipu", T_STR, &ipu, "file", "public key file name", TOOL_REQUIRED, NULL},
    {"-ipr", T_STR, &ipr, "file", "private key file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"load", "Runs TPM2_Load", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Load_In in = {.parentHandle = 0};
    Load_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.parentHandle = hp;
    TPM_RC rc =
        tool_read(&t, ipr, &in.inPrivate, (UnmarshalFunction_t)TSS_TPM2B_PRIVATE_Unmarshalu);
    if (rc == 0)
        rc = tool_read_flag(&t, ipu, &in.inPublic,
                            (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, FALSE);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Load, 1, pwdp, NULL);
    if (rc == 0)
        printf("Handle %08x\n", out.objectHandle);
    return tool_finish(&t, ctx, rc);
}
