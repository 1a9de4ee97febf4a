/* SPDX-License-Identifier: BSD-3-Clause */
/* returncode: decodes a response code given in hex, either as the only argument (IBM's
 * form, "returncode 9a2") or with -rc. No TPM. */
#include <string.h>

#include "tool/tool.h"

static uint32_t code;
static const tool_opt opts[] = {
    {"-rc", T_X32, &code, "hex-number", "response code", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"returncode", "Returns the TPM_RC name and text for the return code", opts, 0,
                 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    /* IBM's form: one bare hex number; rewritten as -rc so one parser checks it */
    char *args[3] = {argv[0], "-rc", NULL};
    if (argc == 2 && argv[1][0] != '-') {
        args[2] = argv[1];
        argc = 3;
        argv = args;
    }
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    const char *msg, *submsg, *num;
    TSS_ResponseCode_toString(&msg, &submsg, &num, code);
    printf("%s%s%s\n", msg, submsg, num);
    return EXIT_SUCCESS;
}
