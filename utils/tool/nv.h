/* SPDX-License-Identifier: BSD-3-Clause */
/* What nvwrite and nvread share: the largest NV chunk, asked of the TPM only when the data
 * is larger than every TPM accepts, the index's authorization handle, and IBM's
 * -id pinCount pinLimit (a PIN index's 8 bytes: two big-endian UINT32). */
#ifndef TSS_TOOL_NV_H
#define TSS_TOOL_NV_H

#include "tool/tool.h"

/* chunk size for moving `need` bytes: 512 without asking, else TPM_PT_NV_BUFFER_MAX */
TPM_RC nv_chunk(tool *t, TSS_CONTEXT *ctx, uint32_t need, uint32_t *chunk);
/* -hia choice (-1: the index itself, 0: owner, 1: platform) to an auth handle */
TPMI_RH_NV_AUTH nv_auth_handle(int hia, TPMI_RH_NV_INDEX index);
extern const char *const nv_hia[];

/* the -id entry of an option table (documentation: nv_take_id takes it out of argv) */
#define NV_OPT_ID(help) {"-id", T_STR, NULL, "pinCount pinLimit", help, 0, NULL}
/* Takes "-id pinCount pinLimit" (decimal) out of argv before tool_parse; *given is set when
 * it was there. 0, or EXIT_FAILURE after a message. */
int nv_take_id(const tool *t, int *argc, char **argv, uint32_t pin[2], int *given);
/* the 8 bytes of a PIN index */
void nv_pin_bytes(const uint32_t pin[2], uint8_t out[8]);

#endif
