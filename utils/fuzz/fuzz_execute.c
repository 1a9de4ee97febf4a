/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target: the whole response path of TSS_Execute. A replay transport answers
 * one command from the table with the fuzzer's bytes, with no session, with a password,
 * or with an HMAC session asking for response encryption, so response parsing, HMAC
 * verification, parameter decryption and Name/session tracking all see hostile input.
 *
 * input: [0] command index  [1] mode  [2] length L of an In encoding  [3..3+L) In  rest: response */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/commands.h"
#include "core/context.h"
#include "marshal/desc_gen.h"
#include "session/session.h"

typedef struct replay {
    const uint8_t *rsp;
    size_t len;
} replay;

static uint32_t r_open(tss_transport *t)
{
    t->opened = 1;
    return 0;
}

static uint32_t r_transmit(tss_transport *t, const uint8_t *cmd, uint32_t cmdlen, uint8_t *rsp, uint32_t *rsplen)
{
    replay *r = t->user;
    (void)cmd;
    (void)cmdlen;
    if (r->len > *rsplen || r->len < 10)
        return 0x000b000a; /* what a transport says about such a response */
    memcpy(rsp, r->rsp, r->len);
    *rsplen = (uint32_t)r->len;
    return 0;
}

static void r_close(tss_transport *t)
{
    t->opened = 0;
}

static const tss_transport_ops replay_ops = {"replay", r_open, r_transmit, NULL, NULL, r_close};
static char dir[64];

static void setup(TSS_CONTEXT *ctx)
{
    if (dir[0] == '\0') {
        snprintf(dir, sizeof(dir), "/tmp/tss-fuzz-XXXXXX");
        if (mkdtemp(dir) == NULL)
            abort();
    }
    TSS_SetProperty(ctx, TPM_DATA_DIR, dir);
    TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, "000102030405060708090a0b0c0d0e0f");
    tss_session s;
    memset(&s, 0, sizeof(s));
    s.handle = 0x02000000;
    s.type = TPM_SE_HMAC;
    s.authHash = TPM_ALG_SHA256;
    s.symAlg = TPM_ALG_AES;
    s.symKeyBits = 128;
    s.symMode = TPM_ALG_CFB;
    s.sessionKey.t.size = 32;
    s.nonceTPM.t.size = 32;
    tss_session_save(ctx, &s); /* fresh each run: tracking may have removed or changed it */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static COMMAND_PARAMETERS in;
    static RESPONSE_PARAMETERS out;
    if (size < 3)
        return 0;
    const tss_command *cmd = &tss_commands[data[0] % tss_commands_count];
    unsigned mode = data[1] % 4;
    size_t inlen = data[2];
    if (3 + inlen > size)
        return 0;
    memset(&in, 0, sizeof(in));
    if (cmd->in != NULL) {
        tss_rcur r;
        tss_rcur_init(&r, data + 3, (uint32_t)inlen);
        tss_get(&r, cmd->in, &in, 1, 0);
        if (r.rc != 0)
            return 0; /* the command could not be marshaled anyway */
    }
    TSS_CONTEXT *ctx = NULL;
    if (TSS_Create(&ctx) != 0)
        return 0;
    setup(ctx);
    replay rp = {data + 3 + inlen, size - 3 - inlen};
    tss_set_transport_ops(ctx, &replay_ops, &rp);
    unsigned attrs = TPMA_SESSION_CONTINUESESSION |
                     ((cmd->flags & TSS_CMD_ENCRYPT) ? TPMA_SESSION_ENCRYPT : 0);
    if (mode == 0)
        TSS_Execute(ctx, &out, &in, NULL, cmd->cc, TPM_RH_NULL, NULL, 0);
    else if (mode == 1)
        TSS_Execute(ctx, &out, &in, NULL, cmd->cc, TPM_RS_PW, "pw", 0, TPM_RH_NULL, NULL, 0);
    else if (mode == 2)
        TSS_Execute(ctx, &out, &in, NULL, cmd->cc, 0x02000000, "pw", attrs, TPM_RH_NULL, NULL, 0);
    else /* no password at all: NULL pointers must be as safe as empty strings */
        TSS_Execute(ctx, &out, &in, NULL, cmd->cc, 0x02000000, NULL, attrs, TPM_RH_NULL, NULL, 0);
    TSS_Delete(ctx);
    return 0;
}
