/* SPDX-License-Identifier: BSD-3-Clause */
/* commit: TPM2_Commit, the first phase of an anonymous (ECDAA) signature. Points are
 * TPM2B_ECC_POINT files; -s2 and -y2 are raw bytes (P2 = (H(s2) mod p, y2)); the counter
 * goes to -cf for the sign that follows. */
#include <string.h>

#include "tool/policyfile.h"
#include "tool/seq.h"

static uint32_t hk;
static const char *pt, *s2, *y2, *kf, *lf, *ef, *cf, *pwdk;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pt", T_STR, &pt, "file", "point P1 file name (default empty)", 0, NULL},
    {"-s2", T_STR, &s2, "file", "s2 file name (default empty)", 0, NULL},
    {"-y2", T_STR, &y2, "file", "y2 file name (default empty)", 0, NULL},
    {"-Kf", T_STR, &kf, "file", "K point output file (default do not save)", 0, NULL},
    {"-Lf", T_STR, &lf, "file", "L point output file (default do not save)", 0, NULL},
    {"-Ef", T_STR, &ef, "file", "E point output file (default do not save)", 0, NULL},
    {"-cf", T_STR, &cf, "file", "counter output file (default do not save)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"commit", "Runs TPM2_Commit", opts, 3, 0, {0}, {0}, {0}};

static TPM_RC write_point(const char *path, TPM2B_ECC_POINT *p)
{
    return path == NULL ? 0 : tool_write(&t, path, p, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Commit_In in;
    Commit_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((s2 == NULL) != (y2 == NULL))
        return tool_error(&t, "-s2 and -y2 go together");
    memset(&in, 0, sizeof(in)); /* absent s2, y2 are empty */
    in.signHandle = hk;
    in.P1.size = 1; /* absent P1 is a point of two empty coordinates (size 4), as the TPM wants */
    if (pt != NULL && tool_read(&t, pt, &in.P1, (UnmarshalFunction_t)TSS_TPM2B_ECC_POINT_Unmarshalu) != 0)
        return EXIT_FAILURE;
    if (s2 != NULL && (policy_read_2b(&t, s2, &in.s2.b, sizeof(in.s2.t.buffer)) != 0 ||
                       policy_read_2b(&t, y2, &in.y2.b, sizeof(in.y2.t.buffer)) != 0))
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Commit, 1, pwdk, NULL);
    if (rc == 0)
        rc = write_point(kf, &out.K);
    if (rc == 0)
        rc = write_point(lf, &out.L);
    if (rc == 0)
        rc = write_point(ef, &out.E);
    if (rc == 0 && cf != NULL)
        rc = seq_write_counter(&t, cf, out.counter);
    if (rc == 0 && t.verbose)
        printf("counter is %u\n", out.counter);
    return tool_finish(&t, ctx, rc);
}
