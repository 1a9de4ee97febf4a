/* SPDX-License-Identifier: BSD-3-Clause */
/* evictcontrol: TPM2_EvictControl, making a transient object persistent (-ho transient,
 * -hp persistent) or removing a persistent one (-ho and -hp both the persistent handle). */
#include "tool/tool.h"

static const char *const hierarchies[] = {"o", "p", NULL};
static int hi = -1;
static uint32_t ho, hp;
static const char *pwda;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authhandle hierarchy (o owner, p platform)", TOOL_REQUIRED,
     hierarchies},
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-hp", T_X32, &hp, "handle", "persistent handle", TOOL_REQUIRED, NULL},
    {"-pwda", T_STR, &pwda, "password", "authorization password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"evictcontrol", "Runs TPM2_EvictControl", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    EvictControl_In in = {.auth = hi == 1 ? TPM_RH_PLATFORM : TPM_RH_OWNER,
                          .objectHandle = ho,
                          .persistentHandle = hp};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_EvictControl, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
