/* SPDX-License-Identifier: BSD-3-Clause */
/* policygetdigest: TPM2_PolicyGetDigest: prints (and -of writes) the session's policy digest. */
#include "tool/tool.h"
#include "tss2/tssprint.h"

static uint32_t ha;
static const char *of;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "output policy digest file (binary)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policygetdigest", "Runs TPM2_PolicyGetDigest", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyGetDigest_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    PolicyGetDigest_In in = {.policySession = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PolicyGetDigest, 0, NULL, NULL);
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, out.policyDigest.t.buffer, out.policyDigest.t.size);
    if (rc == 0)
        TSS_PrintAll("policyDigest", out.policyDigest.t.buffer, out.policyDigest.t.size);
    return tool_finish(&t, ctx, rc);
}
