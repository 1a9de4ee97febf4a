/* SPDX-License-Identifier: BSD-3-Clause */
/* sign: TPM2_Sign over the hash of a file. */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tsscrypto.h"

static uint32_t hk;
static const char *ifile, *pwdk, *os, *tk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static int salg = -1, scheme = -1;
static const char *const salgs[] = {"rsa", "ecc", "hmac", NULL};
static const char *const schemes[] = {"rsassa", "rsapss", "ecdsa", "ecdaa", "hmac", NULL};
static const TPMI_ALG_SIG_SCHEME scheme_alg[] = {TPM_ALG_RSASSA, TPM_ALG_RSAPSS, TPM_ALG_ECDSA,
                                                 TPM_ALG_ECDAA, TPM_ALG_HMAC};
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-if", T_STR, &ifile, "file", "input message to hash and sign", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-salg", T_CHOICE, &salg, "alg", "signature algorithm (rsa, ecc, hmac) (default rsa)", 0, salgs},
    {"-scheme", T_CHOICE, &scheme, "scheme", "signing scheme (default by -salg)", 0, schemes},
    {"-os", T_STR, &os, "file", "signature file name (TPMT_SIGNATURE)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "input hashcheck ticket (default NULL ticket)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"sign", "Runs TPM2_Sign", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Sign_In in;
    Sign_Out out;
    unsigned char *msg = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    if (scheme < 0) /* the default scheme follows the key type */
        scheme = salg == 1 ? 2 : salg == 2 ? 4 : 0;
    in.inScheme.scheme = scheme_alg[scheme];
    in.inScheme.details.any.hashAlg = halg;
    if (tk != NULL) {
        if (tool_read(&t, tk, &in.validation, (UnmarshalFunction_t)TSS_TPMT_TK_HASHCHECK_Unmarshalu) != 0)
            return EXIT_FAILURE;
    } else {
        in.validation.tag = TPM_ST_HASHCHECK;
        in.validation.hierarchy = TPM_RH_NULL;
    }
    if (tool_read_bytes(&t, ifile, &msg, &len) != 0)
        return EXIT_FAILURE;
    TPMT_HA digest = {.hashAlg = halg};
    TPM_RC rc = TSS_Hash_Generate(&digest, (int)len, msg, 0, NULL);
    free(msg);
    in.digest.t.size = TSS_GetDigestSize(halg);
    memcpy(in.digest.t.buffer, &digest.digest, in.digest.t.size);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Sign, 1, pwdk, NULL);
    if (rc == 0 && os != NULL)
        rc = tool_write(&t, os, &out.signature, (MarshalFunction_t)TSS_TPMT_SIGNATURE_Marshalu);
    return tool_finish(&t, ctx, rc);
}
