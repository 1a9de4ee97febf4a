/* SPDX-License-Identifier: BSD-3-Clause */
/* eccparameters: TPM2_ECC_Parameters. -of saves the TPMS_ALGORITHM_DETAIL_ECC; -v prints it. */
#include <string.h>

#include "tool/seq.h"
#include "tss2/tssprint.h"

static int curve = -1;
static const char *of;
static const tool_opt opts[] = {
    {"-cv", T_CHOICE, &curve, "curve", "curve ID", TOOL_REQUIRED, seq_curves},
    {"-of", T_STR, &of, "file", "data file, ECC parameters (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"eccparameters", "Runs TPM2_ECC_Parameters", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ECC_Parameters_In in;
    ECC_Parameters_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.curveID = seq_curve(curve);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ECC_Parameters, 0, NULL, NULL);
    if (rc == 0 && of != NULL)
        rc = tool_write(&t, of, &out.parameters, (MarshalFunction_t)TSS_TPMS_ALGORITHM_DETAIL_ECC_Marshalu);
    if (rc == 0 && t.verbose)
        TSS_Structure_Print("TPMS_ALGORITHM_DETAIL_ECC", &out.parameters, 0);
    return tool_finish(&t, ctx, rc);
}
