/* SPDX-License-Identifier: BSD-3-Clause */
/* startauthsession: TPM2_StartAuthSession. The TSS makes nonceCaller and the salt (RSA-OAEP or
 * ECDH to -hs) and keeps the session state in TPM_DATA_DIR for the utilities that follow. */
#include <string.h>

#include "tool/tool.h"

static int se = -1, sym = 1;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static uint32_t hs = TPM_RH_NULL, bi = TPM_RH_NULL;
static const char *pwdb;
static const char *const types[] = {"h", "p", "t", NULL};
static const char *const syms[] = {"xor", "aes", NULL};
static const TPM_SE type_of[] = {TPM_SE_HMAC, TPM_SE_POLICY, TPM_SE_TRIAL};
static const tool_opt opts[] = {
    {"-se", T_CHOICE, &se, "type", "session type (h hmac, p policy, t trial)", TOOL_REQUIRED, types},
    {"-halg", T_HALG, &halg, "alg", "session hash algorithm (default sha256)", 0, NULL},
    {"-hs", T_X32, &hs, "handle", "salt key handle (default TPM_RH_NULL)", 0, NULL},
    {"-bi", T_X32, &bi, "handle", "bind entity handle (default TPM_RH_NULL)", 0, NULL},
    {"-pwdb", T_STR, &pwdb, "password", "bind entity password (default empty)", 0, NULL},
    {"-sym", T_CHOICE, &sym, "alg", "parameter encryption (xor, aes) (default aes)", 0, syms},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"startauthsession", "Runs TPM2_StartAuthSession", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    StartAuthSession_In in;
    StartAuthSession_Out out;
    EXTRA_PARAMETERS extra;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    memset(&extra, 0, sizeof(extra));
    in.tpmKey = hs;
    in.bind = bi;
    in.sessionType = type_of[se];
    in.authHash = halg;
    if (sym == 0) {
        in.symmetric.algorithm = TPM_ALG_XOR;
        in.symmetric.keyBits.xorr = halg;
    } else {
        in.symmetric.algorithm = TPM_ALG_AES;
        in.symmetric.keyBits.aes = 128;
        in.symmetric.mode.aes = TPM_ALG_CFB;
    }
    extra.StartAuthSession.bindPassword = pwdb;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, &extra,
                         TPM_CC_StartAuthSession, TPM_RH_NULL, NULL, 0);
    if (rc == 0)
        printf("Handle %08x\n", out.sessionHandle);
    return tool_finish(&t, ctx, rc);
}
