/* SPDX-License-Identifier: BSD-3-Clause */
/* policymaker: a policy digest computed offline from IBM's text format (one line of hex per
 * policy command: its command code and the parameters it extends; see tool/policyfile.h). */
#include <string.h>

#include "tool/policyfile.h"
#include "tss2/tssprint.h"

static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static int nz, pr, ns;
static const char *ifile, *of;
static const tool_opt opts[] = {
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1 sha256 sha384 sha512) (default sha256)",
     0, NULL},
    {"-nz", T_FLAG, &nz, NULL, "do not extend starting with zeros, just hash the last line", 0,
     NULL},
    {"-if", T_STR, &ifile, "file", "input policy statements in hex ascii", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "output file - policy hash in binary", 0, NULL},
    {"-pr", T_FLAG, &pr, NULL, "stdout - policy hash in hex ascii", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "additionally print the policy hash in hex ascii on one line", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policymaker",
                 .summary = "Computes a policy digest from policy statements in hex ascii",
                 .opts = opts,
                 .nsessions = 0};

static int line(void *arg, unsigned lineno, const uint8_t *bytes, size_t len)
{
    TPMT_HA *d = arg;
    TPM_RC rc = nz ? policy_hash(d, bytes, len) : policy_extend(d, bytes, len);
    if (rc != 0)
        return tool_error(&t, "%s line %u: hash failed, rc %08x", ifile, lineno, rc);
    return 0;
}

int main(int argc, char **argv)
{
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPMT_HA d = {.hashAlg = halg};
    uint16_t ds = TSS_GetDigestSize(halg);
    memset(&d.digest, 0, sizeof(d.digest));
    if (policy_text_foreach(&t, ifile, line, &d) != 0)
        return EXIT_FAILURE;
    const uint8_t *p = (const uint8_t *)&d.digest;
    if (of != NULL && tool_write_bytes(&t, of, p, ds) != 0)
        return EXIT_FAILURE;
    if (pr)
        TSS_PrintAll("policy digest", p, ds);
    if (ns) {
        char hex[2 * sizeof(TPMU_HA) + 1];
        policy_hex(hex, p, ds);
        printf("policy digest:\n%s\n", hex);
    }
    return EXIT_SUCCESS;
}
