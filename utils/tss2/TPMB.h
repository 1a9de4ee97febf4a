/* SPDX-License-Identifier: BSD-3-Clause */
/* The generic sized buffer. Every TPM2B_xxx byte buffer is a union whose .b member is a
 * TPM2B, so code can handle any of them through a TPM2B pointer. */
#ifndef TSS_TPMB_H
#define TSS_TPMB_H

#include "BaseTypes.h"

typedef struct {
    UINT16 size;
    BYTE buffer[1];
} TPM2B, *P2B;
typedef const TPM2B *PC2B;

/* Declares TPM2B_<name> with room for 'bytes' bytes, usable as x.t.size, x.t.buffer, x.b. */
#define TPM2B_TYPE(name, bytes)                                                          \
    typedef union {                                                                      \
        struct {                                                                         \
            UINT16 size;                                                                 \
            BYTE buffer[(bytes)];                                                        \
        } t;                                                                             \
        TPM2B b;                                                                         \
    } TPM2B_##name

#endif
