/* SPDX-License-Identifier: BSD-3-Clause */
/* readpublic: TPM2_ReadPublic; prints the public area and writes it as TPM2B_PUBLIC (-opu),
 * PEM (-opem) and its Name (-on, the raw Name bytes as IBM's name files hold them). */
#include "tool/pem.h"
#include "tss2/tssprint.h"

static uint32_t ho;
static const char *opu, *opem, *on;
static int ns;
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-opu", T_STR, &opu, "file", "public key file name (default do not save)", 0, NULL},
    {"-opem", T_STR, &opem, "file", "public key PEM format file name (default do not save)", 0,
     NULL},
    {"-on", T_STR, &on, "file", "Name file name (default do not save)", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "additionally print Name in hex ascii on one line", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"readpublic", "Runs TPM2_ReadPublic", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ReadPublic_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    ReadPublic_In in = {.objectHandle = ho};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ReadPublic, 0, NULL, NULL);
    if (rc == 0 && opu != NULL)
        rc = tool_write(&t, opu, &out.outPublic, (MarshalFunction_t)TSS_TPM2B_PUBLIC_Marshalu);
    if (rc == 0 && opem != NULL)
        rc = pem_write_public(&t, opem, &out.outPublic.publicArea);
    if (rc == 0 && on != NULL)
        rc = tool_write_bytes(&t, on, out.name.t.name, out.name.t.size);
    if (rc == 0) {
        TSS_TPMT_PUBLIC_Print(&out.outPublic.publicArea, 1);
        TSS_PrintAll("name", out.name.t.name, out.name.t.size);
        if (ns) {
            for (uint16_t i = 0; i < out.name.t.size; i++)
                printf("%02x", out.name.t.name[i]);
            printf("\n");
        }
    }
    return tool_finish(&t, ctx, rc);
}
