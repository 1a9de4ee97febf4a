/* SPDX-License-Identifier: BSD-3-Clause */
/* Transport layer: moves command bytes to a TPM and response bytes back. It knows nothing
 * of sessions or marshaling beyond the 10-byte header it needs to frame a response.
 *
 * A transport is an ops table plus a configuration. The core picks the ops by
 * TPM_INTERFACE_TYPE / TPM_SERVER_TYPE (or a loader string such as "mssim:host=h,port=p",
 * "swtpm:port=p", "device:/dev/tpmrm0"), opens lazily on the first command, and closes
 * when a connection property changes or the context is deleted.
 *
 * Every function returns 0 or a TSS_RC_* code (tsserror.h); it never exits or prints
 * except through the trace hook. */
#ifndef TSS_TRANSPORT_H
#define TSS_TRANSPORT_H

#include <stdint.h>
#include <stddef.h>

/* Platform signals (mssim platform port numbering). The swtpm transport maps them onto its
 * control channel; transports that cannot honour a signal return TSS_RC_NOT_IMPLEMENTED. */
#define TSS_PLATFORM_POWER_ON 1
#define TSS_PLATFORM_POWER_OFF 2
#define TSS_PLATFORM_PHYS_PRES_ON 3
#define TSS_PLATFORM_PHYS_PRES_OFF 4
#define TSS_PLATFORM_CANCEL_ON 9
#define TSS_PLATFORM_CANCEL_OFF 10
#define TSS_PLATFORM_NV_ON 11
#define TSS_PLATFORM_NV_OFF 12
#define TSS_PLATFORM_RESET 17
#define TSS_PLATFORM_RESTART 18

/* Largest command or response the TSS will move. */
#define TSS_TRANSPORT_MAX 8192

typedef struct tss_transport tss_transport;

typedef struct tss_transport_config {
    char server_name[256]; /* host name, IPv4 or IPv6 literal */
    char server_type[16];  /* "mssim", "raw", "swtpm" */
    char device[256];      /* /dev/tpm0, /dev/tpmrm0, /dev/ttyACM0 ... */
    uint16_t command_port;
    uint16_t platform_port; /* mssim platform port; swtpm control port */
    uint8_t locality;
    int timeout_ms; /* per read/write wait; 0 = default (120 s) */
    int connect_timeout_ms; /* socket connect; 0 = default (10 s) */
} tss_transport_config;

typedef struct tss_transport_ops {
    const char *name;
    /* connect; called lazily by the core before the first transmit */
    uint32_t (*open)(tss_transport *t);
    /* send cmd[0..cmdlen) and read one whole response into rsp (capacity *rsplen);
     * on success *rsplen is the response length. A response shorter than 10 bytes, or
     * whose header size differs from the bytes received, or larger than the capacity,
     * is TSS_RC_MALFORMED_RESPONSE. */
    uint32_t (*transmit)(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp,
                         uint32_t *rsplen);
    /* platform signal (TSS_PLATFORM_*); may be NULL */
    uint32_t (*platform)(tss_transport *t, uint32_t signal);
    /* may be NULL */
    uint32_t (*set_locality)(tss_transport *t, uint8_t locality);
    /* idempotent; frees nothing but the connection */
    void (*close)(tss_transport *t);
} tss_transport_ops;

struct tss_transport {
    const tss_transport_ops *ops;
    tss_transport_config cfg;
    int fd;          /* command connection / device, -1 when closed */
    int fd2;         /* platform or control connection, -1 when closed */
    int opened;      /* nonzero once open() succeeded */
    void *user;      /* for user-registered ops */
    uint32_t sent;   /* commands transmitted (for benchmarks and tests) */
    /* trace hook: level 1 errors, 2 flow; may be NULL */
    void (*trace)(void *ctx, int level, const char *fmt, ...);
    void *trace_ctx;
};

/* Built-in ops tables. */
extern const tss_transport_ops tss_transport_mssim; /* socket, mssim framing + platform port */
extern const tss_transport_ops tss_transport_raw;   /* socket, bare bytes */
extern const tss_transport_ops tss_transport_swtpm; /* socket, bare bytes + swtpm control */
extern const tss_transport_ops tss_transport_dev;   /* /dev/tpm0, /dev/tpmrm0, serial tty */

/* Picks ops from interface type ("socsim", "dev") and server type ("mssim", "raw",
 * "swtpm"). Returns NULL for an unknown combination. */
const tss_transport_ops *tss_transport_select(const char *interface_type, const char *server_type);

/* Parses a loader string "NAME[:CONF]" (mssim:host=h,port=p / swtpm:host=h,port=p /
 * raw:host=h,port=p / device:/dev/tpmrm0) into ops + cfg fields. 0 or
 * TSS_RC_BAD_PROPERTY_VALUE. */
uint32_t tss_transport_parse(const char *loader, const tss_transport_ops **ops,
                             tss_transport_config *cfg);

/* Initialises t (fd = fd2 = -1). */
void tss_transport_init(tss_transport *t, const tss_transport_ops *ops,
                        const tss_transport_config *cfg);

/* Helpers shared by the built-in transports (socket.c, device.c); not for applications.
 * Each waits at most the configured timeout for every poll() and returns 0 or TSS_RC_*. */

/* Effective per-wait timeout in ms: cfg.timeout_ms, or 120000 when it is <= 0. */
int tss_transport_timeout_ms(const tss_transport *t);
/* Waits up to the timeout for poll() events on fd: 0, TSS_RC_TIMEOUT or TSS_RC_BAD_CONNECTION. */
uint32_t tss_transport_wait(const tss_transport *t, int fd, short events);
/* the same with an explicit timeout in ms (the connect timeout) */
uint32_t tss_transport_wait_ms(const tss_transport *t, int fd, short events, int timeout_ms);
/* Effective connect timeout in ms: cfg.connect_timeout_ms, or 10000 when it is <= 0. */
int tss_transport_connect_timeout_ms(const tss_transport *t);
/* Writes all of buf to a non-blocking fd; is_socket selects send(MSG_NOSIGNAL). */
uint32_t tss_transport_write_all(const tss_transport *t, int fd, int is_socket, const void *buf,
                                 size_t len);
/* Reads exactly len bytes from a non-blocking fd; end of stream is TSS_RC_BAD_CONNECTION. */
uint32_t tss_transport_read_all(const tss_transport *t, int fd, void *buf, size_t len);
/* Reads one bare TPM response (10-byte header, then size - 10 bytes) into rsp, capacity
 * *rsplen, checking the header's size before reading the body. */
uint32_t tss_transport_read_response(const tss_transport *t, int fd, uint8_t *rsp,
                                     uint32_t *rsplen);
/* Sends one line to t->trace when set (level 1 errors, 2 flow). */
void tss_transport_trace(const tss_transport *t, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Checks a response header: 10 <= size <= capacity; sets *size. */
uint32_t tss_transport_check_header(const uint8_t hdr[10], uint32_t capacity, uint32_t *size);

#endif
