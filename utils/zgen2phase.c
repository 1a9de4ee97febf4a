/* SPDX-License-Identifier: BSD-3-Clause */
/* zgen2phase: TPM2_ZGen_2Phase, the second phase of a two-phase key exchange: keyA's static
 * key and the ephemeral key of the counter (-cf, from ecephemeral) against party B's static
 * (-qsb) and ephemeral (-qeb) public points. Points are TPM2B_ECC_POINT files. */
#include <string.h>

#include "tool/seq.h"

static uint32_t hk;
static int scheme;
static const char *pwdk, *qsb, *qeb, *cf, *z1, *z2;
static const char *const schemes[] = {"ecdh", "ecmqv", "sm2", NULL};
static const TPMI_ECC_KEY_EXCHANGE scheme_alg[] = {TPM_ALG_ECDH, TPM_ALG_ECMQV, TPM_ALG_SM2};
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-qsb", T_STR, &qsb, "file", "QsB static public point file of party B", TOOL_REQUIRED, NULL},
    {"-qeb", T_STR, &qeb, "file", "QeB ephemeral public point file of party B", TOOL_REQUIRED, NULL},
    {"-cf", T_STR, &cf, "file", "counter file (from ecephemeral -cf)", TOOL_REQUIRED, NULL},
    {"-scheme", T_CHOICE, &scheme, "scheme", "key exchange scheme (default ecdh)", 0, schemes},
    {"-z1", T_STR, &z1, "file", "Z1 output point file (default do not save)", 0, NULL},
    {"-z2", T_STR, &z2, "file", "Z2 output point file (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"zgen2phase", "Runs TPM2_ZGen_2Phase", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ZGen_2Phase_In in;
    ZGen_2Phase_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.keyA = hk;
    in.inScheme = scheme_alg[scheme];
    if (tool_read(&t, qsb, &in.inQsB, (UnmarshalFunction_t)TSS_TPM2B_ECC_POINT_Unmarshalu) != 0 ||
        tool_read(&t, qeb, &in.inQeB, (UnmarshalFunction_t)TSS_TPM2B_ECC_POINT_Unmarshalu) != 0 ||
        seq_read_counter(&t, cf, &in.counter) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ZGen_2Phase, 1, pwdk, NULL);
    if (rc == 0 && z1 != NULL)
        rc = tool_write(&t, z1, &out.outZ1, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
    if (rc == 0 && z2 != NULL)
        rc = tool_write(&t, z2, &out.outZ2, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
    return tool_finish(&t, ctx, rc);
}
