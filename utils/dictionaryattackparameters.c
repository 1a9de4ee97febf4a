/* SPDX-License-Identifier: BSD-3-Clause */
/* dictionaryattackparameters: TPM2_DictionaryAttackParameters (IBM's defaults: 1 try,
 * 10 s recovery, 1 s lockout recovery). */
#include "tool/tool.h"

static const char *pwd;
static uint32_t nmt = 1, nrt = 10, lr = 1;
static const tool_opt opts[] = {
    {"-pwd", T_STR, &pwd, "password", "lockout auth password (default empty)", 0, NULL},
    {"-nmt", T_U32, &nmt, "tries", "new max tries (default 1 try)", 0, NULL},
    {"-nrt", T_U32, &nrt, "seconds", "new recovery time (default 10 seconds)", 0, NULL},
    {"-lr", T_U32, &lr, "seconds", "lockout recovery (default 1 second)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"dictionaryattackparameters", "Runs TPM2_DictionaryAttackParameters", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    DictionaryAttackParameters_In in = {.lockHandle = TPM_RH_LOCKOUT, .newMaxTries = nmt,
                                        .newRecoveryTime = nrt, .lockoutRecovery = lr};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_DictionaryAttackParameters, 1, pwd, NULL);
    return tool_finish(&t, ctx, rc);
}
