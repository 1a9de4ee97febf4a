/* SPDX-License-Identifier: BSD-3-Clause */
/* getrandom: TPM2_GetRandom, looping until -by bytes are collected (a TPM returns at most
 * one digest's worth per command). */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tssprint.h"

static uint32_t bytes;
static const char *of;
static int nz, ns;
static const tool_opt opts[] = {
    {"-by", T_U32, &bytes, "bytes", "bytes requested", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "output file, with -nz appends nul terminator (default do not save)", 0, NULL},
    {"-nz", T_FLAG, &nz, NULL, "get random number with no zero bytes (for authorization value)", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "no space, no text, no newlines: a hex string suitable for a key", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"getrandom", "Runs TPM2_GetRandom", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (bytes == 0 || bytes > 0x10000)
        return tool_error(&t, "-by must be between 1 and 65536");
    unsigned char *buf = malloc(bytes + 1);
    if (buf == NULL)
        return tool_error(&t, "out of memory");
    TPM_RC rc = tool_context(&t, &ctx);
    uint32_t got = 0;
    while (rc == 0 && got < bytes) {
        GetRandom_In in = {.bytesRequested = (UINT16)(bytes - got > 0xffff ? 0xffff : bytes - got)};
        GetRandom_Out out;
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_GetRandom, 0, NULL, NULL);
        if (rc == 0 && out.randomBytes.t.size == 0)
            rc = TSS_RC_MALFORMED_RESPONSE; /* no progress: would loop forever */
        for (uint16_t i = 0; rc == 0 && i < out.randomBytes.t.size && got < bytes; i++)
            if (!nz || out.randomBytes.t.buffer[i] != 0)
                buf[got++] = out.randomBytes.t.buffer[i];
    }
    if (rc == 0 && of != NULL) {
        buf[got] = 0; /* -nz: the file is usable as a NUL-terminated password */
        rc = tool_write_bytes(&t, of, buf, got + (nz ? 1 : 0));
    }
    if (rc == 0) {
        if (ns) {
            for (uint32_t i = 0; i < got; i++)
                printf("%02x", buf[i]);
            printf("\n");
        } else {
            TSS_PrintAll("randomBytes", buf, got);
        }
    }
    free(buf);
    return tool_finish(&t, ctx, rc);
}
