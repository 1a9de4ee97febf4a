/* SPDX-License-Identifier: BSD-3-Clause */
/* Authorization area of a command and of its response.
 *
 * Order of calls inside TSS_Execute, per command:
 *   1. tss_auth_command()   after the handles and parameters are marshaled: builds each
 *                            session's command authorization (password today; HMAC and
 *                            policy sessions compute cpHash and the HMAC here, and encrypt
 *                            the first parameter in place when a session asks to).
 *   2. (transmit)
 *   3. tss_auth_response()  on a successful response: checks each response authorization
 *                            (password: empty nonce and HMAC; HMAC sessions: rpHash and the
 *                            response HMAC, fail closed), decrypts the first response
 *                            parameter, rolls nonces and saves session state.
 * Secrets never leave this module except inside the command bytes. */
#ifndef TSS_AUTH_H
#define TSS_AUTH_H

#include "core/context.h"
#include "core/commands.h"
#include "marshal/mdesc.h"

#define TSS_MAX_SESSIONS 3

typedef struct tss_auth_in {
    TPMI_SH_AUTH_SESSION handle;
    const char *password;
    unsigned int attributes;
} tss_auth_in;

/* Appends the authorization area (without its uint32 size) for n sessions to w.
 * params[0..plen) are the marshaled command parameters (may be modified in place). */
TPM_RC tss_auth_command(TSS_CONTEXT *ctx, const tss_command *cmd, const tss_auth_in *a,
                        unsigned n, BYTE *params, uint32_t plen, tss_wcur *w);

/* Checks the n response authorizations in r; params[0..plen) are the response
 * parameters (may be decrypted in place). */
TPM_RC tss_auth_response(TSS_CONTEXT *ctx, const tss_command *cmd, const tss_auth_in *a,
                         unsigned n, BYTE *params, uint32_t plen, tss_rcur *r);

#endif
