/* SPDX-License-Identifier: BSD-3-Clause */
/* tpmproxy: a TPM simulator ("mssim") socket server in front of any TSS transport, so
 * programs that only speak the simulator protocol reach a kernel TPM (/dev/tpmrm0,
 * /dev/tpm0), a serial TPM or a swtpm.
 *
 * The TPM side is the TSS's own transport, configured as for every utility (TPM_INTERFACE_TYPE,
 * TPM_DEVICE, TPM_SERVER_TYPE, TPM_TRANSPORT ...); with none of these set, or with -tpmdev,
 * it is the kernel device (/dev/tpmrm0 when present, else /dev/tpm0). The TPM connection is
 * kept open across clients, as a simulator keeps its state: handles created by one client
 * are there for the next (under /dev/tpmrm0, until the proxy exits).
 *
 * Command port: TPM_SEND_COMMAND (the frame's locality is passed on with the command, as
 * TPM_TRANSMIT_LOCALITY; one the TPM side cannot send at gets TPM_RC_LOCALITY),
 * TPM_SESSION_END, TPM_STOP (the proxy exits) and the handshake. Platform port (-pport,
 * default command port + 1; 0 disables it): every platform signal is passed to the TPM side,
 * which honours it only where it can (a simulator, swtpm's control channel), except a
 * power-on while the TPM is on, which changes nothing, as on a simulator.
 *
 * Several clients at once (both ports, up to 64 each; more wait in the listen queue), served
 * one whole message at a time in turn; a client's platform connection is its own. A client
 * that vanishes or stalls mid-message (10 s), or stays idle for -idle seconds (default 600),
 * is dropped; the proxy carries on. Accepted sockets have TCP_NODELAY. SIGINT, SIGTERM and SIGHUP stop it cleanly (exit 0). */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tool/tool.h"
#include "tss2/tsstransmit.h"

#define MSSIM_HANDSHAKE 15
#define MSSIM_STOP 21
#define MID_MESSAGE_MS 10000 /* a client may idle between commands, not inside one */
#define MAX_FRAME 8192

static uint32_t port = 2321, pport = UINT32_MAX; /* UINT32_MAX: "command port + 1" */
static uint32_t idle_s = 600;
static const char *tpmdev, *bind_addr = "127.0.0.1", *record;
static const tool_opt opts[] = {
    {"-port", T_U32, &port, "port", "command port to listen on (default 2321)", 0, NULL},
    {"-pport", T_U32, &pport, "port", "platform port (default command port + 1, 0 none)", 0, NULL},
    {"-bind", T_STR, &bind_addr, "address", "address to listen on (default 127.0.0.1)", 0, NULL},
    {"-idle", T_U32, &idle_s, "seconds", "drop a client idle this long (default 600, 0 never)", 0, NULL},
    {"-tpmdev", T_STR, &tpmdev, "device", "TPM device (default /dev/tpmrm0, else /dev/tpm0)", 0, NULL},
    {"-record", T_STR, &record, "dir", "write each command and response to dir/N.cmd, N.rsp (test corpora; "
                                       "parameters are recorded as sent, secrets included)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"tpmproxy", "Serves the TPM simulator protocol in front of a TPM", opts, 0, 0, {0}, {0}, {0}};

static volatile sig_atomic_t stopping;

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal; /* no SA_RESTART: poll() returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN); /* a vanished client is a write error, not a death */
}

static int listen_on(const char *addr, uint32_t p)
{
    struct addrinfo hints, *res = NULL;
    char service[8];
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(service, sizeof(service), "%u", p);
    int e = getaddrinfo(addr, service, &hints, &res);
    if (e != 0) {
        fprintf(stderr, "tpmproxy: %s: %s\n", addr, gai_strerror(e));
        return -1;
    }
    int fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
    int one = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (fd < 0 || bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, SOMAXCONN) != 0) {
        fprintf(stderr, "tpmproxy: cannot listen on %s port %u: %s\n", addr, p, strerror(errno));
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

/* reads exactly n bytes; the first byte may be awaited forever (idle client) when idle is
 * set, the rest within MID_MESSAGE_MS. 0 ok, -1 closed/error/timeout/stopping */
static int read_full(int fd, uint8_t *p, size_t n, int idle)
{
    size_t got = 0;
    while (got < n) {
        struct pollfd pf = {.fd = fd, .events = POLLIN};
        int r = poll(&pf, 1, (idle && got == 0) ? -1 : MID_MESSAGE_MS);
        if (stopping)
            return -1;
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1; /* error or a client stalled mid-message */
        ssize_t k = read(fd, p + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        got += (size_t)k;
    }
    return 0;
}

static int write_full(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static int write_word(int fd, uint32_t v)
{
    uint8_t w[4];
    put32(w, v);
    return write_full(fd, w, 4);
}

/* a bare TPM error response (tag, size, code) */
static uint32_t error_response(uint8_t *rsp, TPM_RC code)
{
    rsp[0] = 0x80;
    rsp[1] = 0x01;
    put32(rsp + 2, 10);
    put32(rsp + 6, code);
    return 10;
}

/* -record: the exchange as dir/<n>.cmd and dir/<n>.rsp (a failed write is reported, not fatal) */
static void record_exchange(const uint8_t *cmd, uint32_t len, const uint8_t *rsp, uint32_t rlen)
{
    static unsigned n;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%06u.cmd", record, n);
    if (tool_write_bytes(&t, path, cmd, len) == 0) {
        snprintf(path, sizeof(path), "%s/%06u.rsp", record, n);
        tool_write_bytes(&t, path, rsp, rlen);
    }
    n++;
}

/* one TPM_SEND_COMMAND after its code: 0 served, -1 drop the client */
static int serve_send(TSS_CONTEXT *ctx, int fd)
{
    static uint8_t cmd[MAX_FRAME], rsp[MAX_FRAME + 12];
    uint8_t hdr[5];
    if (read_full(fd, hdr, 5, 0) != 0)
        return -1;
    uint32_t len = get32(hdr + 1);
    if (len < 10 || len > MAX_FRAME) {
        fprintf(stderr, "tpmproxy: command length %u out of range, client dropped\n", len);
        return -1;
    }
    if (read_full(fd, cmd, len, 0) != 0)
        return -1;
    uint8_t *r = rsp + 4;
    uint32_t rlen = MAX_FRAME;
    TPM_RC rc = 0;
    char loc[4];
    snprintf(loc, sizeof(loc), "%u", hdr[0]);
    if (hdr[0] != 0 && TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, loc) != 0) {
        rlen = error_response(r, TPM_RC_LOCALITY); /* not a locality */
    } else {
        rc = TSS_Transmit(ctx, r, &rlen, cmd, len, t.verbose ? "tpmproxy" : NULL);
        if (hdr[0] != 0)
            TSS_SetProperty(ctx, TPM_TRANSMIT_LOCALITY, NULL);
        if (rc == TSS_RC_NOT_IMPLEMENTED && hdr[0] != 0) { /* the TPM side sends at 0 only */
            rc = 0;
            rlen = error_response(r, TPM_RC_LOCALITY);
        }
    }
    if (rc != 0) {
        tool_print_rc(&t, rc);
        TSS_Close(ctx); /* reconnect for the next command */
        return -1;      /* the client sees its connection end, as with a dead simulator */
    }
    if (record != NULL)
        record_exchange(cmd, len, r, rlen);
    if (t.verbose)
        printf("tpmproxy: command %08x, %u bytes; response %08x, %u bytes\n", get32(cmd + 6),
               len, get32(r + 6), rlen);
    fflush(stdout);
    put32(rsp, rlen);
    put32(r + rlen, 0); /* acknowledgement */
    return write_full(fd, rsp, rlen + 8);
}

/* one message on the command port: 0 keep the client, 1 session ended, -1 drop it */
static int serve_command(TSS_CONTEXT *ctx, int fd)
{
    uint8_t w[4];
    if (read_full(fd, w, 4, 1) != 0)
        return -1;
    uint32_t code = get32(w);
    switch (code) {
    case TPM_SEND_COMMAND:
        return serve_send(ctx, fd);
    case TPM_SESSION_END:
        return 1;
    case MSSIM_STOP:
        stopping = 1;
        return 1;
    case MSSIM_HANDSHAKE: /* client version in; server version 1, flags: platform port */
        if (read_full(fd, w, 4, 0) != 0)
            return -1;
        return (write_word(fd, 1) || write_word(fd, pport != 0 ? 1 : 0) || write_word(fd, 0)) ? -1 : 0;
    default:
        fprintf(stderr, "tpmproxy: unknown command port code %u, client dropped\n", code);
        return -1;
    }
}

/* as a simulator, power-on of a TPM that is on changes nothing (tpm2-tools' mssim TCTI
 * sends it with every connection; passed on to swtpm it would reset the TPM) */
static int powered = 1;

/* one platform signal: 0 keep the connection, otherwise close it */
static int serve_platform(TSS_CONTEXT *ctx, int fd)
{
    uint8_t w[4];
    if (read_full(fd, w, 4, 1) != 0)
        return -1;
    uint32_t sig = get32(w);
    if (sig == TPM_SESSION_END)
        return 1;
    if (sig == MSSIM_STOP) {
        stopping = 1;
        write_word(fd, 0);
        return 1;
    }
    TPM_RC rc = 0;
    if (sig == TPM_SIGNAL_POWER_ON && powered) {
        if (t.verbose)
            printf("tpmproxy: platform signal 1: the TPM is on already\n");
        return write_word(fd, 0);
    }
    rc = TSS_TransmitPlatform(ctx, sig, t.verbose ? "tpmproxy" : NULL);
    if (rc != 0)
        tool_print_rc(&t, rc);
    else if (sig == TPM_SIGNAL_POWER_ON || sig == TPM_SIGNAL_POWER_OFF)
        powered = sig == TPM_SIGNAL_POWER_ON;
    if (t.verbose)
        printf("tpmproxy: platform signal %u: %s\n", sig, rc == 0 ? "done" : "failed");
    fflush(stdout);
    return write_word(fd, rc == 0 ? 0 : 1);
}

static void drop(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int accept_one(int lfd)
{
    int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0 && errno != EINTR && errno != ECONNABORTED)
        fprintf(stderr, "tpmproxy: accept: %s\n", strerror(errno));
    return fd;
}

/* Clients: every connection on either port is accepted (up to MAX_CLIENTS a port; beyond,
 * new ones wait in the listen queue) and served one message at a time, in turn: a TPM command
 * is atomic, so interleaving whole messages of several clients is what a simulator with one
 * TPM does. A client's platform connection is its own, so tpm2-tools clients (whose mssim
 * transport opens both ports) and IBM's run side by side; none waits on another's idle
 * connection. A client idle for -idle seconds is dropped. */
#define MAX_CLIENTS 64

typedef struct {
    int fd;
    int platform; /* a platform-port connection */
    time_t last;  /* last message */
} client;

static int nodelay_accept(int lfd)
{
    int fd = accept_one(lfd);
    int one = 1;
    /* small request/response messages: Nagle would hold each response ~40 ms */
    if (fd >= 0)
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return fd;
}

static void serve(TSS_CONTEXT *ctx, int lcmd, int lplat)
{
    client c[2 * MAX_CLIENTS];
    unsigned n = 0, ncmd = 0, nplat = 0, start = 0;
    while (!stopping) {
        struct pollfd pf[2 + 2 * MAX_CLIENTS];
        unsigned np = 0;
        /* a listener is watched while its port has room: the rest wait in its queue */
        pf[np++] = (struct pollfd){.fd = ncmd < MAX_CLIENTS ? lcmd : -1, .events = POLLIN};
        pf[np++] = (struct pollfd){.fd = nplat < MAX_CLIENTS ? lplat : -1, .events = POLLIN};
        for (unsigned i = 0; i < n; i++)
            pf[np++] = (struct pollfd){.fd = c[i].fd, .events = POLLIN};
        int r = poll(pf, np, idle_s > 0 ? 1000 : -1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "tpmproxy: poll: %s\n", strerror(errno));
            break;
        }
        time_t now = time(NULL);
        /* one message from each client with one waiting, starting after the last served */
        unsigned served = 0;
        for (unsigned k = 0; k < n; k++) {
            unsigned i = (start + k) % n;
            short ev = pf[2 + i].revents;
            int keep;
            if (ev == 0) {
                keep = !(idle_s > 0 && now - c[i].last > (time_t)idle_s);
                if (!keep && t.verbose)
                    printf("tpmproxy: client idle for %u s, dropped\n", idle_s);
            } else {
                keep = (c[i].platform ? serve_platform(ctx, c[i].fd) : serve_command(ctx, c[i].fd)) == 0;
                c[i].last = now;
                served = i + 1;
            }
            if (!keep) {
                close(c[i].fd);
                c[i].fd = -1;
            }
            if (stopping)
                break;
        }
        start = served;
        /* compact, then accept */
        unsigned m = 0;
        ncmd = nplat = 0;
        for (unsigned i = 0; i < n; i++)
            if (c[i].fd >= 0) {
                c[m++] = c[i];
                if (c[i].platform)
                    nplat++;
                else
                    ncmd++;
            }
        n = m;
        start = n > 0 ? start % n : 0;
        for (int port_i = 0; port_i < 2 && !stopping; port_i++) {
            if (pf[port_i].fd < 0 || pf[port_i].revents == 0)
                continue;
            int fd = nodelay_accept(port_i == 0 ? lcmd : lplat);
            if (fd < 0)
                continue;
            c[n++] = (client){.fd = fd, .platform = port_i == 1, .last = now};
            if (port_i == 0)
                ncmd++;
            else
                nplat++;
        }
    }
    for (unsigned i = 0; i < n; i++)
        close(c[i].fd);
}

/* the TPM side: the environment's transport, or the kernel device */
static TPM_RC tpm_side(TSS_CONTEXT **ctx)
{
    TPM_RC rc = tool_context(&t, ctx);
    int env = getenv("TPM_INTERFACE_TYPE") != NULL || getenv("TPM_TRANSPORT") != NULL;
    if (rc != 0 || (env && tpmdev == NULL))
        return rc;
    const char *dev = tpmdev != NULL ? tpmdev
                      : access("/dev/tpmrm0", F_OK) == 0 ? "/dev/tpmrm0" : "/dev/tpm0";
    rc = TSS_SetProperty(*ctx, TPM_INTERFACE_TYPE, "dev");
    if (rc == 0)
        rc = TSS_SetProperty(*ctx, TPM_DEVICE, dev);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pport == UINT32_MAX)
        pport = port + 1;
    if (port == 0 || port > UINT16_MAX || pport > UINT16_MAX || pport == port)
        return tool_error(&t, "-port and -pport must be TCP ports (1-65535) and differ");
    TPM_RC rc = tpm_side(&ctx);
    if (rc != 0)
        return tool_finish(&t, ctx, rc);
    install_signals();
    int lcmd = listen_on(bind_addr, port);
    int lplat = (lcmd >= 0 && pport != 0) ? listen_on(bind_addr, pport) : -1;
    if (lcmd < 0 || (pport != 0 && lplat < 0)) {
        drop(&lcmd);
        TSS_Delete(ctx);
        return EXIT_FAILURE;
    }
    printf("tpmproxy: listening on %s port %u", bind_addr, port);
    if (pport != 0)
        printf(", platform port %u", pport);
    printf("\n");
    fflush(stdout);
    serve(ctx, lcmd, lplat);
    drop(&lcmd);
    drop(&lplat);
    if (t.verbose)
        printf("tpmproxy: stopped\n");
    TSS_Delete(ctx);
    return EXIT_SUCCESS;
}
