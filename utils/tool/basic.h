/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of TPM constants and attribute bits, for the utilities that print them
 * (getcapability, printattr). Names come from TpmConstants.h; unknown values give NULL. */
#ifndef TSS_TOOL_BASIC_H
#define TSS_TOOL_BASIC_H

#include <stdint.h>

#include "tss2/TPM_Types.h"

/* one named bit (or multi-bit field when mask has several bits) of an attribute word */
typedef struct basic_bit {
    uint32_t mask;
    const char *name;
} basic_bit;

typedef struct basic_attr {
    const char *type;       /* "TPMA_OBJECT" */
    const basic_bit *bits;  /* NULL-name terminated */
    uint32_t reserved;      /* bits the spec leaves reserved */
} basic_attr;

extern const basic_attr basic_tpma_object, basic_tpma_nv, basic_tpma_session,
    basic_tpma_startup_clear, basic_tpma_algorithm, basic_tpma_permanent, basic_tpma_memory,
    basic_tpma_modes;

/* TPM_PT name and a short description */
const char *basic_pt_name(uint32_t pt, const char **desc);
const char *basic_pt_pcr_name(uint32_t pt, const char **desc);
const char *basic_nt_name(uint32_t nt);

/* prints one line per SET bit: "<prefix><name>\n"; then a line for set reserved bits.
 * TPMA_NV's index type field prints as its TPM_NT_ name. */
void basic_print_attr(const basic_attr *a, uint32_t value, const char *prefix);

/* prints one GetCapability answer (TPM_CAP_ALGS .. TPM_CAP_ACT) in IBM's getcapability
 * layout; returns the number of entries and sets *next to the property that continues the
 * listing (0 entries for TPM_CAP_PCRS, whose answer is always complete) */
uint32_t basic_print_capability(const TPMS_CAPABILITY_DATA *d, uint32_t *next);

#endif
