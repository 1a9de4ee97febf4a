/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrread: TPM2_PCR_Read of one PCR in one bank. */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tssprint.h"

static uint32_t ha = UINT32_MAX;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *of;
static int ns;
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {"-halg", T_HALG, &halg, "alg", "bank (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-of", T_STR, &of, "file", "output file for the PCR value", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "no space, no text: the value as one hex string", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrread", "Runs TPM2_PCR_Read", opts, 1, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PCR_Read_In in;
    PCR_Read_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    memset(&in, 0, sizeof(in));
    in.pcrSelectionIn.count = 1;
    in.pcrSelectionIn.pcrSelections[0].hash = halg;
    in.pcrSelectionIn.pcrSelections[0].sizeofSelect = 3;
    in.pcrSelectionIn.pcrSelections[0].pcrSelect[ha / 8] = (BYTE)(1 << (ha % 8));
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PCR_Read, 0, NULL, NULL);
    if (rc == 0 && out.pcrValues.count != 1)
        rc = tool_error(&t, "bank or PCR not allocated") ? TSS_RC_BAD_ARGUMENT : 0;
    const TPM2B_DIGEST *d = &out.pcrValues.digests[0];
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, d->t.buffer, d->t.size);
    if (rc == 0 && ns) {
        for (int i = 0; i < d->t.size; i++)
            printf("%02x", d->t.buffer[i]);
        printf("\n");
    } else if (rc == 0) {
        printf("count %u\n", out.pcrValues.count);
        TSS_PrintAll("digest", d->t.buffer, d->t.size);
    }
    return tool_finish(&t, ctx, rc);
}
