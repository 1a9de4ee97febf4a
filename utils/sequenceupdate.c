/* SPDX-License-Identifier: BSD-3-Clause */
/* sequenceupdate: TPM2_SequenceUpdate of a whole file, sent in as many commands as the TPM's
 * input buffer needs (then every -se session must carry the continue attribute). */
#include "tool/seq.h"

static uint32_t hs;
static const char *pwds, *ifile;
static const tool_opt opts[] = {
    {"-hs", T_X32, &hs, "handle", "sequence handle", TOOL_REQUIRED, NULL},
    {"-pwds", T_STR, &pwds, "password", "password for sequence (default empty)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file to be added", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"sequenceupdate", "Runs TPM2_SequenceUpdate", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    uint8_t *data;
    size_t len;
    if (tool_parse(&t, argc, argv) != 0 || seq_read_file(&t, ifile, &data, &len) != 0)
        return EXIT_FAILURE;
    if (seq_sessions_continue(&t, len == 0 ? 1 : (len + SEQ_CHUNK - 1) / SEQ_CHUNK) != 0) {
        free(data);
        return EXIT_FAILURE;
    }
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = seq_update(&t, ctx, hs, pwds, data, len);
    free(data);
    return tool_finish(&t, ctx, rc);
}
