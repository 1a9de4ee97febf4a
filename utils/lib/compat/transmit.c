/* SPDX-License-Identifier: BSD-3-Clause */
/* TSS_TransmitCommand: an in-band command word to a Microsoft-protocol simulator. */
#include <stdint.h>

#include "core/context.h"
#include "tss2/tsserror.h"
#include "tss2/tsstransmit.h"

TPM_RC TSS_TransmitCommand(TSS_CONTEXT *tssContext, uint32_t command, const char *message)
{
    if (tssContext == NULL)
        return TSS_RC_NULL_PARAMETER;
    TPM_RC rc = tss_transport_ready(tssContext);
    if (rc != 0)
        return rc;
    tss_transport *t = &tssContext->tr;
    if (t->ops != &tss_transport_mssim || t->fd < 0) {
        tss_trace(tssContext, 1, "TSS_TransmitCommand: not supported on the %s transport\n",
                  t->ops != NULL && t->ops->name != NULL ? t->ops->name : "selected");
        return TSS_RC_INSUPPORTED_INTERFACE;
    }
    if (message != NULL)
        tss_trace(tssContext, 2, "TSS_TransmitCommand: %s\n", message);
    uint8_t word[4] = {(uint8_t)(command >> 24), (uint8_t)(command >> 16), (uint8_t)(command >> 8),
                       (uint8_t)command};
    rc = tss_transport_write_all(t, t->fd, 1, word, 4);
    /* TPM_STOP ends the simulator: no acknowledgement then, and the connection is gone */
    if (rc == 0 && command != TPM_STOP)
        rc = tss_transport_read_all(t, t->fd, word, 4);
    if (rc == 0 && command != TPM_STOP && (word[0] | word[1] | word[2] | word[3]) != 0)
        rc = TSS_RC_BAD_CONNECTION;
    if (rc != 0 || command == TPM_STOP)
        tss_transport_drop(tssContext);
    return rc;
}
