/* SPDX-License-Identifier: BSD-3-Clause */
/* startauthsession: TPM2_StartAuthSession. The TSS makes nonceCaller and the salt (RSA-OAEP or
 * ECDH to -hs) and keeps the session state in TPM_DATA_DIR for the utilities that follow.
 * Prints "Handle <handle>"; -on saves nonceTPM (for policysigned -in). */
#include <string.h>

#include "tool/tool.h"

static int se = -1, sym = 0;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static uint32_t hs = TPM_RH_NULL, bi = TPM_RH_NULL;
static const char *pwdb, *on;
static const char *const types[] = {"h", "p", "t", NULL};
static const char *const syms[] = {"xor", "aes", NULL};
static const TPM_SE type_of[] = {TPM_SE_HMAC, TPM_SE_POLICY, TPM_SE_TRIAL};
static const tool_opt opts[] = {
    {"-halg", T_HALG, &halg, "alg",
     "session hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-se", T_CHOICE, &se, "type", "session type: h HMAC, p policy, t trial policy", TOOL_REQUIRED,
     types},
    {"-hs", T_X32, &hs, "handle", "salt key handle (default TPM_RH_NULL)", 0, NULL},
    {"-bi", T_X32, &bi, "handle", "bind entity handle (default TPM_RH_NULL)", 0, NULL},
    {"-pwdb", T_STR, &pwdb, "password", "bind entity password (default empty)", 0, NULL},
    {"-sym", T_CHOICE, &sym, "alg", "parameter encryption algorithm (xor, aes) (default xor)", 0,
     syms},
    {"-on", T_STR, &on, "file", "nonceTPM file (default do not save)", 0, NULL},
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
    if (pwdb != NULL && strlen(pwdb) > SHA512_DIGEST_SIZE) /* no auth value is longer */
        return tool_error(&t, "-pwdb is longer than %u bytes", (unsigned)SHA512_DIGEST_SIZE);
    memset(&in, 0, sizeof(in));
    memset(&extra, 0, sizeof(extra));
    in.tpmKey = hs;
    in.bind = bi;
    in.sessionType = type_of[se];
    in.authHash = halg;
    if (sym == 0) {
        in.symmetric.algorithm = TPM_ALG_XOR;
        in.symmetric.keyBits.xorr = halg;
        in.symmetric.mode.sym = TPM_ALG_NULL;
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
    if (rc == 0 && on != NULL &&
        tool_write_bytes(&t, on, out.nonceTPM.t.buffer, out.nonceTPM.t.size) != 0) {
        /* no one learns the handle: do not leave the session loaded */
        FlushContext_In fl = {.flushHandle = out.sessionHandle};
        TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&fl, NULL, TPM_CC_FlushContext, TPM_RH_NULL,
                    NULL, 0);
        rc = TSS_RC_FILE_WRITE;
    }
    if (rc == 0)
        printf("Handle %08x\n", out.sessionHandle);
    return tool_finish(&t, ctx, rc);
}
