/* SPDX-License-Identifier: BSD-3-Clause */
/* dictionaryattacklockreset: TPM2_DictionaryAttackLockReset with lockout authorization. */
#include "tool/tool.h"

static const char *pwd;
static const tool_opt opts[] = {
    {"-pwd", T_STR, &pwd, "password", "lockout auth password (default empty)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"dictionaryattacklockreset", "Runs TPM2_DictionaryAttackLockReset", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    DictionaryAttackLockReset_In in = {.lockHandle = TPM_RH_LOCKOUT};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_DictionaryAttackLockReset, 1, pwd, NULL);
    return tool_finish(&t, ctx, rc);
}
