/* SPDX-License-Identifier: BSD-3-Clause */
/* Below TSS_Execute: platform signals for simulators, and raw command bytes. */
#ifndef TSS_TSSTRANSMIT_H
#define TSS_TSSTRANSMIT_H

#include <stdint.h>
#include "tss.h"

#define TPM_SIGNAL_POWER_ON 1
#define TPM_SIGNAL_POWER_OFF 2
#define TPM_SIGNAL_PHYS_PRES_ON 3
#define TPM_SIGNAL_PHYS_PRES_OFF 4
#define TPM_SIGNAL_CANCEL_ON 9
#define TPM_SIGNAL_CANCEL_OFF 10
#define TPM_SIGNAL_NV_ON 11
#define TPM_SIGNAL_NV_OFF 12
#define TPM_SIGNAL_RESET 17
#define TPM_SIGNAL_RESTART 18
#define TPM_SEND_COMMAND 8
#define TPM_SESSION_END 20
#define TPM_STOP 21

#ifdef __cplusplus
extern "C" {
#endif

/* Sends a platform signal (simulators only; swtpm maps it onto its control channel). */
TPM_RC TSS_TransmitPlatform(TSS_CONTEXT *tssContext, uint32_t command, const char *message);
/* Sends command bytes as they are and returns the response bytes (*read: in = capacity is
 * MAX_RESPONSE_SIZE, out = length). No sessions, no retry. */
TPM_RC TSS_Transmit(TSS_CONTEXT *tssContext, uint8_t *responseBuffer, uint32_t *read,
                    const uint8_t *commandBuffer, uint32_t written, const char *message);
/* Sends an in-band simulator command (TPM_STOP ...) on the command port: Microsoft
 * simulator protocol (TPM_SERVER_TYPE=mssim) only; other transports give
 * TSS_RC_INSUPPORTED_INTERFACE. */
TPM_RC TSS_TransmitCommand(TSS_CONTEXT *tssContext, uint32_t command, const char *message);
/* Closes the connection; the next command reopens it. */
TPM_RC TSS_Close(TSS_CONTEXT *tssContext);

#ifdef __cplusplus
}
#endif

#endif
