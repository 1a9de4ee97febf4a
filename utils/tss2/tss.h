/* SPDX-License-Identifier: BSD-3-Clause */
/* The whole TSS API: create a context, optionally set properties, execute commands, delete.
 *
 *   TSS_CONTEXT *ctx;
 *   TSS_Create(&ctx);
 *   GetRandom_In in = {.bytesRequested = 16};
 *   GetRandom_Out out;
 *   rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
 *                    TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
 *   TSS_Delete(ctx);
 *
 * The variable arguments of TSS_Execute are up to three authorization triples
 * (TPMI_SH_AUTH_SESSION handle, const char *password, unsigned int sessionAttributes),
 * ended by TPM_RH_NULL, NULL, 0. TPM_RS_PW with a password string (NULL = empty) is a
 * password authorization. TSS_Create opens no connection: the first command does.
 *
 * Properties (TSS_SetProperty; NULL value = back to the default). Each has a compile-time
 * default (-D<NAME>_DEFAULT="..."), overridden by the environment variable of the same name,
 * overridden by TSS_SetProperty. Changing a connection property closes the connection. */
#ifndef TSS_TSS_H
#define TSS_TSS_H

#ifndef TPM_TSS
#define TPM_TSS
#endif

#include "TPM_Types.h"
#include "Parameters.h"
#include "tsserror.h"
#include "tssprint.h"

/* IBM's tss.h brings the byte-order functions (htonl, ntohs ...) by way of its TPM 1.2
 * headers; programs written for it call them without including anything else */
#ifdef TPM_WINDOWS
#include <winsock2.h>
#else
#include <netinet/in.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TSS_CONTEXT TSS_CONTEXT;

#define TPM_TRACE_LEVEL 1      /* 0 none, 1 errors, 2 flow, 3 also bytes and secrets */
#define TPM_DATA_DIR 2         /* session and Name state files; default "." */
#define TPM_COMMAND_PORT 3     /* default 2321 */
#define TPM_PLATFORM_PORT 4    /* default 2322 (swtpm: control port, default command + 1) */
#define TPM_SERVER_NAME 5      /* host name, IPv4 or IPv6 literal; default localhost */
#define TPM_INTERFACE_TYPE 6   /* socsim (default) or dev */
#define TPM_DEVICE 7           /* default /dev/tpm0 */
#define TPM_ENCRYPT_SESSIONS 8 /* 1 (default): session state files are encrypted */
#define TPM_SERVER_TYPE 9      /* mssim (default), raw, swtpm */
#define TPM_TRANSMIT_LOCALITY 10 /* locality of the commands sent: 0 (default) .. 4, 32 .. 255;
                                  * NULL sets it back to the default. mssim carries it in each
                                  * command frame, swtpm gets it on its control channel before
                                  * each command (and is set back to 0 after); the raw and
                                  * device transports can only send at 0 and refuse others. */
#define TPM_TRANSPORT 20       /* loader string, e.g. "swtpm:host=::1,port=2321" (overrides the above) */
#define TPM_SESSION_ENCKEY 21  /* hex key for session state files (16 or 32 bytes); IBM's TSS
                                * has no such property, and its number 10 is the locality */
#define TPM_TIMEOUT 22         /* ms to wait for a response (and for each read or write of it);
                                * default 120000, generous for RSA key generation */
#define TPM_CONNECT_TIMEOUT 23 /* ms to wait for a socket connection; default 10000 */

/* Extra parameters a few commands need. */
typedef struct {
    const char *bindPassword; /* auth value of the bind entity of a bound session */
    TPM2B_DIGEST salt;        /* ignored: the TSS makes the salt itself */
} StartAuthSession_Extra;

typedef union {
    StartAuthSession_Extra StartAuthSession;
} EXTRA_PARAMETERS;

/* IBM's TPM 1.2 extra parameters: declared for programs that name them; this library sends
 * TPM 2.0 commands only */
typedef struct {
    const char *usagePassword;
} OSAP_Extra;

typedef union {
    OSAP_Extra OSAP;
} EXTRA12_PARAMETERS;

/* Threads: a context is used by one thread at a time; any number of threads may each use
 * their own context at once (the library keeps no mutable global state, apart from the
 * process trace level set by TSS_SetProperty(NULL, TPM_TRACE_LEVEL, ...), which should be
 * set before threads start). Contexts in several threads or processes that share a session
 * through TPM_DATA_DIR take turns on it (store: a lock per session and handle). */
TPM_RC TSS_Create(TSS_CONTEXT **tssContext);
TPM_RC TSS_Delete(TSS_CONTEXT *tssContext);
TPM_RC TSS_Execute(TSS_CONTEXT *tssContext, RESPONSE_PARAMETERS *out, COMMAND_PARAMETERS *in,
                   EXTRA_PARAMETERS *extra, TPM_CC commandCode, ...);
TPM_RC TSS_SetProperty(TSS_CONTEXT *tssContext, int property, const char *value);

#ifdef __cplusplus
}
#endif

#endif
