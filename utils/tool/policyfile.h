/* SPDX-License-Identifier: BSD-3-Clause */
/* What the policy and auth-change utilities share: IBM's policymaker text format, policy
 * digest arithmetic, and the few argument helpers (operandB, hierarchy letters, password
 * files) several of them take.
 *
 * The text format: each line is the hex (no spaces, no 0x) of the bytes one policy command
 * extends into the digest -- its command code followed by its parameters -- so that
 * digest = H(digest || bytes) line by line, starting from a digest of zeros. An empty line
 * extends an empty byte string (PolicyAuthorize's second step with an empty policyRef).
 * A trailing CR (a file written on Windows) is ignored. */
#ifndef TSS_TOOL_POLICYFILE_H
#define TSS_TOOL_POLICYFILE_H

#include "tool/tool.h"

/* called once per line of a text file, with the line's bytes decoded from hex */
typedef int (*policy_line_fn)(void *arg, unsigned lineno, const uint8_t *bytes, size_t len);

/* Reads a policymaker text file and calls fn for each line. On a malformed line prints
 * "<name>: <path> line N: <why>" and returns EXIT_FAILURE; also returns fn's non-zero
 * result. Returns 0 when every line was handled. */
int policy_text_foreach(const tool *t, const char *path, policy_line_fn fn, void *arg);
/* the same over text already in memory (path names it in messages) */
int policy_text_parse(const tool *t, const char *path, const unsigned char *text, size_t len,
                      policy_line_fn fn, void *arg);

/* digest = H(digest || data); the algorithm is digest->hashAlg */
TPM_RC policy_extend(TPMT_HA *digest, const void *data, size_t len);
/* digest = H(data) */
TPM_RC policy_hash(TPMT_HA *digest, const void *data, size_t len);

/* hex of n bytes into s (2n + 1 chars, NUL-terminated) */
void policy_hex(char *s, const uint8_t *p, size_t n);

/* operandB from exactly one of -ic (string, without NUL) or -if (file) */
int policy_operand(const tool *t, const char *ic, const char *ifile, TPM2B_OPERAND *op);
/* -op: a TPM_EO (0..b, hex) */
int policy_operation(const tool *t, uint32_t op, TPM_EO *eo);

/* hierarchy handle for IBM's letters: l e o p n (0 if unknown) */
TPM_HANDLE policy_hierarchy(const char *letter);

/* a file of at most max bytes into a TPM2B; the message names the file */
int policy_read_2b(const tool *t, const char *path, TPM2B *b, uint16_t max);

/* a password from a file: the bytes up to the first NUL (getrandom -nz writes one), at most
 * a digest long. *pw is malloc'd and NUL-terminated; free it. */
int policy_password_file(const tool *t, const char *path, char **pw);

#endif
