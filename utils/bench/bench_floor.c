/* SPDX-License-Identifier: BSD-3-Clause */
/* make bench, the floor: no TSS at all. Sends fixed command bytes (TPM2_GetRandom of 16
 * bytes, and TPM2_Sign of a fixed digest with the key's password "sig") over one socket to
 * the raw command port (swtpm) and reads each response; prints the median time per command.
 * What a TSS costs in process is its time above this.
 * usage: bench_floor PORT KEYHANDLE N_GETRANDOM N_SIGN   (a benchmark, not a test) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int io(int fd, const uint8_t *cmd, size_t n)
{
    uint8_t rsp[4096];
    if (send(fd, cmd, n, 0) != (ssize_t)n)
        return -1;
    size_t got = 0, want = 10;
    while (got < want) {
        ssize_t k = recv(fd, rsp + got, sizeof(rsp) - got, 0);
        if (k <= 0)
            return -1;
        got += (size_t)k;
        if (got >= 10)
            want = (size_t)rsp[2] << 24 | (size_t)rsp[3] << 16 | (size_t)rsp[4] << 8 | rsp[5];
        if (want > sizeof(rsp) || want < 10)
            return -1;
    }
    return (rsp[6] | rsp[7] | rsp[8] | rsp[9]) == 0 ? 0 : -1; /* response code 0 */
}

static double run(int fd, const uint8_t *cmd, size_t n, int count, double *t)
{
    for (int i = 0; i < count; i++) {
        double t0 = now_us();
        if (io(fd, cmd, n) != 0) {
            fprintf(stderr, "bench_floor: command failed\n");
            exit(1);
        }
        t[i] = now_us() - t0;
    }
    qsort(t, (size_t)count, sizeof(*t), cmp);
    return t[count / 2];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

int main(int argc, char **argv)
{
    if (argc != 5)
        return fprintf(stderr, "usage: bench_floor PORT KEYHANDLE N_GETRANDOM N_SIGN\n"), 2;
    int port = atoi(argv[1]), ng = atoi(argv[3]), ns = atoi(argv[4]);
    uint32_t key = (uint32_t)strtoul(argv[2], NULL, 16);
    if (ng < 1 || ns < 1)
        return 2;
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0)
        return perror("bench_floor: connect"), 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    double *t = calloc((size_t)(ng > ns ? ng : ns), sizeof(double));
    if (t == NULL)
        return 1;
    static const uint8_t getrandom[] = {0x80, 0x01, 0, 0, 0, 0x0c, 0, 0, 0x01, 0x7b, 0, 0x10};
    printf("floor  %-22s %8.1f us/op  (%d ops)\n", "getrandom", run(fd, getrandom, sizeof(getrandom), ng, t), ng);
    /* Sign: handle, password session "sig", digest[32], RSASSA-SHA256, null hash check ticket */
    uint8_t sign[128], *p = sign;
    memcpy(p, "\x80\x02\0\0\0\0\0\0\x01\x5d", 10), p += 10;
    put32(p, key), p += 4;
    put32(p, 12), p += 4; /* authorization area size */
    memcpy(p, "\x40\0\0\x09\0\0\0\0\x03sig", 12), p += 12;
    memcpy(p, "\0\x20", 2), p += 2;
    memset(p, 0x5a, 32), p += 32;
    memcpy(p, "\0\x14\0\x0b\x80\x24\x40\0\0\x07\0\0", 12), p += 12;
    put32(sign + 2, (uint32_t)(p - sign));
    printf("floor  %-22s %8.1f us/op  (%d ops)\n", "sign (password)", run(fd, sign, (size_t)(p - sign), ns, t), ns);
    close(fd);
    free(t);
    return 0;
}
