/* SPDX-License-Identifier: BSD-3-Clause */
/* import: TPM2_Import of a duplicate (duplicate -od, -oss: bare bytes, as IBM's) under a
 * new parent; -opr is the TPM2B_PRIVATE load reads. */
#include "tool/tool.h"

static uint32_t hp;
static const char *pwdp, *ik, *ipu, *id, *iss, *opr;
static int salg = -1;
static const char *const salgs[] = {"aes", NULL};
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "new parent (storage key)", TOOL_REQUIRED, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "new parent password (default empty)", 0, NULL},
    {"-ik", T_STR, &ik, "file", "inner wrapper key, raw bytes (needs -salg)", 0, NULL},
    {"-ipu", T_STR, &ipu, "file", "public area of the duplicated object (TPM2B_PUBLIC)",
     TOOL_REQUIRED, NULL},
    {"-id", T_STR, &id, "file", "duplicate from duplicate -od, raw bytes", TOOL_REQUIRED, NULL},
    {"-iss", T_STR, &iss, "file", "encrypted seed from duplicate -oss, raw bytes (may be empty)",
     TOOL_REQUIRED, NULL},
    {"-salg", T_CHOICE, &salg, "alg", "symmetric algorithm of the inner wrapper (default none)", 0,
     salgs},
    {"-opr", T_STR, &opr, "file", "TPM2B_PRIVATE for load -ipr", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"import", "Runs TPM2_Import", opts, 3, 0, {0}, {0}, {0}};

static TPM_RC read2b(TPM2B *b, uint16_t max, const char *path)
{
    TPM_RC rc = TSS_File_Read2B(b, max, path);
    if (rc != 0)
        fprintf(stderr, "import: cannot read %s\n", path);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Import_In in = {0};
    Import_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ik != NULL) != (salg >= 0))
        return tool_error(&t, "-ik and -salg go together");
    in.parentHandle = hp;
    in.symmetricAlg.algorithm = TPM_ALG_NULL;
    if (salg == 0) {
        in.symmetricAlg.algorithm = TPM_ALG_AES;
        in.symmetricAlg.keyBits.aes = 128;
        in.symmetricAlg.mode.aes = TPM_ALG_CFB;
    }
    TPM_RC rc = tool_read_flag(&t, ipu, &in.objectPublic,
                               (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, NO);
    if (rc == 0 && ik != NULL)
        rc = read2b(&in.encryptionKey.b, sizeof(in.encryptionKey.t.buffer), ik);
    if (rc == 0)
        rc = read2b(&in.duplicate.b, sizeof(in.duplicate.t.buffer), id);
    if (rc == 0)
        rc = read2b(&in.inSymSeed.b, sizeof(in.inSymSeed.t.secret), iss);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Import, 1, pwdp, NULL);
    if (rc == 0)
        rc = tool_write(&t, opr, &out.outPrivate, (MarshalFunction_t)TSS_TPM2B_PRIVATE_Marshalu);
    return tool_finish(&t, ctx, rc);
}
