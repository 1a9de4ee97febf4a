/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "tool/seq.h"

const char *const seq_curves[] = {"bnp256", "nistp256", "nistp384", NULL};

TPMI_ECC_CURVE seq_curve(int choice)
{
    static const TPMI_ECC_CURVE id[] = {TPM_ECC_BN_P256, TPM_ECC_NIST_P256, TPM_ECC_NIST_P384};
    return (choice >= 0 && choice < 3) ? id[choice] : TPM_ECC_NONE;
}

TPM_RC seq_write_counter(const tool *t, const char *path, UINT16 counter)
{
    return tool_write(t, path, &counter, (MarshalFunction_t)TSS_UINT16_Marshalu);
}

TPM_RC seq_read_counter(const tool *t, const char *path, UINT16 *counter)
{
    return tool_read(t, path, counter, (UnmarshalFunction_t)TSS_UINT16_Unmarshalu);
}

int seq_read_file(const tool *t, const char *path, uint8_t **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    return tool_read_bytes(t, path, data, len) != 0 ? EXIT_FAILURE : 0;
}

size_t seq_lead(size_t len)
{
    return len == 0 ? 0 : ((len - 1) / SEQ_CHUNK) * SEQ_CHUNK;
}

int seq_sessions_continue(const tool *t, size_t ncommands)
{
    if (ncommands < 2)
        return 0;
    for (int i = 0; i < 3; i++)
        if (t->seen_se[i] && !(t->sattr[i] & TPMA_SESSION_CONTINUESESSION))
            return tool_error(t, "the data takes %zu commands: -se%d needs the continue attribute (01)",
                              ncommands, i);
    return 0;
}

TPM_RC seq_update(tool *t, TSS_CONTEXT *ctx, TPMI_DH_OBJECT seq, const char *pwds,
                  const uint8_t *data, size_t len)
{
    size_t off = 0;
    TPM_RC rc = 0;
    do {
        SequenceUpdate_In in;
        size_t n = len - off > SEQ_CHUNK ? SEQ_CHUNK : len - off;
        memset(&in, 0, sizeof(in));
        in.sequenceHandle = seq;
        in.buffer.t.size = (UINT16)n;
        if (n > 0)
            memcpy(in.buffer.t.buffer, data + off, n);
        rc = tool_execute(t, ctx, NULL, &in, TPM_CC_SequenceUpdate, 1, pwds, NULL);
        off += n;
    } while (rc == 0 && off < len);
    return rc;
}

int seq_prepare_complete(const tool *t, const char *ifile, TPM2B_MAX_BUFFER *buf, uint8_t **data,
                         size_t *lead)
{
    size_t len = 0;
    *data = NULL;
    if (ifile != NULL && seq_read_file(t, ifile, data, &len) != 0)
        return EXIT_FAILURE;
    *lead = seq_lead(len);
    if (seq_sessions_continue(t, *lead / SEQ_CHUNK + 1) != 0) {
        free(*data);
        *data = NULL;
        return EXIT_FAILURE;
    }
    buf->t.size = (UINT16)(len - *lead);
    if (len > *lead)
        memcpy(buf->t.buffer, *data + *lead, len - *lead);
    return 0;
}
