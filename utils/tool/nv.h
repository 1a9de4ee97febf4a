/* SPDX-License-Identifier: BSD-3-Clause */
/* What nvwrite and nvread share: the largest NV chunk, asked of the TPM only when the data
 * is larger than every TPM accepts, and the index's authorization handle. */
#ifndef TSS_TOOL_NV_H
#define TSS_TOOL_NV_H

#include "tool/tool.h"

/* chunk size for moving `need` bytes: 512 without asking, else TPM_PT_NV_BUFFER_MAX */
TPM_RC nv_chunk(tool *t, TSS_CONTEXT *ctx, uint32_t need, uint32_t *chunk);
/* -hia choice (-1: the index itself, 0: owner, 1: platform) to an auth handle */
TPMI_RH_NV_AUTH nv_auth_handle(int hia, TPMI_RH_NV_INDEX index);
extern const char *const nv_hia[];

#endif
