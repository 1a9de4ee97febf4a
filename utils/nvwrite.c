/* SPDX-License-Identifier: BSD-3-Clause */
/* nvwrite: TPM2_NV_Write of a string (-ic), a file (-if) or a PIN index's pinCount and
 * pinLimit (-id, two big-endian UINT32) at -off, in chunks the TPM accepts. No data is a
 * 0 byte write, as IBM's. */
#include <string.h>

#include "tool/nv.h"

static uint32_t ha, off, pin[2];
static int hia = -1, id;
static const char *pwdn, *ic, *ifile;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "authorization password (default empty)", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string", 0, NULL},
    {"-if", T_STR, &ifile, "file", "data file", 0, NULL},
    NV_OPT_ID("PIN index values (decimal), written as two big-endian UINT32"),
    {"-off", T_U32, &off, "offset", "offset (default 0)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvwrite", "Runs TPM2_NV_Write", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    unsigned char *data = NULL;
    size_t len = 0;
    uint8_t pinbytes[8];
    if (nv_take_id(&t, &argc, argv, pin, &id) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ic != NULL) + (ifile != NULL) + id > 1)
        return tool_error(&t, "-ic, -if and -id exclude each other");
    if (ifile != NULL && tool_read_bytes(&t, ifile, &data, &len) != 0)
        return EXIT_FAILURE;
    if (ic != NULL)
        len = strlen(ic);
    if (id) {
        nv_pin_bytes(pin, pinbytes);
        len = sizeof(pinbytes);
    }
    const unsigned char *src = ic != NULL ? (const unsigned char *)ic : id ? pinbytes : data;
    uint32_t chunk = 0;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = nv_chunk(&t, ctx, (uint32_t)len, &chunk);
    size_t done = 0;
    do { /* an empty write is still one command */
        NV_Write_In in;
        memset(&in, 0, sizeof(in));
        in.authHandle = nv_auth_handle(hia, ha);
        in.nvIndex = ha;
        in.offset = (UINT16)(off + done);
        in.data.t.size = (UINT16)(len - done < chunk ? len - done : chunk);
        if (in.data.t.size > 0)
            memcpy(in.data.t.buffer, src + done, in.data.t.size);
        if (rc == 0)
            rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_Write, 1, pwdn, NULL);
        done += in.data.t.size;
    } while (rc == 0 && done < len);
    free(data);
    return tool_finish(&t, ctx, rc);
}
