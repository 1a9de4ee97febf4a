/* SPDX-License-Identifier: BSD-3-Clause */
/* TSS_Create / TSS_Delete / TSS_Execute: one command from In structure to Out structure.
 *
 *   look up the command in the table -> marshal handles and parameters -> authorization
 *   area (session/auth.c) -> transmit (bounded retry of "try again" warnings) -> check the
 *   response header -> handles, parameterSize, parameters, authorization area -> Out.
 * Nothing from the response is trusted: every length is checked against the bytes read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/commands.h"
#include "core/context.h"
#include "crypto/crypto.h"
#include "session/auth.h"
#include "store/state.h"
#include "tss2/tsstransmit.h"

#define TSS_RETRIES 12

void tss_trace(const TSS_CONTEXT *ctx, int level, const char *fmt, ...)
{
    if (ctx == NULL || ctx->trace_level < level)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(level <= 1 ? stderr : stdout, fmt, ap); /* level 0: always (state files) */
    va_end(ap);
}

void tss_trace_bytes(const TSS_CONTEXT *ctx, const char *what, const BYTE *p, uint32_t n)
{
    /* command bytes carry passwords: only at the highest level */
    if (ctx == NULL || ctx->trace_level < 3)
        return;
    printf("%s (%u bytes):", what, n);
    for (uint32_t i = 0; i < n; i++)
        printf("%s%02x", (i % 16) == 0 ? "\n  " : " ", p[i]);
    printf("\n");
}

TPM_RC TSS_Create(TSS_CONTEXT **tssContext)
{
    if (tssContext == NULL)
        return TSS_RC_NULL_PARAMETER;
    *tssContext = NULL;
    TSS_CONTEXT *ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL)
        return TSS_RC_OUT_OF_MEMORY;
    TPM_RC rc = tss_properties_init(ctx);
    if (rc != 0) {
        free(ctx);
        return rc;
    }
    *tssContext = ctx;
    return 0;
}

TPM_RC TSS_Delete(TSS_CONTEXT *ctx)
{
    if (ctx == NULL)
        return 0;
    tss_transport_drop(ctx);
    /* the buffers held passwords and session secrets, user_key the state key */
    tss_wipe(ctx, sizeof(*ctx));
    free(ctx);
    return 0;
}

TPM_RC TSS_Close(TSS_CONTEXT *ctx)
{
    if (ctx == NULL)
        return TSS_RC_NULL_PARAMETER;
    tss_transport_drop(ctx);
    return 0;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Locality is per command: a transport that keeps it as connection or TPM state (swtpm's
 * control channel) is set before the command and back to 0 after, so that the next
 * process, which assumes 0, is not surprised. */
static TPM_RC locality_set(TSS_CONTEXT *ctx, uint8_t locality)
{
    if (ctx->tr.cfg.locality == locality)
        return 0;
    if (ctx->tr.ops->set_locality == NULL) {
        tss_trace(ctx, 1, "TSS: the %s transport cannot send at locality %u\n", ctx->tr.ops->name, locality);
        return TSS_RC_NOT_IMPLEMENTED;
    }
    TPM_RC rc = ctx->tr.ops->set_locality(&ctx->tr, locality);
    if (rc != 0)
        tss_trace(ctx, 1, "TSS: the %s transport cannot send at locality %u\n", ctx->tr.ops->name, locality);
    return rc;
}

static TPM_RC transmit_once(TSS_CONTEXT *ctx, uint32_t cmdlen, uint32_t *rsplen)
{
    TPM_RC rc = tss_transport_ready(ctx);
    if (rc == 0)
        rc = locality_set(ctx, ctx->locality);
    if (rc != 0)
        return rc;
    tss_trace_bytes(ctx, "command", ctx->cmd, cmdlen);
    *rsplen = sizeof(ctx->rsp);
    rc = ctx->tr.ops->transmit(&ctx->tr, ctx->cmd, cmdlen, ctx->rsp, rsplen);
    if (rc == 0 && ctx->locality != 0)
        rc = locality_set(ctx, 0);
    if (rc != 0) {
        /* a broken connection is not reused: the next command reconnects */
        tss_transport_drop(ctx);
        return rc;
    }
    tss_trace_bytes(ctx, "response", ctx->rsp, *rsplen);
    return 0;
}

TPM_RC tss_exchange(TSS_CONTEXT *ctx, uint32_t cmdlen, uint32_t *rsplen)
{
    long delay = 5;
    for (int attempt = 0;; attempt++) {
        TPM_RC rc = transmit_once(ctx, cmdlen, rsplen);
        if (rc != 0)
            return rc;
        if (*rsplen < 10)
            return TSS_RC_MALFORMED_RESPONSE;
        TPM_RC trc = ((TPM_RC)ctx->rsp[6] << 24) | ((TPM_RC)ctx->rsp[7] << 16) |
                     ((TPM_RC)ctx->rsp[8] << 8) | ctx->rsp[9];
        if (trc != TPM_RC_RETRY && trc != TPM_RC_YIELDED && trc != TPM_RC_TESTING)
            return 0;
        if (attempt + 1 >= TSS_RETRIES)
            return 0; /* the caller sees the TPM's last answer */
        tss_trace(ctx, 2, "TSS: TPM answered %08x, retrying in %ld ms\n", trc, delay);
        sleep_ms(delay);
        if (delay < 200)
            delay *= 2;
    }
}

TPM_RC TSS_Transmit(TSS_CONTEXT *ctx, uint8_t *responseBuffer, uint32_t *read,
                    const uint8_t *commandBuffer, uint32_t written, const char *message)
{
    if (ctx == NULL || responseBuffer == NULL || read == NULL || commandBuffer == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (written > sizeof(ctx->cmd))
        return TSS_RC_INSUFFICIENT_BUFFER;
    if (message != NULL)
        tss_trace(ctx, 2, "TSS_Transmit: %s\n", message);
    memcpy(ctx->cmd, commandBuffer, written);
    uint32_t n;
    TPM_RC rc = transmit_once(ctx, written, &n);
    if (rc != 0)
        return rc;
    if (n > *read)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memcpy(responseBuffer, ctx->rsp, n);
    *read = n;
    return 0;
}

TPM_RC TSS_TransmitPlatform(TSS_CONTEXT *ctx, uint32_t command, const char *message)
{
    if (ctx == NULL)
        return TSS_RC_NULL_PARAMETER;
    TPM_RC rc = tss_transport_ready(ctx);
    if (rc != 0)
        return rc;
    if (message != NULL)
        tss_trace(ctx, 2, "TSS_TransmitPlatform: %s\n", message);
    if (ctx->tr.ops->platform == NULL)
        return TSS_RC_NOT_IMPLEMENTED;
    return ctx->tr.ops->platform(&ctx->tr, command);
}

/* collects the (handle, password, attributes) triples ended by TPM_RH_NULL */
static TPM_RC read_sessions(va_list ap, tss_call *c)
{
    c->n = 0;
    for (;;) {
        TPMI_SH_AUTH_SESSION h = va_arg(ap, TPMI_SH_AUTH_SESSION);
        const char *pw = va_arg(ap, const char *);
        unsigned int attrs = va_arg(ap, unsigned int);
        if (h == TPM_RH_NULL)
            return 0;
        if (c->n == TSS_MAX_SESSIONS)
            return TSS_RC_IN_PARAMETER; /* a missing terminator or a fourth session */
        c->a[c->n].handle = h;
        c->a[c->n].password = pw;
        c->a[c->n].attributes = attrs;
        c->n++;
    }
}

static TPM_RC build_command(TSS_CONTEXT *ctx, tss_call *c, uint32_t *len)
{
    const tss_command *cmd = c->cmd;
    BYTE *par = ctx->rsp; /* scratch: the response buffer is free until transmit */
    tss_wcur pw;
    tss_wcur_init(&pw, par, sizeof(ctx->rsp));
    if (cmd->in != NULL)
        tss_put_fields(&pw, cmd->in, c->in, cmd->in_handles, cmd->in->nfields);
    if (pw.rc != 0)
        return pw.rc;

    tss_wcur w;
    tss_wcur_init(&w, ctx->cmd, sizeof(ctx->cmd));
    *len = 0;
    tss_put_uint(&w, c->n > 0 ? TPM_ST_SESSIONS : TPM_ST_NO_SESSIONS, 2);
    tss_put_uint(&w, 0, 4); /* size, patched below */
    tss_put_uint(&w, cmd->cc, 4);
    if (cmd->in != NULL)
        tss_put_fields(&w, cmd->in, c->in, 0, cmd->in_handles);
    if (c->n > 0) {
        BYTE *sizep = w.p;
        tss_put_uint(&w, 0, 4);
        uint32_t start = w.n;
        TPM_RC rc = tss_auth_command(ctx, c, par, pw.n, &w);
        *len = w.n;
        if (rc != 0)
            return rc;
        if (w.rc == 0) {
            uint32_t asz = w.n - start;
            sizep[0] = (BYTE)(asz >> 24), sizep[1] = (BYTE)(asz >> 16);
            sizep[2] = (BYTE)(asz >> 8), sizep[3] = (BYTE)asz;
        }
    }
    tss_put_bytes(&w, par, pw.n);
    tss_wipe(par, pw.n); /* parameters may hold secrets (inSensitive, new auth values) */
    *len = w.n;
    if (w.rc != 0)
        return w.rc;
    ctx->cmd[2] = (BYTE)(w.n >> 24), ctx->cmd[3] = (BYTE)(w.n >> 16);
    ctx->cmd[4] = (BYTE)(w.n >> 8), ctx->cmd[5] = (BYTE)w.n;
    return 0;
}

/* The response handle is outside the response HMAC: at least its type must be what the
 * command creates (a transient object, a session; ContextLoad either), or a forged handle
 * would file a Name under another entity's handle. */
static int handle_type_ok(TPM_CC cc, TPM_HANDLE h)
{
    uint8_t type = (uint8_t)(h >> 24);
    int session = type == TPM_HT_HMAC_SESSION || type == TPM_HT_POLICY_SESSION;
    if (cc == TPM_CC_StartAuthSession)
        return session;
    if (cc == TPM_CC_ContextLoad)
        return session || type == TPM_HT_TRANSIENT;
    return type == TPM_HT_TRANSIENT;
}

static TPM_RC parse_response(TSS_CONTEXT *ctx, tss_call *c, uint32_t rsplen)
{
    const tss_command *cmd = c->cmd;
    tss_rcur r;
    tss_rcur_init(&r, ctx->rsp, rsplen);
    uint16_t tag = (uint16_t)tss_get_uint(&r, 2);
    uint32_t size = (uint32_t)tss_get_uint(&r, 4);
    TPM_RC trc = (TPM_RC)tss_get_uint(&r, 4);
    if (r.rc != 0 || size != rsplen)
        return TSS_RC_MALFORMED_RESPONSE;
    if (trc != 0)
        return trc;
    if (tag != (c->n > 0 ? TPM_ST_SESSIONS : TPM_ST_NO_SESSIONS)) {
        tss_trace(ctx, 1, "TSS_Execute: response tag %04x does not match the command\n", tag);
        return TSS_RC_RESPONSE_TAG;
    }
    if (cmd->out != NULL)
        tss_get_fields(&r, cmd->out, c->out, 0, cmd->out_handles);
    if (r.rc == 0 && cmd->out_handles == 1) {
        TPM_HANDLE h;
        memcpy(&h, c->out, sizeof(h)); /* the response handle is the Out structure's first member */
        if (!handle_type_ok(cmd->cc, h)) {
            tss_trace(ctx, 1, "TSS_Execute: %s returned handle %08x of the wrong type\n", cmd->name, h);
            return TSS_RC_MALFORMED_RESPONSE;
        }
    }
    uint32_t psize = r.left;
    if (c->n > 0) {
        psize = (uint32_t)tss_get_uint(&r, 4);
        if (r.rc == 0 && psize > r.left)
            return TSS_RC_MALFORMED_RESPONSE;
    }
    if (r.rc != 0)
        return TSS_RC_MALFORMED_RESPONSE;
    BYTE *params = ctx->rsp + (rsplen - r.left);
    tss_rcur ar;
    tss_rcur_init(&ar, params + psize, r.left - psize);
    /* verifies response HMACs over the parameters as received, then decrypts in place */
    TPM_RC rc = tss_auth_response(ctx, c, params, psize, &ar);
    if (rc != 0)
        return rc;
    if (ar.left != 0)
        return TSS_RC_MALFORMED_RESPONSE; /* trailing bytes after the last authorization */
    tss_rcur pr;
    tss_rcur_init(&pr, params, psize);
    if (cmd->out != NULL)
        tss_get_fields(&pr, cmd->out, c->out, cmd->out_handles, cmd->out->nfields);
    if (pr.rc != 0) {
        tss_trace(ctx, 1, "TSS_Execute: %s response parameters do not parse (%08x)\n", cmd->name, pr.rc);
        return TSS_RC_MALFORMED_RESPONSE;
    }
    if (pr.left != 0)
        return TSS_RC_MALFORMED_RESPONSE;
    return 0;
}

/* A command with HMAC or policy sessions locks them, and the entities of its handles, from
 * loading the session state to saving it (store/state.h): two processes sharing a session
 * would otherwise both use the same nonceTPM and one would fail (and count toward lockout). */
static TPM_RC lock_sessions(TSS_CONTEXT *ctx, const tss_call *c, int *lock)
{
    uint32_t h[TSS_MAX_SESSIONS + 3];
    unsigned n = 0;
    for (unsigned i = 0; i < c->n; i++)
        if (c->a[i].handle != TPM_RS_PW)
            h[n++] = c->a[i].handle;
    for (unsigned i = 0; n > 0 && i < c->cmd->in_handles; i++)
        h[n++] = tss_call_handle(c, i);
    /* ascending and unique: the fixed order that keeps lockers from deadlocking */
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && h[j - 1] > h[j]; j--) {
            uint32_t t = h[j];
            h[j] = h[j - 1];
            h[j - 1] = t;
        }
    unsigned u = 0;
    for (unsigned i = 0; i < n; i++)
        if (u == 0 || h[u - 1] != h[i])
            h[u++] = h[i];
    return tss_state_lock(ctx, h, u, lock);
}

TPM_RC TSS_Execute(TSS_CONTEXT *ctx, RESPONSE_PARAMETERS *out, COMMAND_PARAMETERS *in,
                   EXTRA_PARAMETERS *extra, TPM_CC commandCode, ...)
{
    tss_call c;
    if (ctx == NULL)
        return TSS_RC_NULL_PARAMETER;
    memset(&c, 0, sizeof(c));
    c.cmd = tss_command_find(commandCode);
    if (c.cmd == NULL) {
        tss_trace(ctx, 1, "TSS_Execute: command %08x is not known to this TSS\n", commandCode);
        return TSS_RC_COMMAND_UNIMPLEMENTED;
    }
    if (c.cmd->in != NULL && in == NULL)
        return TSS_RC_IN_PARAMETER;
    if (c.cmd->out != NULL && out == NULL)
        return TSS_RC_OUT_PARAMETER;
    c.in = in;
    c.out = out;
    c.extra = extra;
    va_list ap;
    va_start(ap, commandCode);
    TPM_RC rc = read_sessions(ap, &c);
    va_end(ap);
    if (rc != 0)
        return rc;
    tss_trace(ctx, 2, "TSS_Execute: %s with %u authorization(s)\n", c.cmd->name, c.n);
    uint32_t len = 0, rsplen;
    int lock = -1;
    rc = lock_sessions(ctx, &c, &lock);
    /* may send ReadPublic / NV_ReadPublic for missing Names, so before the buffers fill */
    if (rc == 0)
        rc = tss_auth_prepare(ctx, &c);
    if (rc == 0)
        rc = build_command(ctx, &c, &len);
    if (rc == 0)
        rc = tss_exchange(ctx, len, &rsplen);
    if (rc == 0)
        rc = parse_response(ctx, &c, rsplen);
    if (rc == 0)
        rc = tss_auth_finish(ctx, &c);
    tss_state_unlock(lock);
    /* the command bytes held the passwords, the call the session keys */
    tss_wipe(ctx->cmd, len);
    tss_wipe(&c, sizeof(c));
    if (rc != 0)
        tss_trace(ctx, 1, "TSS_Execute: %s failed, rc %08x\n",
                  tss_command_find(commandCode)->name, rc);
    return rc;
}
