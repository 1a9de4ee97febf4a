/* SPDX-License-Identifier: BSD-3-Clause */
/* nvreadpublic: TPM2_NV_ReadPublic; checks the Name against the public area, writes
 * -opu (marshaled TPMS_NV_PUBLIC) and -on (the binary Name). */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

static uint32_t ha;
static TPMI_ALG_HASH nalg;
static const char *opu, *on;
static int ns;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-nalg", T_HALG, &nalg, "alg", "expected name algorithm (default no check)", 0, NULL},
    {"-opu", T_STR, &opu, "file", "NV public area output file (TPMS_NV_PUBLIC)", 0, NULL},
    {"-on", T_STR, &on, "file", "Name output file (binary)", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "print the Name as one hex string", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvreadpublic", "Runs TPM2_NV_ReadPublic", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NV_ReadPublic_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    NV_ReadPublic_In in = {.nvIndex = ha};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_NV_ReadPublic, 0, NULL, NULL);
    const TPMS_NV_PUBLIC *p = &out.nvPublic.nvPublic;
    if (rc == 0) {
        /* the Name must be the hash of the public area the TPM returned */
        uint8_t buf[sizeof(TPMS_NV_PUBLIC)], *bp = buf;
        uint32_t room = sizeof(buf);
        uint16_t n = 0;
        TPMT_HA h = {.hashAlg = p->nameAlg};
        rc = TSS_TPMS_NV_PUBLIC_Marshalu(p, &n, &bp, &room);
        if (rc == 0)
            rc = TSS_Hash_Generate(&h, (int)n, buf, 0, NULL);
        uint16_t ds = TSS_GetDigestSize(p->nameAlg);
        if (rc == 0 && (out.nvName.t.size != ds + 2 || memcmp(out.nvName.t.name + 2, &h.digest, ds) != 0))
            rc = TSS_RC_MALFORMED_NV_PUBLIC;
        if (rc == 0 && nalg != 0 && nalg != p->nameAlg)
            rc = tool_error(&t, "name algorithm %04x is not the expected %04x", p->nameAlg, nalg) ? TSS_RC_BAD_ARGUMENT : 0;
    }
    if (rc == 0 && opu != NULL)
        rc = tool_write(&t, opu, (void *)p, (MarshalFunction_t)TSS_TPMS_NV_PUBLIC_Marshalu);
    if (rc == 0 && on != NULL)
        rc = tool_write_bytes(&t, on, out.nvName.t.name, out.nvName.t.size);
    if (rc == 0 && ns) {
        for (int i = 0; i < out.nvName.t.size; i++)
            printf("%02x", out.nvName.t.name[i]);
        printf("\n");
    } else if (rc == 0) {
        printf("nvreadpublic: name algorithm %04x\n", p->nameAlg);
        printf("nvreadpublic: data size %u\n", p->dataSize);
        printf("nvreadpublic: attributes %08x\n", p->attributes.val);
        TSS_PrintAll("nvreadpublic: policy", p->authPolicy.t.buffer, p->authPolicy.t.size);
        TSS_PrintAll("nvreadpublic: name", out.nvName.t.name, out.nvName.t.size);
    }
    return tool_finish(&t, ctx, rc);
}
