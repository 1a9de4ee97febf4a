/* SPDX-License-Identifier: BSD-3-Clause */
/* TCP transports: mssim (Microsoft simulator framing plus platform port), raw (bare TPM
 * bytes) and swtpm (bare bytes plus the swtpm control channel for platform signals).
 * Sockets are non-blocking and every wait is a poll() bounded by cfg.timeout_ms, so a
 * silent peer gives TSS_RC_TIMEOUT instead of hanging the caller. After any error on the
 * command connection it is dropped: the stream may be out of step, and the next
 * transmit reconnects. */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tss2/tsserror.h"
#include "transport.h"

#define DEFAULT_HOST "localhost"
#define DEFAULT_PORT 2321
#define HDR_SIZE 10u

/* mssim command codes (command and platform ports) */
#define MSSIM_SEND_COMMAND 8u
#define MSSIM_SESSION_END 20u

/* swtpm control channel codes (tpm_ioctl.h); CMD_SHUTDOWN (3) is never sent: it ends swtpm */
#define SWTPM_CMD_INIT 0x02u
#define SWTPM_CMD_SET_LOCALITY 0x05u
#define SWTPM_CMD_CANCEL_TPM_CMD 0x09u
#define SWTPM_CMD_STOP 0x0eu

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static const char *host_of(const tss_transport *t)
{
    return t->cfg.server_name[0] != '\0' ? t->cfg.server_name : DEFAULT_HOST;
}

static uint16_t command_port_of(const tss_transport *t)
{
    return t->cfg.command_port != 0 ? t->cfg.command_port : DEFAULT_PORT;
}

/* platform/control port; by convention the command port + 1 (2321/2322) */
static uint16_t platform_port_of(const tss_transport *t)
{
    if (t->cfg.platform_port != 0)
        return t->cfg.platform_port;
    return (uint16_t)(command_port_of(t) + 1u); /* 0 after 65535: refused by connect_one */
}

/* Finishes a non-blocking connect within the timeout: 0, or -1 with errno set; a timeout
 * also sets *rc. */
static int finish_connect(const tss_transport *t, int fd, uint32_t *rc)
{
    /* EINTR: the connection still proceeds in the background, like EINPROGRESS */
    if (errno != EINPROGRESS && errno != EINTR)
        return -1;
    uint32_t w = tss_transport_wait_ms(t, fd, POLLOUT, tss_transport_connect_timeout_ms(t));
    if (w != 0) {
        *rc = w;
        errno = ETIMEDOUT;
        return -1;
    }
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        return -1;
    errno = err;
    return err != 0 ? -1 : 0;
}

/* One address: returns the connected fd, or -1 with errno set (and *rc on a timeout). */
static int connect_one(const tss_transport *t, const struct addrinfo *ai, uint32_t *rc)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    ai->ai_protocol);
    if (fd < 0)
        return -1;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0 && finish_connect(t, fd, rc) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    int one = 1;
    /* commands are small request/response exchanges: Nagle would only add latency */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* Connects to host:port, trying every address getaddrinfo() returns (IPv4 and IPv6). */
static uint32_t sock_connect(const tss_transport *t, uint16_t port, int *out)
{
    char service[8];
    struct addrinfo hints, *res;
    const char *host = host_of(t);

    if (port == 0)
        return TSS_RC_NO_CONNECTION;
    memset(&hints, 0, sizeof hints);
    /* no AI_ADDRCONFIG: it hides ::1 on hosts whose only IPv6 address is loopback */
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    snprintf(service, sizeof service, "%u", (unsigned)port);
    int g = getaddrinfo(host, service, &hints, &res);
    if (g != 0) {
        tss_transport_trace(t, 1, "socket: %s: %s", host, gai_strerror(g));
        return TSS_RC_NO_CONNECTION;
    }
    uint32_t rc = TSS_RC_NO_CONNECTION;
    for (const struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
        uint32_t wrc = 0;
        int fd = connect_one(t, ai, &wrc);
        if (fd >= 0) {
            freeaddrinfo(res);
            *out = fd;
            tss_transport_trace(t, 2, "socket: connected to %s port %u", host, (unsigned)port);
            return 0;
        }
        if (wrc != 0)
            rc = wrc;
        else
            tss_transport_trace(t, 1, "socket: %s port %u: %s", host, (unsigned)port,
                                strerror(errno));
    }
    freeaddrinfo(res);
    /* a timeout is reported as such; refusal and every other failure as no connection */
    return rc;
}

static void drop(int *fd)
{
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

/* Drops the command connection after an error so the next transmit starts clean. */
static uint32_t fail_command(tss_transport *t, uint32_t rc)
{
    drop(&t->fd);
    t->opened = 0;
    return rc;
}

static uint32_t sock_open(tss_transport *t)
{
    if (t->fd >= 0)
        return 0;
    uint32_t rc = sock_connect(t, command_port_of(t), &t->fd);
    if (rc != 0)
        return rc;
    t->opened = 1;
    return 0;
}

static uint32_t check_args(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                           const uint32_t *rsplen)
{
    if (t == NULL || cmd == NULL || rsp == NULL || rsplen == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (cmdlen > TSS_TRANSPORT_MAX)
        return TSS_RC_INSUFFICIENT_BUFFER;
    if (*rsplen < HDR_SIZE)
        return TSS_RC_INSUFFICIENT_BUFFER;
    return sock_open(t); /* reconnects after an earlier error dropped the connection */
}

/* ---- raw and swtpm command port: bare bytes ---- */

static uint32_t raw_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                             uint32_t *rsplen)
{
    uint32_t rc = check_args(t, cmd, cmdlen, rsp, rsplen);
    if (rc != 0)
        return rc;
    rc = tss_transport_write_all(t, t->fd, 1, cmd, cmdlen);
    if (rc != 0)
        return fail_command(t, rc);
    t->sent++;
    rc = tss_transport_read_response(t, t->fd, rsp, rsplen);
    if (rc != 0)
        return fail_command(t, rc);
    return 0;
}

static void raw_close(tss_transport *t)
{
    drop(&t->fd);
    drop(&t->fd2);
    t->opened = 0;
}

static uint32_t raw_platform(tss_transport *t, uint32_t signal)
{
    (void)t;
    (void)signal;
    return TSS_RC_NOT_IMPLEMENTED; /* a bare byte stream has no side channel */
}

static uint32_t raw_set_locality(tss_transport *t, uint8_t locality)
{
    /* the byte stream cannot carry a locality: only the implied 0 is honoured */
    if (locality != 0)
        return TSS_RC_NOT_IMPLEMENTED;
    t->cfg.locality = 0;
    return 0;
}

/* ---- mssim ---- */

static uint32_t mssim_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen,
                               uint8_t *rsp, uint32_t *rsplen)
{
    uint8_t frame[9 + TSS_TRANSPORT_MAX], word[4];
    uint32_t rc = check_args(t, cmd, cmdlen, rsp, rsplen);
    if (rc != 0)
        return rc;

    /* one buffer, one send: with TCP_NODELAY separate writes would be separate segments */
    put32(frame, MSSIM_SEND_COMMAND);
    frame[4] = t->cfg.locality;
    put32(frame + 5, cmdlen);
    memcpy(frame + 9, cmd, cmdlen);
    rc = tss_transport_write_all(t, t->fd, 1, frame, 9 + (size_t)cmdlen);
    if (rc != 0)
        return fail_command(t, rc);
    t->sent++;

    rc = tss_transport_read_all(t, t->fd, word, 4);
    if (rc != 0)
        return fail_command(t, rc);
    uint32_t len = get32(word);
    if (len < HDR_SIZE || len > *rsplen) {
        tss_transport_trace(t, 1, "mssim: response length %u out of range (capacity %u)", len,
                            *rsplen);
        return fail_command(t, TSS_RC_MALFORMED_RESPONSE);
    }
    rc = tss_transport_read_all(t, t->fd, rsp, len);
    if (rc != 0)
        return fail_command(t, rc);
    rc = tss_transport_read_all(t, t->fd, word, 4); /* acknowledgement */
    if (rc != 0)
        return fail_command(t, rc);
    if (get32(rsp + 2) != len) {
        tss_transport_trace(t, 1, "mssim: header size %u, framed length %u", get32(rsp + 2), len);
        return fail_command(t, TSS_RC_MALFORMED_RESPONSE);
    }
    if (get32(word) != 0) {
        tss_transport_trace(t, 1, "mssim: acknowledgement %u", get32(word));
        return fail_command(t, TSS_RC_BAD_CONNECTION);
    }
    *rsplen = len;
    return 0;
}

static uint32_t mssim_platform(tss_transport *t, uint32_t signal)
{
    uint8_t word[4];
    uint32_t rc;
    /* lazily: most programs never send a platform signal */
    if (t->fd2 < 0 && (rc = sock_connect(t, platform_port_of(t), &t->fd2)) != 0)
        return rc;
    put32(word, signal);
    rc = tss_transport_write_all(t, t->fd2, 1, word, 4);
    if (rc == 0)
        rc = tss_transport_read_all(t, t->fd2, word, 4);
    if (rc != 0) {
        drop(&t->fd2);
        return rc;
    }
    if (get32(word) != 0) {
        tss_transport_trace(t, 1, "mssim: platform signal %u failed: %u", signal, get32(word));
        return TSS_RC_BAD_CONNECTION;
    }
    return 0;
}

static uint32_t mssim_set_locality(tss_transport *t, uint8_t locality)
{
    t->cfg.locality = locality; /* travels in every command frame */
    return 0;
}

/* Tells the simulator this client is done (no reply), then closes. */
static void session_end(int *fd)
{
    if (*fd >= 0) {
        uint8_t word[4];
        put32(word, MSSIM_SESSION_END);
        /* best effort: a vanished peer must not block or signal us */
        (void)send(*fd, word, 4, MSG_NOSIGNAL | MSG_DONTWAIT);
        drop(fd);
    }
}

static void mssim_close(tss_transport *t)
{
    session_end(&t->fd);
    session_end(&t->fd2);
    t->opened = 0;
}

/* ---- swtpm control channel ---- */

/* One control command: uint32 code + payload, reply uint32 result (0 = ok). The control
 * connection is opened per call and closed after: swtpm serves one control client at a
 * time, and holding it would lock out swtpm_ioctl and other processes. */
static uint32_t swtpm_ctrl(tss_transport *t, uint32_t code, const uint8_t *payload, size_t plen)
{
    uint8_t buf[8];
    uint32_t rc;
    if (plen > sizeof buf - 4)
        return TSS_RC_INSUFFICIENT_BUFFER;
    if (t->fd2 < 0 && (rc = sock_connect(t, platform_port_of(t), &t->fd2)) != 0)
        return rc;
    put32(buf, code);
    if (plen > 0)
        memcpy(buf + 4, payload, plen);
    rc = tss_transport_write_all(t, t->fd2, 1, buf, 4 + plen);
    if (rc == 0)
        rc = tss_transport_read_all(t, t->fd2, buf, 4);
    if (rc == 0 && get32(buf) != 0) {
        tss_transport_trace(t, 1, "swtpm: control command 0x%02x failed: 0x%08x", code,
                            get32(buf));
        rc = TSS_RC_BAD_CONNECTION;
    }
    return rc;
}

static uint32_t swtpm_power_on(tss_transport *t)
{
    uint8_t flags[4];
    put32(flags, 0); /* keep volatile state semantics of a real power-on */
    return swtpm_ctrl(t, SWTPM_CMD_INIT, flags, sizeof flags);
}

/* The command connection stays open across CMD_STOP/CMD_INIT: swtpm 0.7 keeps serving it
 * (checked against a real swtpm; test_swtpm_real asserts it). */
static uint32_t swtpm_platform(tss_transport *t, uint32_t signal)
{
    uint32_t rc;
    switch (signal) {
    case TSS_PLATFORM_POWER_ON:
        rc = swtpm_power_on(t);
        break;
    case TSS_PLATFORM_POWER_OFF:
        rc = swtpm_ctrl(t, SWTPM_CMD_STOP, NULL, 0);
        break;
    case TSS_PLATFORM_RESET:
    case TSS_PLATFORM_RESTART:
        rc = swtpm_ctrl(t, SWTPM_CMD_STOP, NULL, 0);
        if (rc == 0)
            rc = swtpm_power_on(t);
        break;
    case TSS_PLATFORM_CANCEL_ON:
        rc = swtpm_ctrl(t, SWTPM_CMD_CANCEL_TPM_CMD, NULL, 0);
        break;
    case TSS_PLATFORM_NV_ON:
    case TSS_PLATFORM_NV_OFF:
    case TSS_PLATFORM_PHYS_PRES_ON:
    case TSS_PLATFORM_PHYS_PRES_OFF:
    case TSS_PLATFORM_CANCEL_OFF:
        return 0; /* swtpm has no such switch; NV is always available */
    default:
        return TSS_RC_NOT_IMPLEMENTED;
    }
    drop(&t->fd2);
    return rc;
}

static uint32_t swtpm_set_locality(tss_transport *t, uint8_t locality)
{
    uint32_t rc = swtpm_ctrl(t, SWTPM_CMD_SET_LOCALITY, &locality, 1);
    drop(&t->fd2);
    if (rc == 0)
        t->cfg.locality = locality;
    return rc;
}

const tss_transport_ops tss_transport_mssim = {
    .name = "mssim",
    .open = sock_open,
    .transmit = mssim_transmit,
    .platform = mssim_platform,
    .set_locality = mssim_set_locality,
    .close = mssim_close,
};

const tss_transport_ops tss_transport_raw = {
    .name = "raw",
    .open = sock_open,
    .transmit = raw_transmit,
    .platform = raw_platform,
    .set_locality = raw_set_locality,
    .close = raw_close,
};

const tss_transport_ops tss_transport_swtpm = {
    .name = "swtpm",
    .open = sock_open,
    .transmit = raw_transmit,
    .platform = swtpm_platform,
    .set_locality = swtpm_set_locality,
    .close = raw_close,
};
