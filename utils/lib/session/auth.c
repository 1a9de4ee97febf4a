/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "session/auth.h"
#include "tss2/tsserror.h"

TPM_RC tss_auth_command(TSS_CONTEXT *ctx, const tss_command *cmd, const tss_auth_in *a,
                        unsigned n, BYTE *params, uint32_t plen, tss_wcur *w)
{
    (void)cmd;
    (void)params;
    (void)plen;
    for (unsigned i = 0; i < n; i++) {
        if (a[i].handle != TPM_RS_PW) {
            tss_trace(ctx, 1, "TSS_Execute: session handle %08x: only password authorization "
                              "is implemented yet\n", a[i].handle);
            return TSS_RC_NOT_IMPLEMENTED;
        }
        size_t len = a[i].password != NULL ? strlen(a[i].password) : 0;
        if (len > sizeof(((TPM2B_AUTH *)0)->t.buffer)) {
            tss_trace(ctx, 1, "TSS_Execute: password longer than a TPM2B_AUTH\n");
            return TPM_RC_SIZE;
        }
        tss_put_uint(w, TPM_RS_PW, 4);
        tss_put_uint(w, 0, 2); /* empty nonce */
        tss_put_uint(w, a[i].attributes & TPMA_SESSION_CONTINUESESSION, 1);
        tss_put_uint(w, len, 2);
        tss_put_bytes(w, a[i].password, (uint32_t)len);
    }
    return w->rc;
}

TPM_RC tss_auth_response(TSS_CONTEXT *ctx, const tss_command *cmd, const tss_auth_in *a,
                         unsigned n, BYTE *params, uint32_t plen, tss_rcur *r)
{
    (void)ctx;
    (void)a;
    (void)cmd;
    (void)params;
    (void)plen;
    for (unsigned i = 0; i < n; i++) {
        uint16_t nonce = (uint16_t)tss_get_uint(r, 2);
        if (r->rc == 0 && nonce != 0)
            return TSS_RC_BAD_PWAP_NONCE;
        uint8_t attrs = (uint8_t)tss_get_uint(r, 1);
        /* a password "session" always continues; nothing else may be set */
        if (r->rc == 0 && (attrs & ~TPMA_SESSION_CONTINUESESSION) != 0)
            return TSS_RC_BAD_PWAP_ATTRIBUTES;
        uint16_t hmac = (uint16_t)tss_get_uint(r, 2);
        if (r->rc == 0 && hmac != 0)
            return TSS_RC_BAD_PWAP_HMAC;
    }
    return r->rc != 0 ? TSS_RC_MALFORMED_RESPONSE : 0;
}
