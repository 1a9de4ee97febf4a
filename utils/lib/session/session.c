/* SPDX-License-Identifier: BSD-3-Clause */
/* Session state files: h<session handle>.bin, sealed by store/state.c. */
#include <string.h>
#include <sys/stat.h>

#include "crypto/crypto.h"
#include "marshal/mdesc.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsserror.h"

#define SESSION_FORMAT 2 /* 2: bindAuth after bindName */

static void put2b(tss_wcur *w, const TPM2B *b)
{
    tss_put_uint(w, b->size, 2);
    tss_put_bytes(w, b->buffer, b->size);
}

static void get2b(tss_rcur *r, TPM2B *b, uint16_t cap)
{
    uint16_t n = (uint16_t)tss_get_uint(r, 2);
    if (r->rc == 0 && n > cap)
        r->rc = TSS_RC_STATE_FILE;
    tss_get_bytes(r, b->buffer, n);
    if (r->rc == 0)
        b->size = n;
}

TPM_RC tss_session_save(TSS_CONTEXT *ctx, const tss_session *s)
{
    uint8_t buf[1024];
    char path[TSS_PATH_MAX + 32];
    tss_wcur w;
    tss_wcur_init(&w, buf, sizeof(buf));
    tss_put_uint(&w, SESSION_FORMAT, 1);
    tss_put_uint(&w, s->handle, 4);
    tss_put_uint(&w, s->type, 1);
    tss_put_uint(&w, s->authHash, 2);
    tss_put_uint(&w, s->symAlg, 2);
    tss_put_uint(&w, s->symKeyBits, 2);
    tss_put_uint(&w, s->symMode, 2);
    put2b(&w, &s->sessionKey.b);
    put2b(&w, &s->nonceCaller.b);
    put2b(&w, &s->nonceTPM.b);
    put2b(&w, &s->bindName.b);
    put2b(&w, &s->bindAuth.b);
    tss_put_uint(&w, s->policyAuthValue, 1);
    tss_put_uint(&w, s->policyPassword, 1);
    TPM_RC rc = w.rc;
    tss_state_path(ctx, path, sizeof(path), "h", s->handle);
    if (rc == 0) {
        rc = tss_state_write_secret(ctx, path, buf, w.n);
        if (rc != 0)
            tss_trace(ctx, 0, "TSS: cannot write %s (TPM_DATA_DIR missing, read-only or full?)\n", path);
    }
    tss_wipe(buf, sizeof(buf));
    return rc;
}

TPM_RC tss_session_load(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION handle, tss_session *s)
{
    uint8_t buf[1024];
    char path[TSS_PATH_MAX + 32];
    size_t len = 0;
    struct stat st;
    tss_state_path(ctx, path, sizeof(path), "h", handle);
    TPM_RC rc = tss_state_read_secret(ctx, path, buf, sizeof(buf), &len);
    if (rc == TSS_RC_FILE_OPEN) {
        tss_trace(ctx, 1, "TSS: no state for session %08x in %s (started by another TPM_DATA_DIR, "
                          "or already flushed)\n", handle, ctx->data_dir);
        return TSS_RC_NO_SESSION_SLOT;
    }
    if (rc == TSS_RC_FILE_READ)
        tss_trace(ctx, 0, "TSS: cannot read %s (permission?)\n", path);
    else if (rc == TSS_RC_STATE_FILE && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        tss_trace(ctx, 0, "TSS: %s is not a regular file: refused\n", path);
    if (rc != 0)
        return rc;
    tss_rcur r;
    tss_rcur_init(&r, buf, (uint32_t)len);
    memset(s, 0, sizeof(*s));
    if (tss_get_uint(&r, 1) != SESSION_FORMAT)
        r.rc = TSS_RC_STATE_FILE;
    s->handle = (TPMI_SH_AUTH_SESSION)tss_get_uint(&r, 4);
    s->type = (TPM_SE)tss_get_uint(&r, 1);
    s->authHash = (TPMI_ALG_HASH)tss_get_uint(&r, 2);
    s->symAlg = (TPM_ALG_ID)tss_get_uint(&r, 2);
    s->symKeyBits = (uint16_t)tss_get_uint(&r, 2);
    s->symMode = (TPM_ALG_ID)tss_get_uint(&r, 2);
    get2b(&r, &s->sessionKey.b, sizeof(s->sessionKey.t.buffer));
    get2b(&r, &s->nonceCaller.b, sizeof(s->nonceCaller.t.buffer));
    get2b(&r, &s->nonceTPM.b, sizeof(s->nonceTPM.t.buffer));
    get2b(&r, &s->bindName.b, sizeof(s->bindName.t.name));
    get2b(&r, &s->bindAuth.b, sizeof(s->bindAuth.t.buffer));
    s->policyAuthValue = (uint8_t)tss_get_uint(&r, 1);
    s->policyPassword = (uint8_t)tss_get_uint(&r, 1);
    tss_wipe(buf, sizeof(buf));
    if (r.rc != 0 || r.left != 0 || s->handle != handle) {
        tss_trace(ctx, 1, "TSS: session state %s is malformed\n", path);
        tss_wipe(s, sizeof(*s));
        return TSS_RC_STATE_FILE;
    }
    return 0;
}

void tss_session_forget(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION handle)
{
    char path[TSS_PATH_MAX + 32];
    tss_state_path(ctx, path, sizeof(path), "h", handle);
    tss_state_remove(path);
}
