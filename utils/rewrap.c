/* SPDX-License-Identifier: BSD-3-Clause */
/* rewrap: TPM2_Rewrap: a duplicate for -ho (TPM_RH_NULL 40000007 when it has no outer
 * wrapper) becomes one for -hn. Files are bare bytes, as duplicate and import use. */
#include "tool/tool.h"

static uint32_t ho, hn;
static const char *pwdo, *id, *in_name, *iss, *od, *oss;
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "current parent of the duplicate (40000007 for none)",
     TOOL_REQUIRED, NULL},
    {"-pwdo", T_STR, &pwdo, "password", "current parent password (default empty)", 0, NULL},
    {"-hn", T_X32, &hn, "handle", "parent to rewrap the duplicate for", TOOL_REQUIRED, NULL},
    {"-id", T_STR, &id, "file", "duplicate, raw bytes", TOOL_REQUIRED, NULL},
    {"-in", T_STR, &in_name, "file", "Name of the duplicated object", TOOL_REQUIRED, NULL},
    {"-iss", T_STR, &iss, "file", "encrypted seed for the current parent, raw bytes", TOOL_REQUIRED,
     NULL},
    {"-od", T_STR, &od, "file", "rewrapped duplicate, raw bytes (default not written)", 0, NULL},
    {"-oss", T_STR, &oss, "file",
     "encrypted seed for the new parent, raw bytes (default not written)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"rewrap", "Runs TPM2_Rewrap", opts, 3, 0, {0}, {0}, {0}};

static TPM_RC read2b(TPM2B *b, uint16_t max, const char *path)
{
    TPM_RC rc = TSS_File_Read2B(b, max, path);
    if (rc != 0)
        fprintf(stderr, "rewrap: cannot read %s\n", path);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Rewrap_In in;
    Rewrap_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.oldParent = ho;
    in.newParent = hn;
    TPM_RC rc = read2b(&in.inDuplicate.b, sizeof(in.inDuplicate.t.buffer), id);
    if (rc == 0)
        rc = read2b(&in.name.b, sizeof(in.name.t.name), in_name);
    if (rc == 0)
        rc = read2b(&in.inSymSeed.b, sizeof(in.inSymSeed.t.secret), iss);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Rewrap, 1, pwdo, NULL);
    if (rc == 0 && od != NULL)
        rc = tool_write_bytes(&t, od, out.outDuplicate.t.buffer, out.outDuplicate.t.size);
    if (rc == 0 && oss != NULL)
        rc = tool_write_bytes(&t, oss, out.outSymSeed.t.secret, out.outSymSeed.t.size);
    return tool_finish(&t, ctx, rc);
}
