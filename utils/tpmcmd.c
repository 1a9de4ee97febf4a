/* SPDX-License-Identifier: BSD-3-Clause */
/* tpmcmd: sends a raw command packet (-if, binary or hexascii) to the TPM as it is (no
 * sessions, no retry) and prints the response, or with -stop (IBM's flag) asks a simulator
 * to exit. */
#include "tool/nvadmin.h"
#include "tss2/tssprint.h"
#include "tss2/tsstransmit.h"

#define TPM_STOP_SIGNAL 21 /* mssim: the simulator exits and does not answer */

static const char *ifile, *of;
static int stop;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "command packet, binary or hexascii", 0, NULL},
    {"-of", T_STR, &of, "file", "response packet output file (binary)", 0, NULL},
    {"-stop", T_FLAG, &stop, NULL, "stop the TPM simulator", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"tpmcmd", "Sends a raw TPM command or an in-band simulator signal", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    static uint8_t cmd[MAX_COMMAND_SIZE], rsp[MAX_RESPONSE_SIZE];
    uint32_t cmdlen = 0, rsplen = sizeof(rsp);
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ifile == NULL) == !stop)
        return tool_error(&t, "one of -if and -stop is required");
    if (ifile != NULL && nva_read_packet(&t, ifile, cmd, sizeof(cmd), &cmdlen) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && stop) {
        rc = TSS_TransmitPlatform(ctx, TPM_STOP_SIGNAL, "TPM Stop");
        if (rc == TSS_RC_BAD_CONNECTION)
            rc = 0; /* the simulator closed the connection as it exited */
        return tool_finish(&t, ctx, rc);
    }
    if (rc == 0)
        rc = TSS_Transmit(ctx, rsp, &rsplen, cmd, cmdlen, "tpmcmd");
    if (rc == 0 && rsplen < 10)
        rc = TSS_RC_MALFORMED_RESPONSE;
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, rsp, rsplen);
    if (rc == 0) {
        TSS_PrintAll("tpmcmd: response", rsp, rsplen);
        rc = nva_response_rc(rsp); /* a TPM error is reported and is exit status 1 */
    }
    return tool_finish(&t, ctx, rc);
}
