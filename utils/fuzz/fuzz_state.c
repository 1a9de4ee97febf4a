/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target: the TPM_DATA_DIR state-file readers (store/state.c, session/session.c,
 * session/names.c). The fuzzer's bytes are, by the first byte:
 *   0  a session state file as found on disk, read with TPM_ENCRYPT_SESSIONS 1 and 0
 *      (sealed "TSSE" / checksummed "TSSP" containers, lengths, tags)
 *   1  the plaintext inside a container: sealed with the right key, so the session record
 *      parser (sizes of the key, nonces and bind Name) sees arbitrary bytes
 *   2  a Name file, a public-area file and an NV public-area file for the same handles
 * Whatever the bytes, every reader must return an error or a well-formed value. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/context.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tss.h"

#define SH 0x02000000u
#define OH 0x80000001u
#define NVH 0x01000001u

static char dir[64];
static TSS_CONTEXT *ctx_enc, *ctx_plain;

static void put_file(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (fp == NULL)
        abort();
    if (n > 0 && fwrite(p, 1, n, fp) != n)
        abort();
    fclose(fp);
}

static TSS_CONTEXT *make_ctx(const char *enc)
{
    TSS_CONTEXT *ctx = NULL;
    if (TSS_Create(&ctx) != 0 || TSS_SetProperty(ctx, TPM_DATA_DIR, dir) != 0 ||
        TSS_SetProperty(ctx, TPM_ENCRYPT_SESSIONS, enc) != 0 ||
        TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, "000102030405060708090a0b0c0d0e0f") != 0)
        abort();
    /* no TPM: a reader that falls back to asking one gets a clean connection error */
    TSS_SetProperty(ctx, TPM_TRANSPORT, "mssim:host=127.0.0.1,port=1");
    return ctx;
}

static void cleanup(void)
{
    static const char *const names[] = {"h02000000.bin", "h80000001.bin", "hp80000001.bin", "nvp01000001.bin",
                                        "h01000001.bin"};
    char path[128];
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(dir, sizeof(dir), "/tmp/tss-fuzz-state-XXXXXX");
    if (mkdtemp(dir) == NULL)
        abort();
    ctx_enc = make_ctx("1");
    ctx_plain = make_ctx("0");
    atexit(cleanup);
    return 0;
}

static void check_session(const tss_session *s)
{
    /* a loaded session is well formed: its sizes fit their buffers */
    if (s->handle != SH || s->sessionKey.t.size > sizeof(s->sessionKey.t.buffer) ||
        s->nonceCaller.t.size > sizeof(s->nonceCaller.t.buffer) ||
        s->nonceTPM.t.size > sizeof(s->nonceTPM.t.buffer) || s->bindName.t.size > sizeof(s->bindName.t.name))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0] % 3;
    data++, size--;
    char path[TSS_PATH_MAX + 32];
    tss_session s;
    if (mode == 0) {
        put_file("h02000000.bin", data, size);
        uint8_t buf[1024];
        size_t len = 0;
        tss_state_path(ctx_enc, path, sizeof(path), "h", SH);
        if (tss_state_read_secret(ctx_enc, path, buf, sizeof(buf), &len) == 0 && len > sizeof(buf))
            abort();
        if (tss_state_read_secret(ctx_plain, path, buf, sizeof(buf), &len) == 0 && len > sizeof(buf))
            abort();
        if (tss_session_load(ctx_enc, SH, &s) == 0)
            check_session(&s);
        if (tss_session_load(ctx_plain, SH, &s) == 0)
            check_session(&s);
    } else if (mode == 1) {
        TSS_CONTEXT *ctx = (size & 1) ? ctx_plain : ctx_enc;
        tss_state_path(ctx, path, sizeof(path), "h", SH);
        if (tss_state_write_secret(ctx, path, data, size) == 0 && tss_session_load(ctx, SH, &s) == 0) {
            check_session(&s);
            /* what loads must save and load back to the same record */
            tss_session t;
            if (tss_session_save(ctx, &s) != 0 || tss_session_load(ctx, SH, &t) != 0 || memcmp(&s, &t, sizeof(s)) != 0)
                abort();
        }
    } else {
        put_file("h80000001.bin", data, size);
        put_file("hp80000001.bin", data, size);
        put_file("nvp01000001.bin", data, size);
        put_file("h01000001.bin", data, size);
        TPM2B_NAME name;
        TPMT_PUBLIC pub;
        TPMS_NV_PUBLIC nvpub;
        if (tss_name_get(ctx_enc, OH, &name) == 0 && name.t.size > sizeof(name.t.name))
            abort();
        if (tss_name_get(ctx_enc, NVH, &name) == 0 && name.t.size > sizeof(name.t.name))
            abort();
        (void)tss_public_get(ctx_enc, OH, &pub);
        (void)tss_nvpublic_cached(ctx_enc, NVH, &nvpub);
        (void)tss_nvpublic_get(ctx_enc, NVH, &nvpub);
    }
    return 0;
}
