/* SPDX-License-Identifier: BSD-3-Clause */
/* hmacstart: TPM2_HMAC_Start, an HMAC sequence with a loaded HMAC key; prints its handle for
 * sequenceupdate and sequencecomplete. */
#include <string.h>

#include "tool/tool.h"

static uint32_t hk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *pwdk, *pwda;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-pwda", T_STR, &pwda, "password", "password for sequence (default empty)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"hmacstart", "Runs TPM2_HMAC_Start", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    HMAC_Start_In in;
    HMAC_Start_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.handle = hk;
    in.hashAlg = halg;
    if (TSS_TPM2B_StringCopy(&in.auth.b, pwda, sizeof(in.auth.t.buffer)) != 0)
        return tool_error(&t, "-pwda is too long");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_HMAC_Start, 1, pwdk, NULL);
    if (rc == 0)
        printf("%s: handle %08x\n", t.name, out.sequenceHandle);
    return tool_finish(&t, ctx, rc);
}
