/* SPDX-License-Identifier: BSD-3-Clause */
/* policysecret: TPM2_PolicySecret: the auth value of the entity -ha (authorized like any
 * other command, by password or -se0) satisfies the policy session -hs. As IBM's utility,
 * -ha is the entity and -hs the session. -to and -tk save the timeout and ticket that a
 * negative -exp returns, for policyticket. */
#include <string.h>

#include "tool/policy.h"

static uint32_t ha, hs;
static const char *pwde;
static pol_auth pa;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "authorizing entity handle", TOOL_REQUIRED, NULL},
    {"-hs", T_X32, &hs, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    POL_AUTH_OPTS(pa),
    {"-pwde", T_STR, &pwde, "password", "authorizing entity password (default empty)", 0, NULL},
    POL_TICKET_OPTS(pa),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policysecret", "Runs TPM2_PolicySecret", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicySecret_In in;
    PolicySecret_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.authHandle = ha;
    in.policySession = hs;
    in.expiration = pa.exp;
    if (pol_read_auth(&t, &pa, &in.nonceTPM, &in.cpHashA, &in.policyRef) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PolicySecret, 1, pwde, NULL);
    if (rc == 0)
        rc = pol_write_auth(&t, &pa, &out.timeout, &out.policyTicket);
    return tool_finish(&t, ctx, rc);
}
