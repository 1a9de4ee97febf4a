/* SPDX-License-Identifier: BSD-3-Clause */
/* policynamehash: TPM2_PolicyNameHash with the nameHash of a binary file. */
#include <string.h>

#include "tool/policy.h"

static uint32_t ha;
static const char *nh;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-nh", T_STR, &nh, "file", "nameHash file", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policynamehash", "Runs TPM2_PolicyNameHash", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyNameHash_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.policySession = ha;
    if (pol_read_opt(&t, nh, &in.nameHash.b, POL_DIGEST_MAX) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyNameHash, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
