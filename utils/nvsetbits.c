/* SPDX-License-Identifier: BSD-3-Clause */
/* nvsetbits: TPM2_NV_SetBits (ORs -bit bits into a bit field index), or with -phash only the
 * parameter hash H(commandCode || bits) that PolicyParameters takes, without running it. */
#include <string.h>

#include "tool/nvadmin.h"
#include "tss2/tsscrypto.h"

static uint32_t ha;
static uint64_t bits;
static TPMI_ALG_HASH phalg;
static const char *pwdn, *phfile;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty)", 0, NULL},
    {"-bit", T_STR, NULL, "bit", "bit to set (0-63), can be specified multiple times", 0, NULL},
    {"-phash", T_STR, NULL, "alg file", "parameter hash algorithm (sha1 sha256 sha384 sha512) and "
     "binary output file: prints and saves the parameter hash, does not run the command", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvsetbits", "Runs TPM2_NV_SetBits", opts, 3, 0, {0}, {0}, {0}};

static int take(void *user, int which, char **v)
{
    (void)user;
    char *end;
    if (which == 1) {
        phalg = tool_halg(v[0]);
        phfile = v[1];
        return phalg == 0 ? tool_error(&t, "bad -phash algorithm '%s'", v[0]) : 0;
    }
    unsigned long b = strtoul(v[0], &end, 10);
    if (*v[0] < '0' || *v[0] > '9' || *end != '\0' || b > 63)
        return tool_error(&t, "-bit %s is not a bit number 0 to 63", v[0]);
    bits |= (uint64_t)1 << b;
    return 0;
}

/* the parameter hash: H(commandCode || marshaled parameters), handles excluded */
static TPM_RC phash(void)
{
    uint8_t p[12];
    TPMT_HA h = {.hashAlg = phalg};
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(TPM_CC_NV_SetBits >> (24 - 8 * i));
    for (int i = 0; i < 8; i++)
        p[4 + i] = (uint8_t)(bits >> (56 - 8 * i));
    TPM_RC rc = TSS_Hash_Generate(&h, (int)sizeof(p), p, 0, NULL);
    uint16_t n = TSS_GetDigestSize(phalg);
    if (rc == 0)
        rc = tool_write_bytes(&t, phfile, (uint8_t *)&h.digest, n);
    for (uint16_t i = 0; rc == 0 && i < n; i++)
        printf("%02x%s", ((uint8_t *)&h.digest)[i], i + 1 == n ? "\n" : "");
    return rc;
}

int main(int argc, char **argv)
{
    static const char *const taken[] = {"-bit", "-phash", NULL};
    static const int nvals[] = {1, 2};
    TSS_CONTEXT *ctx = NULL;
    if (nva_take(&t, &argc, argv, taken, nvals, take, NULL) != 0)
        return EXIT_FAILURE;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    if (phfile != NULL)
        return tool_finish(&t, NULL, phash());
    NV_SetBits_In in = {.authHandle = ha, .nvIndex = ha, .bits = bits};
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_SetBits, 1, pwdn, NULL);
    return tool_finish(&t, ctx, rc);
}
