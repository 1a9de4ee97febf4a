/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS 2.x style program, no TPM: marshal a TPMT_PUBLIC to a file with
 * TSS_File_WriteStructure, read it back with TSS_File_ReadStructureFlag, and compare the
 * bytes (TSS_Structure_Marshal) and the fields; the file's bytes as TSS_Array_Scan gives
 * them from hex must be the same; a truncated file must not read.
 * usage: marshalfile FILE    prints "round trip ok" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssfile.h>
#include <ibmtss/tssmarshal.h>
#include <ibmtss/Unmarshal_fp.h>
#include <ibmtss/tssprint.h>
#include <ibmtss/tsscryptoh.h>

int main(int argc, char *argv[])
{
    TPM_RC rc = 0;
    TPMT_PUBLIC pub, back;
    uint8_t *bytes1 = NULL, *bytes2 = NULL, *fileBytes = NULL, *scanned = NULL;
    uint16_t n1 = 0, n2 = 0;
    size_t fileLength = 0, scannedLength = 0;
    char hex[2 * sizeof(TPMT_PUBLIC) + 1];
    FILE *f = NULL;

    if (argc != 2) {
        printf("usage: marshalfile FILE\n");
        return EXIT_FAILURE;
    }
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_ECC;
    pub.nameAlg = TPM_ALG_SHA256;
    pub.objectAttributes.val = TPMA_OBJECT_SIGN | TPMA_OBJECT_USERWITHAUTH;
    pub.parameters.eccDetail.symmetric.algorithm = TPM_ALG_NULL;
    pub.parameters.eccDetail.scheme.scheme = TPM_ALG_ECDSA;
    pub.parameters.eccDetail.scheme.details.ecdsa.hashAlg = TPM_ALG_SHA256;
    pub.parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    pub.parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
    pub.unique.ecc.x.t.size = 32;
    pub.unique.ecc.y.t.size = 32;
    for (int i = 0; i < 32; i++) {
        pub.unique.ecc.x.t.buffer[i] = (uint8_t)i;
        pub.unique.ecc.y.t.buffer[i] = (uint8_t)(0xff - i);
    }
    rc = TSS_File_WriteStructure(&pub, (MarshalFunction_t)TSS_TPMT_PUBLIC_Marshalu, argv[1]);
    if (rc == 0)
        rc = TSS_File_ReadStructureFlag(&back, (UnmarshalFunctionFlag_t)TSS_TPMT_PUBLIC_Unmarshalu,
                                        YES, argv[1]);
    if (rc == 0)
        rc = TSS_Structure_Marshal(&bytes1, &n1, &pub, (MarshalFunction_t)TSS_TPMT_PUBLIC_Marshalu);
    if (rc == 0)
        rc = TSS_Structure_Marshal(&bytes2, &n2, &back, (MarshalFunction_t)TSS_TPMT_PUBLIC_Marshalu);
    if (rc == 0)
        rc = TSS_File_ReadBinaryFile(&fileBytes, &fileLength, argv[1]);
    if (rc != 0) {
        printf("marshalfile: failed, rc %08x\n", rc);
        return EXIT_FAILURE;
    }
    if (n1 != n2 || memcmp(bytes1, bytes2, n1) != 0 || fileLength != n1 ||
        memcmp(fileBytes, bytes1, n1) != 0 || back.unique.ecc.y.t.buffer[31] != 0xff - 31 ||
        back.parameters.eccDetail.curveID != TPM_ECC_NIST_P256) {
        printf("marshalfile: the structure read back differs\n");
        return EXIT_FAILURE;
    }
    for (uint16_t i = 0; i < n1; i++)
        sprintf(hex + 2 * i, "%02x", bytes1[i]);
    rc = TSS_Array_Scan(&scanned, &scannedLength, hex);
    if (rc != 0 || scannedLength != n1 || memcmp(scanned, bytes1, n1) != 0) {
        printf("marshalfile: TSS_Array_Scan differs, rc %08x\n", rc);
        return EXIT_FAILURE;
    }
    TSS_PrintAllLogLevel(LOGLEVEL_INFO, "marshaled", 1, bytes1, 8);
    /* a truncated file is refused, and File_Open reports a missing file */
    if (TSS_File_Open(&f, argv[1], "wb") != 0 || fwrite(bytes1, 1, n1 - 1u, f) != n1 - 1u ||
        fclose(f) != 0) {
        printf("marshalfile: cannot rewrite %s\n", argv[1]);
        return EXIT_FAILURE;
    }
    rc = TSS_File_ReadStructureFlag(&back, (UnmarshalFunctionFlag_t)TSS_TPMT_PUBLIC_Unmarshalu, YES,
                                    argv[1]);
    printf("truncated file: rc %08x\n", rc);
    if (rc == 0)
        return EXIT_FAILURE;
    TSS_File_DeleteFile(argv[1]);
    if (TSS_File_Open(&f, argv[1], "rb") != TSS_RC_FILE_OPEN) {
        printf("marshalfile: TSS_File_Open opened a deleted file\n");
        return EXIT_FAILURE;
    }
    printf("digest size %u, round trip ok\n", TSS_GetDigestSize(pub.nameAlg));
    free(bytes1);
    free(bytes2);
    free(fileBytes);
    free(scanned);
    return EXIT_SUCCESS;
}
