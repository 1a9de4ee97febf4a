/* SPDX-License-Identifier: BSD-3-Clause */
/* Device transport: the kernel TPM character devices (/dev/tpm0, /dev/tpmrm0) and serial
 * TPMs behind a tty (e.g. a USB CDC microcontroller TPM, /dev/ttyACM0).
 *
 * The kernel device takes one whole command per write() and hands back the whole response
 * to read(); it has its own timeouts, so it is used blocking. A tty is a byte stream that
 * may deliver a response in pieces: it is put in raw mode and read as a 10-byte header
 * plus size - 10 bytes, every wait bounded by cfg.timeout_ms. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "tss2/tsserror.h"
#include "transport.h"

#define DEFAULT_DEVICE "/dev/tpmrm0"
#define HDR_SIZE 10u
#define KERNEL_BUFSIZE 4096u /* the kernel driver's TPM_BUFSIZE */

static uint32_t setup_tty(tss_transport *t, int fd)
{
    struct termios tio;
    if (tcgetattr(fd, &tio) != 0)
        return TSS_RC_BAD_CONNECTION;
    /* binary bytes: no echo, no CR/LF translation, no ^C or ^S interpretation */
    cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD; /* USB serial TPMs have no carrier line */
    tio.c_cc[VMIN] = 1;
    tio.c_cc[VTIME] = 0;
    if (tcsetattr(fd, TCSANOW, &tio) != 0) {
        tss_transport_trace(t, 1, "device: tcsetattr: %s", strerror(errno));
        return TSS_RC_BAD_CONNECTION;
    }
    /* bytes left over from an earlier, aborted exchange would misframe the next response */
    tcflush(fd, TCIOFLUSH);
    return 0;
}

static uint32_t dev_open(tss_transport *t)
{
    if (t->fd >= 0)
        return 0;
    const char *path = t->cfg.device[0] != '\0' ? t->cfg.device : DEFAULT_DEVICE;
    /* O_NONBLOCK so a tty open cannot hang on a carrier; O_NOCTTY so it never becomes our
     * controlling terminal */
    int fd = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        tss_transport_trace(t, 1, "device: %s: %s", path, strerror(errno));
        return TSS_RC_NO_CONNECTION;
    }
    uint32_t rc = 0;
    if (isatty(fd)) {
        rc = setup_tty(t, fd);
    } else {
        /* the kernel device treats O_NONBLOCK as "asynchronous command": go back to
         * blocking, one command per write, one response per read */
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
            rc = TSS_RC_NO_CONNECTION;
    }
    if (rc != 0) {
        close(fd);
        return rc;
    }
    t->fd = fd;
    t->opened = 1;
    tss_transport_trace(t, 2, "device: opened %s", path);
    return 0;
}

static void dev_close(tss_transport *t)
{
    if (t->fd >= 0) {
        close(t->fd);
        t->fd = -1;
    }
    t->opened = 0;
}

static uint32_t fail(tss_transport *t, uint32_t rc)
{
    dev_close(t); /* the next command reopens and starts clean */
    return rc;
}

/* Kernel character device: one write() of the whole command. */
static uint32_t kernel_write(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen)
{
    ssize_t n;
    do {
        n = write(t->fd, cmd, cmdlen);
    } while (n < 0 && errno == EINTR);
    if (n != (ssize_t)cmdlen) {
        tss_transport_trace(t, 1, "device: write: %s", n < 0 ? strerror(errno) : "short write");
        return TSS_RC_BAD_CONNECTION;
    }
    return 0;
}

/* Kernel character device: read() the response, continuing only while the header promises
 * more than has arrived. Nothing is read beyond the capacity. */
static uint32_t kernel_read(tss_transport *t, uint8_t *rsp, uint32_t *rsplen)
{
    uint32_t cap = *rsplen, want = cap < KERNEL_BUFSIZE ? cap : KERNEL_BUFSIZE, got = 0, size = 0;
    for (;;) {
        ssize_t n = read(t->fd, rsp + got, want - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            tss_transport_trace(t, 1, "device: read: %s", n < 0 ? strerror(errno) : "end of file");
            return TSS_RC_BAD_CONNECTION;
        }
        got += (uint32_t)n;
        if (got < HDR_SIZE) {
            continue; /* want >= HDR_SIZE: the caller checked the capacity */
        }
        uint32_t rc = tss_transport_check_header(rsp, cap, &size);
        if (rc != 0 || got > size) {
            tss_transport_trace(t, 1, "device: response of %u bytes, header size out of range",
                                got);
            return TSS_RC_MALFORMED_RESPONSE;
        }
        if (got == size)
            break;
        want = size;
    }
    *rsplen = size;
    return 0;
}

static uint32_t dev_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                             uint32_t *rsplen)
{
    uint32_t rc;
    if (t == NULL || cmd == NULL || rsp == NULL || rsplen == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (cmdlen > TSS_TRANSPORT_MAX || *rsplen < HDR_SIZE)
        return TSS_RC_INSUFFICIENT_BUFFER;
    if ((rc = dev_open(t)) != 0)
        return rc;

    if (isatty(t->fd)) {
        rc = tss_transport_write_all(t, t->fd, 0, cmd, cmdlen);
        if (rc != 0)
            return fail(t, rc);
        t->sent++;
        rc = tss_transport_read_response(t, t->fd, rsp, rsplen);
    } else {
        rc = kernel_write(t, cmd, cmdlen);
        if (rc != 0)
            return fail(t, rc);
        t->sent++;
        rc = kernel_read(t, rsp, rsplen);
    }
    return rc != 0 ? fail(t, rc) : 0;
}

static uint32_t dev_platform(tss_transport *t, uint32_t signal)
{
    (void)t;
    (void)signal;
    return TSS_RC_NOT_IMPLEMENTED; /* a hardware TPM's power and pins are not ours */
}

static uint32_t dev_set_locality(tss_transport *t, uint8_t locality)
{
    /* the kernel chooses the locality; only the implied 0 is honoured */
    if (locality != 0)
        return TSS_RC_NOT_IMPLEMENTED;
    t->cfg.locality = 0;
    return 0;
}

const tss_transport_ops tss_transport_dev = {
    .name = "dev",
    .open = dev_open,
    .transmit = dev_transmit,
    .platform = dev_platform,
    .set_locality = dev_set_locality,
    .close = dev_close,
};
