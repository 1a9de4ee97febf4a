/* SPDX-License-Identifier: BSD-3-Clause */
/* Transport tests against fake peers: TCP servers in threads (IPv4 and IPv6) speaking mssim
 * and raw framing, swtpm's control channel, a pty acting as a serial TPM, a FIFO standing
 * in for the kernel character device, and a real swtpm when one is installed.
 * Peer threads never assert; they record what they saw and the test asserts after join. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tss2/tsserror.h"
#include "transport/transport.h"

extern char **environ;

#define PEER_WAIT_MS 5000
#define MAXCONN 8

static const uint8_t GETRANDOM[12] = {0x80, 0x01, 0, 0, 0, 0x0c, 0, 0, 0x01, 0x7b, 0, 0x08};
static const uint8_t STARTUP_CLEAR[12] = {0x80, 0x01, 0, 0, 0, 0x0c, 0, 0, 0x01, 0x44, 0, 0};

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

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* A response: tag 0x8001, the given size field, rc 0, then body bytes up to total. The
 * body includes bytes a cooked tty would eat or translate (^C, CR, LF, ^D, ^S, ^Q, DEL). */
static size_t mk_rsp(uint8_t *out, uint32_t size_field, size_t total)
{
    static const uint8_t special[] = {0x03, 0x0d, 0x0a, 0x04, 0x13, 0x11, 0x7f, 0x00, 0xff};
    out[0] = 0x80;
    out[1] = 0x01;
    put32(out + 2, size_field);
    put32(out + 6, 0);
    for (size_t i = 10; i < total; i++)
        out[i] = i - 10 < sizeof special ? special[i - 10] : (uint8_t)(i * 7 + 1);
    return total;
}

/* mssim wire form of a response: uint32 length, bytes, uint32 ack */
static size_t mk_mssim(uint8_t *out, uint32_t len_field, const uint8_t *rsp, size_t n,
                       uint32_t ack)
{
    put32(out, len_field);
    memcpy(out + 4, rsp, n);
    put32(out + 4 + n, ack);
    return 8 + n;
}

/* ---- fake TCP peers ---------------------------------------------------------------- */

enum framing { FR_RAW, FR_MSSIM };

typedef struct peer {
    /* set up by the test */
    int family;
    enum framing fr;
    void *(*main)(void *);
    int nconn;                    /* connections to accept, in order */
    int ncmd;                     /* commands read per connection */
    const uint8_t *cmd;           /* expected command */
    size_t cmdlen;
    uint8_t reply[MAXCONN][256];  /* wire bytes sent after each command, per connection */
    size_t reply_len[MAXCONN];
    int close_after[MAXCONN];     /* close right after replying instead of reading to EOF */
    int bytewise;                 /* send replies one byte at a time */
    uint32_t results[16];         /* platform/control results to answer, in order */
    /* run time */
    int lfd;
    uint16_t port;
    pthread_t th;
    /* recorded by the peer */
    int errors;
    char why[200];
    int accepted;
    int cmds_seen;
    uint8_t localities[16];
    uint8_t tail[64]; /* bytes after the last command on the last connection */
    size_t tail_len;
    uint8_t rec[256]; /* platform/control stream */
    size_t rec_len;
} peer;

static void perr(peer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void perr(peer *p, const char *fmt, ...)
{
    va_list ap;
    p->errors++;
    if (p->why[0] != '\0')
        return; /* keep the first reason */
    va_start(ap, fmt);
    vsnprintf(p->why, sizeof p->why, fmt, ap);
    va_end(ap);
}

/* 0, -1 on error/timeout, 1 on end of stream (or reset) before the first byte */
static int p_read(int fd, uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        struct pollfd pf = {.fd = fd, .events = POLLIN};
        if (poll(&pf, 1, PEER_WAIT_MS) <= 0)
            return -1;
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        /* a client that closes with our reply still unread resets instead of FIN */
        if (r < 0 && errno == ECONNRESET && got == 0)
            return 1;
        if (r <= 0)
            return got == 0 && r == 0 ? 1 : -1;
        got += (size_t)r;
    }
    return 0;
}

static int p_write(int fd, const uint8_t *buf, size_t n, int bytewise)
{
    size_t step = bytewise ? 1 : n;
    for (size_t off = 0; off < n; off += step) {
        size_t k = n - off < step ? n - off : step;
        if (send(fd, buf + off, k, MSG_NOSIGNAL) != (ssize_t)k)
            return -1;
        if (bytewise)
            sleep_ms(1);
    }
    return 0;
}

static int accept_timeout(int lfd)
{
    struct pollfd pf = {.fd = lfd, .events = POLLIN};
    if (poll(&pf, 1, PEER_WAIT_MS) <= 0)
        return -1;
    int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd >= 0) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    return fd;
}

/* Reads one command in the peer's framing and checks it is the expected one. */
static int read_cmd(peer *p, int fd)
{
    uint8_t buf[512], w[9];
    size_t len;
    if (p->fr == FR_MSSIM) {
        if (p_read(fd, w, 9) != 0)
            return perr(p, "mssim frame header not received"), -1;
        if (get32(w) != 8)
            return perr(p, "mssim code %u, want 8", get32(w)), -1;
        if (p->cmds_seen < 16)
            p->localities[p->cmds_seen] = w[4];
        len = get32(w + 5);
        if (len > sizeof buf || p_read(fd, buf, len) != 0)
            return perr(p, "mssim command of %zu bytes not received", len), -1;
    } else {
        if (p_read(fd, buf, 10) != 0)
            return perr(p, "command header not received"), -1;
        len = get32(buf + 2);
        if (len < 10 || len > sizeof buf || p_read(fd, buf + 10, len - 10) != 0)
            return perr(p, "command body not received"), -1;
    }
    if (len != p->cmdlen || memcmp(buf, p->cmd, len) != 0)
        return perr(p, "command bytes differ"), -1;
    p->cmds_seen++;
    return 0;
}

/* Collects whatever the client sends until it closes. */
static void read_tail(peer *p, int fd)
{
    p->tail_len = 0;
    for (;;) {
        uint8_t b;
        int r = p_read(fd, &b, 1);
        if (r == 1)
            return;
        if (r != 0)
            return perr(p, "client neither sent nor closed");
        if (p->tail_len < sizeof p->tail)
            p->tail[p->tail_len++] = b;
    }
}

static void *command_peer(void *arg)
{
    peer *p = arg;
    for (int c = 0; c < p->nconn; c++) {
        int fd = accept_timeout(p->lfd);
        if (fd < 0) {
            perr(p, "connection %d never came", c);
            break;
        }
        p->accepted++;
        for (int k = 0; k < p->ncmd; k++) {
            if (read_cmd(p, fd) != 0)
                break;
            if (p->reply_len[c] > 0 && p_write(fd, p->reply[c], p->reply_len[c], p->bytewise))
                perr(p, "reply not sent");
        }
        if (!p->close_after[c])
            read_tail(p, fd);
        close(fd);
    }
    return NULL;
}

/* mssim platform port: uint32 signal in, uint32 result out; SESSION_END (20) is recorded
 * and not answered. */
static void *platform_peer(void *arg)
{
    peer *p = arg;
    int fd = accept_timeout(p->lfd);
    if (fd < 0)
        return perr(p, "platform connection never came"), NULL;
    p->accepted++;
    for (int i = 0;; i++) {
        uint8_t w[4];
        int r = p_read(fd, w, 4);
        if (r == 1)
            break;
        if (r != 0) {
            perr(p, "platform read failed");
            break;
        }
        if (p->rec_len + 4 <= sizeof p->rec) {
            memcpy(p->rec + p->rec_len, w, 4);
            p->rec_len += 4;
        }
        if (get32(w) == 20)
            continue;
        put32(w, i < 16 ? p->results[i] : 0);
        if (p_write(fd, w, 4, 0) != 0)
            perr(p, "platform reply failed");
    }
    close(fd);
    return NULL;
}

/* swtpm control channel: uint32 code + payload (INIT: uint32, SET_LOCALITY: uint8),
 * answered by a uint32 result; the whole input stream is recorded. */
static void *control_peer(void *arg)
{
    peer *p = arg;
    int op = 0;
    for (int c = 0; c < p->nconn; c++) {
        int fd = accept_timeout(p->lfd);
        if (fd < 0) {
            perr(p, "control connection %d never came", c);
            break;
        }
        p->accepted++;
        for (;;) {
            uint8_t m[8];
            int r = p_read(fd, m, 4);
            if (r == 1)
                break;
            if (r != 0) {
                perr(p, "control read failed");
                break;
            }
            uint32_t code = get32(m);
            size_t plen = code == 2 ? 4 : code == 5 ? 1 : 0;
            if (plen > 0 && p_read(fd, m + 4, plen) != 0) {
                perr(p, "control payload missing");
                break;
            }
            if (p->rec_len + 4 + plen <= sizeof p->rec) {
                memcpy(p->rec + p->rec_len, m, 4 + plen);
                p->rec_len += 4 + plen;
            }
            put32(m, op < 16 ? p->results[op] : 0);
            op++;
            if (p_write(fd, m, 4, 0) != 0)
                perr(p, "control reply failed");
        }
        close(fd);
    }
    return NULL;
}

/* Listens on the loopback address of the family; -1 if it cannot be bound. */
static int listen_loopback(int family, uint16_t *port)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    memset(&ss, 0, sizeof ss);
    if (family == AF_INET6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
        sl = sizeof *a;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sl = sizeof *a;
    }
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (bind(fd, (struct sockaddr *)&ss, sl) != 0 || listen(fd, 8) != 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                     : ((struct sockaddr_in *)&ss)->sin_port);
    return fd;
}

static peer *peer_new(int family, enum framing fr, void *(*fn)(void *))
{
    peer *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->family = family;
    p->fr = fr;
    p->main = fn;
    p->nconn = 1;
    p->ncmd = 1;
    p->cmd = GETRANDOM;
    p->cmdlen = sizeof GETRANDOM;
    p->lfd = -1;
    return p;
}

/* Starts the peer; returns -1 (and frees nothing) if its address cannot be bound. */
static int peer_start(peer *p)
{
    p->lfd = listen_loopback(p->family, &p->port);
    if (p->lfd < 0)
        return -1;
    assert_int_equal(pthread_create(&p->th, NULL, p->main, p), 0);
    return 0;
}

static void peer_finish(peer *p)
{
    pthread_join(p->th, NULL);
    close(p->lfd);
    if (p->errors != 0)
        print_message("peer: %s\n", p->why);
}

static const char *loopback_name(int family)
{
    return family == AF_INET6 ? "::1" : "127.0.0.1";
}

static void client_init(tss_transport *t, const tss_transport_ops *ops, int family,
                        uint16_t port, int timeout_ms)
{
    tss_transport_config cfg;
    memset(&cfg, 0, sizeof cfg);
    strcpy(cfg.server_name, loopback_name(family));
    cfg.command_port = port;
    cfg.timeout_ms = timeout_ms;
    tss_transport_init(t, ops, &cfg);
}

/* Skips (and says so) when ::1 cannot be bound; never counted as a pass. */
static void start_or_skip(peer *p)
{
    if (peer_start(p) == 0)
        return;
    if (p->family == AF_INET6) {
        print_message("IPv6 loopback ::1 cannot be bound: test skipped\n");
        free(p);
        skip();
    }
    free(p);
    fail_msg("cannot listen on 127.0.0.1");
}

/* ---- normal exchanges -------------------------------------------------------------- */

/* Two commands over one connection; mssim also carries a locality change and must send
 * SESSION_END on close. */
static void exchange(int family, enum framing fr, int bytewise)
{
    uint8_t rsp[20], want[20];
    peer *p = peer_new(family, fr, command_peer);
    mk_rsp(want, 20, 20);
    p->ncmd = 2;
    p->bytewise = bytewise;
    p->reply_len[0] = fr == FR_MSSIM ? mk_mssim(p->reply[0], 20, want, 20, 0)
                                     : (memcpy(p->reply[0], want, 20), 20);
    start_or_skip(p);

    tss_transport t;
    client_init(&t, fr == FR_MSSIM ? &tss_transport_mssim : &tss_transport_raw, family,
                p->port, 5000);
    assert_int_equal(t.ops->open(&t), 0);
    assert_true(t.opened);
    for (int i = 0; i < 2; i++) {
        if (i == 1 && fr == FR_MSSIM)
            assert_int_equal(t.ops->set_locality(&t, 3), 0);
        uint32_t len = sizeof rsp;
        memset(rsp, 0, sizeof rsp);
        assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), 0);
        assert_int_equal(len, 20);
        assert_memory_equal(rsp, want, 20);
    }
    assert_int_equal(t.sent, 2);
    t.ops->close(&t);
    t.ops->close(&t); /* idempotent */
    assert_int_equal(t.fd, -1);
    assert_false(t.opened);
    peer_finish(p);

    assert_int_equal(p->errors, 0);
    assert_int_equal(p->accepted, 1); /* both commands on one connection */
    assert_int_equal(p->cmds_seen, 2);
    if (fr == FR_MSSIM) {
        static const uint8_t session_end[4] = {0, 0, 0, 20};
        assert_int_equal(p->localities[0], 0);
        assert_int_equal(p->localities[1], 3);
        assert_int_equal(p->tail_len, 4);
        assert_memory_equal(p->tail, session_end, 4);
    } else {
        assert_int_equal(p->tail_len, 0);
    }
    free(p);
}

static void test_raw_exchange_ipv4(void **state)
{
    (void)state;
    exchange(AF_INET, FR_RAW, 0);
}

static void test_raw_exchange_ipv6(void **state)
{
    (void)state;
    exchange(AF_INET6, FR_RAW, 0);
}

static void test_mssim_exchange_ipv4(void **state)
{
    (void)state;
    exchange(AF_INET, FR_MSSIM, 0);
}

static void test_mssim_exchange_ipv6(void **state)
{
    (void)state;
    exchange(AF_INET6, FR_MSSIM, 0);
}

static void test_raw_bytewise_response(void **state)
{
    (void)state;
    exchange(AF_INET, FR_RAW, 1);
}

static void test_mssim_bytewise_response(void **state)
{
    (void)state;
    exchange(AF_INET, FR_MSSIM, 1);
}

static void test_raw_hostname_localhost(void **state)
{
    /* a name, not a literal: getaddrinfo may return ::1 first, and every address is tried */
    (void)state;
    uint8_t rsp[20], want[20];
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    mk_rsp(want, 20, 20);
    memcpy(p->reply[0], want, 20);
    p->reply_len[0] = 20;
    start_or_skip(p);
    tss_transport t;
    client_init(&t, &tss_transport_raw, AF_INET, p->port, 5000);
    strcpy(t.cfg.server_name, "localhost");
    uint32_t len = sizeof rsp;
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), 0);
    assert_int_equal(len, 20);
    assert_memory_equal(rsp, want, 20);
    t.ops->close(&t);
    peer_finish(p);
    assert_int_equal(p->errors, 0);
    free(p);
}

/* ---- hostile or broken peers ----------------------------------------------------------- */

/* One command answered by wire bytes; returns the transport's rc and checks rsp beyond
 * capacity was never written. */
static uint32_t one_bad_exchange(peer *p, const tss_transport_ops *ops, uint32_t capacity,
                                 int timeout_ms, tss_transport *t)
{
    uint8_t buf[300];
    memset(buf, 0xa5, sizeof buf);
    if (peer_start(p) != 0)
        fail_msg("cannot listen on 127.0.0.1");
    client_init(t, ops, p->family, p->port, timeout_ms);
    uint32_t len = capacity;
    uint32_t rc = ops->transmit(t, GETRANDOM, sizeof GETRANDOM, buf, &len);
    for (size_t i = capacity; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xa5); /* never read beyond capacity */
    assert_int_equal(len, capacity);    /* untouched on error */
    assert_int_equal(t->fd, -1);        /* the desynchronised connection is dropped */
    assert_false(t->opened);
    ops->close(t);
    peer_finish(p);
    assert_int_equal(p->errors, 0);
    assert_int_equal(p->cmds_seen, 1);
    return rc;
}

static void test_raw_size_bigger_than_sent_then_close(void **state)
{
    (void)state;
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    p->reply_len[0] = mk_rsp(p->reply[0], 40, 20);
    p->close_after[0] = 1;
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_raw, 100, 5000, &t),
                     TSS_RC_BAD_CONNECTION);
    free(p);
}

static void test_raw_size_bigger_than_capacity(void **state)
{
    (void)state;
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    p->reply_len[0] = mk_rsp(p->reply[0], 64, 64);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_raw, 32, 5000, &t),
                     TSS_RC_MALFORMED_RESPONSE);
    free(p);
}

static void test_raw_size_smaller_than_header(void **state)
{
    (void)state;
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    p->reply_len[0] = mk_rsp(p->reply[0], 9, 20);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_raw, 100, 5000, &t),
                     TSS_RC_MALFORMED_RESPONSE);
    free(p);
}

static void test_raw_peer_closes_mid_response(void **state)
{
    (void)state;
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    p->reply_len[0] = mk_rsp(p->reply[0], 20, 6); /* not even a whole header */
    p->close_after[0] = 1;
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_raw, 100, 5000, &t),
                     TSS_RC_BAD_CONNECTION);
    free(p);
}

static void test_mssim_length_bigger_than_capacity(void **state)
{
    (void)state;
    uint8_t r[64];
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 64, 64);
    p->reply_len[0] = mk_mssim(p->reply[0], 64, r, 64, 0);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 32, 5000, &t),
                     TSS_RC_MALFORMED_RESPONSE);
    free(p);
}

static void test_mssim_length_smaller_than_header(void **state)
{
    (void)state;
    uint8_t r[10]; /* only the first 8 bytes are sent */
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 8, 10);
    p->reply_len[0] = mk_mssim(p->reply[0], 8, r, 8, 0);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 100, 5000, &t),
                     TSS_RC_MALFORMED_RESPONSE);
    free(p);
}

static void test_mssim_header_size_differs_from_length(void **state)
{
    (void)state;
    uint8_t r[20];
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 30, 20);
    p->reply_len[0] = mk_mssim(p->reply[0], 20, r, 20, 0);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 100, 5000, &t),
                     TSS_RC_MALFORMED_RESPONSE);
    free(p);
}

static void test_mssim_length_bigger_than_sent_then_close(void **state)
{
    (void)state;
    uint8_t r[40];
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 40, 40);
    mk_mssim(p->reply[0], 40, r, 40, 0);
    p->reply_len[0] = 4 + 20; /* length 40, then only 20 bytes */
    p->close_after[0] = 1;
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 100, 5000, &t),
                     TSS_RC_BAD_CONNECTION);
    free(p);
}

static void test_mssim_nonzero_ack(void **state)
{
    (void)state;
    uint8_t r[20];
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 20, 20);
    p->reply_len[0] = mk_mssim(p->reply[0], 20, r, 20, 1);
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 100, 5000, &t),
                     TSS_RC_BAD_CONNECTION);
    free(p);
}

static void test_mssim_peer_closes_mid_response(void **state)
{
    (void)state;
    uint8_t r[20];
    peer *p = peer_new(AF_INET, FR_MSSIM, command_peer);
    mk_rsp(r, 20, 20);
    mk_mssim(p->reply[0], 20, r, 20, 0);
    p->reply_len[0] = 4 + 12;
    p->close_after[0] = 1;
    tss_transport t;
    assert_int_equal(one_bad_exchange(p, &tss_transport_mssim, 100, 5000, &t),
                     TSS_RC_BAD_CONNECTION);
    free(p);
}

static void timeout_case(enum framing fr)
{
    peer *p = peer_new(AF_INET, fr, command_peer); /* reads the command, never answers */
    tss_transport t;
    int64_t t0 = now_ms();
    assert_int_equal(one_bad_exchange(p, fr == FR_MSSIM ? &tss_transport_mssim
                                                        : &tss_transport_raw,
                                      100, 200, &t),
                     TSS_RC_TIMEOUT);
    int64_t dt = now_ms() - t0;
    assert_true(dt >= 190);
    assert_true(dt < 3000);
    free(p);
}

static void test_raw_timeout(void **state)
{
    (void)state;
    timeout_case(FR_RAW);
}

static void test_mssim_timeout(void **state)
{
    (void)state;
    timeout_case(FR_MSSIM);
}

/* After a malformed response the next transmit reconnects and succeeds. */
static void test_raw_reconnects_after_error(void **state)
{
    (void)state;
    uint8_t rsp[64], want[20];
    peer *p = peer_new(AF_INET, FR_RAW, command_peer);
    p->nconn = 2;
    p->reply_len[0] = mk_rsp(p->reply[0], 5, 10);
    p->reply_len[1] = mk_rsp(want, 20, 20);
    memcpy(p->reply[1], want, 20);
    start_or_skip(p);
    tss_transport t;
    client_init(&t, &tss_transport_raw, AF_INET, p->port, 5000);
    uint32_t len = sizeof rsp;
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len),
                     TSS_RC_MALFORMED_RESPONSE);
    assert_int_equal(t.fd, -1);
    len = sizeof rsp;
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), 0);
    assert_int_equal(len, 20);
    assert_memory_equal(rsp, want, 20);
    assert_int_equal(t.sent, 2);
    t.ops->close(&t);
    peer_finish(p);
    assert_int_equal(p->errors, 0);
    assert_int_equal(p->accepted, 2);
    free(p);
}

/* A bound socket that is not listening: connect() gets a reset, i.e. refused. */
static void refused(const tss_transport_ops *ops)
{
    uint16_t port;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof a;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sl), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &sl), 0);
    port = ntohs(a.sin_port);
    tss_transport t;
    client_init(&t, ops, AF_INET, port, 5000);
    assert_int_equal(ops->open(&t), TSS_RC_NO_CONNECTION);
    assert_int_equal(t.fd, -1);
    assert_false(t.opened);
    uint8_t rsp[64];
    uint32_t len = sizeof rsp;
    assert_int_equal(ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len),
                     TSS_RC_NO_CONNECTION);
    assert_int_equal(t.sent, 0);
    ops->close(&t);
    close(fd);
}

static void test_connection_refused(void **state)
{
    (void)state;
    refused(&tss_transport_mssim);
    refused(&tss_transport_raw);
    refused(&tss_transport_swtpm);
}

static void test_unknown_host(void **state)
{
    (void)state;
    tss_transport t;
    client_init(&t, &tss_transport_raw, AF_INET, 2321, 2000);
    strcpy(t.cfg.server_name, "no-such-host.invalid");
    assert_int_equal(t.ops->open(&t), TSS_RC_NO_CONNECTION);
}

static void test_small_capacity(void **state)
{
    (void)state;
    tss_transport t;
    uint8_t rsp[9];
    uint32_t len = sizeof rsp;
    client_init(&t, &tss_transport_raw, AF_INET, 1, 1000);
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len),
                     TSS_RC_INSUFFICIENT_BUFFER);
    assert_int_equal(t.sent, 0);
}

/* ---- platform signals ------------------------------------------------------------------- */

static void test_mssim_platform_port(void **state)
{
    (void)state;
    uint8_t rsp[20], want[20];
    peer *cmdp = peer_new(AF_INET, FR_MSSIM, command_peer);
    peer *plat = peer_new(AF_INET, FR_MSSIM, platform_peer);
    mk_rsp(want, 20, 20);
    cmdp->reply_len[0] = mk_mssim(cmdp->reply[0], 20, want, 20, 0);
    plat->results[2] = 5; /* third signal fails */
    start_or_skip(cmdp);
    start_or_skip(plat);

    tss_transport t;
    client_init(&t, &tss_transport_mssim, AF_INET, cmdp->port, 5000);
    t.cfg.platform_port = plat->port;
    uint32_t len = sizeof rsp;
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), 0);
    assert_int_equal(t.fd2, -1); /* platform port is connected only when first needed */
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_OFF), 0);
    assert_true(t.fd2 >= 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_ON), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_NV_ON), TSS_RC_BAD_CONNECTION);
    t.ops->close(&t);
    assert_int_equal(t.fd2, -1);
    peer_finish(cmdp);
    peer_finish(plat);

    static const uint8_t want_rec[16] = {0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 11, 0, 0, 0, 20};
    assert_int_equal(plat->errors, 0);
    assert_int_equal(plat->accepted, 1);
    assert_int_equal(plat->rec_len, 16);
    assert_memory_equal(plat->rec, want_rec, 16); /* signals, then SESSION_END */
    assert_int_equal(cmdp->errors, 0);
    assert_int_equal(cmdp->tail_len, 4); /* SESSION_END on the command port too */
    assert_int_equal(get32(cmdp->tail), 20);
    free(cmdp);
    free(plat);
}

static void test_swtpm_control_mapping(void **state)
{
    (void)state;
    peer *ctl = peer_new(AF_INET, FR_RAW, control_peer);
    /* one connection per signal that reaches swtpm; no-ops must not connect at all */
    ctl->nconn = 7;
    ctl->results[8] = 0x101; /* the ninth control command, the last CMD_INIT, fails */
    start_or_skip(ctl);

    tss_transport t;
    client_init(&t, &tss_transport_swtpm, AF_INET, 1, 5000);
    t.cfg.platform_port = ctl->port;
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_ON), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_OFF), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_RESET), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_RESTART), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_CANCEL_ON), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_CANCEL_OFF), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_NV_ON), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_NV_OFF), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_PHYS_PRES_ON), 0);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_PHYS_PRES_OFF), 0);
    assert_int_equal(t.ops->platform(&t, 99), TSS_RC_NOT_IMPLEMENTED);
    assert_int_equal(t.ops->set_locality(&t, 3), 0);
    assert_int_equal(t.cfg.locality, 3);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_ON), TSS_RC_BAD_CONNECTION);
    assert_int_equal(t.fd2, -1); /* control connection is not held between calls */
    t.ops->close(&t);
    peer_finish(ctl);

    static const uint8_t want_rec[] = {
        0, 0, 0, 0x02, 0, 0, 0, 0, /* POWER_ON: CMD_INIT flags 0 */
        0, 0, 0, 0x0e,             /* POWER_OFF: CMD_STOP */
        0, 0, 0, 0x0e, 0, 0, 0, 0x02, 0, 0, 0, 0, /* RESET */
        0, 0, 0, 0x0e, 0, 0, 0, 0x02, 0, 0, 0, 0, /* RESTART */
        0, 0, 0, 0x09,                            /* CANCEL_ON */
        0, 0, 0, 0x05, 3,                         /* SET_LOCALITY 3 */
        0, 0, 0, 0x02, 0, 0, 0, 0,                /* POWER_ON (answered 0x101) */
    };
    assert_int_equal(ctl->errors, 0);
    assert_int_equal(ctl->accepted, 7);
    assert_int_equal(ctl->rec_len, sizeof want_rec);
    assert_memory_equal(ctl->rec, want_rec, sizeof want_rec);
    free(ctl);
}

static void test_raw_has_no_platform(void **state)
{
    (void)state;
    tss_transport t;
    client_init(&t, &tss_transport_raw, AF_INET, 1, 1000);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_ON), TSS_RC_NOT_IMPLEMENTED);
    assert_int_equal(t.ops->set_locality(&t, 0), 0);
    assert_int_equal(t.ops->set_locality(&t, 1), TSS_RC_NOT_IMPLEMENTED);
    tss_transport_init(&t, &tss_transport_dev, NULL);
    assert_int_equal(t.ops->platform(&t, TSS_PLATFORM_POWER_ON), TSS_RC_NOT_IMPLEMENTED);
    assert_int_equal(t.ops->set_locality(&t, 2), TSS_RC_NOT_IMPLEMENTED);
}

/* ---- selection and loader strings ------------------------------------------------------- */

static void test_select(void **state)
{
    (void)state;
    assert_ptr_equal(tss_transport_select(NULL, NULL), &tss_transport_mssim);
    assert_ptr_equal(tss_transport_select("socsim", "mssim"), &tss_transport_mssim);
    assert_ptr_equal(tss_transport_select("socsim", "raw"), &tss_transport_raw);
    assert_ptr_equal(tss_transport_select("socsim", "swtpm"), &tss_transport_swtpm);
    assert_ptr_equal(tss_transport_select("dev", NULL), &tss_transport_dev);
    assert_null(tss_transport_select("socsim", "bogus"));
    assert_null(tss_transport_select("tbs", NULL));
}

static void test_init(void **state)
{
    (void)state;
    tss_transport t;
    tss_transport_config cfg;
    memset(&t, 0x5a, sizeof t);
    memset(&cfg, 0, sizeof cfg);
    cfg.command_port = 77;
    tss_transport_init(&t, &tss_transport_raw, &cfg);
    assert_int_equal(t.fd, -1);
    assert_int_equal(t.fd2, -1);
    assert_int_equal(t.opened, 0);
    assert_int_equal(t.sent, 0);
    assert_null(t.trace);
    assert_int_equal(t.cfg.command_port, 77);
    assert_ptr_equal(t.ops, &tss_transport_raw);
}

static void parse_ok(const char *s, const tss_transport_ops *want_ops, tss_transport_config *cfg)
{
    const tss_transport_ops *ops = NULL;
    memset(cfg, 0, sizeof *cfg);
    cfg->locality = 2;
    cfg->timeout_ms = 1234;
    if (tss_transport_parse(s, &ops, cfg) != 0)
        fail_msg("loader \"%s\" rejected", s);
    assert_ptr_equal(ops, want_ops);
    assert_int_equal(cfg->locality, 2); /* fields the string does not name are kept */
}

static void test_parse_good(void **state)
{
    (void)state;
    tss_transport_config c;
    parse_ok("mssim", &tss_transport_mssim, &c);
    assert_string_equal(c.server_name, "localhost");
    assert_string_equal(c.server_type, "mssim");
    assert_int_equal(c.command_port, 2321);
    assert_int_equal(c.platform_port, 2322);
    assert_int_equal(c.timeout_ms, 1234);

    parse_ok("mssim:host=10.0.0.1,port=3000", &tss_transport_mssim, &c);
    assert_string_equal(c.server_name, "10.0.0.1");
    assert_int_equal(c.command_port, 3000);
    assert_int_equal(c.platform_port, 3001);

    parse_ok("swtpm:host=::1,port=2321", &tss_transport_swtpm, &c);
    assert_string_equal(c.server_name, "::1");
    assert_string_equal(c.server_type, "swtpm");
    assert_int_equal(c.platform_port, 2322);

    parse_ok("swtpm:port=5000,ctrl=7000", &tss_transport_swtpm, &c);
    assert_int_equal(c.command_port, 5000);
    assert_int_equal(c.platform_port, 7000);

    parse_ok("swtpm:host=[fe80::1],port=1", &tss_transport_swtpm, &c);
    assert_string_equal(c.server_name, "fe80::1");

    parse_ok("swtpm", &tss_transport_swtpm, &c);
    assert_int_equal(c.command_port, 2321);
    assert_int_equal(c.platform_port, 2322);

    parse_ok("raw:host=tpm.example,port=2321", &tss_transport_raw, &c);
    assert_string_equal(c.server_name, "tpm.example");
    assert_string_equal(c.server_type, "raw");
    assert_int_equal(c.platform_port, 0);

    parse_ok("mssim:timeout=500", &tss_transport_mssim, &c);
    assert_int_equal(c.timeout_ms, 500);

    parse_ok("device:/dev/tpm0", &tss_transport_dev, &c);
    assert_string_equal(c.device, "/dev/tpm0");
    parse_ok("device", &tss_transport_dev, &c);
    assert_string_equal(c.device, "/dev/tpmrm0");
}

static void test_parse_bad(void **state)
{
    (void)state;
    char longhost[400], longdev[400];
    snprintf(longhost, sizeof longhost, "mssim:host=%0300d", 0);
    snprintf(longdev, sizeof longdev, "device:/%0300d", 0);
    const char *bad[] = {
        "", "bogus", "bogus:host=x", "MSSIM", "mssim:port=", "mssim:port=0",
        "mssim:port=65536", "mssim:port=-1", "mssim:port=+5", "mssim:port=12a",
        "mssim:port= 12", "mssim:port=99999999999999999999", "mssim:host=",
        "mssim:host=a,,port=1", "mssim:host=a,", "mssim:color=red", "mssim:port",
        "raw:ctrl=5", "swtpm:port=65535", "swtpm:ctrl=0", "mssim:timeout=x",
        longhost, longdev,
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const tss_transport_ops *ops = &tss_transport_raw;
        tss_transport_config c, before;
        memset(&c, 0x33, sizeof c);
        before = c;
        if (tss_transport_parse(bad[i], &ops, &c) != TSS_RC_BAD_PROPERTY_VALUE)
            fail_msg("loader \"%.40s\" accepted", bad[i]);
        assert_ptr_equal(ops, &tss_transport_raw); /* outputs untouched on error */
        assert_memory_equal(&c, &before, sizeof c);
    }
    const tss_transport_ops *ops = NULL;
    tss_transport_config c;
    assert_int_equal(tss_transport_parse(NULL, &ops, &c), TSS_RC_BAD_PROPERTY_VALUE);
}

/* ---- device transport: serial TPM on a pty -------------------------------------------- */

typedef struct serial_tpm {
    int master;
    uint8_t rsp[256];
    size_t rsp_len;
    size_t pieces[4]; /* split points of the response */
    int errors;
    pthread_t th;
} serial_tpm;

static void *serial_main(void *arg)
{
    serial_tpm *s = arg;
    uint8_t cmd[sizeof GETRANDOM];
    /* the command must arrive byte for byte; the response relies on raw mode */
    if (p_read(s->master, cmd, sizeof cmd) != 0 || memcmp(cmd, GETRANDOM, sizeof cmd) != 0) {
        s->errors++;
        return NULL;
    }
    size_t off = 0;
    for (int i = 0; i < 4 && off < s->rsp_len; i++) {
        size_t end = s->pieces[i] != 0 && s->pieces[i] < s->rsp_len ? s->pieces[i] : s->rsp_len;
        if (write(s->master, s->rsp + off, end - off) != (ssize_t)(end - off))
            s->errors++;
        off = end;
        sleep_ms(30); /* the transport must wait for the rest */
    }
    return NULL;
}

/* Opens a pty pair; the test keeps the slave open so the master stays usable. */
static void pty_setup(serial_tpm *s, int *slave, tss_transport *t, int timeout_ms)
{
    char name[128];
    assert_int_equal(openpty(&s->master, slave, name, NULL, NULL), 0);
    tss_transport_config cfg;
    memset(&cfg, 0, sizeof cfg);
    strcpy(cfg.device, name);
    cfg.timeout_ms = timeout_ms;
    tss_transport_init(t, &tss_transport_dev, &cfg);
    assert_int_equal(t->ops->open(t), 0);
    assert_int_equal(pthread_create(&s->th, NULL, serial_main, s), 0);
}

static void test_dev_serial_in_pieces(void **state)
{
    (void)state;
    serial_tpm s;
    int slave;
    tss_transport t;
    memset(&s, 0, sizeof s);
    s.rsp_len = mk_rsp(s.rsp, 40, 40);
    s.pieces[0] = 3;  /* inside the header */
    s.pieces[1] = 12; /* header plus a little */
    s.pieces[2] = 25;
    pty_setup(&s, &slave, &t, 5000);

    uint8_t rsp[64];
    uint32_t len = sizeof rsp;
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), 0);
    pthread_join(s.th, NULL);
    assert_int_equal(s.errors, 0);
    assert_int_equal(len, 40);
    assert_memory_equal(rsp, s.rsp, 40); /* ^C, CR, ^D, ^S... arrived unaltered: raw mode */
    assert_int_equal(t.sent, 1);
    struct termios tio;
    assert_int_equal(tcgetattr(slave, &tio), 0);
    assert_int_equal(tio.c_lflag & (ICANON | ECHO | ISIG), 0);
    t.ops->close(&t);
    assert_int_equal(t.fd, -1);
    close(slave);
    close(s.master);
}

static void serial_bad(size_t size_field, size_t sent, uint32_t capacity, uint32_t want_rc)
{
    serial_tpm s;
    int slave;
    tss_transport t;
    uint8_t rsp[128];
    memset(&s, 0, sizeof s);
    memset(rsp, 0xa5, sizeof rsp);
    s.rsp_len = mk_rsp(s.rsp, (uint32_t)size_field, sent);
    pty_setup(&s, &slave, &t, 200);
    uint32_t len = capacity;
    int64_t t0 = now_ms();
    assert_int_equal(t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len), want_rc);
    if (want_rc == TSS_RC_TIMEOUT)
        assert_true(now_ms() - t0 >= 190);
    for (size_t i = capacity; i < sizeof rsp; i++)
        assert_int_equal(rsp[i], 0xa5);
    assert_int_equal(t.fd, -1);
    pthread_join(s.th, NULL);
    assert_int_equal(s.errors, 0);
    t.ops->close(&t);
    close(slave);
    close(s.master);
}

static void test_dev_serial_size_bigger_than_sent(void **state)
{
    (void)state;
    serial_bad(40, 20, 100, TSS_RC_TIMEOUT); /* a tty never "closes": the wait times out */
}

static void test_dev_serial_size_bigger_than_capacity(void **state)
{
    (void)state;
    serial_bad(64, 64, 32, TSS_RC_MALFORMED_RESPONSE);
}

static void test_dev_serial_size_smaller_than_header(void **state)
{
    (void)state;
    serial_bad(6, 20, 100, TSS_RC_MALFORMED_RESPONSE);
}

/* ---- device transport: kernel-device path, with a FIFO as loopback ----------------------
 * A FIFO opened read-write hands back what was written to it, so the "response" is the
 * command itself; this drives the non-tty write()/read() path and its size checks. */

static char fifo_dir[64];
static char fifo_path[128];

static void fifo_make(void)
{
    strcpy(fifo_dir, "/tmp/tss-transport-XXXXXX");
    assert_non_null(mkdtemp(fifo_dir));
    snprintf(fifo_path, sizeof fifo_path, "%s/tpm", fifo_dir);
    assert_int_equal(mkfifo(fifo_path, 0600), 0);
}

static void fifo_remove(void)
{
    unlink(fifo_path);
    rmdir(fifo_dir);
}

static uint32_t fifo_exchange(const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                              uint32_t *rsplen, tss_transport *t)
{
    tss_transport_config cfg;
    memset(&cfg, 0, sizeof cfg);
    strcpy(cfg.device, fifo_path);
    tss_transport_init(t, &tss_transport_dev, &cfg);
    return t->ops->transmit(t, cmd, cmdlen, rsp, rsplen);
}

static void test_dev_kernel_loopback(void **state)
{
    (void)state;
    tss_transport t;
    uint8_t rsp[64];
    uint32_t len = sizeof rsp;
    fifo_make();
    assert_int_equal(fifo_exchange(GETRANDOM, sizeof GETRANDOM, rsp, &len, &t), 0);
    assert_int_equal(len, sizeof GETRANDOM);
    assert_memory_equal(rsp, GETRANDOM, sizeof GETRANDOM);
    assert_int_equal(t.sent, 1);
    assert_true(t.opened);
    t.ops->close(&t);
    fifo_remove();
}

typedef struct {
    const char *path;
    int fd;
    uint8_t tail[6];
} fifo_feeder;

static void *feeder_main(void *arg)
{
    fifo_feeder *f = arg;
    sleep_ms(200); /* after the transport's own write and first read */
    if (write(f->fd, f->tail, sizeof f->tail) != (ssize_t)sizeof f->tail)
        f->fd = -1;
    return NULL;
}

/* A short first read whose header promises more: the transport reads on. */
static void test_dev_kernel_short_read_continues(void **state)
{
    (void)state;
    uint8_t cmd[14], rsp[64];
    fifo_feeder f;
    pthread_t th;
    fifo_make();
    mk_rsp(cmd, 20, sizeof cmd);
    f.fd = open(fifo_path, O_RDWR | O_CLOEXEC); /* the feeder's own handle */
    assert_true(f.fd >= 0);
    memset(f.tail, 0x42, sizeof f.tail);
    int fd = f.fd;
    assert_int_equal(pthread_create(&th, NULL, feeder_main, &f), 0);
    tss_transport t;
    uint32_t len = sizeof rsp;
    assert_int_equal(fifo_exchange(cmd, sizeof cmd, rsp, &len, &t), 0);
    pthread_join(th, NULL);
    assert_int_equal(f.fd, fd);
    assert_int_equal(len, 20);
    assert_memory_equal(rsp, cmd, sizeof cmd);
    assert_memory_equal(rsp + sizeof cmd, f.tail, sizeof f.tail);
    t.ops->close(&t);
    close(fd);
    fifo_remove();
}

static void fifo_bad(uint32_t size_field, uint32_t n, uint32_t capacity)
{
    uint8_t cmd[32], rsp[64];
    tss_transport t;
    memset(rsp, 0xa5, sizeof rsp);
    mk_rsp(cmd, size_field, n);
    uint32_t len = capacity;
    assert_int_equal(fifo_exchange(cmd, n, rsp, &len, &t), TSS_RC_MALFORMED_RESPONSE);
    for (size_t i = capacity; i < sizeof rsp; i++)
        assert_int_equal(rsp[i], 0xa5);
    assert_int_equal(t.fd, -1);
    t.ops->close(&t);
}

static void test_dev_kernel_bad_sizes(void **state)
{
    (void)state;
    fifo_make();
    fifo_bad(9, 12, 64);  /* smaller than a header */
    fifo_bad(12, 12, 11); /* bigger than the capacity */
    fifo_bad(10, 12, 64); /* more bytes arrived than the header says */
    fifo_remove();
}

static void test_dev_missing_device(void **state)
{
    (void)state;
    tss_transport t;
    tss_transport_config cfg;
    memset(&cfg, 0, sizeof cfg);
    strcpy(cfg.device, "/nonexistent/tpm0");
    tss_transport_init(&t, &tss_transport_dev, &cfg);
    assert_int_equal(t.ops->open(&t), TSS_RC_NO_CONNECTION);
    assert_int_equal(t.fd, -1);
}

/* ---- a real swtpm ---------------------------------------------------------------------- */

static int on_path(const char *prog)
{
    const char *path = getenv("PATH");
    char dir[512], full[600];
    while (path != NULL && *path != '\0') {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        if (n > 0 && n < sizeof dir) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            snprintf(full, sizeof full, "%s/%s", dir, prog);
            if (access(full, X_OK) == 0)
                return 1;
        }
        path = colon ? colon + 1 : NULL;
    }
    return 0;
}

/* Two consecutive free TCP ports on 127.0.0.1. */
static uint16_t free_port_pair(void)
{
    for (int tries = 0; tries < 50; tries++) {
        uint16_t p;
        int a = listen_loopback(AF_INET, &p);
        if (a < 0 || p == 65535) {
            if (a >= 0)
                close(a);
            continue;
        }
        int b = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_in sa = {.sin_family = AF_INET,
                                 .sin_port = htons((uint16_t)(p + 1)),
                                 .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        int ok = bind(b, (struct sockaddr *)&sa, sizeof sa) == 0;
        close(b);
        close(a);
        if (ok)
            return p;
    }
    return 0;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d != NULL)
        closedir(d);
    rmdir(dir);
}

static uint32_t rsp_rc(const uint8_t *rsp)
{
    return get32(rsp + 6);
}

static void test_swtpm_real(void **state)
{
    (void)state;
    if (!on_path("swtpm")) {
        print_message("swtpm not on PATH: test skipped\n");
        skip();
    }
    char dir[64] = "/tmp/tss-swtpm-XXXXXX";
    assert_non_null(mkdtemp(dir));
    uint16_t port = free_port_pair();
    assert_true(port != 0);
    char server[64], ctrl[64], state_arg[128];
    snprintf(server, sizeof server, "type=tcp,port=%u", (unsigned)port);
    snprintf(ctrl, sizeof ctrl, "type=tcp,port=%u", (unsigned)port + 1);
    snprintf(state_arg, sizeof state_arg, "dir=%s", dir);
    char *argv[] = {"swtpm", "socket", "--tpm2", "--server", server, "--ctrl", ctrl,
                    "--tpmstate", state_arg, "--flags", "not-need-init,startup-clear", NULL};
    pid_t pid;
    assert_int_equal(posix_spawnp(&pid, "swtpm", NULL, NULL, argv, environ), 0);

    tss_transport t;
    client_init(&t, &tss_transport_swtpm, AF_INET, port, 10000); /* control port: default */
    uint32_t rc = TSS_RC_NO_CONNECTION;
    for (int i = 0; i < 200 && rc == TSS_RC_NO_CONNECTION; i++) {
        rc = t.ops->open(&t);
        if (rc == TSS_RC_NO_CONNECTION)
            sleep_ms(25); /* swtpm is still starting */
    }
    uint8_t rsp[TSS_TRANSPORT_MAX];
    uint32_t len = sizeof rsp;
    uint32_t rc_gr = 1, rc_su1 = 1, rc_off = 1, rc_on = 1, rc_su2 = 1, rc_loc = 1, rc_gr3 = 1;
    uint32_t su1 = 0, su2 = 1, gr_len = 0, gr_tag = 0, gr_rc = 1, gr3_rc = 1;
    int fd_before = -1, fd_after = -2;
    if (rc == 0) {
        rc_gr = t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len);
        gr_len = len;
        gr_tag = (uint32_t)rsp[0] << 8 | rsp[1];
        gr_rc = rsp_rc(rsp);
        len = sizeof rsp;
        rc_su1 = t.ops->transmit(&t, STARTUP_CLEAR, sizeof STARTUP_CLEAR, rsp, &len);
        su1 = rsp_rc(rsp);
        fd_before = t.fd;
        rc_off = t.ops->platform(&t, TSS_PLATFORM_POWER_OFF);
        rc_on = t.ops->platform(&t, TSS_PLATFORM_POWER_ON);
        len = sizeof rsp;
        rc_su2 = t.ops->transmit(&t, STARTUP_CLEAR, sizeof STARTUP_CLEAR, rsp, &len);
        su2 = rsp_rc(rsp);
        fd_after = t.fd;
        rc_loc = t.ops->set_locality(&t, 0);
        len = sizeof rsp;
        rc_gr3 = t.ops->transmit(&t, GETRANDOM, sizeof GETRANDOM, rsp, &len);
        gr3_rc = rsp_rc(rsp);
    }
    t.ops->close(&t);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    remove_tree(dir);

    assert_int_equal(rc, 0);
    assert_int_equal(rc_gr, 0);
    assert_int_equal(gr_tag, 0x8001);
    assert_int_equal(gr_rc, 0);
    assert_int_equal(gr_len, 20); /* header + TPM2B of 8 random bytes */
    assert_int_equal(rc_su1, 0);
    assert_int_equal(su1, 0x100); /* TPM_RC_INITIALIZE: startup-clear already ran */
    assert_int_equal(rc_off, 0);
    assert_int_equal(rc_on, 0);
    assert_int_equal(rc_su2, 0);
    assert_int_equal(su2, 0); /* the power cycle really reset the TPM */
    assert_int_equal(fd_before, fd_after); /* command connection survives the cycle */
    assert_int_equal(rc_loc, 0);
    assert_int_equal(rc_gr3, 0);
    assert_int_equal(gr3_rc, 0);
    assert_int_equal(t.sent, 4);
}

int main(void)
{
    /* a wedged peer must fail the run, not hang it */
    alarm(300);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_exchange_ipv4),
        cmocka_unit_test(test_raw_exchange_ipv6),
        cmocka_unit_test(test_mssim_exchange_ipv4),
        cmocka_unit_test(test_mssim_exchange_ipv6),
        cmocka_unit_test(test_raw_bytewise_response),
        cmocka_unit_test(test_mssim_bytewise_response),
        cmocka_unit_test(test_raw_hostname_localhost),
        cmocka_unit_test(test_raw_size_bigger_than_sent_then_close),
        cmocka_unit_test(test_raw_size_bigger_than_capacity),
        cmocka_unit_test(test_raw_size_smaller_than_header),
        cmocka_unit_test(test_raw_peer_closes_mid_response),
        cmocka_unit_test(test_mssim_length_bigger_than_capacity),
        cmocka_unit_test(test_mssim_length_smaller_than_header),
        cmocka_unit_test(test_mssim_header_size_differs_from_length),
        cmocka_unit_test(test_mssim_length_bigger_than_sent_then_close),
        cmocka_unit_test(test_mssim_nonzero_ack),
        cmocka_unit_test(test_mssim_peer_closes_mid_response),
        cmocka_unit_test(test_raw_timeout),
        cmocka_unit_test(test_mssim_timeout),
        cmocka_unit_test(test_raw_reconnects_after_error),
        cmocka_unit_test(test_connection_refused),
        cmocka_unit_test(test_unknown_host),
        cmocka_unit_test(test_small_capacity),
        cmocka_unit_test(test_mssim_platform_port),
        cmocka_unit_test(test_swtpm_control_mapping),
        cmocka_unit_test(test_raw_has_no_platform),
        cmocka_unit_test(test_select),
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_dev_serial_in_pieces),
        cmocka_unit_test(test_dev_serial_size_bigger_than_sent),
        cmocka_unit_test(test_dev_serial_size_bigger_than_capacity),
        cmocka_unit_test(test_dev_serial_size_smaller_than_header),
        cmocka_unit_test(test_dev_kernel_loopback),
        cmocka_unit_test(test_dev_kernel_short_read_continues),
        cmocka_unit_test(test_dev_kernel_bad_sizes),
        cmocka_unit_test(test_dev_missing_device),
        cmocka_unit_test(test_swtpm_real),
    };
    return cmocka_run_group_tests_name("transport", tests, NULL, NULL);
}
