/* SPDX-License-Identifier: BSD-3-Clause */
/* writeapp: a sample NV application written straight against TSS_Execute. It defines an NV
 * index with password "pwd", then writes it twice and reads it back through an HMAC session
 * that is salted (with a primary key it creates) and bound to the index, with AES-128-CFB
 * encryption of the written data (command) and of the read data (response); at the end it
 * removes the index and flushes the key and the session, also when a step fails. With
 * -pwsess every authorization is a plain password session instead.
 *
 * The second write shows a subtlety of bound sessions: the first write sets TPMA_NV_WRITTEN,
 * which changes the index's Name, so the session is no longer bound to it and its HMAC key
 * includes the password again. The TSS tracks the Name; the application does nothing. */
#include <string.h>

#include "tool/tool.h"

#define NV_INDEX 0x01500020
#define NV_PW "pwd"
#define NV_SIZE 16

static int pwsess;
static const tool_opt opts[] = {{"-pwsess", T_FLAG, &pwsess, NULL,
                                 "use a password session, no HMAC or parameter encryption", 0,
                                 NULL},
                                {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    .name = "writeapp",
    .summary = "A sample NV write application: provisions an NV index, then does two writes\n"
               "and a read with password 'pwd' using a bound, salted HMAC session with AES CFB\n"
               "parameter encryption",
    .opts = opts,
    .nsessions = 0};

typedef struct {
    TSS_CONTEXT *ctx;
    TPM_HANDLE salt_key;
    int defined;
    TPMI_SH_AUTH_SESSION se; /* TPM_RS_PW with -pwsess */
} app;

static TPM_RC create_salt_key(app *a)
{
    CreatePrimary_In in;
    CreatePrimary_Out out;
    memset(&in, 0, sizeof(in));
    in.primaryHandle = TPM_RH_OWNER;
    TPMT_PUBLIC *p = &in.inPublic.publicArea;
    p->type = TPM_ALG_ECC;
    p->nameAlg = TPM_ALG_SHA256;
    p->objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                              TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                              TPMA_OBJECT_NODA | TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
    p->parameters.eccDetail.symmetric.algorithm = TPM_ALG_AES;
    p->parameters.eccDetail.symmetric.keyBits.aes = 128;
    p->parameters.eccDetail.symmetric.mode.aes = TPM_ALG_CFB;
    p->parameters.eccDetail.scheme.scheme = TPM_ALG_NULL;
    p->parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    p->parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
    TPM_RC rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_CreatePrimary, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        a->salt_key = out.objectHandle;
        printf("writeapp: created primary key %08x to salt the session\n", a->salt_key);
    }
    return rc;
}

static TPM_RC define_index(app *a)
{
    NV_DefineSpace_In in;
    memset(&in, 0, sizeof(in));
    in.authHandle = TPM_RH_OWNER;
    TSS_TPM2B_StringCopy(&in.auth.b, NV_PW, sizeof(in.auth.t.buffer));
    in.publicInfo.nvPublic.nvIndex = NV_INDEX;
    in.publicInfo.nvPublic.nameAlg = TPM_ALG_SHA256;
    in.publicInfo.nvPublic.attributes.val =
        TPMA_NVA_ORDINARY | TPMA_NVA_AUTHWRITE | TPMA_NVA_AUTHREAD | TPMA_NVA_NO_DA;
    in.publicInfo.nvPublic.dataSize = NV_SIZE;
    TPM_RC rc = TSS_Execute(a->ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_DefineSpace,
                            TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        a->defined = 1;
        printf("writeapp: defined NV index %08x, %u bytes, password '%s'\n", NV_INDEX, NV_SIZE,
               NV_PW);
    }
    return rc;
}

static TPM_RC start_session(app *a)
{
    StartAuthSession_In in = {.tpmKey = a->salt_key,
                              .bind = NV_INDEX,
                              .sessionType = TPM_SE_HMAC,
                              .authHash = TPM_ALG_SHA256};
    StartAuthSession_Out out;
    EXTRA_PARAMETERS extra;
    memset(&extra, 0, sizeof(extra));
    extra.StartAuthSession.bindPassword = NV_PW;
    in.symmetric.algorithm = TPM_ALG_AES;
    in.symmetric.keyBits.aes = 128;
    in.symmetric.mode.aes = TPM_ALG_CFB;
    TPM_RC rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, &extra,
                            TPM_CC_StartAuthSession, TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        a->se = out.sessionHandle;
        printf("writeapp: started HMAC session %08x, salted, bound to %08x, AES-128-CFB\n", a->se,
               NV_INDEX);
    }
    return rc;
}

static TPM_RC write_read(app *a)
{
    static const char *const data[2] = {"first write", "second write"};
    unsigned dec = pwsess ? 0 : TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_DECRYPT;
    unsigned enc = pwsess ? 0 : TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT;
    TPM_RC rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++) {
        NV_Write_In in = {.authHandle = NV_INDEX, .nvIndex = NV_INDEX, .offset = 0};
        TSS_TPM2B_StringCopy(&in.data.b, data[i], NV_SIZE);
        rc = TSS_Execute(a->ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_Write, a->se,
                         NV_PW, dec, TPM_RH_NULL, NULL, 0);
        if (rc == 0)
            printf("writeapp: wrote '%s'%s\n", data[i], pwsess ? "" : " (encrypted on the wire)");
    }
    if (rc != 0)
        return rc;
    NV_Read_In in = {
        .authHandle = NV_INDEX, .nvIndex = NV_INDEX, .size = (UINT16)strlen(data[1]), .offset = 0};
    NV_Read_Out out;
    rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                     TPM_CC_NV_Read, a->se, NV_PW, enc, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    printf("writeapp: read '%.*s'%s\n", (int)out.data.t.size, (const char *)out.data.t.buffer,
           pwsess ? "" : " (encrypted on the wire)");
    if (out.data.t.size != strlen(data[1]) ||
        memcmp(out.data.t.buffer, data[1], out.data.t.size) != 0) {
        printf("writeapp: the data read back differs from the data written\n");
        return TSS_RC_INSUFFICIENT_BUFFER;
    }
    return 0;
}

static TPM_RC cleanup(app *a)
{
    TPM_RC rc = 0, rc2;
    if (a->se != TPM_RS_PW) {
        FlushContext_In in = {.flushHandle = a->se};
        rc = TSS_Execute(a->ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_FlushContext,
                         TPM_RH_NULL, NULL, 0);
        printf("writeapp: flushed session %08x%s\n", a->se, rc == 0 ? "" : " (failed)");
    }
    if (a->defined) {
        NV_UndefineSpace_In in = {.authHandle = TPM_RH_OWNER, .nvIndex = NV_INDEX};
        rc2 = TSS_Execute(a->ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_UndefineSpace,
                          TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        printf("writeapp: undefined NV index %08x%s\n", NV_INDEX, rc2 == 0 ? "" : " (failed)");
        rc = rc != 0 ? rc : rc2;
    }
    if (a->salt_key != 0) {
        FlushContext_In in = {.flushHandle = a->salt_key};
        rc2 = TSS_Execute(a->ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_FlushContext,
                          TPM_RH_NULL, NULL, 0);
        printf("writeapp: flushed primary key %08x%s\n", a->salt_key, rc2 == 0 ? "" : " (failed)");
        rc = rc != 0 ? rc : rc2;
    }
    return rc;
}

int main(int argc, char **argv)
{
    app a = {.ctx = NULL, .salt_key = 0, .defined = 0, .se = TPM_RS_PW};
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &a.ctx);
    if (rc == 0 && !pwsess)
        rc = create_salt_key(&a);
    if (rc == 0)
        rc = define_index(&a);
    if (rc == 0 && !pwsess)
        rc = start_session(&a);
    if (rc == 0)
        rc = write_read(&a);
    TPM_RC rc2 = a.ctx != NULL ? cleanup(&a) : 0;
    return tool_finish(&t, a.ctx, rc != 0 ? rc : rc2);
}
