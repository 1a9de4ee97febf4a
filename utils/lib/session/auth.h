/* SPDX-License-Identifier: BSD-3-Clause */
/* Authorization sessions inside TSS_Execute.
 *
 * Threat model: the TPM's responses and the bytes on the wire are not trusted. A response
 * whose HMAC does not verify is an error (never a warning) and leaves the session state on
 * disk as it was; secrets (passwords, session keys, salts) stay in this module and in the
 * command bytes, and are wiped when the call ends.
 *
 * Order of calls, per TSS_Execute:
 *   1. tss_auth_prepare()   loads each session's state, checks the attributes (one decrypt,
 *                           one encrypt session, and only where the command has a TPM2B
 *                           first parameter), gets the Names of the command's handles
 *                           (which may send ReadPublic / NV_ReadPublic: the only commands the
 *                           TSS sends on its own, and only when no Name is cached), and for
 *                           StartAuthSession makes nonceCaller and the salt (RSA-OAEP or ECDH).
 *   2. (handles and parameters are marshaled)
 *   3. tss_auth_command()   rolls nonceCaller, encrypts the first parameter (XOR or AES-CFB),
 *                           computes cpHash and each HMAC, writes the authorization area.
 *   4. (transmit)
 *   5. tss_auth_response()  reads each response authorization, verifies rpHash HMACs (fail
 *                           closed), then decrypts the first response parameter.
 *   6. tss_auth_finish()    only after a verified success: StartAuthSession's session key,
 *                           saves nonces (or forgets sessions that did not continue), and
 *                           tracks Names of objects and NV indexes the command changed. */
#ifndef TSS_AUTH_H
#define TSS_AUTH_H

#include "core/commands.h"
#include "core/context.h"
#include "marshal/mdesc.h"
#include "session/session.h"

#define TSS_MAX_SESSIONS 3

typedef struct tss_auth_in {
    TPMI_SH_AUTH_SESSION handle;
    const char *password;
    unsigned int attributes;
} tss_auth_in;

/* everything one TSS_Execute call knows; lives on the caller's stack */
typedef struct tss_call {
    const tss_command *cmd;
    COMMAND_PARAMETERS *in;
    RESPONSE_PARAMETERS *out;
    EXTRA_PARAMETERS *extra;
    tss_auth_in a[TSS_MAX_SESSIONS];
    unsigned n;
    tss_session s[TSS_MAX_SESSIONS]; /* state of the HMAC / policy sessions */
    TPM2B_NAME names[3];             /* Names of the command handles, when a session needs them */
    int decrypt, encrypt;            /* index of the decrypt / encrypt session, or -1 */
    int hmac;                        /* some session is an HMAC or policy session */
    uint8_t rsp_attrs[TSS_MAX_SESSIONS]; /* session attributes the TPM returned */
    TPM2B_DIGEST salt;               /* StartAuthSession */
    TPM2B_AUTH bindAuth;             /* StartAuthSession */
    TPM2B_NAME bindName;             /* StartAuthSession */
} tss_call;

TPM_RC tss_auth_prepare(TSS_CONTEXT *ctx, tss_call *c);
TPM_RC tss_auth_command(TSS_CONTEXT *ctx, tss_call *c, BYTE *params, uint32_t plen, tss_wcur *w);
TPM_RC tss_auth_response(TSS_CONTEXT *ctx, tss_call *c, BYTE *params, uint32_t plen, tss_rcur *r);
TPM_RC tss_auth_finish(TSS_CONTEXT *ctx, tss_call *c);

/* track.c: Names and sessions a successful command created, changed or removed; a file that
 * cannot be written or removed is an error (the caller flushes what the command created) */
TPM_RC tss_track(TSS_CONTEXT *ctx, tss_call *c);

/* handle i of the command (from the In structure) */
TPM_HANDLE tss_call_handle(const tss_call *c, unsigned i);

#endif
