/* SPDX-License-Identifier: BSD-3-Clause */
/* TPM 2.0 Part 2 constants (library specification up to version 1.83, plus the TCG
 * algorithm registry), with the names IBM's TSS uses; names IBM never had follow the spec.
 *
 * Every value is a plain integer literal or an arithmetic expression of literals, never a
 * cast, so each name works in #if, in a switch label and in a static initializer. The
 * typedefs (TPM_ALG_ID, TPM_CC, TPMA_OBJECT, ...) are generated from types.tdl; this file
 * needs none of them and can be included on its own.
 *
 * For every TPMA_ type there is a <TYPE>_RESERVED mask holding all bits the spec leaves
 * reserved: the unmarshaler rejects a value with any of them set (TPM_RC_RESERVED_BITS). */
#ifndef TSS_TPMCONSTANTS_H
#define TSS_TPMCONSTANTS_H

/* Table 4 - logic values. BaseTypes.h has TRUE/FALSE/YES/NO. */
#ifndef SET
#define SET 1
#endif
#ifndef CLEAR
#define CLEAR 0
#endif

/* ---------------------------------------------------------------------------------------
 * TPM_SPEC (Table 6): the specification this header describes.
 * --------------------------------------------------------------------------------------- */
#define TPM_SPEC_FAMILY                 0x322E3000 /* "2.0" with a terminating NUL */
#define TPM_SPEC_LEVEL                  0
#define TPM_SPEC_VERSION                183        /* 1.83 times 100 */
#define TPM_SPEC_YEAR                   2024
#define TPM_SPEC_DAY_OF_YEAR            25

/* TPM_GENERATED (Table 7): 0xFF 'T' 'C' 'G', the magic of every TPMS_ATTEST. */
#define TPM_GENERATED_VALUE             0xff544347

/* ---------------------------------------------------------------------------------------
 * TPM_ALG_ID (algorithm registry). The *_VALUE twins are IBM's names for the same numbers.
 * --------------------------------------------------------------------------------------- */
#define TPM_ALG_ERROR                   0x0000
#define TPM_ALG_RSA                     0x0001
#define TPM_ALG_TDES                    0x0003
#define TPM_ALG_SHA                     0x0004 /* old name of SHA1 */
#define TPM_ALG_SHA1                    0x0004
#define TPM_ALG_HMAC                    0x0005
#define TPM_ALG_AES                     0x0006
#define TPM_ALG_MGF1                    0x0007
#define TPM_ALG_KEYEDHASH               0x0008
#define TPM_ALG_XOR                     0x000A
#define TPM_ALG_SHA256                  0x000B
#define TPM_ALG_SHA384                  0x000C
#define TPM_ALG_SHA512                  0x000D
#define TPM_ALG_SHA256_192              0x000E
#define TPM_ALG_NULL                    0x0010
#define TPM_ALG_SM3_256                 0x0012
#define TPM_ALG_SM4                     0x0013
#define TPM_ALG_RSASSA                  0x0014
#define TPM_ALG_RSAES                   0x0015
#define TPM_ALG_RSAPSS                  0x0016
#define TPM_ALG_OAEP                    0x0017
#define TPM_ALG_ECDSA                   0x0018
#define TPM_ALG_ECDH                    0x0019
#define TPM_ALG_ECDAA                   0x001A
#define TPM_ALG_SM2                     0x001B
#define TPM_ALG_ECSCHNORR               0x001C
#define TPM_ALG_ECMQV                   0x001D
#define TPM_ALG_KDF1_SP800_56A          0x0020
#define TPM_ALG_KDF2                    0x0021
#define TPM_ALG_KDF1_SP800_108          0x0022
#define TPM_ALG_ECC                     0x0023
#define TPM_ALG_SYMCIPHER               0x0025
#define TPM_ALG_CAMELLIA                0x0026
#define TPM_ALG_SHA3_256                0x0027
#define TPM_ALG_SHA3_384                0x0028
#define TPM_ALG_SHA3_512                0x0029
#define TPM_ALG_SHAKE128                0x002A
#define TPM_ALG_SHAKE256                0x002B
#define TPM_ALG_SHAKE256_192            0x002C
#define TPM_ALG_SHAKE256_256            0x002D
#define TPM_ALG_SHAKE256_512            0x002E
#define TPM_ALG_CMAC                    0x003F
#define TPM_ALG_CTR                     0x0040
#define TPM_ALG_OFB                     0x0041
#define TPM_ALG_CBC                     0x0042
#define TPM_ALG_CFB                     0x0043
#define TPM_ALG_ECB                     0x0044
#define TPM_ALG_CCM                     0x0050
#define TPM_ALG_GCM                     0x0051
#define TPM_ALG_KW                      0x0052
#define TPM_ALG_KWP                     0x0053
#define TPM_ALG_EAX                     0x0054
#define TPM_ALG_EDDSA                   0x0060
#define TPM_ALG_EDDSA_PH                0x0061
#define TPM_ALG_LMS                     0x0070
#define TPM_ALG_XMSS                    0x0071
#define TPM_ALG_FIRST                   0x0001
#define TPM_ALG_LAST                    0x0071

#define ALG_ERROR_VALUE                 TPM_ALG_ERROR
#define ALG_RSA_VALUE                   TPM_ALG_RSA
#define ALG_TDES_VALUE                  TPM_ALG_TDES
#define ALG_SHA_VALUE                   TPM_ALG_SHA
#define ALG_SHA1_VALUE                  TPM_ALG_SHA1
#define ALG_HMAC_VALUE                  TPM_ALG_HMAC
#define ALG_AES_VALUE                   TPM_ALG_AES
#define ALG_MGF1_VALUE                  TPM_ALG_MGF1
#define ALG_KEYEDHASH_VALUE             TPM_ALG_KEYEDHASH
#define ALG_XOR_VALUE                   TPM_ALG_XOR
#define ALG_SHA256_VALUE                TPM_ALG_SHA256
#define ALG_SHA384_VALUE                TPM_ALG_SHA384
#define ALG_SHA512_VALUE                TPM_ALG_SHA512
#define ALG_NULL_VALUE                  TPM_ALG_NULL
#define ALG_SM3_256_VALUE               TPM_ALG_SM3_256
#define ALG_SM4_VALUE                   TPM_ALG_SM4
#define ALG_RSASSA_VALUE                TPM_ALG_RSASSA
#define ALG_RSAES_VALUE                 TPM_ALG_RSAES
#define ALG_RSAPSS_VALUE                TPM_ALG_RSAPSS
#define ALG_OAEP_VALUE                  TPM_ALG_OAEP
#define ALG_ECDSA_VALUE                 TPM_ALG_ECDSA
#define ALG_ECDH_VALUE                  TPM_ALG_ECDH
#define ALG_ECDAA_VALUE                 TPM_ALG_ECDAA
#define ALG_SM2_VALUE                   TPM_ALG_SM2
#define ALG_ECSCHNORR_VALUE             TPM_ALG_ECSCHNORR
#define ALG_ECMQV_VALUE                 TPM_ALG_ECMQV
#define ALG_KDF1_SP800_56A_VALUE        TPM_ALG_KDF1_SP800_56A
#define ALG_KDF2_VALUE                  TPM_ALG_KDF2
#define ALG_KDF1_SP800_108_VALUE        TPM_ALG_KDF1_SP800_108
#define ALG_ECC_VALUE                   TPM_ALG_ECC
#define ALG_SYMCIPHER_VALUE             TPM_ALG_SYMCIPHER
#define ALG_CAMELLIA_VALUE              TPM_ALG_CAMELLIA
#define ALG_SHA3_256_VALUE              TPM_ALG_SHA3_256
#define ALG_SHA3_384_VALUE              TPM_ALG_SHA3_384
#define ALG_SHA3_512_VALUE              TPM_ALG_SHA3_512
#define ALG_CMAC_VALUE                  TPM_ALG_CMAC
#define ALG_CTR_VALUE                   TPM_ALG_CTR
#define ALG_OFB_VALUE                   TPM_ALG_OFB
#define ALG_CBC_VALUE                   TPM_ALG_CBC
#define ALG_CFB_VALUE                   TPM_ALG_CFB
#define ALG_ECB_VALUE                   TPM_ALG_ECB
#define ALG_FIRST_VALUE                 TPM_ALG_FIRST
#define ALG_LAST_VALUE                  TPM_ALG_LAST

/* TPM_ECC_CURVE (algorithm registry) */
#define TPM_ECC_NONE                    0x0000
#define TPM_ECC_NIST_P192               0x0001
#define TPM_ECC_NIST_P224               0x0002
#define TPM_ECC_NIST_P256               0x0003
#define TPM_ECC_NIST_P384               0x0004
#define TPM_ECC_NIST_P521               0x0005
#define TPM_ECC_BN_P256                 0x0010
#define TPM_ECC_BN_P638                 0x0011
#define TPM_ECC_SM2_P256                0x0020
#define TPM_ECC_BP_P256_R1              0x0030
#define TPM_ECC_BP_P384_R1              0x0031
#define TPM_ECC_BP_P512_R1              0x0032
#define TPM_ECC_CURVE_25519             0x0040
#define TPM_ECC_CURVE_448               0x0041

/* ---------------------------------------------------------------------------------------
 * TPM_CC (Table 12). Gaps at 0x123, 0x15A, 0x15F, 0x166 and 0x175 are unassigned.
 * --------------------------------------------------------------------------------------- */
#define TPM_CC_FIRST                    0x0000011F
#define TPM_CC_NV_UndefineSpaceSpecial  0x0000011F
#define TPM_CC_EvictControl             0x00000120
#define TPM_CC_HierarchyControl         0x00000121
#define TPM_CC_NV_UndefineSpace         0x00000122
#define TPM_CC_ChangeEPS                0x00000124
#define TPM_CC_ChangePPS                0x00000125
#define TPM_CC_Clear                    0x00000126
#define TPM_CC_ClearControl             0x00000127
#define TPM_CC_ClockSet                 0x00000128
#define TPM_CC_HierarchyChangeAuth      0x00000129
#define TPM_CC_NV_DefineSpace           0x0000012A
#define TPM_CC_PCR_Allocate             0x0000012B
#define TPM_CC_PCR_SetAuthPolicy        0x0000012C
#define TPM_CC_PP_Commands              0x0000012D
#define TPM_CC_SetPrimaryPolicy         0x0000012E
#define TPM_CC_FieldUpgradeStart        0x0000012F
#define TPM_CC_ClockRateAdjust          0x00000130
#define TPM_CC_CreatePrimary            0x00000131
#define TPM_CC_NV_GlobalWriteLock       0x00000132
#define TPM_CC_GetCommandAuditDigest    0x00000133
#define TPM_CC_NV_Increment             0x00000134
#define TPM_CC_NV_SetBits               0x00000135
#define TPM_CC_NV_Extend                0x00000136
#define TPM_CC_NV_Write                 0x00000137
#define TPM_CC_NV_WriteLock             0x00000138
#define TPM_CC_DictionaryAttackLockReset 0x00000139
#define TPM_CC_DictionaryAttackParameters 0x0000013A
#define TPM_CC_NV_ChangeAuth            0x0000013B
#define TPM_CC_PCR_Event                0x0000013C
#define TPM_CC_PCR_Reset                0x0000013D
#define TPM_CC_SequenceComplete         0x0000013E
#define TPM_CC_SetAlgorithmSet          0x0000013F
#define TPM_CC_SetCommandCodeAuditStatus 0x00000140
#define TPM_CC_FieldUpgradeData         0x00000141
#define TPM_CC_IncrementalSelfTest      0x00000142
#define TPM_CC_SelfTest                 0x00000143
#define TPM_CC_Startup                  0x00000144
#define TPM_CC_Shutdown                 0x00000145
#define TPM_CC_StirRandom               0x00000146
#define TPM_CC_ActivateCredential       0x00000147
#define TPM_CC_Certify                  0x00000148
#define TPM_CC_PolicyNV                 0x00000149
#define TPM_CC_CertifyCreation          0x0000014A
#define TPM_CC_Duplicate                0x0000014B
#define TPM_CC_GetTime                  0x0000014C
#define TPM_CC_GetSessionAuditDigest    0x0000014D
#define TPM_CC_NV_Read                  0x0000014E
#define TPM_CC_NV_ReadLock              0x0000014F
#define TPM_CC_ObjectChangeAuth         0x00000150
#define TPM_CC_PolicySecret             0x00000151
#define TPM_CC_Rewrap                   0x00000152
#define TPM_CC_Create                   0x00000153
#define TPM_CC_ECDH_ZGen                0x00000154
#define TPM_CC_HMAC                     0x00000155
#define TPM_CC_MAC                      0x00000155 /* same code; the TPM picks HMAC or MAC */
#define TPM_CC_Import                   0x00000156
#define TPM_CC_Load                     0x00000157
#define TPM_CC_Quote                    0x00000158
#define TPM_CC_RSA_Decrypt              0x00000159
#define TPM_CC_HMAC_Start               0x0000015B
#define TPM_CC_MAC_Start                0x0000015B
#define TPM_CC_SequenceUpdate           0x0000015C
#define TPM_CC_Sign                     0x0000015D
#define TPM_CC_Unseal                   0x0000015E
#define TPM_CC_PolicySigned             0x00000160
#define TPM_CC_ContextLoad              0x00000161
#define TPM_CC_ContextSave              0x00000162
#define TPM_CC_ECDH_KeyGen              0x00000163
#define TPM_CC_EncryptDecrypt           0x00000164
#define TPM_CC_FlushContext             0x00000165
#define TPM_CC_LoadExternal             0x00000167
#define TPM_CC_MakeCredential           0x00000168
#define TPM_CC_NV_ReadPublic            0x00000169
#define TPM_CC_PolicyAuthorize          0x0000016A
#define TPM_CC_PolicyAuthValue          0x0000016B
#define TPM_CC_PolicyCommandCode        0x0000016C
#define TPM_CC_PolicyCounterTimer       0x0000016D
#define TPM_CC_PolicyCpHash             0x0000016E
#define TPM_CC_PolicyLocality           0x0000016F
#define TPM_CC_PolicyNameHash           0x00000170
#define TPM_CC_PolicyOR                 0x00000171
#define TPM_CC_PolicyTicket             0x00000172
#define TPM_CC_ReadPublic               0x00000173
#define TPM_CC_RSA_Encrypt              0x00000174
#define TPM_CC_StartAuthSession         0x00000176
#define TPM_CC_VerifySignature          0x00000177
#define TPM_CC_ECC_Parameters           0x00000178
#define TPM_CC_FirmwareRead             0x00000179
#define TPM_CC_GetCapability            0x0000017A
#define TPM_CC_GetRandom                0x0000017B
#define TPM_CC_GetTestResult            0x0000017C
#define TPM_CC_Hash                     0x0000017D
#define TPM_CC_PCR_Read                 0x0000017E
#define TPM_CC_PolicyPCR                0x0000017F
#define TPM_CC_PolicyRestart            0x00000180
#define TPM_CC_ReadClock                0x00000181
#define TPM_CC_PCR_Extend               0x00000182
#define TPM_CC_PCR_SetAuthValue         0x00000183
#define TPM_CC_NV_Certify               0x00000184
#define TPM_CC_EventSequenceComplete    0x00000185
#define TPM_CC_HashSequenceStart        0x00000186
#define TPM_CC_PolicyPhysicalPresence   0x00000187
#define TPM_CC_PolicyDuplicationSelect  0x00000188
#define TPM_CC_PolicyGetDigest          0x00000189
#define TPM_CC_TestParms                0x0000018A
#define TPM_CC_Commit                   0x0000018B
#define TPM_CC_PolicyPassword           0x0000018C
#define TPM_CC_ZGen_2Phase              0x0000018D
#define TPM_CC_EC_Ephemeral             0x0000018E
#define TPM_CC_PolicyNvWritten          0x0000018F
#define TPM_CC_PolicyTemplate           0x00000190
#define TPM_CC_CreateLoaded             0x00000191
#define TPM_CC_PolicyAuthorizeNV        0x00000192
#define TPM_CC_EncryptDecrypt2          0x00000193
#define TPM_CC_AC_GetCapability         0x00000194
#define TPM_CC_AC_Send                  0x00000195
#define TPM_CC_Policy_AC_SendSelect     0x00000196
#define TPM_CC_CertifyX509              0x00000197
#define TPM_CC_ACT_SetTimeout           0x00000198
#define TPM_CC_ECC_Encrypt              0x00000199
#define TPM_CC_ECC_Decrypt              0x0000019A
#define TPM_CC_PolicyCapability         0x0000019B
#define TPM_CC_PolicyParameters         0x0000019C
#define TPM_CC_NV_DefineSpace2          0x0000019D
#define TPM_CC_NV_ReadPublic2           0x0000019E
#define TPM_CC_SetCapability            0x0000019F
#define TPM_CC_LAST                     0x0000019F

/* Vendor commands carry the V bit (TPMA_CC_V). */
#define CC_VEND                         0x20000000
#define TPM_CC_Vendor_TCG_Test          0x20000000
/* Nuvoton NPCT7xx configuration commands; NTC2_CC_* are IBM's names. */
#define NTC2_CC_PreConfig               0x20000211
#define NTC2_CC_LockPreConfig           0x20000212
#define NTC2_CC_GetConfig               0x20000213
#define TPM_CC_NTC2_PreConfig           NTC2_CC_PreConfig
#define TPM_CC_NTC2_LockPreConfig       NTC2_CC_LockPreConfig
#define TPM_CC_NTC2_GetConfig           NTC2_CC_GetConfig

/* ---------------------------------------------------------------------------------------
 * TPM_RC (Table 16)
 * --------------------------------------------------------------------------------------- */
#define TPM_RC_SUCCESS                  0x000
#define TPM_RC_BAD_TAG                  0x01E /* what a TPM 1.2 answers to a 2.0 tag */

/* Bits that classify a response code (see TSS_ResponseCode_toString). */
#define RC_VER1                         0x100 /* format zero, TPM 2.0 code */
#define RC_FMT1                         0x080 /* format one: a handle/parameter/session error */
#define RC_WARN                         0x900 /* format zero warning (RC_VER1 + severity bit) */
#define RC_VEN                          0x400 /* format zero, vendor-defined code (T bit) */

/* format zero errors */
#define TPM_RC_INITIALIZE               (RC_VER1 + 0x000)
#define TPM_RC_FAILURE                  (RC_VER1 + 0x001)
#define TPM_RC_SEQUENCE                 (RC_VER1 + 0x003)
#define TPM_RC_PRIVATE                  (RC_VER1 + 0x00B)
#define TPM_RC_HMAC                     (RC_VER1 + 0x019)
#define TPM_RC_DISABLED                 (RC_VER1 + 0x020)
#define TPM_RC_EXCLUSIVE                (RC_VER1 + 0x021)
#define TPM_RC_AUTH_TYPE                (RC_VER1 + 0x024)
#define TPM_RC_AUTH_MISSING             (RC_VER1 + 0x025)
#define TPM_RC_POLICY                   (RC_VER1 + 0x026)
#define TPM_RC_PCR                      (RC_VER1 + 0x027)
#define TPM_RC_PCR_CHANGED              (RC_VER1 + 0x028)
#define TPM_RC_UPGRADE                  (RC_VER1 + 0x02D)
#define TPM_RC_TOO_MANY_CONTEXTS        (RC_VER1 + 0x02E)
#define TPM_RC_AUTH_UNAVAILABLE         (RC_VER1 + 0x02F)
#define TPM_RC_REBOOT                   (RC_VER1 + 0x030)
#define TPM_RC_UNBALANCED               (RC_VER1 + 0x031)
#define TPM_RC_COMMAND_SIZE             (RC_VER1 + 0x042)
#define TPM_RC_COMMAND_CODE             (RC_VER1 + 0x043)
#define TPM_RC_AUTHSIZE                 (RC_VER1 + 0x044)
#define TPM_RC_AUTH_CONTEXT             (RC_VER1 + 0x045)
#define TPM_RC_NV_RANGE                 (RC_VER1 + 0x046)
#define TPM_RC_NV_SIZE                  (RC_VER1 + 0x047)
#define TPM_RC_NV_LOCKED                (RC_VER1 + 0x048)
#define TPM_RC_NV_AUTHORIZATION         (RC_VER1 + 0x049)
#define TPM_RC_NV_UNINITIALIZED         (RC_VER1 + 0x04A)
#define TPM_RC_NV_SPACE                 (RC_VER1 + 0x04B)
#define TPM_RC_NV_DEFINED               (RC_VER1 + 0x04C)
#define TPM_RC_BAD_CONTEXT              (RC_VER1 + 0x050)
#define TPM_RC_CPHASH                   (RC_VER1 + 0x051)
#define TPM_RC_PARENT                   (RC_VER1 + 0x052)
#define TPM_RC_NEEDS_TEST               (RC_VER1 + 0x053)
#define TPM_RC_NO_RESULT                (RC_VER1 + 0x054)
#define TPM_RC_SENSITIVE                (RC_VER1 + 0x055)
#define TPM_RC_READ_ONLY                (RC_VER1 + 0x056) /* spec 184, known to responsecode */
#define RC_MAX_FM0                      (RC_VER1 + 0x07F)
#define TPM_RC_MAX_FM0                  RC_MAX_FM0

/* format one errors: add TPM_RC_H/P/S and TPM_RC_1..F to say which handle/parameter/session */
#define TPM_RC_ASYMMETRIC               (RC_FMT1 + 0x001)
#define TPM_RC_ATTRIBUTES               (RC_FMT1 + 0x002)
#define TPM_RC_HASH                     (RC_FMT1 + 0x003)
#define TPM_RC_VALUE                    (RC_FMT1 + 0x004)
#define TPM_RC_HIERARCHY                (RC_FMT1 + 0x005)
#define TPM_RC_KEY_SIZE                 (RC_FMT1 + 0x007)
#define TPM_RC_MGF                      (RC_FMT1 + 0x008)
#define TPM_RC_MODE                     (RC_FMT1 + 0x009)
#define TPM_RC_TYPE                     (RC_FMT1 + 0x00A)
#define TPM_RC_HANDLE                   (RC_FMT1 + 0x00B)
#define TPM_RC_KDF                      (RC_FMT1 + 0x00C)
#define TPM_RC_RANGE                    (RC_FMT1 + 0x00D)
#define TPM_RC_AUTH_FAIL                (RC_FMT1 + 0x00E)
#define TPM_RC_NONCE                    (RC_FMT1 + 0x00F)
#define TPM_RC_PP                       (RC_FMT1 + 0x010)
#define TPM_RC_SCHEME                   (RC_FMT1 + 0x012)
#define TPM_RC_SIZE                     (RC_FMT1 + 0x015)
#define TPM_RC_SYMMETRIC                (RC_FMT1 + 0x016)
#define TPM_RC_TAG                      (RC_FMT1 + 0x017)
#define TPM_RC_SELECTOR                 (RC_FMT1 + 0x018)
#define TPM_RC_INSUFFICIENT             (RC_FMT1 + 0x01A)
#define TPM_RC_SIGNATURE                (RC_FMT1 + 0x01B)
#define TPM_RC_KEY                      (RC_FMT1 + 0x01C)
#define TPM_RC_POLICY_FAIL              (RC_FMT1 + 0x01D)
#define TPM_RC_INTEGRITY                (RC_FMT1 + 0x01F)
#define TPM_RC_TICKET                   (RC_FMT1 + 0x020)
#define TPM_RC_RESERVED_BITS            (RC_FMT1 + 0x021)
#define TPM_RC_BAD_AUTH                 (RC_FMT1 + 0x022)
#define TPM_RC_EXPIRED                  (RC_FMT1 + 0x023)
#define TPM_RC_POLICY_CC                (RC_FMT1 + 0x024)
#define TPM_RC_BINDING                  (RC_FMT1 + 0x025)
#define TPM_RC_CURVE                    (RC_FMT1 + 0x026)
#define TPM_RC_ECC_POINT                (RC_FMT1 + 0x027)
#define TPM_RC_FW_LIMITED               (RC_FMT1 + 0x028)
#define TPM_RC_SVN_LIMITED              (RC_FMT1 + 0x029)
/* spec 184 codes, listed so the values agree with responsecode.c */
#define TPM_RC_PARMS                    (RC_FMT1 + 0x02A)
#define TPM_RC_EXT_MU                   (RC_FMT1 + 0x02B)
#define TPM_RC_ONE_SHOT_SIGNATURE       (RC_FMT1 + 0x02C)
#define TPM_RC_SIGN_CONTEXT_KEY         (RC_FMT1 + 0x02D)
#define TPM_RC_CHANNEL                  (RC_FMT1 + 0x030)
#define TPM_RC_CHANNEL_KEY              (RC_FMT1 + 0x031)
#define RC_MAX_FMT1                     (RC_FMT1 + 0x03F)
#define TPM_RC_MAX_FM1                  RC_MAX_FMT1

/* TPM_RCS_x: the same code, used where a parameter/handle number is added afterwards. */
#define TPM_RCS_ASYMMETRIC              TPM_RC_ASYMMETRIC
#define TPM_RCS_ATTRIBUTES              TPM_RC_ATTRIBUTES
#define TPM_RCS_HASH                    TPM_RC_HASH
#define TPM_RCS_VALUE                   TPM_RC_VALUE
#define TPM_RCS_HIERARCHY               TPM_RC_HIERARCHY
#define TPM_RCS_KEY_SIZE                TPM_RC_KEY_SIZE
#define TPM_RCS_MGF                     TPM_RC_MGF
#define TPM_RCS_MODE                    TPM_RC_MODE
#define TPM_RCS_TYPE                    TPM_RC_TYPE
#define TPM_RCS_HANDLE                  TPM_RC_HANDLE
#define TPM_RCS_KDF                     TPM_RC_KDF
#define TPM_RCS_RANGE                   TPM_RC_RANGE
#define TPM_RCS_AUTH_FAIL               TPM_RC_AUTH_FAIL
#define TPM_RCS_NONCE                   TPM_RC_NONCE
#define TPM_RCS_PP                      TPM_RC_PP
#define TPM_RCS_SCHEME                  TPM_RC_SCHEME
#define TPM_RCS_SIZE                    TPM_RC_SIZE
#define TPM_RCS_SYMMETRIC               TPM_RC_SYMMETRIC
#define TPM_RCS_TAG                     TPM_RC_TAG
#define TPM_RCS_SELECTOR                TPM_RC_SELECTOR
#define TPM_RCS_INSUFFICIENT            TPM_RC_INSUFFICIENT
#define TPM_RCS_SIGNATURE               TPM_RC_SIGNATURE
#define TPM_RCS_KEY                     TPM_RC_KEY
#define TPM_RCS_POLICY_FAIL             TPM_RC_POLICY_FAIL
#define TPM_RCS_INTEGRITY               TPM_RC_INTEGRITY
#define TPM_RCS_TICKET                  TPM_RC_TICKET
#define TPM_RCS_RESERVED_BITS           TPM_RC_RESERVED_BITS
#define TPM_RCS_BAD_AUTH                TPM_RC_BAD_AUTH
#define TPM_RCS_EXPIRED                 TPM_RC_EXPIRED
#define TPM_RCS_POLICY_CC               TPM_RC_POLICY_CC
#define TPM_RCS_BINDING                 TPM_RC_BINDING
#define TPM_RCS_CURVE                   TPM_RC_CURVE
#define TPM_RCS_ECC_POINT               TPM_RC_ECC_POINT
#define TPM_RCS_FW_LIMITED              TPM_RC_FW_LIMITED
#define TPM_RCS_SVN_LIMITED             TPM_RC_SVN_LIMITED

/* format zero warnings */
#define TPM_RC_CONTEXT_GAP              (RC_WARN + 0x001)
#define TPM_RC_OBJECT_MEMORY            (RC_WARN + 0x002)
#define TPM_RC_SESSION_MEMORY           (RC_WARN + 0x003)
#define TPM_RC_MEMORY                   (RC_WARN + 0x004)
#define TPM_RC_SESSION_HANDLES          (RC_WARN + 0x005)
#define TPM_RC_OBJECT_HANDLES           (RC_WARN + 0x006)
#define TPM_RC_LOCALITY                 (RC_WARN + 0x007)
#define TPM_RC_YIELDED                  (RC_WARN + 0x008)
#define TPM_RC_CANCELED                 (RC_WARN + 0x009)
#define TPM_RC_CANCELLED                TPM_RC_CANCELED /* IBM's spelling */
#define TPM_RC_TESTING                  (RC_WARN + 0x00A)
#define TPM_RC_REFERENCE_H0             (RC_WARN + 0x010)
#define TPM_RC_REFERENCE_H1             (RC_WARN + 0x011)
#define TPM_RC_REFERENCE_H2             (RC_WARN + 0x012)
#define TPM_RC_REFERENCE_H3             (RC_WARN + 0x013)
#define TPM_RC_REFERENCE_H4             (RC_WARN + 0x014)
#define TPM_RC_REFERENCE_H5             (RC_WARN + 0x015)
#define TPM_RC_REFERENCE_H6             (RC_WARN + 0x016)
#define TPM_RC_REFERENCE_S0             (RC_WARN + 0x018)
#define TPM_RC_REFERENCE_S1             (RC_WARN + 0x019)
#define TPM_RC_REFERENCE_S2             (RC_WARN + 0x01A)
#define TPM_RC_REFERENCE_S3             (RC_WARN + 0x01B)
#define TPM_RC_REFERENCE_S4             (RC_WARN + 0x01C)
#define TPM_RC_REFERENCE_S5             (RC_WARN + 0x01D)
#define TPM_RC_REFERENCE_S6             (RC_WARN + 0x01E)
#define TPM_RC_NV_RATE                  (RC_WARN + 0x020)
#define TPM_RC_LOCKOUT                  (RC_WARN + 0x021)
#define TPM_RC_RETRY                    (RC_WARN + 0x022)
#define TPM_RC_NV_UNAVAILABLE           (RC_WARN + 0x023)
#define TPM_RC_NOT_USED                 (RC_WARN + 0x07F)

/* Which handle, parameter or session a format one code is about. */
#define TPM_RC_H                        0x000
#define TPM_RC_P                        0x040
#define TPM_RC_S                        0x800
#define TPM_RC_1                        0x100
#define TPM_RC_2                        0x200
#define TPM_RC_3                        0x300
#define TPM_RC_4                        0x400
#define TPM_RC_5                        0x500
#define TPM_RC_6                        0x600
#define TPM_RC_7                        0x700
#define TPM_RC_8                        0x800
#define TPM_RC_9                        0x900
#define TPM_RC_A                        0xA00
#define TPM_RC_B                        0xB00
#define TPM_RC_C                        0xC00
#define TPM_RC_D                        0xD00
#define TPM_RC_E                        0xE00
#define TPM_RC_F                        0xF00
#define TPM_RC_N_MASK                   0xF00

/* TPM_CLOCK_ADJUST (Table 17), an INT8 */
#define TPM_CLOCK_COARSE_SLOWER         (-3)
#define TPM_CLOCK_MEDIUM_SLOWER         (-2)
#define TPM_CLOCK_FINE_SLOWER           (-1)
#define TPM_CLOCK_NO_CHANGE             0
#define TPM_CLOCK_FINE_FASTER           1
#define TPM_CLOCK_MEDIUM_FASTER         2
#define TPM_CLOCK_COARSE_FASTER         3

/* TPM_EO (Table 18): how PolicyNV / PolicyCounterTimer compare A (TPM value) with B */
#define TPM_EO_EQ                       0x0000
#define TPM_EO_NEQ                      0x0001
#define TPM_EO_SIGNED_GT                0x0002
#define TPM_EO_UNSIGNED_GT              0x0003
#define TPM_EO_SIGNED_LT                0x0004
#define TPM_EO_UNSIGNED_LT              0x0005
#define TPM_EO_SIGNED_GE                0x0006
#define TPM_EO_UNSIGNED_GE              0x0007
#define TPM_EO_SIGNED_LE                0x0008
#define TPM_EO_UNSIGNED_LE              0x0009
#define TPM_EO_BITSET                   0x000A
#define TPM_EO_BITCLEAR                 0x000B

/* TPM_ST (Table 19) */
#define TPM_ST_RSP_COMMAND              0x00C4
#define TPM_ST_NULL                     0x8000
#define TPM_ST_NO_SESSIONS              0x8001
#define TPM_ST_SESSIONS                 0x8002
#define TPM_ST_ATTEST_NV                0x8014
#define TPM_ST_ATTEST_COMMAND_AUDIT     0x8015
#define TPM_ST_ATTEST_SESSION_AUDIT     0x8016
#define TPM_ST_ATTEST_CERTIFY           0x8017
#define TPM_ST_ATTEST_QUOTE             0x8018
#define TPM_ST_ATTEST_TIME              0x8019
#define TPM_ST_ATTEST_CREATION          0x801A
#define TPM_ST_ATTEST_NV_DIGEST         0x801C
#define TPM_ST_CREATION                 0x8021
#define TPM_ST_VERIFIED                 0x8022
#define TPM_ST_AUTH_SECRET              0x8023
#define TPM_ST_HASHCHECK                0x8024
#define TPM_ST_AUTH_SIGNED              0x8025
#define TPM_ST_FU_MANIFEST              0x8029

/* TPM_SU (Table 20) */
#define TPM_SU_CLEAR                    0x0000
#define TPM_SU_STATE                    0x0001

/* TPM_SE (Table 21) */
#define TPM_SE_HMAC                     0x00
#define TPM_SE_POLICY                   0x01
#define TPM_SE_TRIAL                    0x03

/* TPM_CAP (Table 22) */
#define TPM_CAP_FIRST                   0x00000000
#define TPM_CAP_ALGS                    0x00000000
#define TPM_CAP_HANDLES                 0x00000001
#define TPM_CAP_COMMANDS                0x00000002
#define TPM_CAP_PP_COMMANDS             0x00000003
#define TPM_CAP_AUDIT_COMMANDS          0x00000004
#define TPM_CAP_PCRS                    0x00000005
#define TPM_CAP_TPM_PROPERTIES          0x00000006
#define TPM_CAP_PCR_PROPERTIES          0x00000007
#define TPM_CAP_ECC_CURVES              0x00000008
#define TPM_CAP_AUTH_POLICIES           0x00000009
#define TPM_CAP_ACT                     0x0000000A
#define TPM_CAP_PUB_KEYS                0x0000000B
#define TPM_CAP_SPDM_SESSION_INFO       0x0000000C
#define TPM_CAP_LAST                    0x0000000C
#define TPM_CAP_VENDOR_PROPERTY         0x00000100

/* ---------------------------------------------------------------------------------------
 * TPM_PT (Table 23): properties read with TPM_CAP_TPM_PROPERTIES
 * --------------------------------------------------------------------------------------- */
#define TPM_PT_NONE                     0x00000000
#define PT_GROUP                        0x00000100
#define PT_FIXED                        (PT_GROUP * 1) /* change only with firmware */
#define TPM_PT_FAMILY_INDICATOR         (PT_FIXED + 0)
#define TPM_PT_LEVEL                    (PT_FIXED + 1)
#define TPM_PT_REVISION                 (PT_FIXED + 2)
#define TPM_PT_DAY_OF_YEAR              (PT_FIXED + 3)
#define TPM_PT_YEAR                     (PT_FIXED + 4)
#define TPM_PT_MANUFACTURER             (PT_FIXED + 5)
#define TPM_PT_VENDOR_STRING_1          (PT_FIXED + 6)
#define TPM_PT_VENDOR_STRING_2          (PT_FIXED + 7)
#define TPM_PT_VENDOR_STRING_3          (PT_FIXED + 8)
#define TPM_PT_VENDOR_STRING_4          (PT_FIXED + 9)
#define TPM_PT_VENDOR_TPM_TYPE          (PT_FIXED + 10)
#define TPM_PT_FIRMWARE_VERSION_1       (PT_FIXED + 11)
#define TPM_PT_FIRMWARE_VERSION_2       (PT_FIXED + 12)
#define TPM_PT_INPUT_BUFFER             (PT_FIXED + 13)
#define TPM_PT_HR_TRANSIENT_MIN         (PT_FIXED + 14)
#define TPM_PT_HR_PERSISTENT_MIN        (PT_FIXED + 15)
#define TPM_PT_HR_LOADED_MIN            (PT_FIXED + 16)
#define TPM_PT_ACTIVE_SESSIONS_MAX      (PT_FIXED + 17)
#define TPM_PT_PCR_COUNT                (PT_FIXED + 18)
#define TPM_PT_PCR_SELECT_MIN           (PT_FIXED + 19)
#define TPM_PT_CONTEXT_GAP_MAX          (PT_FIXED + 20)
/* PT_FIXED + 21 is skipped by the spec */
#define TPM_PT_NV_COUNTERS_MAX          (PT_FIXED + 22)
#define TPM_PT_NV_INDEX_MAX             (PT_FIXED + 23)
#define TPM_PT_MEMORY                   (PT_FIXED + 24)
#define TPM_PT_CLOCK_UPDATE             (PT_FIXED + 25)
#define TPM_PT_CONTEXT_HASH             (PT_FIXED + 26)
#define TPM_PT_CONTEXT_SYM              (PT_FIXED + 27)
#define TPM_PT_CONTEXT_SYM_SIZE         (PT_FIXED + 28)
#define TPM_PT_ORDERLY_COUNT            (PT_FIXED + 29)
#define TPM_PT_MAX_COMMAND_SIZE         (PT_FIXED + 30)
#define TPM_PT_MAX_RESPONSE_SIZE        (PT_FIXED + 31)
#define TPM_PT_MAX_DIGEST               (PT_FIXED + 32)
#define TPM_PT_MAX_OBJECT_CONTEXT       (PT_FIXED + 33)
#define TPM_PT_MAX_SESSION_CONTEXT      (PT_FIXED + 34)
#define TPM_PT_PS_FAMILY_INDICATOR      (PT_FIXED + 35)
#define TPM_PT_PS_LEVEL                 (PT_FIXED + 36)
#define TPM_PT_PS_REVISION              (PT_FIXED + 37)
#define TPM_PT_PS_DAY_OF_YEAR           (PT_FIXED + 38)
#define TPM_PT_PS_YEAR                  (PT_FIXED + 39)
#define TPM_PT_SPLIT_MAX                (PT_FIXED + 40)
#define TPM_PT_TOTAL_COMMANDS           (PT_FIXED + 41)
#define TPM_PT_LIBRARY_COMMANDS         (PT_FIXED + 42)
#define TPM_PT_VENDOR_COMMANDS          (PT_FIXED + 43)
#define TPM_PT_NV_BUFFER_MAX            (PT_FIXED + 44)
#define TPM_PT_MODES                    (PT_FIXED + 45)
#define TPM_PT_MAX_CAP_BUFFER           (PT_FIXED + 46)
#define TPM_PT_FIRMWARE_SVN             (PT_FIXED + 47)
#define TPM_PT_FIRMWARE_MAX_SVN         (PT_FIXED + 48)
#define PT_VAR                          (PT_GROUP * 2) /* change while the TPM runs */
#define TPM_PT_PERMANENT                (PT_VAR + 0)
#define TPM_PT_STARTUP_CLEAR            (PT_VAR + 1)
#define TPM_PT_HR_NV_INDEX              (PT_VAR + 2)
#define TPM_PT_HR_LOADED                (PT_VAR + 3)
#define TPM_PT_HR_LOADED_AVAIL          (PT_VAR + 4)
#define TPM_PT_HR_ACTIVE                (PT_VAR + 5)
#define TPM_PT_HR_ACTIVE_AVAIL          (PT_VAR + 6)
#define TPM_PT_HR_TRANSIENT_AVAIL       (PT_VAR + 7)
#define TPM_PT_HR_PERSISTENT            (PT_VAR + 8)
#define TPM_PT_HR_PERSISTENT_AVAIL      (PT_VAR + 9)
#define TPM_PT_NV_COUNTERS              (PT_VAR + 10)
#define TPM_PT_NV_COUNTERS_AVAIL        (PT_VAR + 11)
#define TPM_PT_ALGORITHM_SET            (PT_VAR + 12)
#define TPM_PT_LOADED_CURVES            (PT_VAR + 13)
#define TPM_PT_LOCKOUT_COUNTER          (PT_VAR + 14)
#define TPM_PT_MAX_AUTH_FAIL            (PT_VAR + 15)
#define TPM_PT_LOCKOUT_INTERVAL         (PT_VAR + 16)
#define TPM_PT_LOCKOUT_RECOVERY         (PT_VAR + 17)
#define TPM_PT_NV_WRITE_RECOVERY        (PT_VAR + 18)
#define TPM_PT_AUDIT_COUNTER_0          (PT_VAR + 19)
#define TPM_PT_AUDIT_COUNTER_1          (PT_VAR + 20)

/* TPM_PT_PCR (Table 24): properties read with TPM_CAP_PCR_PROPERTIES */
#define TPM_PT_PCR_FIRST                0x00000000
#define TPM_PT_PCR_SAVE                 0x00000000
#define TPM_PT_PCR_EXTEND_L0            0x00000001
#define TPM_PT_PCR_RESET_L0             0x00000002
#define TPM_PT_PCR_EXTEND_L1            0x00000003
#define TPM_PT_PCR_RESET_L1             0x00000004
#define TPM_PT_PCR_EXTEND_L2            0x00000005
#define TPM_PT_PCR_RESET_L2             0x00000006
#define TPM_PT_PCR_EXTEND_L3            0x00000007
#define TPM_PT_PCR_RESET_L3             0x00000008
#define TPM_PT_PCR_EXTEND_L4            0x00000009
#define TPM_PT_PCR_RESET_L4             0x0000000A
#define TPM_PT_PCR_NO_INCREMENT         0x00000011
#define TPM_PT_PCR_DRTM_RESET           0x00000012
#define TPM_PT_PCR_POLICY               0x00000013
#define TPM_PT_PCR_AUTH                 0x00000014
#define TPM_PT_PCR_LAST                 0x00000014

/* TPM_PS (Table 25): platform-specific families */
#define TPM_PS_MAIN                     0x00000000
#define TPM_PS_PC                       0x00000001
#define TPM_PS_PDA                      0x00000002
#define TPM_PS_CELL_PHONE               0x00000003
#define TPM_PS_SERVER                   0x00000004
#define TPM_PS_PERIPHERAL               0x00000005
#define TPM_PS_TSS                      0x00000006
#define TPM_PS_STORAGE                  0x00000007
#define TPM_PS_AUTHENTICATION           0x00000008
#define TPM_PS_EMBEDDED                 0x00000009
#define TPM_PS_HARDCOPY                 0x0000000A
#define TPM_PS_INFRASTRUCTURE           0x0000000B
#define TPM_PS_VIRTUALIZATION           0x0000000C
#define TPM_PS_TNC                      0x0000000D
#define TPM_PS_MULTI_TENANT             0x0000000E
#define TPM_PS_TC                       0x0000000F

/* ---------------------------------------------------------------------------------------
 * Handles. TPM_HT (Table 27): the most significant octet of a handle.
 * --------------------------------------------------------------------------------------- */
#define TPM_HT_PCR                      0x00
#define TPM_HT_NV_INDEX                 0x01
#define TPM_HT_HMAC_SESSION             0x02
#define TPM_HT_LOADED_SESSION           0x02 /* GetCapability only */
#define TPM_HT_POLICY_SESSION           0x03
#define TPM_HT_SAVED_SESSION            0x03 /* GetCapability only */
#define TPM_HT_EXTERNAL_NV              0x11
#define TPM_HT_PERMANENT_NV             0x12
#define TPM_HT_PERMANENT                0x40
#define TPM_HT_TRANSIENT                0x80
#define TPM_HT_PERSISTENT               0x81
#define TPM_HT_AC                       0x90

/* TPM_RH (Table 28): permanent handles */
#define TPM_RH_FIRST                    0x40000000
#define TPM_RH_SRK                      0x40000000 /* not used */
#define TPM_RH_OWNER                    0x40000001
#define TPM_RH_REVOKE                   0x40000002 /* not used */
#define TPM_RH_TRANSPORT                0x40000003 /* not used */
#define TPM_RH_OPERATOR                 0x40000004 /* not used */
#define TPM_RH_ADMIN                    0x40000005 /* not used */
#define TPM_RH_EK                       0x40000006 /* not used */
#define TPM_RH_NULL                     0x40000007
#define TPM_RH_UNASSIGNED               0x40000008
#define TPM_RS_PW                       0x40000009 /* the password session */
#define TPM_RH_LOCKOUT                  0x4000000A
#define TPM_RH_ENDORSEMENT              0x4000000B
#define TPM_RH_PLATFORM                 0x4000000C
#define TPM_RH_PLATFORM_NV              0x4000000D
#define TPM_RH_AUTH_00                  0x40000010 /* vendor authorizations 00..FF */
#define TPM_RH_AUTH_FF                  0x4000010F
#define TPM_RH_ACT_0                    0x40000110 /* authenticated countdown timers 0..F */
#define TPM_RH_ACT_1                    0x40000111
#define TPM_RH_ACT_2                    0x40000112
#define TPM_RH_ACT_3                    0x40000113
#define TPM_RH_ACT_4                    0x40000114
#define TPM_RH_ACT_5                    0x40000115
#define TPM_RH_ACT_6                    0x40000116
#define TPM_RH_ACT_7                    0x40000117
#define TPM_RH_ACT_8                    0x40000118
#define TPM_RH_ACT_9                    0x40000119
#define TPM_RH_ACT_A                    0x4000011A
#define TPM_RH_ACT_B                    0x4000011B
#define TPM_RH_ACT_C                    0x4000011C
#define TPM_RH_ACT_D                    0x4000011D
#define TPM_RH_ACT_E                    0x4000011E
#define TPM_RH_ACT_F                    0x4000011F
#define TPM_RH_FW_OWNER                 0x40000140 /* firmware-limited hierarchies */
#define TPM_RH_FW_ENDORSEMENT           0x40000141
#define TPM_RH_FW_PLATFORM              0x40000142
#define TPM_RH_FW_NULL                  0x40000143
#define TPM_RH_SVN_OWNER_BASE           0x40010000 /* SVN-limited: base + 16-bit SVN */
#define TPM_RH_SVN_ENDORSEMENT_BASE     0x40020000
#define TPM_RH_SVN_PLATFORM_BASE        0x40030000
#define TPM_RH_SVN_NULL_BASE            0x40040000
#define TPM_RH_LAST                     0x4004FFFF

/* TPM_HC (Table 29): handle ranges. Written as literals so no shift overflows an int; the
 * LAST values cover the whole range of the type, since a TSS cannot know how many PCR or
 * object slots the TPM has. */
#define HR_HANDLE_MASK                  0x00FFFFFF
#define HR_RANGE_MASK                   0xFF000000
#define HR_SHIFT                        24
#define HR_PCR                          0x00000000 /* TPM_HT_PCR << HR_SHIFT */
#define HR_HMAC_SESSION                 0x02000000
#define HR_POLICY_SESSION               0x03000000
#define HR_TRANSIENT                    0x80000000
#define HR_PERSISTENT                   0x81000000
#define HR_NV_INDEX                     0x01000000
#define HR_EXTERNAL_NV                  0x11000000
#define HR_PERMANENT_NV                 0x12000000
#define HR_PERMANENT                    0x40000000
#define HR_AC                           0x90000000
#define PCR_FIRST                       (HR_PCR + 0)
#define PCR_LAST                        (HR_PCR | HR_HANDLE_MASK)
#define HMAC_SESSION_FIRST              (HR_HMAC_SESSION + 0)
#define HMAC_SESSION_LAST               (HR_HMAC_SESSION | HR_HANDLE_MASK)
#define LOADED_SESSION_FIRST            HMAC_SESSION_FIRST
#define LOADED_SESSION_LAST             HMAC_SESSION_LAST
#define POLICY_SESSION_FIRST            (HR_POLICY_SESSION + 0)
#define POLICY_SESSION_LAST             (HR_POLICY_SESSION | HR_HANDLE_MASK)
#define ACTIVE_SESSION_FIRST            POLICY_SESSION_FIRST
#define ACTIVE_SESSION_LAST             POLICY_SESSION_LAST
#define TRANSIENT_FIRST                 (HR_TRANSIENT + 0)
#define TRANSIENT_LAST                  (HR_TRANSIENT | HR_HANDLE_MASK)
#define PERSISTENT_FIRST                (HR_PERSISTENT + 0)
#define PERSISTENT_LAST                 (HR_PERSISTENT | HR_HANDLE_MASK)
#define PLATFORM_PERSISTENT             (PERSISTENT_FIRST + 0x00800000)
#define NV_INDEX_FIRST                  (HR_NV_INDEX + 0)
#define NV_INDEX_LAST                   (HR_NV_INDEX | HR_HANDLE_MASK)
#define EXTERNAL_NV_FIRST               (HR_EXTERNAL_NV + 0)
#define EXTERNAL_NV_LAST                (HR_EXTERNAL_NV | HR_HANDLE_MASK)
#define PERMANENT_NV_FIRST              (HR_PERMANENT_NV + 0)
#define PERMANENT_NV_LAST               (HR_PERMANENT_NV | HR_HANDLE_MASK)
#define PERMANENT_FIRST                 TPM_RH_FIRST
#define PERMANENT_LAST                  TPM_RH_LAST
#define AC_FIRST                        (HR_AC + 0)
#define AC_LAST                         (HR_AC + 0x0000FFFF)

/* Context handle values (Table 203 in IBM's numbering): savedHandle of a TPMS_CONTEXT */
#define TPM_CONTEXT_HANDLE_HMAC         0x02000000
#define TPM_CONTEXT_HANDLE_POLICY_SESSION 0x03000000
#define TPM_CONTEXT_HANDLE_TRANSIENT    0x80000000
#define TPM_CONTEXT_HANDLE_SEQUENCE     0x80000001
#define TPM_CONTEXT_HANDLE_STCLEAR      0x80000002

/* ---------------------------------------------------------------------------------------
 * Attribute bits. IBM names bits TPMA_<TYPE>_<FIELD IN CAPITALS>.
 * --------------------------------------------------------------------------------------- */

/* TPMA_ALGORITHM (UINT32) */
#define TPMA_ALGORITHM_ASYMMETRIC       0x00000001
#define TPMA_ALGORITHM_SYMMETRIC        0x00000002
#define TPMA_ALGORITHM_HASH             0x00000004
#define TPMA_ALGORITHM_OBJECT           0x00000008
#define TPMA_ALGORITHM_RESERVED1        0x000000F0
#define TPMA_ALGORITHM_SIGNING          0x00000100
#define TPMA_ALGORITHM_ENCRYPTING       0x00000200
#define TPMA_ALGORITHM_METHOD           0x00000400
#define TPMA_ALGORITHM_RESERVED2        0xFFFFF800
#define TPMA_ALGORITHM_RESERVED         0xFFFFF8F0

/* TPMA_OBJECT (UINT32). x509sign is from 1.59, firmwareLimited and svnLimited from 1.83. */
#define TPMA_OBJECT_RESERVED1           0x00000001
#define TPMA_OBJECT_FIXEDTPM            0x00000002
#define TPMA_OBJECT_STCLEAR             0x00000004
#define TPMA_OBJECT_RESERVED2           0x00000008
#define TPMA_OBJECT_FIXEDPARENT         0x00000010
#define TPMA_OBJECT_SENSITIVEDATAORIGIN 0x00000020
#define TPMA_OBJECT_USERWITHAUTH        0x00000040
#define TPMA_OBJECT_ADMINWITHPOLICY     0x00000080
#define TPMA_OBJECT_RESERVED3           0x00000300
#define TPMA_OBJECT_NODA                0x00000400
#define TPMA_OBJECT_ENCRYPTEDDUPLICATION 0x00000800
#define TPMA_OBJECT_RESERVED4           0x0000F000
#define TPMA_OBJECT_RESTRICTED          0x00010000
#define TPMA_OBJECT_DECRYPT             0x00020000
#define TPMA_OBJECT_SIGN                0x00040000
#define TPMA_OBJECT_X509SIGN            0x00080000
#define TPMA_OBJECT_FIRMWARELIMITED     0x00100000
#define TPMA_OBJECT_SVNLIMITED          0x00200000
#define TPMA_OBJECT_RESERVED5           0xFFC00000 /* IBM's 0xfff80000 less the new bits */
#define TPMA_OBJECT_RESERVED            0xFFC0F309

/* TPMA_SESSION (UINT8) */
#define TPMA_SESSION_CONTINUESESSION    0x01
#define TPMA_SESSION_AUDITEXCLUSIVE     0x02
#define TPMA_SESSION_AUDITRESET         0x04
#define TPMA_SESSION_DECRYPT            0x20
#define TPMA_SESSION_ENCRYPT            0x40
#define TPMA_SESSION_AUDIT              0x80
#define TPMA_SESSION_RESERVED           0x18

/* TPMA_LOCALITY (UINT8). A value with any of bits 7:5 set is an extended locality
 * (32..255) that uses the whole octet, so no bit is reserved. */
#define TPMA_LOCALITY_ZERO              0x01
#define TPMA_LOCALITY_ONE               0x02
#define TPMA_LOCALITY_TWO               0x04
#define TPMA_LOCALITY_THREE             0x08
#define TPMA_LOCALITY_FOUR              0x10
#define TPMA_LOCALITY_EXTENDED          0xE0
#define TPMA_LOCALITY_RESERVED          0x00

/* TPMA_PERMANENT (UINT32) */
#define TPMA_PERMANENT_OWNERAUTHSET     0x00000001
#define TPMA_PERMANENT_ENDORSEMENTAUTHSET 0x00000002
#define TPMA_PERMANENT_LOCKOUTAUTHSET   0x00000004
#define TPMA_PERMANENT_RESERVED1        0x000000F8
#define TPMA_PERMANENT_DISABLECLEAR     0x00000100
#define TPMA_PERMANENT_INLOCKOUT        0x00000200
#define TPMA_PERMANENT_TPMGENERATEDEPS  0x00000400
#define TPMA_PERMANENT_RESERVED2        0xFFFFF800
#define TPMA_PERMANENT_RESERVED         0xFFFFF8F8

/* TPMA_STARTUP_CLEAR (UINT32) */
#define TPMA_STARTUP_CLEAR_PHENABLE     0x00000001
#define TPMA_STARTUP_CLEAR_SHENABLE     0x00000002
#define TPMA_STARTUP_CLEAR_EHENABLE     0x00000004
#define TPMA_STARTUP_CLEAR_PHENABLENV   0x00000008
#define TPMA_STARTUP_CLEAR_RESERVED     0x7FFFFFF0
#define TPMA_STARTUP_CLEAR_ORDERLY      0x80000000

/* TPMA_MEMORY (UINT32) */
#define TPMA_MEMORY_SHAREDRAM           0x00000001
#define TPMA_MEMORY_SHAREDNV            0x00000002
#define TPMA_MEMORY_OBJECTCOPIEDTORAM   0x00000004
#define TPMA_MEMORY_RESERVED            0xFFFFFFF8

/* TPMA_CC (UINT32): command attributes from TPM_CAP_COMMANDS */
#define TPMA_CC_COMMANDINDEX            0x0000FFFF
#define TPMA_CC_RESERVED1               0x003F0000
#define TPMA_CC_NV                      0x00400000
#define TPMA_CC_EXTENSIVE               0x00800000
#define TPMA_CC_FLUSHED                 0x01000000
#define TPMA_CC_CHANDLES                0x0E000000
#define TPMA_CC_CHANDLES_SHIFT          25 /* ours: cHandles = (cc & CHANDLES) >> SHIFT */
#define TPMA_CC_RHANDLE                 0x10000000
#define TPMA_CC_V                       0x20000000
#define TPMA_CC_RES                     0xC0000000
#define TPMA_CC_RESERVED                0xC03F0000

/* TPMA_MODES (UINT32); FIPS_140_3 and its 2-bit indicator are from 1.83 */
#define TPMA_MODES_FIPS_140_2           0x00000001
#define TPMA_MODES_FIPS_140_3           0x00000002
#define TPMA_MODES_FIPS_140_3_INDICATOR 0x0000000C
#define TPMA_MODES_FIPS_140_3_INDICATOR_SHIFT 2
#define TPMA_MODES_RESERVED             0xFFFFFFF0

/* TPMA_X509_KEY_USAGE (UINT32, spec 1.59+): the RFC 5280 keyUsage bits, in the order of
 * the ASN.1 BIT STRING, from bit 31 down. */
#define TPMA_X509_KEY_USAGE_DECIPHERONLY     0x00800000
#define TPMA_X509_KEY_USAGE_ENCIPHERONLY     0x01000000
#define TPMA_X509_KEY_USAGE_CRLSIGN          0x02000000
#define TPMA_X509_KEY_USAGE_KEYCERTSIGN      0x04000000
#define TPMA_X509_KEY_USAGE_KEYAGREEMENT     0x08000000
#define TPMA_X509_KEY_USAGE_DATAENCIPHERMENT 0x10000000
#define TPMA_X509_KEY_USAGE_KEYENCIPHERMENT  0x20000000
#define TPMA_X509_KEY_USAGE_NONREPUDIATION   0x40000000
#define TPMA_X509_KEY_USAGE_DIGITALSIGNATURE 0x80000000
#define TPMA_X509_KEY_USAGE_RESERVED         0x007FFFFF

/* TPMA_ACT (UINT32) */
#define TPMA_ACT_SIGNALED               0x00000001
#define TPMA_ACT_PRESERVESIGNALED       0x00000002
#define TPMA_ACT_PRESERVE_SIGNALED      TPMA_ACT_PRESERVESIGNALED /* IBM 2.x spelling */
#define TPMA_ACT_RESERVED               0xFFFFFFFC

/* ---------------------------------------------------------------------------------------
 * NV indexes
 * --------------------------------------------------------------------------------------- */

/* TPM_NV_INDEX (Table 193): fields of an NV index handle */
#define TPM_NV_INDEX_INDEX              0x00FFFFFF
#define TPM_NV_INDEX_RH_NV              0xFF000000

/* TPM_NT (Table 194): the index type, bits 7:4 of TPMA_NV */
#define TPM_NT_ORDINARY                 0x0
#define TPM_NT_COUNTER                  0x1
#define TPM_NT_BITS                     0x2
#define TPM_NT_EXTEND                   0x4
#define TPM_NT_PIN_FAIL                 0x8
#define TPM_NT_PIN_PASS                 0x9

/* TPMA_NV (UINT32). IBM names these bits TPMA_NVA_*, and the TPM_NT values already
 * shifted into place TPMA_NVA_<type>. */
#define TPMA_NVA_PPWRITE                0x00000001
#define TPMA_NVA_OWNERWRITE             0x00000002
#define TPMA_NVA_AUTHWRITE              0x00000004
#define TPMA_NVA_POLICYWRITE            0x00000008
#define TPMA_NVA_ORDINARY               0x00000000
#define TPMA_NVA_COUNTER                0x00000010
#define TPMA_NVA_BITS                   0x00000020
#define TPMA_NVA_EXTEND                 0x00000040
#define TPMA_NVA_PIN_FAIL               0x00000080
#define TPMA_NVA_PIN_PASS               0x00000090
#define TPMA_NVA_TPM_NT_MASK            0x000000F0
#define TPMA_NVA_TPM_NT_SHIFT           4 /* ours: TPM_NT = (a & MASK) >> SHIFT */
#define TPMA_NVA_RESERVED1              0x00000300
#define TPMA_NVA_POLICY_DELETE          0x00000400
#define TPMA_NVA_WRITELOCKED            0x00000800
#define TPMA_NVA_WRITEALL               0x00001000
#define TPMA_NVA_WRITEDEFINE            0x00002000
#define TPMA_NVA_WRITE_STCLEAR          0x00004000
#define TPMA_NVA_GLOBALLOCK             0x00008000
#define TPMA_NVA_PPREAD                 0x00010000
#define TPMA_NVA_OWNERREAD              0x00020000
#define TPMA_NVA_AUTHREAD               0x00040000
#define TPMA_NVA_POLICYREAD             0x00080000
#define TPMA_NVA_RESERVED2              0x01F00000
#define TPMA_NVA_NO_DA                  0x02000000
#define TPMA_NVA_ORDERLY                0x04000000
#define TPMA_NVA_CLEAR_STCLEAR          0x08000000
#define TPMA_NVA_READLOCKED             0x10000000
#define TPMA_NVA_WRITTEN                0x20000000
#define TPMA_NVA_PLATFORMCREATE         0x40000000
#define TPMA_NVA_READ_STCLEAR           0x80000000
#define TPMA_NV_RESERVED                0x01F00300

/* TPMA_NV_EXP (UINT64, 1.83): a TPMA_NV in the low half, external NV protection above. */
#define TPMA_EXTERNAL_NV_ENCRYPTION     0x0000000100000000
#define TPMA_EXTERNAL_NV_INTEGRITY      0x0000000200000000
#define TPMA_EXTERNAL_NV_ANTIROLLBACK   0x0000000400000000
#define TPMA_NV_EXP_RESERVED            0xFFFFFFF801F00300

/* ---------------------------------------------------------------------------------------
 * Attached components (TPM_AT, TPM_AE)
 * --------------------------------------------------------------------------------------- */
#define TPM_AT_ANY                      0x00000000
#define TPM_AT_ERROR                    0x00000001
#define TPM_AT_PV1                      0x00000002
#define TPM_AT_VEND                     0x80000000
#define TPM_AE_NONE                     0x00000000

#endif
