/* SPDX-License-Identifier: BSD-3-Clause */
/* Test tool: a serial-TPM stand-in. Creates a pseudo-terminal, links LINK to its slave
 * side, and relays each TPM command written there to a raw TPM socket (swtpm's command
 * port), one TCP connection per command so other clients of the swtpm are not locked out.
 * usage: ptybridge LINK HOST PORT      (runs until SIGTERM/SIGINT) */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

static int read_full(int fd, uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR && !stop)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static int write_full(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int tpm_connect(const char *host, const char *port)
{
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res, *ai;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    int fd = -1;
    for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    return fd;
}

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

int main(int argc, char **argv)
{
    static uint8_t buf[65536];
    if (argc != 4) {
        fprintf(stderr, "usage: ptybridge LINK HOST PORT\n");
        return 2;
    }
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        perror("ptybridge: posix_openpt");
        return 1;
    }
    const char *slave_name = ptsname(master);
    /* keeping a slave descriptor open means a client closing its end is not an EOF here */
    int slave = open(slave_name, O_RDWR | O_NOCTTY);
    struct termios tio;
    if (slave < 0 || tcgetattr(slave, &tio) != 0) {
        perror("ptybridge: slave");
        return 1;
    }
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);
    unlink(argv[1]);
    if (symlink(slave_name, argv[1]) != 0) {
        perror("ptybridge: symlink");
        return 1;
    }
    struct sigaction sa = {.sa_handler = on_signal};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    while (!stop) {
        if (read_full(master, buf, 10) != 0)
            break;
        uint32_t size = be32(buf + 2);
        if (size < 10 || size > sizeof(buf) || read_full(master, buf + 10, size - 10) != 0)
            break;
        int fd = tpm_connect(argv[2], argv[3]);
        if (fd < 0 || write_full(fd, buf, size) != 0 || read_full(fd, buf, 10) != 0) {
            fprintf(stderr, "ptybridge: TPM unreachable\n");
            break;
        }
        size = be32(buf + 2);
        if (size < 10 || size > sizeof(buf) || read_full(fd, buf + 10, size - 10) != 0)
            break;
        close(fd);
        if (write_full(master, buf, size) != 0)
            break;
    }
    unlink(argv[1]);
    return 0;
}
