/* SPDX-License-Identifier: BSD-3-Clause */
/* startup: TPM2_Startup (clear by default, or state), optionally followed by a full
 * TPM2_SelfTest (-st) or only the self test (-sto). */
#include "tool/tool.h"

static int clear, state, selftest, selftest_only;
static uint32_t locality;
static const tool_opt opts[] = {
    {"-c", T_FLAG, &clear, NULL, "startup clear (default)", 0, NULL},
    {"-s", T_FLAG, &state, NULL, "startup state", 0, NULL},
    {"-st", T_FLAG, &selftest, NULL, "run TPM2_SelfTest", 0, NULL},
    {"-sto", T_FLAG, &selftest_only, NULL, "run only TPM2_SelfTest (no startup)", 0, NULL},
    {"-loc", T_U32, &locality, "locality", "locality of the startup (default 0; mssim and swtpm)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"startup", "Runs TPM2_Startup", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (clear && state)
        return tool_error(&t, "-c and -s are exclusive");
    if (selftest_only && (clear || state))
        return tool_error(&t, "-sto runs no startup: -c and -s do not apply");
    if (locality > 4)
        return tool_error(&t, "-loc %u: a locality is 0 to 4", locality);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && !selftest_only) {
        Startup_In in = {.startupType = state ? TPM_SU_STATE : TPM_SU_CLEAR};
        char loc[4];
        snprintf(loc, sizeof(loc), "%u", locality);
        if (locality != 0)
            rc = TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, loc);
        if (rc == 0)
            rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_Startup, 0, NULL, NULL);
        if (locality != 0)
            TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, NULL);
        if (rc == TSS_RC_NOT_IMPLEMENTED && locality != 0)
            fprintf(stderr, "startup: this transport cannot send at locality %u "
                            "(the mssim and swtpm simulators can; a kernel device and raw cannot)\n",
                    locality);
    }
    if (rc == 0 && (selftest || selftest_only)) {
        SelfTest_In in = {.fullTest = YES};
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_SelfTest, 0, NULL, NULL);
    }
    return tool_finish(&t, ctx, rc);
}
