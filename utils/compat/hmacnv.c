/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 2.x style program: NV define / write / read through an HMAC session with
 * AES-128-CFB parameter encryption (the write's data travels encrypted, and so does the
 * read's). With "ecc" the session is salted with an ECC primary key (the library's salt
 * is TSS_ECC_Salt). A wrong password on a password session must fail with
 * TPM_RC_BAD_AUTH (the index is NO_DA). Every path undefines the index and flushes the
 * session and key.
 * usage: hmacnv NVINDEX [ecc]     prints "read back matches" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssresponsecode.h>
#include <ibmtss/tssmarshal.h>

static void printRc(const char *what, TPM_RC rc)
{
    const char *msg, *submsg, *num;
    TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
    printf("hmacnv: %s failed, rc %08x\n%s%s%s\n", what, rc, msg, submsg, num);
}

static TPM_RC flush(TSS_CONTEXT *tssContext, TPM_HANDLE handle)
{
    FlushContext_In in;
    in.flushHandle = handle;
    return TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_FlushContext,
                       TPM_RH_NULL, NULL, 0);
}

static TPM_RC createEccPrimary(TSS_CONTEXT *tssContext, TPM_HANDLE *handle)
{
    CreatePrimary_In in;
    CreatePrimary_Out out;
    TPMT_PUBLIC *p = &in.inPublic.publicArea;
    memset(&in, 0, sizeof(in));
    in.primaryHandle = TPM_RH_OWNER;
    p->type = TPM_ALG_ECC;
    p->nameAlg = TPM_ALG_SHA256;
    p->objectAttributes.val = TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT | TPMA_OBJECT_FIXEDTPM |
                              TPMA_OBJECT_FIXEDPARENT | TPMA_OBJECT_SENSITIVEDATAORIGIN |
                              TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_NODA;
    p->parameters.eccDetail.symmetric.algorithm = TPM_ALG_AES;
    p->parameters.eccDetail.symmetric.keyBits.aes = 128;
    p->parameters.eccDetail.symmetric.mode.aes = TPM_ALG_CFB;
    p->parameters.eccDetail.scheme.scheme = TPM_ALG_NULL;
    p->parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    p->parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
    TPM_RC rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                            NULL, TPM_CC_CreatePrimary, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    if (rc == 0)
        *handle = out.objectHandle;
    return rc;
}

int main(int argc, char *argv[])
{
    TPM_RC rc = 0;
    TSS_CONTEXT *tssContext = NULL;
    TPMI_RH_NV_INDEX nvIndex;
    TPM_HANDLE saltKey = TPM_RH_NULL, sessionHandle = 0;
    int defined = 0, result = EXIT_FAILURE;
    const char *nvPassword = "nv password";
    const char *secret = "0123456789abcdef";

    if (argc < 2 || sscanf(argv[1], "%x", &nvIndex) != 1 || (nvIndex >> 24) != TPM_HT_NV_INDEX) {
        printf("usage: hmacnv NVINDEX [ecc]\n");
        return EXIT_FAILURE;
    }
    rc = TSS_Create(&tssContext);
    if (rc == 0 && argc > 2 && strcmp(argv[2], "ecc") == 0) {
        rc = createEccPrimary(tssContext, &saltKey);
        if (rc != 0)
            printRc("CreatePrimary", rc);
    }
    if (rc == 0) {
        StartAuthSession_In in;
        StartAuthSession_Out out;
        StartAuthSession_Extra extra;
        memset(&in, 0, sizeof(in));
        in.tpmKey = saltKey;
        in.bind = TPM_RH_NULL;
        in.sessionType = TPM_SE_HMAC;
        in.symmetric.algorithm = TPM_ALG_AES;
        in.symmetric.keyBits.aes = 128;
        in.symmetric.mode.aes = TPM_ALG_CFB;
        in.authHash = TPM_ALG_SHA256;
        extra.bindPassword = NULL;
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                         (EXTRA_PARAMETERS *)&extra, TPM_CC_StartAuthSession, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("StartAuthSession", rc);
        else
            sessionHandle = out.sessionHandle;
    }
    if (rc == 0) {
        NV_DefineSpace_In in;
        memset(&in, 0, sizeof(in));
        in.authHandle = TPM_RH_OWNER;
        rc = TSS_TPM2B_StringCopy(&in.auth.b, nvPassword, sizeof(in.auth.t.buffer));
        in.publicInfo.nvPublic.nvIndex = nvIndex;
        in.publicInfo.nvPublic.nameAlg = TPM_ALG_SHA256;
        in.publicInfo.nvPublic.attributes.val =
            TPMA_NVA_ORDINARY | TPMA_NVA_AUTHWRITE | TPMA_NVA_AUTHREAD | TPMA_NVA_NO_DA;
        in.publicInfo.nvPublic.dataSize = (UINT16)strlen(secret);
        if (rc == 0)
            rc = TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&in, NULL,
                             TPM_CC_NV_DefineSpace, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("NV_DefineSpace", rc);
        else
            defined = 1;
    }
    if (rc == 0) {
        NV_Write_In in;
        in.authHandle = nvIndex;
        in.nvIndex = nvIndex;
        in.offset = 0;
        rc = TSS_TPM2B_Create(&in.data.b, (uint8_t *)secret, (uint16_t)strlen(secret),
                              sizeof(in.data.t.buffer));
        if (rc == 0)
            rc = TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_NV_Write,
                             sessionHandle, nvPassword,
                             TPMA_SESSION_DECRYPT | TPMA_SESSION_CONTINUESESSION,
                             TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("NV_Write", rc);
    }
    if (rc == 0) {
        NV_Read_In in;
        NV_Read_Out out;
        in.authHandle = nvIndex;
        in.nvIndex = nvIndex;
        in.offset = 0;
        in.size = (UINT16)strlen(secret);
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_NV_Read, sessionHandle, nvPassword,
                         TPMA_SESSION_ENCRYPT | TPMA_SESSION_CONTINUESESSION,
                         TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("NV_Read", rc);
        else if (out.data.t.size == strlen(secret) && memcmp(out.data.t.buffer, secret, out.data.t.size) == 0)
            printf("read back matches\n");
        else {
            printf("read back DIFFERS\n");
            rc = TPM_RC_FAILURE;
        }
    }
    if (rc == 0) {
        NV_Read_In in;
        NV_Read_Out out;
        in.authHandle = nvIndex;
        in.nvIndex = nvIndex;
        in.offset = 0;
        in.size = 1;
        TPM_RC rc1 = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                                 NULL, TPM_CC_NV_Read, TPM_RS_PW, "not the password", 0,
                                 TPM_RH_NULL, NULL, 0);
        printf("wrong password: rc %08x\n", rc1);
        /* the index has TPMA_NVA_NO_DA: a failure without dictionary-attack effect */
        if ((rc1 & 0xff) != (TPM_RC_BAD_AUTH & 0xff))
            rc = TPM_RC_FAILURE;
        else
            result = EXIT_SUCCESS;
    }
    if (defined) {
        NV_UndefineSpace_In in;
        in.authHandle = TPM_RH_OWNER;
        in.nvIndex = nvIndex;
        TPM_RC rc1 = TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&in, NULL,
                                 TPM_CC_NV_UndefineSpace, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        if (rc1 != 0) {
            printRc("NV_UndefineSpace", rc1);
            result = EXIT_FAILURE;
        }
    }
    if (sessionHandle != 0 && flush(tssContext, sessionHandle) != 0)
        result = EXIT_FAILURE;
    if (saltKey != TPM_RH_NULL && flush(tssContext, saltKey) != 0)
        result = EXIT_FAILURE;
    TSS_Delete(tssContext);
    return result;
}
