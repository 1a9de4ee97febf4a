/* SPDX-License-Identifier: BSD-3-Clause */
/* policyor: TPM2_PolicyOR over 2 to 8 policy digests, one binary file per -if. */
#include <string.h>

#include "tool/policy.h"

static uint32_t ha;
static const char *last_if; /* -if repeats: the values are collected by pol_collect */
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-if", T_STR, &last_if, "file", "policy digest file (2-8 -if specifiers required)",
     TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policyor", "Runs TPM2_PolicyOR", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyOR_In in;
    const char *files[8];
    int n = 0;
    if (tool_parse(&t, argc, argv) != 0 || pol_collect(&t, "-if", argc, argv, files, 8, &n) != 0)
        return EXIT_FAILURE;
    if (n < 2)
        return tool_error(&t, "2 to 8 -if policy digest files are required");
    memset(&in, 0, sizeof(in));
    in.policySession = ha;
    in.pHashList.count = (UINT32)n;
    for (int i = 0; i < n; i++)
        if (pol_read_opt(&t, files[i], &in.pHashList.digests[i].b, POL_DIGEST_MAX) != 0)
            return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyOR, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
