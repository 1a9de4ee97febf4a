/* SPDX-License-Identifier: BSD-3-Clause */
/* Properties: compile-time default (-DNAME_DEFAULT) < environment < TSS_SetProperty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/context.h"

#ifndef TPM_TRACE_LEVEL_DEFAULT
#define TPM_TRACE_LEVEL_DEFAULT "0"
#endif
#ifndef TPM_DATA_DIR_DEFAULT
#define TPM_DATA_DIR_DEFAULT "."
#endif
#ifndef TPM_COMMAND_PORT_DEFAULT
#define TPM_COMMAND_PORT_DEFAULT "2321"
#endif
#ifndef TPM_PLATFORM_PORT_DEFAULT
#define TPM_PLATFORM_PORT_DEFAULT ""
#endif
#ifndef TPM_SERVER_NAME_DEFAULT
#define TPM_SERVER_NAME_DEFAULT "localhost"
#endif
#ifndef TPM_INTERFACE_TYPE_DEFAULT
#define TPM_INTERFACE_TYPE_DEFAULT "socsim"
#endif
#ifndef TPM_DEVICE_DEFAULT
#define TPM_DEVICE_DEFAULT "/dev/tpm0"
#endif
#ifndef TPM_ENCRYPT_SESSIONS_DEFAULT
#define TPM_ENCRYPT_SESSIONS_DEFAULT "1"
#endif
#ifndef TPM_SERVER_TYPE_DEFAULT
#define TPM_SERVER_TYPE_DEFAULT "mssim"
#endif
#ifndef TPM_SESSION_ENCKEY_DEFAULT
#define TPM_SESSION_ENCKEY_DEFAULT ""
#endif
#ifndef TPM_TRANSMIT_LOCALITY_DEFAULT
#define TPM_TRANSMIT_LOCALITY_DEFAULT "0"
#endif
#ifndef TPM_TIMEOUT_DEFAULT
#define TPM_TIMEOUT_DEFAULT "120000"
#endif
#ifndef TPM_CONNECT_TIMEOUT_DEFAULT
#define TPM_CONNECT_TIMEOUT_DEFAULT "10000"
#endif
#ifndef TPM_TRANSPORT_DEFAULT
#define TPM_TRANSPORT_DEFAULT ""
#endif

typedef struct {
    int id;
    const char *name;
    const char *def;
    int connection; /* changing it closes the connection */
} prop_info;

static const prop_info props[] = {
    {TPM_TRACE_LEVEL, "TPM_TRACE_LEVEL", TPM_TRACE_LEVEL_DEFAULT, 0},
    {TPM_DATA_DIR, "TPM_DATA_DIR", TPM_DATA_DIR_DEFAULT, 0},
    {TPM_COMMAND_PORT, "TPM_COMMAND_PORT", TPM_COMMAND_PORT_DEFAULT, 1},
    {TPM_PLATFORM_PORT, "TPM_PLATFORM_PORT", TPM_PLATFORM_PORT_DEFAULT, 1},
    {TPM_SERVER_NAME, "TPM_SERVER_NAME", TPM_SERVER_NAME_DEFAULT, 1},
    {TPM_INTERFACE_TYPE, "TPM_INTERFACE_TYPE", TPM_INTERFACE_TYPE_DEFAULT, 1},
    {TPM_DEVICE, "TPM_DEVICE", TPM_DEVICE_DEFAULT, 1},
    {TPM_ENCRYPT_SESSIONS, "TPM_ENCRYPT_SESSIONS", TPM_ENCRYPT_SESSIONS_DEFAULT, 0},
    {TPM_SERVER_TYPE, "TPM_SERVER_TYPE", TPM_SERVER_TYPE_DEFAULT, 1},
    {TPM_SESSION_ENCKEY, "TPM_SESSION_ENCKEY", TPM_SESSION_ENCKEY_DEFAULT, 0},
    {TPM_TRANSPORT, "TPM_TRANSPORT", TPM_TRANSPORT_DEFAULT, 1},
    {TPM_TRANSMIT_LOCALITY, "TPM_TRANSMIT_LOCALITY", TPM_TRANSMIT_LOCALITY_DEFAULT, 0},
    {TPM_TIMEOUT, "TPM_TIMEOUT", TPM_TIMEOUT_DEFAULT, 1},
    {TPM_CONNECT_TIMEOUT, "TPM_CONNECT_TIMEOUT", TPM_CONNECT_TIMEOUT_DEFAULT, 1},
};

static const prop_info *find_prop(int id)
{
    for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++)
        if (props[i].id == id)
            return &props[i];
    return NULL;
}

static int parse_uint(const char *s, unsigned long max, unsigned long *v)
{
    char *end;
    if (s[0] < '0' || s[0] > '9')
        return 0;
    *v = strtoul(s, &end, 10);
    return *end == '\0' && *v <= max;
}

static int copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        return 0;
    memcpy(dst, src, n + 1);
    return 1;
}

static TPM_RC bad(const TSS_CONTEXT *ctx, const prop_info *p, const char *value)
{
    tss_trace(ctx, 1, "TSS_SetProperty: bad value '%s' for %s\n", value, p->name);
    return TSS_RC_BAD_PROPERTY_VALUE;
}

static TPM_RC apply(TSS_CONTEXT *ctx, const prop_info *p, const char *v)
{
    unsigned long n;
    switch (p->id) {
    case TPM_TRACE_LEVEL:
        if (!parse_uint(v, 9, &n))
            return bad(ctx, p, v);
        ctx->trace_level = (int)n;
        return 0;
    case TPM_DATA_DIR:
        return (v[0] != '\0' && copy(ctx->data_dir, sizeof(ctx->data_dir), v)) ? 0 : bad(ctx, p, v);
    case TPM_COMMAND_PORT:
        if (!parse_uint(v, 65535, &n) || n == 0)
            return bad(ctx, p, v);
        ctx->tcfg.command_port = (uint16_t)n;
        return 0;
    case TPM_PLATFORM_PORT:
        if (v[0] == '\0') {
            ctx->platform_port_set = 0;
            return 0;
        }
        if (!parse_uint(v, 65535, &n) || n == 0)
            return bad(ctx, p, v);
        ctx->tcfg.platform_port = (uint16_t)n;
        ctx->platform_port_set = 1;
        return 0;
    case TPM_SERVER_NAME:
        return (v[0] != '\0' && copy(ctx->tcfg.server_name, sizeof(ctx->tcfg.server_name), v))
                   ? 0 : bad(ctx, p, v);
    case TPM_INTERFACE_TYPE:
        if (strcmp(v, "socsim") != 0 && strcmp(v, "dev") != 0)
            return bad(ctx, p, v);
        copy(ctx->interface_type, sizeof(ctx->interface_type), v);
        return 0;
    case TPM_DEVICE:
        return (v[0] != '\0' && copy(ctx->tcfg.device, sizeof(ctx->tcfg.device), v)) ? 0 : bad(ctx, p, v);
    case TPM_ENCRYPT_SESSIONS:
        if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
            return bad(ctx, p, v);
        ctx->encrypt_sessions = v[0] == '1';
        return 0;
    case TPM_SERVER_TYPE:
        if (strcmp(v, "mssim") != 0 && strcmp(v, "raw") != 0 && strcmp(v, "swtpm") != 0)
            return bad(ctx, p, v);
        copy(ctx->tcfg.server_type, sizeof(ctx->tcfg.server_type), v);
        return 0;
    case TPM_SESSION_ENCKEY: {
        size_t len = strlen(v);
        if (len != 0 && len != 32 && len != 64)
            return bad(ctx, p, "(hidden)");
        for (size_t i = 0; i < len; i++)
            if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f') || (v[i] >= 'A' && v[i] <= 'F')))
                return bad(ctx, p, "(hidden)");
        copy(ctx->session_enckey, sizeof(ctx->session_enckey), v);
        return 0;
    }
    case TPM_TRANSMIT_LOCALITY:
        /* localities 0-4 and the extended localities 32-255 (Part 1, 'Locality') */
        if (!parse_uint(v, 255, &n) || (n > 4 && n < 32))
            return bad(ctx, p, v);
        ctx->locality = (uint8_t)n;
        return 0;
    case TPM_TIMEOUT: /* ms, 1 ms to a day */
        if (!parse_uint(v, 86400000, &n) || n == 0)
            return bad(ctx, p, v);
        ctx->tcfg.timeout_ms = (int)n;
        return 0;
    case TPM_CONNECT_TIMEOUT:
        if (!parse_uint(v, 86400000, &n) || n == 0)
            return bad(ctx, p, v);
        ctx->tcfg.connect_timeout_ms = (int)n;
        return 0;
    case TPM_TRANSPORT: {
        const tss_transport_ops *ops;
        tss_transport_config cfg = ctx->tcfg;
        if (v[0] != '\0' && tss_transport_parse(v, &ops, &cfg) != 0)
            return bad(ctx, p, v);
        return copy(ctx->loader, sizeof(ctx->loader), v) ? 0 : bad(ctx, p, v);
    }
    default:
        return TSS_RC_BAD_PROPERTY;
    }
}

/* The one piece of process-wide state: TSS_SetProperty(NULL, TPM_TRACE_LEVEL, v), as IBM's
 * utilities call it before any context exists; contexts created later start at it. */
static int process_trace_level = -1;

TPM_RC tss_properties_init(TSS_CONTEXT *ctx)
{
    for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
        TPM_RC rc = apply(ctx, &props[i], props[i].def);
        if (rc != 0)
            return rc;
        const char *env = getenv(props[i].name);
        if (env != NULL) {
            rc = apply(ctx, &props[i], env);
            if (rc != 0) {
                /* the environment is the user's input: say which variable is wrong */
                fprintf(stderr, "TSS: environment variable %s has an invalid value\n", props[i].name);
                return rc;
            }
        }
    }
    if (process_trace_level >= 0)
        ctx->trace_level = process_trace_level;
    return 0;
}

TPM_RC TSS_SetProperty(TSS_CONTEXT *ctx, int property, const char *value)
{
    if (ctx == NULL && property == TPM_TRACE_LEVEL) {
        unsigned long n;
        if (value == NULL) { /* back to compile-time default and environment */
            process_trace_level = -1;
            return 0;
        }
        if (!parse_uint(value, 9, &n))
            return TSS_RC_BAD_PROPERTY_VALUE;
        process_trace_level = (int)n;
        return 0;
    }
    if (ctx == NULL)
        return TSS_RC_NULL_PARAMETER;
    const prop_info *p = find_prop(property);
    if (p == NULL) {
        tss_trace(ctx, 1, "TSS_SetProperty: unknown property %d\n", property);
        return TSS_RC_BAD_PROPERTY;
    }
    TPM_RC rc = apply(ctx, p, value != NULL ? value : p->def);
    if (rc == 0 && p->connection)
        tss_transport_drop(ctx); /* even to the same value: the caller asked for a reconnect */
    return rc;
}

void tss_transport_drop(TSS_CONTEXT *ctx)
{
    if (ctx->tr_ready && ctx->tr.ops != NULL && ctx->tr.ops->close != NULL)
        ctx->tr.ops->close(&ctx->tr);
    ctx->tr_ready = 0;
}

TPM_RC tss_transport_ready(TSS_CONTEXT *ctx)
{
    if (!ctx->tr_ready) {
        const tss_transport_ops *ops;
        tss_transport_config cfg = ctx->tcfg;
        if (ctx->custom_ops != NULL) {
            ops = ctx->custom_ops;
        } else if (ctx->loader[0] != '\0') {
            TPM_RC rc = tss_transport_parse(ctx->loader, &ops, &cfg);
            if (rc != 0)
                return rc;
        } else {
            ops = tss_transport_select(ctx->interface_type, cfg.server_type);
            if (ops == NULL)
                return TSS_RC_INSUPPORTED_INTERFACE;
            if (!ctx->platform_port_set)
                cfg.platform_port = (ops == &tss_transport_swtpm) ? (uint16_t)(cfg.command_port + 1) : 2322;
        }
        tss_transport_init(&ctx->tr, ops, &cfg);
        ctx->tr.user = ctx->custom_user;
        ctx->tr_ready = 1;
    }
    if (!ctx->tr.opened) {
        TPM_RC rc = ctx->tr.ops->open(&ctx->tr);
        if (rc != 0) {
            tss_trace(ctx, 1, "TSS: cannot open the TPM connection (%s)\n", ctx->tr.ops->name);
            return rc;
        }
    }
    return 0;
}

TPM_RC tss_set_transport_ops(TSS_CONTEXT *ctx, const tss_transport_ops *ops, void *user)
{
    if (ctx == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (ops != NULL && (ops->open == NULL || ops->transmit == NULL))
        return TSS_RC_NULL_PARAMETER;
    tss_transport_drop(ctx);
    ctx->custom_ops = ops;
    ctx->custom_user = user;
    return 0;
}
