/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 2.x style program: CreatePrimary an RSA signing key, Sign a SHA-256 digest
 * made with TSS_Hash_Generate, and verify the signature outside the TPM with OpenSSL on
 * the key token TSS_RSAGeneratePublicTokenI makes from the TPM's public key; a changed
 * digest must not verify. The key is flushed on every path.
 * Prints "signature verified" and "changed digest rejected". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssresponsecode.h>
#include <ibmtss/tsscrypto.h>
#include <ibmtss/tsscryptoh.h>

static void printRc(const char *what, TPM_RC rc)
{
    const char *msg, *submsg, *num;
    TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
    printf("signverify: %s failed, rc %08x\n%s%s%s\n", what, rc, msg, submsg, num);
}

/* 1 when sig verifies over digest with the RSA key token, 0 when it does not, -1 on error */
static int verify(void *keyToken, const uint8_t *digest, size_t dlen, const uint8_t *sig,
                  size_t slen)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new((EVP_PKEY *)keyToken, NULL);
    int ok = -1;
    if (ctx != NULL && EVP_PKEY_verify_init(ctx) == 1 &&
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1 &&
        EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) == 1)
        ok = EVP_PKEY_verify(ctx, sig, slen, digest, dlen) == 1;
    EVP_PKEY_CTX_free(ctx);
    return ok;
}

int main(void)
{
    TPM_RC rc = 0;
    TSS_CONTEXT *tssContext = NULL;
    CreatePrimary_In cpIn;
    CreatePrimary_Out cpOut;
    Sign_In signIn;
    Sign_Out signOut;
    FlushContext_In flushIn;
    TPMT_HA digest;
    const char *message = "message signed by an IBM-style program";
    void *keyToken = NULL;
    TPM_HANDLE keyHandle = 0;
    int result = EXIT_FAILURE;

    memset(&cpIn, 0, sizeof(cpIn));
    cpIn.primaryHandle = TPM_RH_OWNER;
    cpIn.inPublic.publicArea.type = TPM_ALG_RSA;
    cpIn.inPublic.publicArea.nameAlg = TPM_ALG_SHA256;
    cpIn.inPublic.publicArea.objectAttributes.val =
        TPMA_OBJECT_SIGN | TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
        TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_NODA;
    cpIn.inPublic.publicArea.parameters.rsaDetail.symmetric.algorithm = TPM_ALG_NULL;
    cpIn.inPublic.publicArea.parameters.rsaDetail.scheme.scheme = TPM_ALG_RSASSA;
    cpIn.inPublic.publicArea.parameters.rsaDetail.scheme.details.rsassa.hashAlg = TPM_ALG_SHA256;
    cpIn.inPublic.publicArea.parameters.rsaDetail.keyBits = 2048;
    cpIn.inPublic.publicArea.parameters.rsaDetail.exponent = 0;

    rc = TSS_Create(&tssContext);
    if (rc == 0) {
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&cpOut, (COMMAND_PARAMETERS *)&cpIn,
                         NULL, TPM_CC_CreatePrimary, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("CreatePrimary", rc);
        else
            keyHandle = cpOut.objectHandle;
    }
    if (rc == 0) {
        digest.hashAlg = TPM_ALG_SHA256;
        rc = TSS_Hash_Generate(&digest, (int)strlen(message), message, 0, NULL);
        if (rc != 0)
            printRc("TSS_Hash_Generate", rc);
    }
    if (rc == 0) {
        signIn.keyHandle = keyHandle;
        signIn.digest.t.size = TSS_GetDigestSize(TPM_ALG_SHA256);
        memcpy(signIn.digest.t.buffer, &digest.digest, signIn.digest.t.size);
        signIn.inScheme.scheme = TPM_ALG_RSASSA;
        signIn.inScheme.details.rsassa.hashAlg = TPM_ALG_SHA256;
        signIn.validation.tag = TPM_ST_HASHCHECK;
        signIn.validation.hierarchy = TPM_RH_NULL;
        signIn.validation.digest.t.size = 0;
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&signOut, (COMMAND_PARAMETERS *)&signIn,
                         NULL, TPM_CC_Sign, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            printRc("Sign", rc);
    }
    if (rc == 0) {
        unsigned char exponent[] = {0x01, 0x00, 0x01};
        rc = TSS_RSAGeneratePublicTokenI(&keyToken, cpOut.outPublic.publicArea.unique.rsa.t.buffer,
                                         cpOut.outPublic.publicArea.unique.rsa.t.size,
                                         exponent, sizeof(exponent));
        if (rc != 0)
            printRc("TSS_RSAGeneratePublicTokenI", rc);
    }
    if (rc == 0) {
        const uint8_t *sig = signOut.signature.signature.rsassa.sig.t.buffer;
        size_t slen = signOut.signature.signature.rsassa.sig.t.size;
        uint8_t changed[32];
        int good = verify(keyToken, (uint8_t *)&digest.digest, 32, sig, slen);
        memcpy(changed, &digest.digest, 32);
        changed[0] ^= 0x01;
        int bad = verify(keyToken, changed, 32, sig, slen);
        printf("signature %s\n", good == 1 ? "verified" : "DID NOT VERIFY");
        printf("changed digest %s\n", bad == 0 ? "rejected" : "NOT REJECTED");
        if (good == 1 && bad == 0)
            result = EXIT_SUCCESS;
    }
    TSS_RsaFree(keyToken);
    if (keyHandle != 0) {
        flushIn.flushHandle = keyHandle;
        TPM_RC rc1 = TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&flushIn, NULL,
                                 TPM_CC_FlushContext, TPM_RH_NULL, NULL, 0);
        if (rc1 != 0) {
            printRc("FlushContext", rc1);
            result = EXIT_FAILURE;
        }
    }
    TSS_Delete(tssContext);
    return result;
}
