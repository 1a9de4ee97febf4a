/* SPDX-License-Identifier: BSD-3-Clause */
/* stirrandom: TPM2_StirRandom with the contents of a file as additional entropy. */
#include "tool/tool.h"

static const char *inf;
static const tool_opt opts[] = {
    {"-if", T_STR, &inf, "file", "input file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"stirrandom", "Runs TPM2_StirRandom", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    unsigned char *data = NULL;
    size_t len = 0;
    StirRandom_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (tool_read_bytes(&t, inf, &data, &len) != 0)
        return EXIT_FAILURE;
    if (len > sizeof(in.inData.t.buffer)) {
        free(data);
        return tool_error(&t, "%s has %zu bytes, at most %zu are allowed", inf, len,
                          sizeof(in.inData.t.buffer));
    }
    TPM_RC rc = TSS_TPM2B_Create(&in.inData.b, data, (uint16_t)len, sizeof(in.inData.t.buffer));
    free(data);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_StirRandom, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
