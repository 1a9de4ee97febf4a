/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target: the utilities' option parser (tool_parse) over arbitrary command lines.
 * The input is split at NUL and newline bytes into at most 40 arguments. The option table
 * has one option of every kind and three -se sessions. Whatever the arguments, the parser
 * returns (never exits or crashes); when it accepts them, every value it stored is one the
 * kind allows. Messages and usage go to stdout/stderr, which make fuzz closes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tool/tool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int flag;
static const char *str;
static uint32_t u32, x32;
static uint16_t u16;
static TPMI_ALG_HASH halg;
static int choice;
static int32_t i32;
static uint64_t u64;
static const char *const words[] = {"rsa", "ecc", "hmac", NULL};
static const tool_opt opts[] = {
    {"-f", T_FLAG, &flag, NULL, "flag", 0, NULL},
    {"-s", T_STR, &str, "s", "string", 0, NULL},
    {"-u", T_U32, &u32, "n", "uint32", TOOL_REQUIRED, NULL},
    {"-w", T_U16, &u16, "n", "uint16", 0, NULL},
    {"-x", T_X32, &x32, "h", "hex", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "hash", 0, NULL},
    {"-c", T_CHOICE, &choice, "w", "choice", 0, words},
    {"-i", T_I32, &i32, "n", "int32", 0, NULL},
    {"-l", T_U64, &u64, "n", "uint64", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    char *argv[41];
    int argc = 0;
    if (copy == NULL)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    argv[argc++] = "fuzz_args";
    for (size_t i = 0, start = 0; i <= size && argc < 40; i++) {
        if (i == size || copy[i] == '\0' || copy[i] == '\n') {
            copy[i] = '\0';
            argv[argc++] = copy + start;
            start = i + 1;
        }
    }
    argv[argc] = NULL;
    flag = 0, str = NULL, u32 = 0, x32 = 0, u16 = 0, halg = TPM_ALG_SHA256, choice = -1, i32 = 0, u64 = 0;
    tool t = {"fuzz_args", "option parser under the fuzzer", opts, 3, 0, {0}, {0}, {0}};
    /* "<utility> --man" alone prints the option table for the man page generator and exits
     * (by design, with status 0): not a parse to fuzz */
    if (argc == 2 && strcmp(argv[1], "--man") == 0) {
        free(copy);
        return 0;
    }
    if (tool_parse(&t, argc, argv) == 0) {
        if (halg != TPM_ALG_SHA1 && halg != TPM_ALG_SHA256 && halg != TPM_ALG_SHA384 &&
            halg != TPM_ALG_SHA512)
            abort();
        if (choice < -1 || choice > 2)
            abort();
        if (flag != 0 && flag != 1)
            abort();
        for (int s = 0; s < 3; s++)
            if (t.sattr[s] > 0xff || (!t.seen_se[s] && t.sattr[s] != 0))
                abort();
    }
    free(copy);
    return 0;
}
