/* SPDX-License-Identifier: BSD-3-Clause */
/* policymakerpcr: the PolicyPCR line for policymaker from a PCR mask and PCR values:
 * TPM_CC_PolicyPCR || TPML_PCR_SELECTION (one bank, 3 select bytes) || H(values). The values
 * file has one PCR value in hex per line, in increasing PCR order, one per selected PCR. */
#include <string.h>

#include "tool/policyfile.h"

static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static uint32_t bm;
static int pr;
static const char *ifile, *of;
static const tool_opt opts[] = {
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (sha1 sha256 sha384 sha512) (default sha256)",
     0, NULL},
    {"-bm", T_X32, &bm, "mask",
     "pcr byte mask in hex, big endian (010000 selects PCR 16, ffffff all 24)", TOOL_REQUIRED,
     NULL},
    {"-if", T_STR, &ifile, "file",
     "PCR values, hex ascii, one per line, 24 max (required unless the mask is 0)", 0, NULL},
    {"-of", T_STR, &of, "file", "output file - the policymaker line in hex ascii", 0, NULL},
    {"-pr", T_FLAG, &pr, NULL, "stdout - the policymaker line in hex ascii", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "policymakerpcr",
                 .summary =
                     "Creates a PolicyPCR line suitable for input to policymaker (hex ascii)",
                 .opts = opts,
                 .nsessions = 0};

typedef struct {
    uint8_t values[24 * sizeof(TPMU_HA)];
    size_t len;
    unsigned count;
    uint16_t ds;
} pcr_values;

static int line(void *arg, unsigned lineno, const uint8_t *bytes, size_t len)
{
    pcr_values *v = arg;
    if (len != v->ds)
        return tool_error(&t, "%s line %u: a PCR value of %zu bytes, %u expected", ifile, lineno,
                          len, (unsigned)v->ds);
    if (v->count == 24)
        return tool_error(&t, "%s line %u: more than 24 PCR values", ifile, lineno);
    memcpy(v->values + v->len, bytes, len);
    v->len += len;
    v->count++;
    return 0;
}

int main(int argc, char **argv)
{
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (bm > 0xffffff)
        return tool_error(&t, "-bm %x selects beyond PCR 23", bm);
    unsigned selected = 0;
    for (uint32_t m = bm; m != 0; m >>= 1)
        selected += m & 1;
    if (selected != 0 && ifile == NULL)
        return tool_missing(&t, "-if");
    pcr_values v = {.ds = TSS_GetDigestSize(halg)};
    if (ifile != NULL && policy_text_foreach(&t, ifile, line, &v) != 0)
        return EXIT_FAILURE;
    if (v.count != selected)
        return tool_error(&t, "-bm %06x selects %u PCRs but %s has %u values", bm, selected,
                          ifile != NULL ? ifile : "no file", v.count);
    TPMT_HA d = {.hashAlg = halg};
    TPM_RC rc = policy_hash(&d, v.values, v.len);
    if (rc != 0)
        return tool_error(&t, "hash failed, rc %08x", rc);
    /* command code, count 1, hash algorithm, sizeofSelect 3, pcrSelect[0..2] (PCR 0-7 first) */
    uint8_t term[4 + 4 + 2 + 1 + 3 + sizeof(TPMU_HA)] = {0x00,
                                                         0x00,
                                                         0x01,
                                                         0x7f,
                                                         0,
                                                         0,
                                                         0,
                                                         1,
                                                         (uint8_t)(halg >> 8),
                                                         (uint8_t)halg,
                                                         3,
                                                         (uint8_t)bm,
                                                         (uint8_t)(bm >> 8),
                                                         (uint8_t)(bm >> 16)};
    memcpy(term + 14, &d.digest, v.ds);
    char hex[2 * sizeof(term) + 2];
    policy_hex(hex, term, 14u + v.ds);
    if (pr)
        printf("%s\n", hex);
    strcat(hex, "\n");
    if (of != NULL && tool_write_bytes(&t, of, hex, strlen(hex)) != 0)
        return EXIT_FAILURE;
    return EXIT_SUCCESS;
}
