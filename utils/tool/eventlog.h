/* SPDX-License-Identifier: BSD-3-Clause */
/* Event logs: the TCG PC Client firmware log (the SHA-1 format, TCG_PCR_EVENT, and the
 * crypto-agile format: a Spec ID Event03 header, then TCG_PCR_EVENT2 with a digest per bank)
 * and the Linux IMA binary measurement list (template data parsed by the template's field
 * list: ima, ima-ng, ima-sig, ... or a custom list such as "d-ng|n-ng|sig").
 *
 * The parsers read a buffer already in memory, never past its end: every length is checked
 * against the bytes left before it is used. An error sets err to a message naming the event
 * (counted from 0, as the tools print them) and what is wrong with it. */
#ifndef TSS_TOOL_EVENTLOG_H
#define TSS_TOOL_EVENTLOG_H

#include <stddef.h>
#include <stdint.h>

#include "tool/tool.h"

#define EL_MAX_ALGS 8
#define EL_MAX_PCR 24

#define EV_NO_ACTION 0x00000003u

typedef struct el_digest {
    uint16_t alg;
    uint16_t size;
    const uint8_t *bytes;
} el_digest;

typedef struct el_event {
    unsigned index; /* 0 for the first event of the log */
    uint32_t pcr, type;
    uint32_t ndigests;
    el_digest dig[EL_MAX_ALGS];
    uint32_t datalen;
    const uint8_t *data;
} el_event;

typedef struct el_log {
    const uint8_t *buf;
    size_t len, pos;
    int agile;         /* crypto-agile: TCG_PCR_EVENT2 after the header */
    uint32_t nalgs;    /* banks the Spec ID event lists */
    uint16_t alg[EL_MAX_ALGS], size[EL_MAX_ALGS];
    unsigned next;     /* index of the next event */
    char err[200];
} el_log;

/* Starts reading a firmware log. Unless nospec, the first event is examined: a Spec ID
 * Event03 makes the log crypto-agile (that event is returned by el_next too). 0 or -1. */
int el_open(el_log *l, const uint8_t *buf, size_t len, int nospec);
/* The next event: 1, 0 at the clean end of the log, -1 on a malformed event (l->err). */
int el_next(el_log *l, el_event *e);
/* "EV_SEPARATOR" ... or NULL */
const char *el_type_name(uint32_t type);
/* the TPM_ALG_ID of a hash a log names, its digest size (0 when unknown) */
uint16_t el_digest_size(uint16_t alg);
/* 1 when the spec makes the event's digest the hash of its data (checkable) */
int el_digest_is_of_data(uint32_t type);

/* ---- PCRs computed in software, and the TPM's ---- */

typedef struct el_pcrs {
    uint32_t nbanks;
    uint16_t alg[EL_MAX_ALGS], size[EL_MAX_ALGS];
    uint8_t v[EL_MAX_ALGS][EL_MAX_PCR][64];
    uint32_t touched; /* bit n: PCR n was extended */
} el_pcrs;

void el_pcrs_init(el_pcrs *s);
/* the bank's index, added (all PCRs zero) when new; -1 for an unknown hash or too many */
int el_pcrs_bank(el_pcrs *s, uint16_t alg);
/* PCR = H(PCR || digest) in the bank of alg; -1 for a bad PCR, bank or digest size */
int el_pcrs_extend(el_pcrs *s, uint16_t alg, uint32_t pcr, const uint8_t *digest, size_t n);
/* prints every bank's PCRs 0..pcrmax that were extended ("PCR 16 sha256 <hex>", or with ns
 * only the hex) */
void el_pcrs_print(const el_pcrs *s, uint32_t pcrmax, int ns);
/* TPM2_PCR_Extend of one event's digests (the PCR's empty password) */
TPM_RC el_tpm_extend(tool *t, TSS_CONTEXT *ctx, uint32_t pcr, const el_digest *d, uint32_t n);
/* Reads each extended PCR 0..pcrmax of each bank from the TPM and compares: the number of
 * PCRs that differ (each printed), or -1 when the TPM could not be read (message printed) */
int el_pcrs_check(tool *t, TSS_CONTEXT *ctx, const el_pcrs *s, uint32_t pcrmax);
/* "sha256" ... */
const char *el_alg_name(uint16_t alg);

/* ---- IMA ---- */

typedef struct ima_entry {
    unsigned index;
    uint32_t pcr;
    const uint8_t *hash; /* template hash, hashlen bytes (all zero: a violation) */
    char name[256];      /* template name */
    const uint8_t *tdata; /* template data (for "ima": digest[20] || name, as hashed) */
    uint32_t tdatalen;
    /* the digest (d-ng, d-ngv2, d), name (n-ng, n) and signature (sig) fields of the template
     * data, those the template has (else NULL); parsed: the data is exactly the fields the
     * template's name lists */
    int parsed;
    char digalg[16];       /* "sha256" ... ("sha1" for the ima template) */
    const uint8_t *filedigest;
    uint32_t filedigestlen;
    const char *filename;  /* within tdata; NUL-terminated when parsed */
    uint32_t filenamelen;  /* without the NUL */
    const uint8_t *sig;
    uint32_t siglen;
} ima_entry;

typedef struct ima_log {
    const uint8_t *buf;
    size_t len, pos;
    int little;       /* little-endian integers */
    uint16_t hashlen; /* template hash size (20 for SHA-1) */
    unsigned next;
    uint8_t ima_tdata[20 + 256]; /* the "ima" template's hashed form of the current entry */
    char err[200];
} ima_log;

void ima_open(ima_log *l, const uint8_t *buf, size_t len, int little, uint16_t hashlen);
/* 1, 0 at the clean end, -1 on a malformed entry (l->err) */
int ima_next(ima_log *l, ima_entry *e);
/* the field list of a template: "d-ng|n-ng" for "ima-ng" ..., a name that is no kernel
 * template is itself the list ("d-ng|n-ng|sig") */
const char *ima_template_fields(const char *name);
/* Checks the template data's own structure (the fields its template lists, digest size for
 * its algorithm, NUL-terminated name): 0, or -1 with the reason in why. */
int ima_check_data(const ima_entry *e, char *why, size_t whylen);

#endif
