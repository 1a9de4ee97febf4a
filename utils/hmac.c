/* SPDX-License-Identifier: BSD-3-Clause */
/* hmac: TPM2_HMAC of a string or file (at most one TPM input buffer) with a loaded HMAC key. */
#include <string.h>

#include "tool/data.h"
#include "tss2/tssprint.h"

static uint32_t hk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *pwdk, *ifile, *ic, *os;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file to be HMACed", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string to be HMACed", 0, NULL},
    {"-os", T_STR, &os, "file", "hmac file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"hmac", "Runs TPM2_HMAC", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    HMAC_In in;
    HMAC_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    if (data_in(&t, ic, ifile, in.buffer.t.buffer, sizeof(in.buffer.t.buffer), &in.buffer.t.size) != 0)
        return EXIT_FAILURE;
    in.handle = hk;
    in.hashAlg = halg;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_HMAC, 1, pwdk, NULL);
    if (rc == 0 && os != NULL)
        rc = tool_write_bytes(&t, os, out.outHMAC.t.buffer, out.outHMAC.t.size);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("HMAC", out.outHMAC.t.buffer, out.outHMAC.t.size);
    return tool_finish(&t, ctx, rc);
}
