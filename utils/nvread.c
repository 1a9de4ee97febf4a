/* SPDX-License-Identifier: BSD-3-Clause */
/* nvread: TPM2_NV_Read of -sz bytes at -off (default: the whole index, which costs one
 * NV_ReadPublic), in chunks the TPM accepts. */
#include <string.h>

#include "tool/nv.h"
#include "tss2/tssprint.h"

static uint32_t ha, off, sz = UINT32_MAX;
static int hia = -1;
static const char *pwdn, *of;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "authorization password (default empty)", 0, NULL},
    {"-sz", T_U32, &sz, "bytes", "data size (default the whole index)", 0, NULL},
    {"-off", T_U32, &off, "offset", "offset (default 0)", 0, NULL},
    {"-of", T_STR, &of, "file", "output data file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvread", "Runs TPM2_NV_Read", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && sz == UINT32_MAX) {
        NV_ReadPublic_In pi = {.nvIndex = ha};
        NV_ReadPublic_Out po;
        /* no -se sessions here: they belong to the NV_Read that follows */
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&po, (COMMAND_PARAMETERS *)&pi, NULL,
                         TPM_CC_NV_ReadPublic, TPM_RH_NULL, NULL, 0);
        sz = rc == 0 && po.nvPublic.nvPublic.dataSize > off ? po.nvPublic.nvPublic.dataSize - off : 0;
    }
    if (rc == 0 && sz > 0xffff)
        rc = tool_error(&t, "-sz is larger than any NV index") ? TSS_RC_BAD_ARGUMENT : 0;
    unsigned char *buf = rc == 0 ? malloc(sz + 1) : NULL;
    uint32_t chunk = 0, done = 0;
    if (rc == 0 && buf == NULL)
        rc = TSS_RC_OUT_OF_MEMORY;
    if (rc == 0)
        rc = nv_chunk(&t, ctx, sz, &chunk);
    while (rc == 0 && done < sz) {
        NV_Read_In in = {.authHandle = nv_auth_handle(hia, ha), .nvIndex = ha,
                         .size = (UINT16)(sz - done < chunk ? sz - done : chunk), .offset = (UINT16)(off + done)};
        NV_Read_Out out;
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_NV_Read, 1, pwdn, NULL);
        if (rc == 0 && out.data.t.size != in.size)
            rc = TSS_RC_MALFORMED_RESPONSE;
        if (rc == 0)
            memcpy(buf + done, out.data.t.buffer, out.data.t.size);
        done += in.size;
    }
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, buf, sz);
    if (rc == 0)
        TSS_PrintAll("nvread: data", buf, sz);
    free(buf);
    return tool_finish(&t, ctx, rc);
}
