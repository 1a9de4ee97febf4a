/* SPDX-License-Identifier: BSD-3-Clause */
/* timepacket: sends a command packet (-if, hexascii as IBM's, or binary) -l times and prints
 * the time the TPM took. The TPM's answer is not judged: timing an error is legitimate. */
#include <time.h>

#include "tool/nvadmin.h"
#include "tss2/tsstransmit.h"

static const char *ifile;
static uint32_t loops = 1;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "packet in hexascii (requires one space at end of packet)", TOOL_REQUIRED, NULL},
    {"-l", T_U32, &loops, "loops", "number of loops to time (default 1)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"timepacket", "Times the supplied packet", opts, 0, 0, {0}, {0}, {0}};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    static uint8_t cmd[MAX_COMMAND_SIZE], rsp[MAX_RESPONSE_SIZE];
    uint32_t cmdlen = 0, count;
    double total = 0;
    if (tool_parse(&t, argc, argv) != 0 || nva_read_packet(&t, ifile, cmd, sizeof(cmd), &cmdlen) != 0)
        return EXIT_FAILURE;
    if (loops == 0)
        return tool_error(&t, "-l must be at least 1");
    TPM_RC rc = tool_context(&t, &ctx);
    for (count = 0; rc == 0 && count < loops; count++) {
        uint32_t rsplen = sizeof(rsp);
        double start = now();
        rc = TSS_Transmit(ctx, rsp, &rsplen, cmd, cmdlen, NULL);
        total += now() - start;
        if (rc == 0)
            printf("End Pass %u\n", count + 1);
    }
    if (rc == 0)
        printf("Loops %u time %f time per pass %f\n", loops, total, total / loops);
    return tool_finish(&t, ctx, rc);
}
