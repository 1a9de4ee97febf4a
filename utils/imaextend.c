/* SPDX-License-Identifier: BSD-3-Clause */
/* imaextend: reads a Linux IMA binary measurement list (templates ima, ima-ng, ima-sig),
 * prints its entries, and on request extends them into the TPM (-tpm), computes the PCRs in
 * software (-sim, -of), checks each template hash against its template data (-checkhash)
 * and the template data's own structure (-checkdata).
 *
 * -ealg is the algorithm of the template hashes in the list (sha1 in the kernel's binary
 * list); -halg the PCR bank extended and computed. When they differ the template hash is
 * zero padded or truncated to the bank's size, as kernels without per-bank template hashes
 * extend the other banks. A violation (an all-zero template hash) is extended as all ones.
 * -b / -e select the first and last entry (from 0); -l prints each entry's file name and
 * template. Integers are big-endian unless -le, as IBM's. */
#include <string.h>

#include "tool/eventlog.h"
#include "tss2/tsscrypto.h"

static const char *ifile, *of;
static int le, tpm, sim, checkhash, checkdata, list;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256, ealg = TPM_ALG_SHA1;
static uint32_t first = 0, last = UINT32_MAX;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "IMA binary measurement list", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "the computed PCR value(s), binary (default do not save)", 0, NULL},
    {"-le", T_FLAG, &le, NULL, "the list is little endian (default big endian)", 0, NULL},
    {"-halg", T_HALG, &halg, "alg", "PCR bank (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-ealg", T_HALG, &ealg, "alg", "template hash algorithm of the list (default sha1)", 0, NULL},
    {"-tpm", T_FLAG, &tpm, NULL, "extend the entries into the TPM", 0, NULL},
    {"-sim", T_FLAG, &sim, NULL, "compute the PCRs in software and print them", 0, NULL},
    {"-checkhash", T_FLAG, &checkhash, NULL, "check each template hash against its data", 0, NULL},
    {"-checkdata", T_FLAG, &checkdata, NULL, "check the template data's digest and name fields", 0, NULL},
    {"-b", T_U32, &first, "entry", "first entry (default 0)", 0, NULL},
    {"-e", T_U32, &last, "entry", "last entry (default the end of the list)", 0, NULL},
    {"-l", T_FLAG, &list, NULL, "print each entry's template and file name", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"imaextend", "Replays a Linux IMA measurement list", opts, 0, 0, {0}, {0}, {0}};

static void print_entry(const ima_entry *e, uint16_t hashlen)
{
    printf("entry %u: PCR %u template %s hash ", e->index, e->pcr, e->name);
    for (uint16_t i = 0; i < hashlen; i++)
        printf("%02x", e->hash[i]);
    printf("\n");
    if ((list || t.verbose) && e->filename != NULL)
        printf("  %s %.*s%s\n", e->digalg, (int)e->filenamelen, e->filename,
               e->siglen ? " (signed)" : "");
    if (t.verbose && e->filedigest != NULL)
        tool_print_hex("  file digest", e->filedigest, e->filedigestlen);
}

/* the value extended into the bank: the template hash resized, a violation as ones */
static void extend_value(const ima_entry *e, uint16_t hashlen, uint8_t *v, uint16_t size)
{
    int zero = 1;
    for (uint16_t i = 0; i < hashlen; i++)
        zero &= e->hash[i] == 0;
    memset(v, zero ? 0xff : 0, size);
    if (!zero)
        memcpy(v, e->hash, hashlen < size ? hashlen : size);
}

static int check_entry(const ima_entry *e, uint16_t hashlen)
{
    int bad = 0;
    int zero = 1;
    for (uint16_t i = 0; i < hashlen; i++)
        zero &= e->hash[i] == 0;
    if (checkhash && !zero) {
        TPMT_HA h = {.hashAlg = ealg};
        if (TSS_Hash_Generate(&h, (int)e->tdatalen, e->tdata, 0, NULL) != 0 ||
            memcmp(&h.digest, e->hash, hashlen) != 0) {
            fprintf(stderr, "imaextend: entry %u: the template hash is not the hash of its data\n", e->index);
            bad = 1;
        }
    }
    char why[128];
    if (checkdata && ima_check_data(e, why, sizeof(why)) != 0) {
        fprintf(stderr, "imaextend: entry %u: %s\n", e->index, why);
        bad = 1;
    }
    return bad;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (first > last)
        return tool_error(&t, "-b is after -e");
    if (tool_read_bytes(&t, ifile, &buf, &len) != 0)
        return EXIT_FAILURE;
    uint16_t hashlen = TSS_GetDigestSize(ealg), size = TSS_GetDigestSize(halg);
    ima_log log;
    ima_open(&log, buf, len, le, hashlen);
    el_pcrs pcrs;
    el_pcrs_init(&pcrs);
    el_pcrs_bank(&pcrs, halg);
    TPM_RC rc = tpm ? tool_context(&t, &ctx) : 0;
    int bad = 0, r;
    ima_entry e;
    while (rc == 0 && (r = ima_next(&log, &e)) != 0) {
        if (r < 0) {
            fprintf(stderr, "imaextend: %s: %s\n", ifile, log.err);
            bad = 1;
            break;
        }
        if (e.index < first || e.index > last)
            continue;
        print_entry(&e, hashlen);
        bad |= check_entry(&e, hashlen);
        if (e.pcr >= EL_MAX_PCR) {
            fprintf(stderr, "imaextend: entry %u: PCR %u out of range\n", e.index, e.pcr);
            bad = 1;
        }
        if (bad)
            break;
        uint8_t v[64];
        extend_value(&e, hashlen, v, size);
        el_pcrs_extend(&pcrs, halg, e.pcr, v, size);
        el_digest d = {halg, size, v};
        if (tpm)
            rc = el_tpm_extend(&t, ctx, e.pcr, &d, 1);
    }
    if (!bad && rc == 0 && sim)
        el_pcrs_print(&pcrs, EL_MAX_PCR - 1, 0);
    if (!bad && rc == 0 && of != NULL) {
        uint8_t out[EL_MAX_PCR * 64];
        size_t n = 0;
        for (uint32_t p = 0; p < EL_MAX_PCR; p++)
            if (pcrs.touched & (1u << p)) {
                memcpy(out + n, pcrs.v[0][p], size);
                n += size;
            }
        rc = tool_write_bytes(&t, of, out, n);
    }
    free(buf);
    if (rc == 0 && bad) {
        TSS_Delete(ctx);
        return EXIT_FAILURE;
    }
    return tool_finish(&t, ctx, rc);
}
