/* SPDX-License-Identifier: BSD-3-Clause */
/* eccdecrypt: TPM2_ECC_Decrypt (TPM 1.83) of eccencrypt's C1 (TPM2B_ECC_POINT file), C2 and
 * C3 (raw bytes), KDF2(halg) as the scheme when the key has none. */
#include <string.h>

#include "tool/policyfile.h"

static uint32_t hk;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *pwdk, *ipwdk, *od, *ic1, *ic2, *ic3;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-ipwdk", T_STR, &ipwdk, "file", "password file for key (default empty)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "KDF hash algorithm (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-od", T_STR, &od, "file", "plaintext output file name", TOOL_REQUIRED, NULL},
    {"-ic1", T_STR, &ic1, "file", "C1 input file name (TPM2B_ECC_POINT)", TOOL_REQUIRED, NULL},
    {"-ic2", T_STR, &ic2, "file", "C2 input file name", TOOL_REQUIRED, NULL},
    {"-ic3", T_STR, &ic3, "file", "C3 input file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"eccdecrypt", "Runs TPM2_ECC_Decrypt", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ECC_Decrypt_In in;
    ECC_Decrypt_Out out;
    char *pwfile = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pwdk != NULL && ipwdk != NULL)
        return tool_error(&t, "-pwdk and -ipwdk exclude each other");
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    in.inScheme.scheme = TPM_ALG_KDF2;
    in.inScheme.details.kdf2.hashAlg = halg;
    if (tool_read(&t, ic1, &in.C1, (UnmarshalFunction_t)TSS_TPM2B_ECC_POINT_Unmarshalu) != 0 ||
        policy_read_2b(&t, ic2, &in.C2.b, sizeof(in.C2.t.buffer)) != 0 ||
        policy_read_2b(&t, ic3, &in.C3.b, sizeof(in.C3.t.buffer)) != 0)
        return EXIT_FAILURE;
    if (ipwdk != NULL && policy_password_file(&t, ipwdk, &pwfile) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ECC_Decrypt, 1, pwfile != NULL ? pwfile : pwdk, NULL);
    free(pwfile);
    if (rc == 0)
        rc = tool_write_private(&t, od, out.plainText.t.buffer, out.plainText.t.size);
    return tool_finish(&t, ctx, rc);
}
