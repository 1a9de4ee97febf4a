/* SPDX-License-Identifier: BSD-3-Clause */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/hex.h"
#include "crypto/crypto.h"
#include "store/file.h"
#include "store/state.h"
#include "tss2/tsserror.h"

#define STATE_MAX 4096

void tss_state_path(const TSS_CONTEXT *ctx, char *path, size_t cap, const char *prefix, uint32_t handle)
{
    snprintf(path, cap, "%s/%s%08x.bin", ctx->data_dir, prefix, handle);
}

TPM_RC tss_state_write_plain(const char *path, const void *data, size_t len)
{
    return tss_file_write_atomic(path, data, len, 0600, 1);
}

TPM_RC tss_state_read_plain(const char *path, void *data, size_t cap, size_t *len)
{
    /* O_NONBLOCK: a FIFO planted under a state file's name must not block the open */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return errno == ENOENT ? TSS_RC_FILE_OPEN : TSS_RC_FILE_READ;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return TSS_RC_STATE_FILE; /* a device, FIFO or directory is not state */
    }
    size_t got = 0;
    for (;;) {
        if (got == cap) {
            /* more than the caller can hold: not a file we wrote */
            char extra;
            ssize_t more = read(fd, &extra, 1);
            close(fd);
            return more == 0 ? (*len = got, 0) : TSS_RC_STATE_FILE;
        }
        ssize_t n = read(fd, (uint8_t *)data + got, cap - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            close(fd);
            return TSS_RC_FILE_READ;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    *len = got;
    return 0;
}

TPM_RC tss_state_remove(const char *path)
{
    return (unlink(path) == 0 || errno == ENOENT) ? 0 : TSS_RC_FILE_REMOVE;
}

TPM_RC tss_state_foreach(TSS_CONTEXT *ctx, tss_state_fn fn, void *arg)
{
    static const struct {
        const char *prefix;
        tss_state_kind kind;
    } kinds[] = {{"hp", TSS_SF_PUBLIC}, {"h", TSS_SF_NAME}, {"nvp", TSS_SF_NVPUBLIC}, {"cx", TSS_SF_CONTEXT}};
    DIR *d = opendir(ctx->data_dir);
    struct dirent *e;
    TPM_RC rc = 0;
    while (rc == 0 && d != NULL && (e = readdir(d)) != NULL) {
        for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
            size_t pl = strlen(kinds[k].prefix);
            const char *n = e->d_name;
            /* exactly <prefix><8 hex digits>.bin, as tss_state_path writes them */
            if (strncmp(n, kinds[k].prefix, pl) != 0 || strlen(n) != pl + 12 || strcmp(n + pl + 8, ".bin") != 0)
                continue;
            uint32_t h = 0;
            int digits = 0;
            while (digits < 8 && tss_hex_digit(n[pl + digits]) >= 0)
                h = h << 4 | (uint32_t)tss_hex_digit(n[pl + digits++]);
            if (digits == 8)
                rc = fn(ctx, kinds[k].kind, h, arg);
            break;
        }
    }
    if (d != NULL)
        closedir(d);
    return rc;
}

void tss_state_remove_stale(TSS_CONTEXT *ctx, long min_age)
{
    DIR *d = opendir(ctx->data_dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        char path[TSS_PATH_MAX + 300];
        struct stat st;
        if (strstr(e->d_name, ".bin.tmp") == NULL)
            continue;
        snprintf(path, sizeof(path), "%s/%s", ctx->data_dir, e->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime + min_age < time(NULL))
            tss_state_remove(path);
    }
    if (d != NULL)
        closedir(d);
}

#ifndef F_OFD_SETLKW
#define F_OFD_SETLKW F_SETLKW /* older systems: per-process locks (threads share them) */
#endif

TPM_RC tss_state_lock(const TSS_CONTEXT *ctx, const uint32_t *handles, unsigned n, int *fd)
{
    char path[TSS_PATH_MAX + 16];
    *fd = -1;
    if (n == 0)
        return 0;
    snprintf(path, sizeof(path), "%s/tss.lock", ctx->data_dir);
    int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (f < 0) {
        tss_trace(ctx, 1, "TSS: cannot open the lock file %s: %s\n", path, strerror(errno));
        return TSS_RC_FILE_OPEN;
    }
    for (unsigned i = 0; i < n; i++) {
        struct flock l;
        memset(&l, 0, sizeof(l));
        l.l_type = F_WRLCK;
        l.l_whence = SEEK_SET;
        l.l_start = (off_t)handles[i];
        l.l_len = 1;
        int r;
        while ((r = fcntl(f, F_OFD_SETLKW, &l)) != 0 && errno == EINTR)
            ;
        if (r != 0) {
            tss_trace(ctx, 1, "TSS: cannot lock %s: %s\n", path, strerror(errno));
            close(f);
            return TSS_RC_FILE_OPEN;
        }
    }
    *fd = f;
    return 0;
}

void tss_state_unlock(int fd)
{
    if (fd >= 0)
        close(fd);
}

/* a private directory of the user's, created if needed; refuses one someone else controls */
static int private_dir(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return 0;
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
        (st.st_mode & 077) != 0)
        return 0;
    return 1;
}

static TPM_RC read_default_key(TSS_CONTEXT *ctx, uint8_t *key);

/* the per-user key is read once per context (a session command reads and writes its state) */
static TPM_RC default_key(TSS_CONTEXT *ctx, uint8_t *key)
{
    if (!ctx->user_key_cached) {
        TPM_RC rc = read_default_key(ctx, ctx->user_key);
        if (rc != 0)
            return rc;
        ctx->user_key_cached = 1;
    }
    memcpy(key, ctx->user_key, 32);
    return 0;
}

/* $HOME, when it is the user's own directory and nobody else may write in it: a directory
 * in it cannot be pre-created by another user */
static int own_home(const char *home)
{
    struct stat st;
    return home != NULL && home[0] == '/' && stat(home, &st) == 0 && S_ISDIR(st.st_mode) &&
           st.st_uid == geteuid() && (st.st_mode & 022) == 0;
}

/* The directory of the per-user key, the first of these that is (or can be made) private
 * to the user: $XDG_RUNTIME_DIR/tss; ${TMPDIR:-/tmp}/tss-<uid>; $HOME/.tss. Another user
 * can pre-create the second (a shared /tmp): it is then refused as not ours, and every
 * process of the user falls back to the third alike. */
static TPM_RC key_dir(TSS_CONTEXT *ctx, char *dir, size_t cap)
{
    const char *rt = getenv("XDG_RUNTIME_DIR"), *tmp = getenv("TMPDIR"), *home = getenv("HOME");
    char tried[3][TSS_PATH_MAX];
    unsigned n = 0;
    if (rt != NULL && rt[0] == '/')
        snprintf(tried[n++], sizeof(tried[0]), "%s/tss", rt);
    snprintf(tried[n++], sizeof(tried[0]), "%s/tss-%u", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp",
             (unsigned)geteuid());
    if (own_home(home))
        snprintf(tried[n++], sizeof(tried[0]), "%s/.tss", home);
    for (unsigned i = 0; i < n; i++)
        if (private_dir(tried[i])) {
            size_t l = strnlen(tried[i], sizeof(tried[0]));
            if (l >= cap)
                continue;
            memcpy(dir, tried[i], l + 1);
            return 0;
        }
    tss_trace(ctx, 0, "TSS: no private directory for the session state key (%s%s%s%s%s: "
                      "missing, not the user's or not 0700): set TPM_SESSION_ENCKEY to a key "
                      "(32 or 64 hex digits) that the processes sharing sessions use\n",
              tried[0], n > 1 ? ", " : "", n > 1 ? tried[1] : "", n > 2 ? ", " : "", n > 2 ? tried[2] : "");
    return TSS_RC_STATE_KEY;
}

static TPM_RC read_default_key(TSS_CONTEXT *ctx, uint8_t *key)
{
    char dir[TSS_PATH_MAX], path[TSS_PATH_MAX + 32];
    TPM_RC krc = key_dir(ctx, dir, sizeof(dir));
    if (krc != 0)
        return krc;
    snprintf(path, sizeof(path), "%s/session.key", dir);
    size_t len = 0;
    if (tss_state_read_plain(path, key, 32, &len) == 0 && len == 32)
        return 0;
    /* first use: make a key; if another process wins the race, use its key */
    uint8_t fresh[32];
    TPM_RC rc = tss_random(fresh, sizeof(fresh));
    char tmp[TSS_PATH_MAX + 48];
    snprintf(tmp, sizeof(tmp), "%s.%ld", path, (long)getpid());
    if (rc == 0)
        rc = tss_file_write_atomic(tmp, fresh, sizeof(fresh), 0600, 1);
    if (rc == 0 && link(tmp, path) != 0 && errno != EEXIST)
        rc = TSS_RC_STATE_KEY;
    unlink(tmp);
    tss_wipe(fresh, sizeof(fresh));
    if (rc == 0 && (tss_state_read_plain(path, key, 32, &len) != 0 || len != 32))
        rc = TSS_RC_STATE_KEY;
    return rc;
}

/* the AES key protecting session state: TPM_SESSION_ENCKEY, else the per-user key */
static TPM_RC state_key(TSS_CONTEXT *ctx, uint8_t *key, size_t *keylen)
{
    const char *hex = ctx->session_enckey;
    size_t n = strlen(hex);
    if (n == 0) {
        *keylen = 32;
        return default_key(ctx, key);
    }
    for (size_t i = 0; i < n / 2; i++) {
        int hi = tss_hex_digit(hex[2 * i]), lo = tss_hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return TSS_RC_STATE_KEY;
        key[i] = (uint8_t)(hi << 4 | lo);
    }
    *keylen = n / 2;
    return 0;
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s != NULL ? s + 1 : path;
}

TPM_RC tss_state_write_secret(TSS_CONTEXT *ctx, const char *path, const uint8_t *data, size_t len)
{
    uint8_t file[STATE_MAX + 64];
    const char *name = base(path);
    if (len > STATE_MAX)
        return TSS_RC_INSUFFICIENT_BUFFER;
    TPM_RC rc;
    size_t flen;
    if (ctx->encrypt_sessions) {
        uint8_t key[32];
        size_t keylen = 0;
        memcpy(file, "TSSE\x02", 5);
        rc = state_key(ctx, key, &keylen);
        if (rc == 0)
            rc = tss_random(file + 5, TSS_SEAL_IV);
        uint8_t aad[5 + 64];
        size_t nl = strlen(name) < 64 ? strlen(name) : 64;
        memcpy(aad, file, 5);
        memcpy(aad + 5, name, nl);
        if (rc == 0)
            rc = tss_seal(key, keylen, file + 5, aad, 5 + nl, data, len, file + 5 + TSS_SEAL_IV);
        tss_wipe(key, sizeof(key));
        flen = 5 + TSS_SEAL_IV + len + TSS_SEAL_TAG;
    } else {
        memcpy(file, "TSSP\x01", 5);
        memcpy(file + 5, data, len);
        tss_chunk in[3] = {{file, 5}, {name, strlen(name)}, {data, len}};
        rc = tss_hash(TPM_ALG_SHA256, in, 3, file + 5 + len);
        flen = 5 + len + 32;
    }
    /* session state dies with the TPM's power anyway: rename keeps it whole against a
     * crash of this process, and an fsync per command would cost more than the command */
    if (rc == 0)
        rc = tss_file_write_atomic(path, file, flen, 0600, 0);
    tss_wipe(file, sizeof(file));
    return rc;
}

TPM_RC tss_state_read_secret(TSS_CONTEXT *ctx, const char *path, uint8_t *data, size_t cap, size_t *len)
{
    uint8_t file[STATE_MAX + 64];
    size_t flen = 0;
    const char *name = base(path);
    TPM_RC rc = tss_state_read_plain(path, file, sizeof(file), &flen);
    if (rc != 0)
        return rc;
    if (flen >= 5 + TSS_SEAL_IV + TSS_SEAL_TAG && memcmp(file, "TSSE\x02", 5) == 0) {
        if (!ctx->encrypt_sessions) {
            tss_trace(ctx, 1, "TSS: %s is encrypted but TPM_ENCRYPT_SESSIONS is 0\n", path);
            return TSS_RC_STATE_FILE;
        }
        size_t ct = flen - 5 - TSS_SEAL_IV - TSS_SEAL_TAG;
        if (ct > cap)
            return TSS_RC_STATE_FILE;
        uint8_t key[32], aad[5 + 64];
        size_t keylen = 0, nl = strlen(name) < 64 ? strlen(name) : 64;
        memcpy(aad, file, 5);
        memcpy(aad + 5, name, nl);
        rc = state_key(ctx, key, &keylen);
        if (rc == 0)
            rc = tss_open(key, keylen, file + 5, aad, 5 + nl, file + 5 + TSS_SEAL_IV, ct, data);
        tss_wipe(key, sizeof(key));
        if (rc != 0) {
            tss_trace(ctx, 1, "TSS: %s does not decrypt: wrong TPM_SESSION_ENCKEY, or the file was "
                              "changed\n", path);
            return TSS_RC_STATE_FILE;
        }
        *len = ct;
        return 0;
    }
    if (flen >= 5 + 32 && memcmp(file, "TSSP\x01", 5) == 0) {
        size_t dl = flen - 5 - 32;
        uint8_t sum[32];
        tss_chunk in[3] = {{file, 5}, {name, strlen(name)}, {file + 5, dl}};
        if (dl > cap || tss_hash(TPM_ALG_SHA256, in, 3, sum) != 0 || !tss_ct_equal(sum, file + 5 + dl, 32)) {
            tss_trace(ctx, 1, "TSS: %s is corrupt\n", path);
            return TSS_RC_STATE_FILE;
        }
        if (ctx->encrypt_sessions) {
            tss_trace(ctx, 1, "TSS: %s is not encrypted but TPM_ENCRYPT_SESSIONS is 1\n", path);
            return TSS_RC_STATE_FILE;
        }
        memcpy(data, file + 5, dl);
        *len = dl;
        return 0;
    }
    tss_trace(ctx, 1, "TSS: %s is not a session state file (truncated or foreign)\n", path);
    return TSS_RC_STATE_FILE;
}
