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

/* TPM2B_<bytes>_BYTE_VALUE: a TPM2B type holding exactly 'bytes' bytes */
#define TPM2B_BYTE_VALUE(bytes) TPM2B_TYPE(bytes##_BYTE_VALUE, bytes)

/* declares 'name', a TPM2B_<TYPE> whose size is its whole buffer, all bytes zero */
#define TPM2B_INIT(TYPE, name) TPM2B_##TYPE name = {{sizeof(name.t.buffer), {0}}}

/* a constant TPM2B holding a string literal with its terminating zero byte (a KDF label),
 * reached through the TPM2B pointer 'name' */
#define TPM2B_STRING(name, value)                                                        \
    static const union {                                                                 \
        struct {                                                                         \
            UINT16 size;                                                                 \
            BYTE buffer[sizeof(value)];                                                  \
        } t;                                                                             \
        TPM2B b;                                                                         \
    } name##_ = {{sizeof(value), {value}}};                                              \
    const TPM2B *name = &name##_.b

#endif
