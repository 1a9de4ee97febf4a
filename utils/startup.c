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
    {"-loc", T_U32, &locality, "locality", "locality of the startup (only 0 is supported)", 0,
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
    /* the public API has no way to select a locality for one command */
    if (locality != 0)
        return tool_error(&t, "-loc %u: only locality 0 is supported", locality);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && !selftest_only) {
        Startup_In in = {.startupType = state ? TPM_SU_STATE : TPM_SU_CLEAR};
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_Startup, 0, NULL, NULL);
    }
    if (rc == 0 && (selftest || selftest_only)) {
        SelfTest_In in = {.fullTest = YES};
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_SelfTest, 0, NULL, NULL);
    }
    return tool_finish(&t, ctx, rc);
}
