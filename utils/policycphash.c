/* SPDX-License-Identifier: BSD-3-Clause */
/* policycphash: TPM2_PolicyCpHash with the cpHash of a binary file. */
#include <string.h>

#include "tool/policy.h"

static uint32_t ha;
static const char *cp;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-cp", T_STR, &cp, "file", "cpHash file", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policycphash", "Runs TPM2_PolicyCpHash", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyCpHash_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.policySession = ha;
    if (pol_read_opt(&t, cp, &in.cpHashA.b, POL_DIGEST_MAX) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyCpHash, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
