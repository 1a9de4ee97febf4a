/* SPDX-License-Identifier: BSD-3-Clause */
/* What the ECC, sequence and context utilities share: IBM's curve names, the commit counter
 * file, and feeding a file of any length to a hash or HMAC sequence. */
#ifndef TSS_TOOL_SEQ_H
#define TSS_TOOL_SEQ_H

#include "tool/tool.h"

/* IBM's curve names (bnp256 nistp256 nistp384), for T_CHOICE options */
extern const char *const seq_curves[];
TPMI_ECC_CURVE seq_curve(int choice);

/* The largest data every TPM takes in one command (TPM_PT_INPUT_BUFFER is at least this). */
#define SEQ_CHUNK 1024u

/* The commit counter file (ecephemeral/commit -cf out, zgen2phase -cf in): a UINT16,
 * big-endian, 2 bytes. */
TPM_RC seq_write_counter(const tool *t, const char *path, UINT16 counter);
TPM_RC seq_read_counter(const tool *t, const char *path, UINT16 *counter);

/* A file for a sequence: the whole file, any length. *data is malloc'd (free it). */
int seq_read_file(const tool *t, const char *path, uint8_t **data, size_t *len);

/* How many leading bytes of len go to TPM2_SequenceUpdate when the last part (at most
 * SEQ_CHUNK bytes) is left for a completing command. */
size_t seq_lead(size_t len);

/* Checks that the -se sessions survive ncommands commands (continueSession set wherever a
 * session is given and ncommands > 1); prints why not. 0 or EXIT_FAILURE. */
int seq_sessions_continue(const tool *t, size_t ncommands);

/* A completing command's -if (NULL: no data): reads the file, checks that the -se sessions
 * survive the updates it needs, puts the last part (at most SEQ_CHUNK bytes) in buf. The
 * leading *lead bytes of *data (malloc'd, free it) go to seq_update first. 0 or EXIT_FAILURE. */
int seq_prepare_complete(const tool *t, const char *ifile, TPM2B_MAX_BUFFER *buf, uint8_t **data,
                         size_t *lead);

/* TPM2_SequenceUpdate of len bytes in SEQ_CHUNK pieces, with the -se sessions and the
 * sequence password pwds. len 0 sends one empty update. */
TPM_RC seq_update(tool *t, TSS_CONTEXT *ctx, TPMI_DH_OBJECT seq, const char *pwds,
                  const uint8_t *data, size_t len);

#endif
