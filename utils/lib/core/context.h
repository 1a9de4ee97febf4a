/* SPDX-License-Identifier: BSD-3-Clause */
/* The TSS context: properties, the transport, and the command/response buffers. Internal. */
#ifndef TSS_CONTEXT_H
#define TSS_CONTEXT_H

#include <limits.h>
#include "tss2/tss.h"
#include "transport/transport.h"

#define TSS_PATH_MAX 4096

struct TSS_CONTEXT {
    int trace_level;
    char data_dir[TSS_PATH_MAX];
    char interface_type[16];
    char loader[512];            /* TPM_TRANSPORT; empty = from the other properties */
    int encrypt_sessions;
    char session_enckey[160];    /* hex, as given */
    uint8_t user_key[32];        /* the per-user state key, once read (store/state.c) */
    int user_key_cached;
    tss_transport_config tcfg;
    int platform_port_set;       /* platform port given explicitly */
    uint8_t locality;            /* TPM_TRANSMIT_LOCALITY: commands are sent at it */
    tss_transport tr;
    int tr_ready;                /* tr initialised from the properties */
    const tss_transport_ops *custom_ops; /* registered ops replace the property choice */
    void *custom_user;
    BYTE cmd[TSS_TRANSPORT_MAX];
    BYTE rsp[TSS_TRANSPORT_MAX];
};

/* trace at level (1 errors, 2 flow, 3 bytes); a no-op above the context's level; level 0
 * always prints (on stderr): a state file the TSS cannot write or remove */
void tss_trace(const TSS_CONTEXT *ctx, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tss_trace_bytes(const TSS_CONTEXT *ctx, const char *what, const BYTE *p, uint32_t n);

/* properties.c */
TPM_RC tss_properties_init(TSS_CONTEXT *ctx);
/* (re)creates ctx->tr from the properties if needed and opens it */
TPM_RC tss_transport_ready(TSS_CONTEXT *ctx);
void tss_transport_drop(TSS_CONTEXT *ctx);
/* Registers caller-supplied transport ops (a user transport, a replay transport in tests);
 * NULL returns to the property-selected transport. user is stored in tr.user. */
TPM_RC tss_set_transport_ops(TSS_CONTEXT *ctx, const tss_transport_ops *ops, void *user);

/* one command/response exchange with bounded retry of RETRY/YIELDED/TESTING */
TPM_RC tss_exchange(TSS_CONTEXT *ctx, uint32_t cmdlen, uint32_t *rsplen);

#endif
