/* SPDX-License-Identifier: BSD-3-Clause */
/* Sizes the TPM 2.0 type definitions are built from.
 *
 * A TSS talks to TPMs it does not know, so every buffer here is sized for the largest
 * thing any TPM may send, never for one implementation: the values are at least as large
 * as IBM's TSS 2.x uses (which already exceed libtpms and the spec's reference profiles).
 * Growing a value only costs memory; the wire format never depends on it. The TPM still
 * enforces its own limits.
 *
 * Plain integer macros work in #if. The MAX_CAP_* family needs sizeof() of generated
 * types; those macros expand where they are used, after TPM_Types_gen.h is included. */
#ifndef TSS_IMPLEMENTATION_H
#define TSS_IMPLEMENTATION_H

/* ---------------------------------------------------------------------------------------
 * Hash algorithms: digest and block sizes, and the DER DigestInfo prefix an RSASSA
 * signature puts in front of the digest.
 * --------------------------------------------------------------------------------------- */
#define SHA1_DIGEST_SIZE                20
#define SHA1_BLOCK_SIZE                 64
#define SHA1_DER_SIZE                   15
#define SHA1_DER                                                                         \
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2B, 0x0E, 0x03, 0x02, 0x1A, 0x05, 0x00, 0x04, 0x14

#define SHA256_DIGEST_SIZE              32
#define SHA256_BLOCK_SIZE               64
#define SHA256_DER_SIZE                 19
#define SHA256_DER                                                                       \
    0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x01, 0x05, 0x00, 0x04, 0x20

#define SHA384_DIGEST_SIZE              48
#define SHA384_BLOCK_SIZE               128
#define SHA384_DER_SIZE                 19
#define SHA384_DER                                                                       \
    0x30, 0x41, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x02, 0x05, 0x00, 0x04, 0x30

#define SHA512_DIGEST_SIZE              64
#define SHA512_BLOCK_SIZE               128
#define SHA512_DER_SIZE                 19
#define SHA512_DER                                                                       \
    0x30, 0x51, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x03, 0x05, 0x00, 0x04, 0x40

#define SM3_256_DIGEST_SIZE             32
#define SM3_256_BLOCK_SIZE              64
/* OID 1.2.156.10197.1.401 */
#define SM3_256_DER_SIZE                18
#define SM3_256_DER                                                                      \
    0x30, 0x30, 0x30, 0x0C, 0x06, 0x08, 0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x11,  \
        0x05, 0x00, 0x04, 0x20

/* SHA-3 block sizes are the sponge rates (200 - 2 * digest bytes). */
#define SHA3_256_DIGEST_SIZE            32
#define SHA3_256_BLOCK_SIZE             136
#define SHA3_256_DER_SIZE               19
#define SHA3_256_DER                                                                     \
    0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x08, 0x05, 0x00, 0x04, 0x20

#define SHA3_384_DIGEST_SIZE            48
#define SHA3_384_BLOCK_SIZE             104
#define SHA3_384_DER_SIZE               19
#define SHA3_384_DER                                                                     \
    0x30, 0x41, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x09, 0x05, 0x00, 0x04, 0x30

#define SHA3_512_DIGEST_SIZE            64
#define SHA3_512_BLOCK_SIZE             72
#define SHA3_512_DER_SIZE               19
#define SHA3_512_DER                                                                     \
    0x30, 0x51, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,  \
        0x0A, 0x05, 0x00, 0x04, 0x40

#define MAX_DIGEST_SIZE                 128 /* IBM: sizeof(TPMU_HA), room for any digest */
#define MAX_HASH_BLOCK_SIZE             136 /* SHA3_256 */

/* Number of entries in TPML_DIGEST_VALUES / TPML_PCR_SELECTION: one per PCR bank. IBM's
 * TSS 2.x allows 16 so a software TPM with many banks still fits. */
#define HASH_COUNT                      16

/* ---------------------------------------------------------------------------------------
 * Symmetric algorithms
 * --------------------------------------------------------------------------------------- */
#define AES_128_BLOCK_SIZE_BYTES        16
#define AES_192_BLOCK_SIZE_BYTES        16
#define AES_256_BLOCK_SIZE_BYTES        16
#define MAX_AES_KEY_BITS                256
#define MAX_AES_KEY_BYTES               32
#define MAX_AES_BLOCK_SIZE_BYTES        16

#define SM4_128_BLOCK_SIZE_BYTES        16
#define MAX_SM4_KEY_BITS                128
#define MAX_SM4_KEY_BYTES               16
#define MAX_SM4_BLOCK_SIZE_BYTES        16

#define CAMELLIA_128_BLOCK_SIZE_BYTES   16
#define CAMELLIA_192_BLOCK_SIZE_BYTES   16
#define CAMELLIA_256_BLOCK_SIZE_BYTES   16
#define MAX_CAMELLIA_KEY_BITS           256
#define MAX_CAMELLIA_KEY_BYTES          32
#define MAX_CAMELLIA_BLOCK_SIZE_BYTES   16

#define TDES_128_BLOCK_SIZE_BYTES       8
#define TDES_192_BLOCK_SIZE_BYTES       8
#define MAX_TDES_KEY_BITS               192
#define MAX_TDES_KEY_BYTES              24
#define MAX_TDES_BLOCK_SIZE_BYTES       8

#define MAX_SYM_KEY_BITS                256
#define MAX_SYM_KEY_BYTES               32
#define MAX_SYM_BLOCK_SIZE              16

/* Largest sealed data object (TPM2B_SENSITIVE_DATA). The spec profiles use 128; IBM's
 * TSS 2.x accepts 256. */
#define MAX_SYM_DATA                    256

/* ---------------------------------------------------------------------------------------
 * Asymmetric algorithms. The byte sizes are buffer sizes and follow IBM's TSS 2.x ABI
 * (RSA buffers for 16384-bit moduli, ECC buffers of 128 bytes); MAX_ECC_KEY_BITS is the
 * largest curve in the registry (BN P638).
 * --------------------------------------------------------------------------------------- */
#define MAX_RSA_KEY_BITS                16384
#define MAX_RSA_KEY_BYTES               2048
#define RSA_MAX_PRIME                   (MAX_RSA_KEY_BYTES / 2)
#define RSA_PRIVATE_SIZE                (RSA_MAX_PRIME * 5) /* p, q, dP, dQ, qInv */
#define PRIVATE_VENDOR_SPECIFIC_BYTES   RSA_PRIVATE_SIZE
#define RSA_DEFAULT_PUBLIC_EXPONENT     0x00010001

#define MAX_ECC_KEY_BITS                638
#define MAX_ECC_KEY_BYTES               128

/* TPM2B_LABEL (TPMS_DERIVE). The spec requires at least 32; IBM's TSS 2.x uses 48. */
#define LABEL_MAX_BUFFER                48

/* ---------------------------------------------------------------------------------------
 * PCRs, sessions, handles
 * --------------------------------------------------------------------------------------- */
#define IMPLEMENTATION_PCR              24 /* PC Client value; used for defaults only */
#define PLATFORM_PCR                    24
#define DRTM_PCR                        17
#define HCRTM_PCR                       0
#define NUM_LOCALITIES                  5
/* Octets a TPMS_PCR_SELECT may carry. 8 covers TPMs with up to 64 PCRs, as in IBM's 2.x. */
#define PCR_SELECT_MIN                  ((PLATFORM_PCR + 7) / 8)
#define PCR_SELECT_MAX                  8

#define MAX_HANDLE_NUM                  3  /* handles in a command's handle area */
#define MAX_SESSION_NUM                 3  /* authorization sessions per command */
#define MAX_SESSION_NUMBER              MAX_SESSION_NUM
#define MAX_ACTIVE_SESSIONS             64

/* ---------------------------------------------------------------------------------------
 * Buffers
 * --------------------------------------------------------------------------------------- */
#define MAX_DIGEST_BUFFER               2048 /* TPM2B_MAX_BUFFER; TPMs use >= 1024 */
#define MAX_NV_BUFFER_SIZE              2048 /* TPM2B_MAX_NV_BUFFER */
#define MAX_NV_INDEX_SIZE               2048
#define MAX_CAP_BUFFER                  2048 /* TPMS_CAPABILITY_DATA, TPM2B_MAX_CAP_BUFFER */
#define MAX_CONTEXT_SIZE                5120 /* TPM2B_CONTEXT_SENSITIVE; libtpms contexts fit */
#define MAX_ALG_LIST_SIZE               128  /* TPML_ALG */
#define MAX_VENDOR_BUFFER_SIZE          1024
#define MAX_RNG_ENTROPY_SIZE            64

/* Whole command and response. Larger than any TPM's so a maximal context, public area or
 * capability response always fits; the TPM reports its own limit in TPM_PT_MAX_*_SIZE. */
#define MAX_COMMAND_SIZE                8192
#define MAX_RESPONSE_SIZE               8192

/* ---------------------------------------------------------------------------------------
 * List lengths derived from MAX_CAP_BUFFER (Part 4 Capabilities.h). They take sizeof()
 * of generated types, so they are for array bounds, not for #if.
 * --------------------------------------------------------------------------------------- */
#define MAX_CAP_DATA                    (MAX_CAP_BUFFER - sizeof(TPM_CAP) - sizeof(UINT32))
#define MAX_CAP_ALGS                    (MAX_CAP_DATA / sizeof(TPMS_ALG_PROPERTY))
#define MAX_CAP_HANDLES                 (MAX_CAP_DATA / sizeof(TPM_HANDLE))
#define MAX_CAP_CC                      (MAX_CAP_DATA / sizeof(TPM_CC))
#define MAX_TPM_PROPERTIES              (MAX_CAP_DATA / sizeof(TPMS_TAGGED_PROPERTY))
#define MAX_PCR_PROPERTIES              (MAX_CAP_DATA / sizeof(TPMS_TAGGED_PCR_SELECT))
#define MAX_ECC_CURVES                  (MAX_CAP_DATA / sizeof(TPM_ECC_CURVE))
#define MAX_TAGGED_POLICIES             (MAX_CAP_DATA / sizeof(TPMS_TAGGED_POLICY))
#define MAX_ACT_DATA                    (MAX_CAP_DATA / sizeof(TPMS_ACT_DATA))
#define MAX_AC_CAPABILITIES             (MAX_CAP_DATA / sizeof(TPMS_AC_OUTPUT))

/* ---------------------------------------------------------------------------------------
 * IBM's "implemented" switches (Part 4 vendor tables), for programs that test them with
 * #if: ALG_<alg> and, in Parameters.h, CC_<Command>. Values as IBM's TSS sets them.
 * --------------------------------------------------------------------------------------- */
#define ALG_YES                         YES
#define ALG_NO                          NO
#define CC_YES                          YES
#define CC_NO                           NO
#define ALG_RSA                         ALG_YES
#define ALG_SHA1                        ALG_YES
#define ALG_HMAC                        ALG_YES
#define ALG_TDES                        ALG_YES
#define ALG_AES                         ALG_YES
#define ALG_MGF1                        ALG_YES
#define ALG_XOR                         ALG_YES
#define ALG_KEYEDHASH                   ALG_YES
#define ALG_SHA256                      ALG_YES
#define ALG_SHA384                      ALG_YES
#define ALG_SHA512                      ALG_YES
#define ALG_SHA3_256                    ALG_NO
#define ALG_SHA3_384                    ALG_NO
#define ALG_SHA3_512                    ALG_NO
#define ALG_SM3_256                     ALG_YES
#define ALG_SM4                         ALG_NO
#define ALG_RSASSA                      ALG_YES
#define ALG_RSAES                       ALG_YES
#define ALG_RSAPSS                      ALG_YES
#define ALG_OAEP                        ALG_YES
#define ALG_ECC                         ALG_YES
#define ALG_ECDH                        ALG_YES
#define ALG_ECDSA                       ALG_YES
#define ALG_ECDAA                       ALG_YES
#define ALG_SM2                         ALG_YES
#define ALG_ECSCHNORR                   ALG_YES
#define ALG_ECMQV                       ALG_NO
#define ALG_SYMCIPHER                   ALG_YES
#define ALG_KDF1_SP800_56A              ALG_YES
#define ALG_KDF2                        ALG_YES
#define ALG_KDF1_SP800_108              ALG_YES
#define ALG_CTR                         ALG_YES
#define ALG_OFB                         ALG_YES
#define ALG_CBC                         ALG_YES
#define ALG_CFB                         ALG_YES
#define ALG_ECB                         ALG_YES

#endif
