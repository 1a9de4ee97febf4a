/* SPDX-License-Identifier: BSD-3-Clause */
/* policyticket: TPM2_PolicyTicket with a timeout and ticket from policysecret or policysigned.
 * The authorizing entity's Name is a file (-na) or, for a hierarchy, its handle (-hi). */
#include <string.h>

#include "tool/hier.h"
#include "tool/policy.h"

static uint32_t ha;
static int hi = -1;
static const char *to, *tk, *cp, *pref, *na;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    {"-to", T_STR, &to, "file", "timeout file name", TOOL_REQUIRED, NULL},
    {"-cp", T_STR, &cp, "file", "cpHash file (default none)", 0, NULL},
    {"-pref", T_STR, &pref, "file", "policyRef file (default none)", 0, NULL},
    {"-na", T_STR, &na, "file", "authName file (not hierarchy)", 0, NULL},
    {"-hi", T_CHOICE, &hi, "hierarchy",
     "hierarchy (authName is hierarchy): e endorsement, o owner, p platform", 0, hier_eop},
    {"-tk", T_STR, &tk, "file", "ticket file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policyticket", "Runs TPM2_PolicyTicket", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicyTicket_In in;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((na == NULL) == (hi < 0))
        return tool_error(&t, "give one of -na and -hi");
    memset(&in, 0, sizeof(in));
    in.policySession = ha;
    if (pol_read_opt(&t, to, &in.timeout.b, sizeof(in.timeout.t.buffer)) != 0 ||
        pol_read_opt(&t, cp, &in.cpHashA.b, POL_DIGEST_MAX) != 0 ||
        pol_read_opt(&t, pref, &in.policyRef.b, POL_DIGEST_MAX) != 0 ||
        pol_read_opt(&t, na, &in.authName.b, sizeof(in.authName.t.name)) != 0)
        return EXIT_FAILURE;
    if (hi >= 0) { /* a permanent handle is its own Name */
        TPM_HANDLE h = hier_handle(hier_eop, hi);
        for (int i = 0; i < 4; i++)
            in.authName.t.name[i] = (BYTE)(h >> (24 - 8 * i));
        in.authName.t.size = 4;
    }
    if (tool_read(&t, tk, &in.ticket, (UnmarshalFunction_t)TSS_TPMT_TK_AUTH_Unmarshalu) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_PolicyTicket, 0, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
