/* SPDX-License-Identifier: BSD-3-Clause */
/* duplicate: TPM2_Duplicate. The object's authorization is a policy session (-se0) that
 * satisfied PolicyCommandCode(Duplicate) or PolicyDuplicationSelect. As IBM's, -od and -oss
 * hold the bare bytes of the duplicate and the seed, which import and rewrap read. */
#include "tool/tool.h"

static uint32_t ho, hp = TPM_RH_NULL;
static const char *pwdo, *ik, *oek, *od, *oss;
static int salg = -1;
static const char *const salgs[] = {"aes", NULL};
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "object to duplicate (its policy session in -se0)", TOOL_REQUIRED,
     NULL},
    {"-pwdo", T_STR, &pwdo, "password",
     "object password, when -se0 is a session using it (default empty)", 0, NULL},
    {"-hp", T_X32, &hp, "handle", "new parent for the outer wrapper (default 40000007, none)", 0,
     NULL},
    {"-ik", T_STR, &ik, "file", "inner wrapper key, raw bytes (needs -salg)", 0, NULL},
    {"-salg", T_CHOICE, &salg, "alg", "symmetric algorithm for an inner wrapper (default none)", 0,
     salgs},
    {"-oek", T_STR, &oek, "file", "inner wrapper key the TPM made, raw bytes (default not written)",
     0, NULL},
    {"-od", T_STR, &od, "file", "duplicate, raw bytes (default not written)", 0, NULL},
    {"-oss", T_STR, &oss, "file",
     "encrypted seed of the outer wrapper, raw bytes (default not written)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"duplicate", "Runs TPM2_Duplicate", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Duplicate_In in = {0};
    Duplicate_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ik != NULL && salg < 0)
        return tool_error(&t, "-ik needs -salg");
    in.objectHandle = ho;
    in.newParentHandle = hp;
    in.symmetricAlg.algorithm = TPM_ALG_NULL;
    if (salg == 0) { /* without -ik the TPM makes the inner key: save it with -oek */
        in.symmetricAlg.algorithm = TPM_ALG_AES;
        in.symmetricAlg.keyBits.aes = 128;
        in.symmetricAlg.mode.aes = TPM_ALG_CFB;
    }
    TPM_RC rc = 0;
    if (ik != NULL &&
        (rc = TSS_File_Read2B(&in.encryptionKeyIn.b, sizeof(in.encryptionKeyIn.t.buffer), ik)) != 0)
        fprintf(stderr, "duplicate: cannot read %s\n", ik);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Duplicate, 1, pwdo, NULL);
    if (rc == 0 && oek != NULL)
        rc = tool_write_bytes(&t, oek, out.encryptionKeyOut.t.buffer, out.encryptionKeyOut.t.size);
    if (rc == 0 && od != NULL)
        rc = tool_write_bytes(&t, od, out.duplicate.t.buffer, out.duplicate.t.size);
    if (rc == 0 && oss != NULL)
        rc = tool_write_bytes(&t, oss, out.outSymSeed.t.secret, out.outSymSeed.t.size);
    return tool_finish(&t, ctx, rc);
}
