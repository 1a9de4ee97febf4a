/* SPDX-License-Identifier: BSD-3-Clause */
/* eventextend: reads a TCG PC Client firmware event log (SHA-1 format, or crypto-agile
 * with a Spec ID Event03 header and several banks), prints its events, and on request
 * extends them into the TPM (-tpm), computes the PCRs in software (-sim), compares those
 * with the TPM's (-checkpcr) and checks the digests that are hashes of the event data
 * (-checkhash). EV_NO_ACTION events are never extended; a StartupLocality event sets PCR
 * 0's starting value: with -tpm it power-cycles the TPM (simulators: mssim, swtpm) and sends
 * TPM2_Startup at that locality, as IBM's eventextend does. A malformed log is an error naming the event, after nothing
 * was extended past the last good event. */
#include <ctype.h>
#include <string.h>

#include "tool/eventlog.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsstransmit.h"

static const char *ifile;
static int nospec, tpm, sim, checkhash, checkpcr, ns;
static uint32_t pcrmax = 23;
static const tool_opt opts[] = {
    {"-if", T_STR, &ifile, "file", "event log file", TOOL_REQUIRED, NULL},
    {"-nospec", T_FLAG, &nospec, NULL, "the log has no Spec ID header (SHA-1 format events only)", 0, NULL},
    {"-tpm", T_FLAG, &tpm, NULL, "extend the events into the TPM", 0, NULL},
    {"-sim", T_FLAG, &sim, NULL, "compute the PCRs in software and print them", 0, NULL},
    {"-checkhash", T_FLAG, &checkhash, NULL, "check digests that are hashes of the event data", 0, NULL},
    {"-checkpcr", T_FLAG, &checkpcr, NULL, "compare the computed PCRs with the TPM's", 0, NULL},
    {"-pcrmax", T_U32, &pcrmax, "pcr", "highest PCR to compute, print and check (default 23)", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "print computed PCRs as bare hex", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"eventextend", "Replays a TCG PC Client event log", opts, 0, 0, {0}, {0}, {0}};

static void print_data(const el_event *e)
{
    int text = e->datalen > 0;
    for (uint32_t i = 0; i < e->datalen && text; i++)
        text = isprint(e->data[i]) || (e->data[i] == 0 && i == e->datalen - 1);
    if (text) {
        printf("  event data: %.*s\n", (int)e->datalen, (const char *)e->data);
        return;
    }
    tool_print_hex("  event data", e->data, e->datalen);
}

static void print_event(const el_event *e)
{
    const char *name = el_type_name(e->type);
    printf("event %u: PCR %u type %s (%08x) size %u\n", e->index, e->pcr, name ? name : "unknown",
           e->type, e->datalen);
    for (uint32_t i = 0; i < e->ndigests; i++) {
        printf("  %-6s ", el_alg_name(e->dig[i].alg));
        for (uint16_t k = 0; k < e->dig[i].size; k++)
            printf("%02x", e->dig[i].bytes[k]);
        printf("\n");
    }
    if (t.verbose)
        print_data(e);
}

/* -checkhash: a digest that must be the hash of the data; 0 ok, 1 mismatch */
static int check_hash(const el_event *e)
{
    int bad = 0;
    for (uint32_t i = 0; i < e->ndigests; i++) {
        TPMT_HA h = {.hashAlg = e->dig[i].alg};
        if (TSS_Hash_Generate(&h, (int)e->datalen, e->data, 0, NULL) != 0 ||
            memcmp(&h.digest, e->dig[i].bytes, e->dig[i].size) != 0) {
            fprintf(stderr, "eventextend: event %u: %s digest is not the hash of the event data\n",
                    e->index, el_alg_name(e->dig[i].alg));
            bad = 1;
        }
    }
    return bad;
}

/* a StartupLocality event (PCR 0, "StartupLocality\0" and one locality byte)? */
static int startup_locality(const el_event *e)
{
    static const char loc[16] = "StartupLocality";
    return e->type == EV_NO_ACTION && e->pcr == 0 && e->datalen == 17 && memcmp(e->data, loc, 16) == 0;
}

/* -tpm and StartupLocality: power off, power on, NV on, then TPM2_Startup(CLEAR) at the
 * event's locality (PCR 0 then starts at that locality's value) */
static TPM_RC tpm_startup_at(TSS_CONTEXT *ctx, uint8_t locality)
{
    char loc[4];
    TPM_RC rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_POWER_OFF, "TPM2_PowerOffPlatform");
    if (rc == 0)
        rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_POWER_ON, "TPM2_PowerOnPlatform");
    if (rc == 0)
        rc = TSS_TransmitPlatform(ctx, TPM_SIGNAL_NV_ON, "TPM2_NvOnPlatform");
    if (rc != 0) {
        fprintf(stderr, "eventextend: StartupLocality: this TPM cannot be power-cycled "
                        "(only the mssim and swtpm simulators can)\n");
        return rc;
    }
    snprintf(loc, sizeof(loc), "%u", locality);
    rc = TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, loc);
    if (rc == 0) {
        Startup_In in = {.startupType = TPM_SU_CLEAR};
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_Startup, 0, NULL, NULL);
    }
    TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, NULL);
    return rc;
}

/* one event into the simulated PCRs; EV_NO_ACTION only reads the startup locality */
static int simulate(el_pcrs *s, const el_event *e)
{
    if (e->type == EV_NO_ACTION) {
        if (startup_locality(e))
            for (uint32_t b = 0; b < s->nbanks; b++)
                if (!(s->touched & 1u))
                    s->v[b][0][s->size[b] - 1] = e->data[16];
        return 0;
    }
    for (uint32_t i = 0; i < e->ndigests; i++)
        if (el_pcrs_extend(s, e->dig[i].alg, e->pcr, e->dig[i].bytes, e->dig[i].size) != 0) {
            fprintf(stderr, "eventextend: event %u: cannot extend PCR %u %s\n", e->index, e->pcr,
                    el_alg_name(e->dig[i].alg));
            return 1;
        }
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pcrmax >= EL_MAX_PCR)
        return tool_error(&t, "-pcrmax must be a PCR number from 0 to 23");
    if (tool_read_bytes(&t, ifile, &buf, &len) != 0)
        return EXIT_FAILURE;
    el_log log;
    el_pcrs pcrs;
    el_pcrs_init(&pcrs);
    int bad = el_open(&log, buf, len, nospec) != 0;
    if (bad)
        fprintf(stderr, "eventextend: %s: %s\n", ifile, log.err);
    /* the banks the log declares start at zero even where no event extends them */
    for (uint32_t i = 0; !bad && i < (log.agile ? log.nalgs : 1); i++)
        el_pcrs_bank(&pcrs, log.agile ? log.alg[i] : TPM_ALG_SHA1);
    TPM_RC rc = 0;
    if (!bad && (tpm || checkpcr))
        rc = tool_context(&t, &ctx);
    el_event e;
    int r;
    while (!bad && rc == 0 && (r = el_next(&log, &e)) != 0) {
        if (r < 0) {
            fprintf(stderr, "eventextend: %s: %s\n", ifile, log.err);
            bad = 1;
            break;
        }
        print_event(&e);
        /* EV_NO_ACTION events extend nothing: their PCR index is informational */
        if (e.pcr >= EL_MAX_PCR && e.type != EV_NO_ACTION) {
            fprintf(stderr, "eventextend: event %u: PCR %u out of range\n", e.index, e.pcr);
            bad = 1;
            break;
        }
        if (checkhash && el_digest_is_of_data(e.type))
            bad |= check_hash(&e);
        bad |= simulate(&pcrs, &e);
        if (tpm && e.type != EV_NO_ACTION && !bad)
            rc = el_tpm_extend(&t, ctx, e.pcr, e.dig, e.ndigests);
        else if (tpm && startup_locality(&e) && !bad)
            rc = tpm_startup_at(ctx, e.data[16]);
    }
    if (!bad && rc == 0 && sim)
        el_pcrs_print(&pcrs, pcrmax, ns);
    if (!bad && rc == 0 && checkpcr) {
        int diff = el_pcrs_check(&t, ctx, &pcrs, pcrmax);
        if (diff != 0)
            bad = 1;
        else if (t.verbose)
            printf("eventextend: the TPM's PCRs match the log\n");
    }
    free(buf);
    if (rc == 0 && bad) {
        TSS_Delete(ctx);
        return EXIT_FAILURE;
    }
    return tool_finish(&t, ctx, rc);
}
