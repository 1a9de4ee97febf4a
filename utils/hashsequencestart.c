/* SPDX-License-Identifier: BSD-3-Clause */
/* hashsequencestart: TPM2_HashSequenceStart; -halg null starts an event sequence (for
 * eventsequencecomplete). Prints the sequence handle. */
#include <string.h>

#include "tool/tool.h"

static int halg = 1;
static const char *pwda;
static const char *const halgs[] = {"sha1", "sha256", "sha384", "sha512", "null", NULL};
static const TPMI_ALG_HASH halg_id[] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384,
                                        TPM_ALG_SHA512, TPM_ALG_NULL};
static const tool_opt opts[] = {
    {"-pwda", T_STR, &pwda, "password", "password for sequence (default empty)", 0, NULL},
    {"-halg", T_CHOICE, &halg, "alg", "hash algorithm (default sha256); null is an event sequence", 0, halgs},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"hashsequencestart", "Runs TPM2_HashSequenceStart", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    HashSequenceStart_In in;
    HashSequenceStart_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.hashAlg = halg_id[halg];
    if (TSS_TPM2B_StringCopy(&in.auth.b, pwda, sizeof(in.auth.t.buffer)) != 0)
        return tool_error(&t, "-pwda is too long");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_HashSequenceStart, 0, NULL, NULL);
    if (rc == 0)
        printf("%s: handle %08x\n", t.name, out.sequenceHandle);
    return tool_finish(&t, ctx, rc);
}
