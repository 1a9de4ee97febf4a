/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target: policymaker's text format (tool/policyfile.c) over arbitrary bytes, as
 * policymaker uses it: every decoded line is extended into a SHA-256 policy digest. A line
 * must decode to half its hex digits, within the input; a malformed line is an error return,
 * never a crash. The first byte picks the hash algorithm. The parser's messages go to stderr,
 * which make fuzz closes (-close_fd_mask=3: libFuzzer and sanitizer reports still print). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tool/policyfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct run {
    TPMT_HA digest;
    size_t input;
    unsigned lines;
} run;

static int line(void *arg, unsigned lineno, const uint8_t *bytes, size_t len)
{
    run *r = arg;
    if (lineno != r->lines + 1 || 2 * len > r->input || (len > 0 && bytes == NULL))
        abort(); /* lines out of order, or more bytes than the text can hold */
    r->lines = lineno;
    return policy_extend(&r->digest, bytes, len) == 0 ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const TPMI_ALG_HASH algs[] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384, TPM_ALG_SHA512};
    if (size < 1)
        return 0;
    tool t = {"fuzz_policy", "", NULL, 0, 0, {0}, {0}, {0}};
    run r = {.digest = {.hashAlg = algs[data[0] % 4]}, .input = size - 1, .lines = 0};
    policy_text_parse(&t, "input", data + 1, size - 1, line, &r);
    return 0;
}
