/* SPDX-License-Identifier: BSD-3-Clause */
/* The library as IBM's utility helpers use it (cryptoutils.c, ekutils.c, eventlib.c: what
 * IBM's utilities and outside attestation clients compile in), written the way they call it:
 *   - a key's TPMT_SENSITIVE marshaled into a TPM2B_SENSITIVE's bytes, that one marshaled
 *     as a TPM2B_PRIVATE (the helpers' cast), read back field by field;
 *   - an HMAC key read with TSS_File_Read2B, TSS_HMAC_Generate, TSS_HMAC_Verify (a changed
 *     message must not verify), TSS_GetDigestSize;
 *   - an event log line marshaled with the unsigned forms and unmarshaled again, a PCR
 *     extended with TSS_Hash_Generate(digest, size, pcr, size, event digest, 0, NULL);
 *   - with a TPM (argument "tpm"): TPM_PT_NV_BUFFER_MAX through GetCapability, an absent EK
 *     certificate index is TPM_RC_HANDLE, the IWG RSA EK template made under the
 *     endorsement hierarchy (flushed), as ekutils.c does.
 * usage: helperapi DIR [tpm]   prints "helper api ok" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssfile.h>
#include <ibmtss/tssmarshal.h>
#include <ibmtss/Unmarshal_fp.h>
#include <ibmtss/tsscrypto.h>
#include <ibmtss/tsscryptoh.h>
#include <ibmtss/tssresponsecode.h>
#include <ibmtss/Implementation.h>

#define FAIL(what) do { printf("helperapi: %s\n", what); return 1; } while (0)

static int sensitiveToPrivate(void)
{
    TPMT_SENSITIVE tSensitive, back;
    TPM2B_SENSITIVE bSensitive;
    TPM2B_PRIVATE objectPrivate;
    uint32_t size = sizeof(bSensitive.t.sensitiveArea);
    uint8_t *buffer = bSensitive.b.buffer;
    TPM_RC rc;

    memset(&tSensitive, 0, sizeof(tSensitive));
    tSensitive.sensitiveType = TPM_ALG_RSA;
    tSensitive.seedValue.b.size = 32;
    rc = TSS_RandBytes(tSensitive.seedValue.b.buffer, tSensitive.seedValue.b.size);
    if (rc == 0)
        rc = TSS_TPM2B_StringCopy(&tSensitive.authValue.b, "keypwd",
                                  sizeof(tSensitive.authValue.t.buffer));
    tSensitive.sensitive.rsa.t.size = 128;
    memset(tSensitive.sensitive.rsa.t.buffer, 0xa5, 128);
    bSensitive.t.size = 0;
    if (rc == 0)
        rc = TSS_TPMT_SENSITIVE_Marshalu(&tSensitive, &bSensitive.b.size, &buffer, &size);
    if (rc == 0) {
        size = sizeof(objectPrivate.t.buffer);
        buffer = objectPrivate.t.buffer;
        objectPrivate.t.size = 0;
        rc = TSS_TPM2B_PRIVATE_Marshalu((TPM2B_PRIVATE *)&bSensitive, &objectPrivate.t.size,
                                        &buffer, &size);
    }
    if (rc != 0)
        FAIL("sensitive to private: marshal failed");
    /* a TPM2B_PRIVATE holding a marshaled TPM2B_SENSITIVE: size, then the TPMT_SENSITIVE */
    buffer = objectPrivate.t.buffer + 2;
    size = objectPrivate.t.size - 2;
    rc = TSS_TPMT_SENSITIVE_Unmarshalu(&back, &buffer, &size);
    if (rc != 0 || size != 0 || back.sensitiveType != TPM_ALG_RSA ||
        back.authValue.t.size != 6 || memcmp(back.authValue.t.buffer, "keypwd", 6) != 0 ||
        back.sensitive.rsa.t.size != 128 || back.seedValue.t.size != 32 ||
        memcmp(back.seedValue.t.buffer, tSensitive.seedValue.t.buffer, 32) != 0)
        FAIL("sensitive to private: read back differs");
    printf("private holds the sensitive area\n");
    return 0;
}

static int hmacFromFile(const char *dir)
{
    char name[4096];
    const unsigned char keyBytes[20] = "hmac key for verify";
    unsigned char message[] = "message";
    TPM2B_KEY hmacKey;
    TPMT_SIGNATURE signature;
    TPM_RC rc;

    snprintf(name, sizeof(name), "%s/hmackey.bin", dir);
    rc = TSS_File_WriteBinaryFile(keyBytes, sizeof(keyBytes), name);
    if (rc == 0)
        rc = TSS_File_Read2B(&hmacKey.b, sizeof(hmacKey.t.buffer), name);
    TSS_File_DeleteFile(name);
    if (rc != 0 || hmacKey.t.size != sizeof(keyBytes))
        FAIL("hmac: key file not read");
    signature.sigAlg = TPM_ALG_HMAC;
    signature.signature.hmac.hashAlg = TPM_ALG_SHA256;
    rc = TSS_HMAC_Generate(&signature.signature.hmac, &hmacKey,
                           (int)sizeof(message), message, 0, NULL);
    if (rc == 0)
        rc = TSS_HMAC_Verify(&signature.signature.hmac, &hmacKey,
                             TSS_GetDigestSize(TPM_ALG_SHA256),
                             (int)sizeof(message), message, 0, NULL);
    if (rc != 0)
        FAIL("hmac: did not verify");
    message[0] ^= 1;
    rc = TSS_HMAC_Verify(&signature.signature.hmac, &hmacKey,
                         TSS_GetDigestSize(TPM_ALG_SHA256),
                         (int)sizeof(message), message, 0, NULL);
    if (rc == 0)
        FAIL("hmac: a changed message verified");
    printf("hmac verified, changed message rejected\n");
    return 0;
}

static int eventLine(void)
{
    uint32_t pcrIndex = 7, eventType = 0x80000001, eventSize = 5, n32;
    uint8_t event[] = "event";
    TPML_DIGEST_VALUES digests, digestsBack;
    uint8_t stream[1024], eventBack[8], *buffer = stream;
    uint32_t size = sizeof(stream);
    uint16_t written = 0, digestSize = TSS_GetDigestSize(TPM_ALG_SHA256);
    TPMT_HA pcr, expect;
    TPM_RC rc;

    digests.count = 1;
    digests.digests[0].hashAlg = TPM_ALG_SHA256;
    rc = TSS_Hash_Generate(&digests.digests[0], eventSize, event, 0, NULL);
    if (rc == 0) rc = TSS_UINT32_Marshalu(&pcrIndex, &written, &buffer, &size);
    if (rc == 0) rc = TSS_UINT32_Marshalu(&eventType, &written, &buffer, &size);
    if (rc == 0) rc = TSS_TPML_DIGEST_VALUES_Marshalu(&digests, &written, &buffer, &size);
    if (rc == 0) rc = TSS_UINT32_Marshalu(&eventSize, &written, &buffer, &size);
    if (rc == 0) rc = TSS_Array_Marshalu(event, (uint16_t)eventSize, &written, &buffer, &size);
    if (rc != 0 || written != 4 + 4 + 4 + 2 + SHA256_DIGEST_SIZE + 4 + 5)
        FAIL("event line: marshal failed");
    buffer = stream;
    size = written;
    rc = TSS_UINT32_Unmarshalu(&n32, &buffer, &size);
    if (rc == 0 && n32 == pcrIndex) rc = TSS_UINT32_Unmarshalu(&n32, &buffer, &size);
    if (rc == 0 && n32 == eventType)
        rc = TSS_TPML_DIGEST_VALUES_Unmarshalu(&digestsBack, &buffer, &size);
    if (rc == 0) rc = TSS_UINT32_Unmarshalu(&n32, &buffer, &size);
    if (rc == 0 && n32 == eventSize)
        rc = TSS_Array_Unmarshalu(eventBack, (uint16_t)n32, &buffer, &size);
    if (rc != 0 || size != 0 || memcmp(eventBack, event, eventSize) != 0 ||
        memcmp(&digestsBack.digests[0].digest, &digests.digests[0].digest, digestSize) != 0)
        FAIL("event line: read back differs");
    /* extend a zero PCR as eventlib.c does, and the same by hand */
    memset(&pcr, 0, sizeof(pcr));
    pcr.hashAlg = TPM_ALG_SHA256;
    rc = TSS_Hash_Generate(&pcr, digestSize, (uint8_t *)&pcr.digest,
                           digestSize, &digestsBack.digests[0].digest, 0, NULL);
    {
        uint8_t both[2 * SHA256_DIGEST_SIZE];
        memset(both, 0, SHA256_DIGEST_SIZE);
        memcpy(both + SHA256_DIGEST_SIZE, &digests.digests[0].digest, SHA256_DIGEST_SIZE);
        expect.hashAlg = TPM_ALG_SHA256;
        if (rc == 0) rc = TSS_Hash_Generate(&expect, (int)sizeof(both), both, 0, NULL);
    }
    if (rc != 0 || memcmp(&pcr.digest, &expect.digest, digestSize) != 0)
        FAIL("event line: PCR extend differs");
    printf("event line round trip, PCR extended\n");
    return 0;
}

static int ekutilsTpm(void)
{
    TSS_CONTEXT *tssContext = NULL;
    GetCapability_In capIn;
    GetCapability_Out capOut;
    NV_ReadPublic_In nvIn;
    NV_ReadPublic_Out nvOut;
    CreatePrimary_In in;
    CreatePrimary_Out out;
    FlushContext_In flushIn;
    TPMT_PUBLIC *t = &in.inPublic.publicArea;
    TPM_RC rc, rc1;
    const char *msg, *submsg, *num;

    rc = TSS_Create(&tssContext);
    capIn.capability = TPM_CAP_TPM_PROPERTIES;
    capIn.property = TPM_PT_NV_BUFFER_MAX;
    capIn.propertyCount = 1;
    if (rc == 0)
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&capOut,
                         (COMMAND_PARAMETERS *)&capIn, NULL, TPM_CC_GetCapability,
                         TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        if (capOut.capabilityData.data.tpmProperties.count == 0 ||
            capOut.capabilityData.data.tpmProperties.tpmProperty[0].property !=
            TPM_PT_NV_BUFFER_MAX)
            rc = TSS_RC_BAD_PROPERTY_VALUE;
        else
            printf("nv buffer max %u (TSS side %u)\n",
                   capOut.capabilityData.data.tpmProperties.tpmProperty[0].value,
                   (unsigned)MAX_NV_BUFFER_SIZE);
    }
    /* an EK certificate index nobody defined: the TPM says TPM_RC_HANDLE */
    nvIn.nvIndex = 0x01c0ff02;
    if (rc == 0) {
        rc1 = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&nvOut,
                          (COMMAND_PARAMETERS *)&nvIn, NULL, TPM_CC_NV_ReadPublic,
                          TPM_RH_NULL, NULL, 0);
        printf("absent index: %s\n", (rc1 & 0xff) == TPM_RC_HANDLE ? "TPM_RC_HANDLE" : "other");
    }
    memset(&in, 0, sizeof(in));
    in.primaryHandle = TPM_RH_ENDORSEMENT;
    t->type = TPM_ALG_RSA;
    t->nameAlg = TPM_ALG_SHA256;
    t->objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
        TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_ADMINWITHPOLICY |
        TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
    t->parameters.rsaDetail.symmetric.algorithm = TPM_ALG_AES;
    t->parameters.rsaDetail.symmetric.keyBits.aes = 128;
    t->parameters.rsaDetail.symmetric.mode.aes = TPM_ALG_CFB;
    t->parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
    t->parameters.rsaDetail.scheme.details.anySig.hashAlg = 0;
    t->parameters.rsaDetail.keyBits = 2048;
    t->parameters.rsaDetail.exponent = 0;
    t->unique.rsa.t.size = 256;
    if (rc == 0)
        rc = TSS_Execute(tssContext, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in,
                         NULL, TPM_CC_CreatePrimary, TPM_RS_PW, NULL, 0, TPM_RH_NULL, NULL, 0);
    if (rc == 0) {
        printf("EK modulus %u bytes\n", out.outPublic.publicArea.unique.rsa.t.size);
        flushIn.flushHandle = out.objectHandle;
        rc = TSS_Execute(tssContext, NULL, (COMMAND_PARAMETERS *)&flushIn, NULL,
                         TPM_CC_FlushContext, TPM_RH_NULL, NULL, 0);
    }
    rc1 = TSS_Delete(tssContext);
    if (rc == 0)
        rc = rc1;
    if (rc != 0) {
        TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
        printf("helperapi: TPM part failed, rc %08x\n%s%s%s\n", rc, msg, submsg, num);
        return 1;
    }
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "tpm") != 0)) {
        printf("usage: helperapi DIR [tpm]\n");
        return 1;
    }
    if (sensitiveToPrivate() || hmacFromFile(argv[1]) || eventLine())
        return 1;
    if (argc == 3 && ekutilsTpm())
        return 1;
    printf("helper api ok\n");
    return 0;
}
