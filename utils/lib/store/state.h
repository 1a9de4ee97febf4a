/* SPDX-License-Identifier: BSD-3-Clause */
/* State files in TPM_DATA_DIR.
 *
 *   h<handle>.bin    Names (objects, NV indexes): the binary Name, unencrypted, as IBM's TSS
 *                    writes them, so scripts can compare them with readpublic -on
 *   hp<handle>.bin   public area of a loaded object (marshaled TPM2B_PUBLIC), unencrypted
 *   nvp<index>.bin   public area of an NV index (marshaled TPMS_NV_PUBLIC), unencrypted
 *   h<session>.bin   session state: with TPM_ENCRYPT_SESSIONS=1 (default) sealed (HMAC-SHA-256),
 *                    "TSSE" 2 | iv[16] | ciphertext | tag[32] (crypto/seal.c), the file name bound in as AAD
 *                    so a file copied to another name fails too; with 0, "TSSP" 1 | data |
 *                    SHA-256 over header, name and data, so truncation is still detected.
 *
 * The session key comes from TPM_SESSION_ENCKEY (hex, 16 or 32 bytes); when that is unset,
 * from a per-user key file created on first use (0600, in a 0700 directory owned by the
 * user: $XDG_RUNTIME_DIR/tss/, else /tmp/tss-<uid>/), so every process of the user can
 * read the sessions another started, and no other user can.
 * All writes are write-then-rename and files are created 0600; Names and public areas are
 * fsynced, session state (volatile like the TPM session itself) is not. */
#ifndef TSS_STATE_H
#define TSS_STATE_H

#include "core/context.h"

/* "<dir>/<prefix><handle>.bin" */
void tss_state_path(const TSS_CONTEXT *ctx, char *path, size_t cap, const char *prefix, uint32_t handle);

TPM_RC tss_state_write_plain(const char *path, const void *data, size_t len);
/* TSS_RC_FILE_OPEN if missing, TSS_RC_FILE_READ if it cannot be opened or read (permission),
 * TSS_RC_STATE_FILE if it is not a regular file (never blocks on a FIFO); *len = bytes read
 * (<= cap) */
TPM_RC tss_state_read_plain(const char *path, void *data, size_t cap, size_t *len);
TPM_RC tss_state_remove(const char *path);

/* protected (session) state */
TPM_RC tss_state_write_secret(TSS_CONTEXT *ctx, const char *path, const uint8_t *data, size_t len);
TPM_RC tss_state_read_secret(TSS_CONTEXT *ctx, const char *path, uint8_t *data, size_t cap, size_t *len);

/* The state files of TPM_DATA_DIR, for clean-up and tracking (nothing outside store/ opens
 * that directory). fn is called for each file the store wrote, by kind and handle; a
 * nonzero return stops the walk and is returned. */
typedef enum {
    TSS_SF_NAME,    /* h<handle>.bin: a Name, or a session's state */
    TSS_SF_PUBLIC,  /* hp<handle>.bin: an object's public area */
    TSS_SF_NVPUBLIC,/* nvp<index>.bin: an NV index's public area */
    TSS_SF_CONTEXT, /* cx<key>.bin: the Name that travels with a saved context */
} tss_state_kind;
typedef TPM_RC (*tss_state_fn)(TSS_CONTEXT *ctx, tss_state_kind kind, uint32_t handle, void *arg);
TPM_RC tss_state_foreach(TSS_CONTEXT *ctx, tss_state_fn fn, void *arg);
/* removes the temporary files that writers killed between write and rename left behind,
 * when older than min_age seconds (younger ones may belong to a writer at work) */
void tss_state_remove_stale(TSS_CONTEXT *ctx, long min_age);

/* Locks for sharing: an exclusive lock per handle, held by one TSS_Execute from loading a
 * session's state to saving it (across the TPM round trip), so processes (and threads with
 * their own contexts) that share a session or an entity take turns instead of rolling the
 * same nonce twice. One lock file, <dir>/tss.lock, a byte range per handle (open file
 * description locks: per open, not per process). handles[] must be sorted and unique: locks
 * are always taken in ascending order, so commands with several sessions cannot deadlock.
 * *fd is -1 when n is 0. */
TPM_RC tss_state_lock(const TSS_CONTEXT *ctx, const uint32_t *handles, unsigned n, int *fd);
/* releases every lock taken through fd (-1: nothing) */
void tss_state_unlock(int fd);

#endif
