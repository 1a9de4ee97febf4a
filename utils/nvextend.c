/* SPDX-License-Identifier: BSD-3-Clause */
/* nvextend: TPM2_NV_Extend of a string (-ic) or file (-if) into an extend index. */
#include <string.h>

#include "tool/nvadmin.h"

static uint32_t ha;
static const char *pwdn, *ic, *ifile;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty)", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvextend", "Runs TPM2_NV_Extend", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NV_Extend_In in;
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    if ((ic == NULL) == (ifile == NULL))
        return tool_error(&t, "one of -ic and -if is required");
    if (ifile != NULL && tool_read_bytes(&t, ifile, &data, &len) != 0)
        return EXIT_FAILURE;
    if (ic != NULL)
        len = strlen(ic);
    memset(&in, 0, sizeof(in));
    if (len > sizeof(in.data.t.buffer)) {
        free(data);
        return tool_error(&t, "data is %zu bytes, at most %zu fit one command", len, sizeof(in.data.t.buffer));
    }
    in.authHandle = ha;
    in.nvIndex = ha;
    in.data.t.size = (UINT16)len;
    if (len > 0)
        memcpy(in.data.t.buffer, ic != NULL ? (const unsigned char *)ic : data, len);
    free(data);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_Extend, 1, pwdn, NULL);
    return tool_finish(&t, ctx, rc);
}
