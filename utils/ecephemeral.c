/* SPDX-License-Identifier: BSD-3-Clause */
/* ecephemeral: TPM2_EC_Ephemeral, the first phase of a two-phase key exchange. Q goes to -oq
 * (TPM2B_ECC_POINT), the commit counter to -cf (for zgen2phase -cf) and to stdout. */
#include <string.h>

#include "tool/seq.h"

static int curve = -1;
static const char *oq, *cf;
static const tool_opt opts[] = {
    {"-ecc", T_CHOICE, &curve, "curve", "curve", TOOL_REQUIRED, seq_curves},
    {"-oq", T_STR, &oq, "file", "Q ephemeral public key file name (default do not save)", 0, NULL},
    {"-cf", T_STR, &cf, "file", "counter file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"ecephemeral", "Runs TPM2_EC_Ephemeral", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    EC_Ephemeral_In in;
    EC_Ephemeral_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.curveID = seq_curve(curve);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_EC_Ephemeral, 0, NULL, NULL);
    if (rc == 0 && oq != NULL)
        rc = tool_write(&t, oq, &out.Q, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
    if (rc == 0 && cf != NULL)
        rc = seq_write_counter(&t, cf, out.counter);
    if (rc == 0)
        printf("counter is %u\n", out.counter);
    return tool_finish(&t, ctx, rc);
}
