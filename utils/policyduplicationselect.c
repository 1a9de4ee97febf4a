/* SPDX-License-Identifier: BSD-3-Clause */
/* policyduplicationselect: TPM2_PolicyDuplicationSelect: limits duplication to one new
 * parent (and, with -io, one object). */
#include "tool/policyfile.h"

static TPMI_SH_POLICY ha;
static const char *inpn, *ion;
static int io;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-inpn", T_STR, &inpn, "file", "new parent Name file", TOOL_REQUIRED, NULL},
    {"-ion", T_STR, &ion, "file", "object Name file", TOOL_REQUIRED, NULL},
    {"-io", T_FLAG, &io, NULL, "include the object Name in the policy (default no)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policyduplicationselect",
                 .summary = "Runs TPM2_PolicyDuplicationSelect",
                 .opts = opts,
                 .nsessions = 3};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyDuplicationSelect_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.policySession = ha;
    in.includeObject = io ? YES : NO;
    if (policy_read_2b(&t, inpn, &in.newParentName.b, sizeof(in.newParentName.t.name)) != 0 ||
        policy_read_2b(&t, ion, &in.objectName.b, sizeof(in.objectName.t.name)) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyDuplicationSelect, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
