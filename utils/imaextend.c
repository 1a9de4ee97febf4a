/* SPDX-License-Identifier: BSD-3-Clause */
/* imaextend: replays a Linux IMA binary measurement list, as IBM's: each entry is extended
 * into the TPM's PCRs (the default, -tpm) or into PCRs computed in software (-sim, printed
 * as IBM's imaextend prints them, every PCR of every bank); the template hash can be checked
 * against the template data (-checkhash) and the template data against the fields its
 * template lists (-checkdata: ima, ima-ng, ima-sig, ... or a custom list "d-ng|n-ng|sig").
 *
 * Banks: -halg, once per bank (default sha1 and sha256, as IBM's). -ealg is the algorithm of
 * the template hashes in the list (sha1 in the kernel's binary list): the bank of that
 * algorithm is extended with the list's template hash, every other bank with the template
 * data hashed with the bank's algorithm, as the kernel extends each bank. A violation (an
 * all-zero template hash) is extended as all ones. -b / -e select the first and last entry
 * (from 0); -l prints each entry's file name and template. -of writes the computed PCR 10
 * of the first bank (IBM's). Integers are big-endian unless -le, as IBM's. */
#include <string.h>

#include "tool/eventlog.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

static const char *ifile, *of;
static int le, tpm, sim, checkhash, checkdata, list;
static TPMI_ALG_HASH halg_usage, ealg = TPM_ALG_SHA1;
static uint32_t first = 0, last = UINT32_MAX;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "IMA binary measurement list", TOOL_REQUIRED, NULL},
    {"-of", T_STR, &of, "file", "computed PCR 10 of the first bank, binary (default do not save)",
     0, NULL},
    {"-le", T_FLAG, &le, NULL, "the list is little endian (default big endian)", 0, NULL},
    {"-halg", T_HALG, &halg_usage, "alg",
     "PCR bank, once per bank (sha1, sha256, sha384, sha512) (default sha1 and sha256)", 0, NULL},
    {"-ealg", T_HALG, &ealg, "alg", "template hash algorithm of the list (default sha1)", 0, NULL},
    {"-tpm", T_FLAG, &tpm, NULL, "extend the entries into the TPM (default)", 0, NULL},
    {"-sim", T_FLAG, &sim, NULL, "compute the PCRs in software and print them, no TPM", 0, NULL},
    {"-checkhash", T_FLAG, &checkhash, NULL, "check each template hash against its data", 0, NULL},
    {"-checkdata", T_FLAG, &checkdata, NULL, "check the template data against its template's fields",
     0, NULL},
    {"-b", T_U32, &first, "entry", "first entry (default 0)", 0, NULL},
    {"-e", T_U32, &last, "entry", "last entry (default the end of the list)", 0, NULL},
    {"-l", T_FLAG, &list, NULL, "print each entry's template and file name", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"imaextend", "Replays a Linux IMA measurement list", opts, 0, 0, {0}, {0}, {0}};

static TPMI_ALG_HASH banks[EL_MAX_ALGS];
static uint32_t nbanks;

/* takes every "-halg alg" out of argv (tool_parse keeps one value per flag): 0 or
 * EXIT_FAILURE with a message */
static int banks_preparse(int *argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const tool_opt *o = opts;
        while (o->flag != NULL && strcmp(o->flag, argv[i]) != 0)
            o++;
        if (o->flag == NULL || o->dst != &halg_usage) {
            argv[out++] = argv[i];
            if (o->flag != NULL && o->kind != T_FLAG && i + 1 < *argc)
                argv[out++] = argv[++i];
            continue;
        }
        if (i + 1 >= *argc)
            return tool_error(&t, "-halg needs a value");
        TPMI_ALG_HASH alg = tool_halg(argv[++i]);
        if (alg == 0 || el_digest_size(alg) == 0)
            return tool_error(&t, "bad parameter %s for -halg", argv[i]);
        for (uint32_t b = 0; b < nbanks; b++)
            if (banks[b] == alg)
                return tool_error(&t, "-halg %s given twice", argv[i]);
        if (nbanks == EL_MAX_ALGS || nbanks == HASH_COUNT)
            return tool_error(&t, "too many -halg banks");
        banks[nbanks++] = alg;
    }
    *argc = out;
    argv[out] = NULL;
    if (nbanks == 0) {
        banks[nbanks++] = TPM_ALG_SHA1;
        banks[nbanks++] = TPM_ALG_SHA256;
    }
    return 0;
}

static void print_entry(const ima_entry *e, uint16_t hashlen)
{
    printf("entry %u: PCR %u template %s hash ", e->index, e->pcr, e->name);
    for (uint16_t i = 0; i < hashlen; i++)
        printf("%02x", e->hash[i]);
    printf("\n");
    if ((list || t.verbose) && (e->filename != NULL || e->filedigest != NULL))
        printf("  %s %.*s%s\n", e->filedigest != NULL ? e->digalg : "-",
               e->filename != NULL ? (int)e->filenamelen : 6,
               e->filename != NULL ? e->filename : "(none)", e->siglen ? " (signed)" : "");
    if (t.verbose && e->filedigest != NULL)
        tool_print_hex("  file digest", e->filedigest, e->filedigestlen);
}

static int is_violation(const ima_entry *e, uint16_t hashlen)
{
    int zero = 1;
    for (uint16_t i = 0; i < hashlen; i++)
        zero &= e->hash[i] == 0;
    return zero;
}

/* the value extended into the bank of alg: the list's template hash in the -ealg bank, the
 * template data hashed with alg in the others, all ones for a violation */
static TPM_RC extend_value(const ima_entry *e, uint16_t hashlen, TPMI_ALG_HASH alg, uint8_t *v)
{
    uint16_t size = el_digest_size(alg);
    if (is_violation(e, hashlen)) {
        memset(v, 0xff, size);
        return 0;
    }
    if (alg == ealg) {
        memcpy(v, e->hash, size);
        return 0;
    }
    TPMT_HA h = {.hashAlg = alg};
    TPM_RC rc = TSS_Hash_Generate(&h, (int)e->tdatalen, e->tdata, 0, NULL);
    if (rc == 0)
        memcpy(v, &h.digest, size);
    return rc;
}

static int check_entry(const ima_entry *e, uint16_t hashlen)
{
    int bad = 0;
    if (checkhash && !is_violation(e, hashlen)) {
        TPMT_HA h = {.hashAlg = ealg};
        if (TSS_Hash_Generate(&h, (int)e->tdatalen, e->tdata, 0, NULL) != 0 ||
            memcmp(&h.digest, e->hash, hashlen) != 0) {
            fprintf(stderr, "imaextend: entry %u: the template hash is not the hash of its data\n", e->index);
            bad = 1;
        }
    }
    char why[160];
    if (checkdata && ima_check_data(e, why, sizeof(why)) != 0) {
        fprintf(stderr, "imaextend: entry %u: %s\n", e->index, why);
        bad = 1;
    }
    if (e->pcr >= EL_MAX_PCR) {
        fprintf(stderr, "imaextend: entry %u: PCR %u out of range\n", e->index, e->pcr);
        bad = 1;
    }
    return bad;
}

/* IBM's -sim output: per bank "algorithmId TPM_ALG_xxx", then " PCR nn: " and the bytes */
static void print_pcrs(const el_pcrs *pcrs)
{
    for (uint32_t b = 0; b < pcrs->nbanks; b++) {
        TSS_TPM_ALG_ID_Print("algorithmId", pcrs->alg[b], 0);
        for (uint32_t p = 0; p < EL_MAX_PCR; p++) {
            printf(" PCR %02u: ", p);
            for (uint16_t i = 0; i < pcrs->size[b]; i++)
                printf("%02x ", pcrs->v[b][p][i]);
            printf("\n");
        }
    }
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    unsigned char *buf = NULL;
    size_t len = 0;
    if (banks_preparse(&argc, argv) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (first > last)
        return tool_error(&t, "-b is after -e");
    if (tpm && sim)
        return tool_error(&t, "-tpm and -sim exclude each other");
    if (tool_read_bytes(&t, ifile, &buf, &len) != 0)
        return EXIT_FAILURE;
    uint16_t hashlen = TSS_GetDigestSize(ealg);
    ima_log log;
    ima_open(&log, buf, len, le, hashlen);
    el_pcrs pcrs;
    el_pcrs_init(&pcrs);
    for (uint32_t b = 0; b < nbanks; b++)
        el_pcrs_bank(&pcrs, banks[b]);
    TPM_RC rc = sim ? 0 : tool_context(&t, &ctx);
    int bad = 0, r;
    ima_entry e;
    while (rc == 0 && !bad && (r = ima_next(&log, &e)) != 0) {
        if (r < 0) {
            fprintf(stderr, "imaextend: %s: %s\n", ifile, log.err);
            bad = 1;
            break;
        }
        if (e.index < first || e.index > last)
            continue;
        print_entry(&e, hashlen);
        if ((bad = check_entry(&e, hashlen)) != 0)
            break;
        uint8_t v[EL_MAX_ALGS][64];
        el_digest d[EL_MAX_ALGS];
        for (uint32_t b = 0; rc == 0 && b < nbanks; b++) {
            rc = extend_value(&e, hashlen, banks[b], v[b]);
            d[b] = (el_digest){banks[b], el_digest_size(banks[b]), v[b]};
            if (rc == 0)
                el_pcrs_extend(&pcrs, banks[b], e.pcr, v[b], d[b].size);
        }
        if (rc == 0 && !sim)
            rc = el_tpm_extend(&t, ctx, e.pcr, d, nbanks);
    }
    if (!bad && rc == 0 && sim)
        print_pcrs(&pcrs);
    if (!bad && rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, pcrs.v[0][10], pcrs.size[0]);
    free(buf);
    if (rc == 0 && bad) {
        TSS_Delete(ctx);
        return EXIT_FAILURE;
    }
    return tool_finish(&t, ctx, rc);
}
