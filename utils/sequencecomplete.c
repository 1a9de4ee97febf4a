/* SPDX-License-Identifier: BSD-3-Clause */
/* sequencecomplete: TPM2_SequenceComplete of a hash or HMAC sequence, with the last data
 * (-if, any length: what does not fit one command goes first by TPM2_SequenceUpdate). -of
 * saves the digest, -tk the TPMT_TK_HASHCHECK ticket for the -hi hierarchy. */
#include <string.h>

#include "tool/hier.h"
#include "tool/seq.h"
#include "tss2/tssprint.h"

static uint32_t hs;
static int hi = 3;
static const char *pwds, *ifile, *of, *tk;
static const tool_opt opts[] = {
    {"-hs", T_X32, &hs, "handle", "sequence handle", TOOL_REQUIRED, NULL},
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy for the ticket (e, o, p, n) (default null)", 0, hier_eopn},
    {"-pwds", T_STR, &pwds, "password", "password for sequence (default empty)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file to be added (default no data)", 0, NULL},
    {"-of", T_STR, &of, "file", "result file name (default do not save)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "ticket file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"sequencecomplete", "Runs TPM2_SequenceComplete", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    SequenceComplete_In in;
    SequenceComplete_Out out;
    uint8_t *data = NULL;
    size_t lead = 0;
    memset(&in, 0, sizeof(in));
    if (tool_parse(&t, argc, argv) != 0 || seq_prepare_complete(&t, ifile, &in.buffer, &data, &lead) != 0)
        return EXIT_FAILURE;
    in.sequenceHandle = hs;
    in.hierarchy = hier_handle(hier_eopn, hi);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && lead > 0)
        rc = seq_update(&t, ctx, hs, pwds, data, lead);
    free(data);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_SequenceComplete, 1, pwds, NULL);
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, out.result.t.buffer, out.result.t.size);
    if (rc == 0 && tk != NULL)
        rc = tool_write(&t, tk, &out.validation, (MarshalFunction_t)TSS_TPMT_TK_HASHCHECK_Marshalu);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("Result", out.result.t.buffer, out.result.t.size);
    return tool_finish(&t, ctx, rc);
}
