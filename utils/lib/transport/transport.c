/* SPDX-License-Identifier: BSD-3-Clause */
/* Transport selection, loader-string parsing, and the poll()-bounded I/O helpers that the
 * socket and device transports share. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tss2/tsserror.h"
#include "transport.h"

#define DEFAULT_TIMEOUT_MS 120000
#define DEFAULT_CONNECT_TIMEOUT_MS 10000
#define DEFAULT_HOST "localhost"
#define DEFAULT_PORT 2321
#define DEFAULT_DEVICE "/dev/tpmrm0"
#define HDR_SIZE 10u

const tss_transport_ops *tss_transport_select(const char *interface_type, const char *server_type)
{
    /* IBM's defaults: TPM_INTERFACE_TYPE socsim, TPM_SERVER_TYPE mssim */
    if (interface_type == NULL || interface_type[0] == '\0' ||
        strcmp(interface_type, "socsim") == 0) {
        if (server_type == NULL || server_type[0] == '\0' || strcmp(server_type, "mssim") == 0)
            return &tss_transport_mssim;
        if (strcmp(server_type, "raw") == 0)
            return &tss_transport_raw;
        if (strcmp(server_type, "swtpm") == 0)
            return &tss_transport_swtpm;
        return NULL;
    }
    if (strcmp(interface_type, "dev") == 0)
        return &tss_transport_dev;
    return NULL;
}

/* Strict decimal: digits only, no sign or blanks, within [lo, hi]. */
static int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
    if (s[0] < '0' || s[0] > '9')
        return -1;
    errno = 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Copies a host value, dropping the brackets of "[::1]". */
static int set_host(tss_transport_config *c, const char *v)
{
    size_t n = strlen(v);
    if (n >= 2 && v[0] == '[' && v[n - 1] == ']') {
        v++;
        n -= 2;
    }
    if (n == 0 || n >= sizeof c->server_name)
        return -1;
    memcpy(c->server_name, v, n);
    c->server_name[n] = '\0';
    return 0;
}

/* Parses "key=value,key=value" for the socket transports into c. */
static int parse_socket_conf(char *conf, int has_ctrl, tss_transport_config *c)
{
    unsigned long port = DEFAULT_PORT, ctrl = 0, v;
    int ctrl_given = 0;

    strcpy(c->server_name, DEFAULT_HOST);
    if (conf[0] != '\0') {
        for (char *item = conf, *next; item != NULL; item = next) {
            next = strchr(item, ',');
            if (next != NULL)
                *next++ = '\0';
            char *val = strchr(item, '=');
            if (val == NULL)
                return -1;
            *val++ = '\0';
            if (strcmp(item, "host") == 0) {
                if (set_host(c, val) != 0)
                    return -1;
            } else if (strcmp(item, "port") == 0) {
                if (parse_uint(val, 1, 65535, &port) != 0)
                    return -1;
            } else if (has_ctrl && (strcmp(item, "ctrl") == 0 || strcmp(item, "platform") == 0)) {
                if (parse_uint(val, 1, 65535, &ctrl) != 0)
                    return -1;
                ctrl_given = 1;
            } else if (strcmp(item, "timeout") == 0) { /* as TPM_TIMEOUT */
                if (parse_uint(val, 0, 86400000, &v) != 0)
                    return -1;
                c->timeout_ms = (int)v;
            } else if (strcmp(item, "connect_timeout") == 0) { /* as TPM_CONNECT_TIMEOUT */
                if (parse_uint(val, 0, 86400000, &v) != 0)
                    return -1;
                c->connect_timeout_ms = (int)v;
            } else {
                return -1; /* unknown keys are typos, not extensions */
            }
        }
    }
    if (has_ctrl && !ctrl_given) {
        if (port == 65535)
            return -1; /* port + 1 would not be a port */
        ctrl = port + 1;
    }
    c->command_port = (uint16_t)port;
    c->platform_port = has_ctrl ? (uint16_t)ctrl : 0;
    return 0;
}

uint32_t tss_transport_parse(const char *loader, const tss_transport_ops **ops,
                             tss_transport_config *cfg)
{
    char buf[1024];
    if (ops == NULL || cfg == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (loader == NULL || strlen(loader) >= sizeof buf)
        return TSS_RC_BAD_PROPERTY_VALUE;
    strcpy(buf, loader);

    char *conf = strchr(buf, ':');
    if (conf != NULL)
        *conf++ = '\0';
    else
        conf = buf + strlen(buf); /* plain NAME: every field takes its default */

    /* work on a copy so a bad string leaves the caller's configuration untouched */
    tss_transport_config c = *cfg;
    const tss_transport_ops *o;
    if (strcmp(buf, "device") == 0) {
        const char *dev = conf[0] != '\0' ? conf : DEFAULT_DEVICE;
        if (strlen(dev) >= sizeof c.device)
            return TSS_RC_BAD_PROPERTY_VALUE;
        strcpy(c.device, dev);
        o = &tss_transport_dev;
    } else {
        int has_ctrl;
        if (strcmp(buf, "mssim") == 0) {
            o = &tss_transport_mssim;
            has_ctrl = 1;
        } else if (strcmp(buf, "swtpm") == 0) {
            o = &tss_transport_swtpm;
            has_ctrl = 1;
        } else if (strcmp(buf, "raw") == 0) {
            o = &tss_transport_raw;
            has_ctrl = 0;
        } else {
            return TSS_RC_BAD_PROPERTY_VALUE;
        }
        if (parse_socket_conf(conf, has_ctrl, &c) != 0)
            return TSS_RC_BAD_PROPERTY_VALUE;
        strcpy(c.server_type, buf);
    }
    *cfg = c;
    *ops = o;
    return 0;
}

void tss_transport_init(tss_transport *t, const tss_transport_ops *ops,
                        const tss_transport_config *cfg)
{
    memset(t, 0, sizeof *t);
    t->ops = ops;
    if (cfg != NULL)
        t->cfg = *cfg;
    t->fd = -1;
    t->fd2 = -1;
}

void tss_transport_trace(const tss_transport *t, int level, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    if (t == NULL || t->trace == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    t->trace(t->trace_ctx, level, "%s", line);
}

int tss_transport_timeout_ms(const tss_transport *t)
{
    return t->cfg.timeout_ms > 0 ? t->cfg.timeout_ms : DEFAULT_TIMEOUT_MS;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tss_transport_connect_timeout_ms(const tss_transport *t)
{
    return t->cfg.connect_timeout_ms > 0 ? t->cfg.connect_timeout_ms : DEFAULT_CONNECT_TIMEOUT_MS;
}

uint32_t tss_transport_wait(const tss_transport *t, int fd, short events)
{
    return tss_transport_wait_ms(t, fd, events, tss_transport_timeout_ms(t));
}

/* Waits until fd is ready for events; a signal does not restart the full wait. */
uint32_t tss_transport_wait_ms(const tss_transport *t, int fd, short events, int timeout_ms)
{
    int timeout = timeout_ms;
    int64_t deadline = now_ms() + timeout;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = events};
        int n = poll(&p, 1, timeout);
        if (n > 0)
            return 0; /* readiness or error: the following read/write tells which */
        if (n == 0) {
            tss_transport_trace(t, 1, "transport: timeout after %d ms", timeout_ms);
            return TSS_RC_TIMEOUT;
        }
        if (errno != EINTR) {
            tss_transport_trace(t, 1, "transport: poll: %s", strerror(errno));
            return TSS_RC_BAD_CONNECTION;
        }
        int64_t left = deadline - now_ms();
        timeout = left > 0 ? (int)left : 0;
    }
}

uint32_t tss_transport_write_all(const tss_transport *t, int fd, int is_socket, const void *buf,
                                 size_t len)
{
    const uint8_t *p = buf;
    while (len > 0) {
        /* MSG_NOSIGNAL: a peer that went away must give an error, not kill the process */
        ssize_t n = is_socket ? send(fd, p, len, MSG_NOSIGNAL) : write(fd, p, len);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            uint32_t rc = tss_transport_wait(t, fd, POLLOUT);
            if (rc != 0)
                return rc;
            continue;
        }
        tss_transport_trace(t, 1, "transport: write: %s", n < 0 ? strerror(errno) : "no progress");
        return TSS_RC_BAD_CONNECTION;
    }
    return 0;
}

uint32_t tss_transport_read_all(const tss_transport *t, int fd, void *buf, size_t len)
{
    uint8_t *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
            continue;
        }
        if (n == 0) {
            tss_transport_trace(t, 1, "transport: peer closed with %zu bytes missing", len);
            return TSS_RC_BAD_CONNECTION;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            uint32_t rc = tss_transport_wait(t, fd, POLLIN);
            if (rc != 0)
                return rc;
            continue;
        }
        tss_transport_trace(t, 1, "transport: read: %s", strerror(errno));
        return TSS_RC_BAD_CONNECTION;
    }
    return 0;
}

uint32_t tss_transport_check_header(const uint8_t hdr[10], uint32_t capacity, uint32_t *size)
{
    uint32_t s = (uint32_t)hdr[2] << 24 | (uint32_t)hdr[3] << 16 | (uint32_t)hdr[4] << 8 | hdr[5];
    if (s < HDR_SIZE || s > capacity)
        return TSS_RC_MALFORMED_RESPONSE;
    *size = s;
    return 0;
}

uint32_t tss_transport_read_response(const tss_transport *t, int fd, uint8_t *rsp,
                                     uint32_t *rsplen)
{
    /* wait, then take whatever has arrived, up to the capacity: one poll and one read for a
     * response that arrives in one piece (the usual case), more only when it is split */
    uint32_t got = 0, size = 0;
    if (*rsplen < HDR_SIZE)
        return TSS_RC_INSUFFICIENT_BUFFER;
    while (size == 0 || got < size) {
        uint32_t rc = tss_transport_wait(t, fd, POLLIN);
        if (rc != 0)
            return rc;
        ssize_t n = read(fd, rsp + got, *rsplen - got);
        if (n == 0) {
            tss_transport_trace(t, 1, "transport: peer closed after %u response bytes", got);
            return TSS_RC_BAD_CONNECTION;
        }
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            tss_transport_trace(t, 1, "transport: read: %s", strerror(errno));
            return TSS_RC_BAD_CONNECTION;
        }
        got += (uint32_t)n;
        /* the size is checked as soon as the header is in, so a lying header cannot make
         * the loop wait for bytes that do not fit */
        if (size == 0 && got >= HDR_SIZE && tss_transport_check_header(rsp, *rsplen, &size) != 0) {
            tss_transport_trace(t, 1, "transport: response size field out of range (capacity %u)",
                                *rsplen);
            return TSS_RC_MALFORMED_RESPONSE;
        }
    }
    if (got != size) {
        tss_transport_trace(t, 1, "transport: %u bytes after a %u-byte response", got - size, size);
        return TSS_RC_MALFORMED_RESPONSE;
    }
    *rsplen = size;
    return 0;
}
