/* SPDX-License-Identifier: BSD-3-Clause */
/* Response codes raised by the TSS itself (never by the TPM). They live in the 0x000bxxxx
 * range so they cannot collide with a TPM_RC; values match IBM's TSS so scripts that test
 * exit codes or printed numbers keep working. Texts: TSS_ResponseCode_toString(). */
#ifndef TSS_TSSERROR_H
#define TSS_TSSERROR_H

#define TSS_RC_OUT_OF_MEMORY             0x000b0001
#define TSS_RC_ALLOC_INPUT               0x000b0002
#define TSS_RC_MALLOC_SIZE               0x000b0003
#define TSS_RC_INSUFFICIENT_BUFFER       0x000b0004
#define TSS_RC_BAD_PROPERTY              0x000b0005
#define TSS_RC_BAD_PROPERTY_VALUE        0x000b0006
#define TSS_RC_INSUPPORTED_INTERFACE     0x000b0007
#define TSS_RC_NO_CONNECTION             0x000b0008
#define TSS_RC_BAD_CONNECTION            0x000b0009
#define TSS_RC_MALFORMED_RESPONSE        0x000b000a
#define TSS_RC_NULL_PARAMETER            0x000b000b
#define TSS_RC_NOT_IMPLEMENTED           0x000b000c
#define TSS_RC_BAD_READ_VALUE            0x000b000d
#define TSS_RC_FILE_OPEN                 0x000b0010
#define TSS_RC_FILE_SEEK                 0x000b0011
#define TSS_RC_FILE_FTELL                0x000b0012
#define TSS_RC_FILE_READ                 0x000b0013
#define TSS_RC_FILE_CLOSE                0x000b0014
#define TSS_RC_FILE_WRITE                0x000b0015
#define TSS_RC_FILE_REMOVE               0x000b0016
#define TSS_RC_RNG_FAILURE               0x000b0020
#define TSS_RC_BAD_PWAP_NONCE            0x000b0030
#define TSS_RC_BAD_PWAP_ATTRIBUTES       0x000b0031
#define TSS_RC_BAD_PWAP_HMAC             0x000b0032
#define TSS_RC_NAME_NOT_IMPLEMENTED      0x000b0040
#define TSS_RC_MALFORMED_NV_PUBLIC       0x000b0041
#define TSS_RC_NAME_FILENAME             0x000b0042
#define TSS_RC_MALFORMED_PUBLIC          0x000b0043
#define TSS_RC_DECRYPT_SESSIONS          0x000b0050
#define TSS_RC_ENCRYPT_SESSIONS          0x000b0051
#define TSS_RC_NO_DECRYPT_PARAMETER      0x000b0052
#define TSS_RC_NO_ENCRYPT_PARAMETER      0x000b0053
#define TSS_RC_BAD_DECRYPT_ALGORITHM     0x000b0054
#define TSS_RC_BAD_ENCRYPT_ALGORITHM     0x000b0055
#define TSS_RC_AES_ENCRYPT_FAILURE       0x000b0056
#define TSS_RC_AES_DECRYPT_FAILURE       0x000b0057
#define TSS_RC_BAD_ENCRYPT_SIZE          0x000b0058
#define TSS_RC_AES_KEYGEN_FAILURE        0x000b0059
#define TSS_RC_SESSION_NUMBER            0x000b005a
#define TSS_RC_BAD_SALT_KEY              0x000b0060
#define TSS_RC_KDFA_FAILED               0x000b0070
#define TSS_RC_HMAC                      0x000b0071
#define TSS_RC_HMAC_SIZE                 0x000b0072
#define TSS_RC_HMAC_VERIFY               0x000b0073
#define TSS_RC_BAD_HASH_ALGORITHM        0x000b0074
#define TSS_RC_HASH                      0x000b0075
#define TSS_RC_RSA_KEY_CONVERT           0x000b0076
#define TSS_RC_RSA_PADDING               0x000b0077
#define TSS_RC_RSA_ENCRYPT               0x000b0078
#define TSS_RC_BIGNUM                    0x000b0079
#define TSS_RC_RSA_SIGNATURE             0x000b007a
#define TSS_RC_EC_SIGNATURE              0x000b007b
#define TSS_RC_EC_KEY_CONVERT            0x000b007c
#define TSS_RC_BAD_SIGNATURE_ALGORITHM   0x000b007d
#define TSS_RC_X509_ERROR                0x000b007e
#define TSS_RC_PEM_ERROR                 0x000b007f
#define TSS_RC_COMMAND_UNIMPLEMENTED     0x000b0080
#define TSS_RC_IN_PARAMETER              0x000b0081
#define TSS_RC_OUT_PARAMETER             0x000b0082
#define TSS_RC_BAD_HANDLE_NUMBER         0x000b0083
#define TSS_RC_KDFE_FAILED               0x000b0084
#define TSS_RC_EC_EPHEMERAL_FAILURE      0x000b0085
#define TSS_RC_FAIL                      0x000b0086
#define TSS_RC_NO_SESSION_SLOT           0x000b0090
#define TSS_RC_NO_OBJECTPUBLIC_SLOT      0x000b0091
#define TSS_RC_NO_NVPUBLIC_SLOT          0x000b0092
/* Codes of this TSS that IBM's does not have. */
#define TSS_RC_TIMEOUT                   0x000b00a0 /* the TPM did not answer in time */
#define TSS_RC_STATE_FILE                0x000b00a1 /* a TPM_DATA_DIR state file is corrupt */
#define TSS_RC_STATE_KEY                 0x000b00a2 /* TPM_SESSION_ENCKEY missing or wrong */
#define TSS_RC_RESPONSE_TAG              0x000b00a3 /* response tag does not match the command */
#define TSS_RC_RETRY_EXHAUSTED           0x000b00a4 /* the TPM kept answering "try again" */
#define TSS_RC_BAD_ARGUMENT              0x000b00a5 /* a utility argument is missing or invalid */
#define TSS_RC_NO_CRYPTO                 0x000b00a6 /* libcrypto.so.3 could not be loaded */

#endif
