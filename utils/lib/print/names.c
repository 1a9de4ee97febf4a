/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of the Part 2 constants, and the printers of enumerated values and handles:
 * "<string> <NAME>" on one line, or the value in hex when the table does not know it.
 * The tables are built from the constants themselves, so a name can not drift from its value. */
#include "print_int.h"
#include "tss2/tssresponsecode.h"

#define LOOKUP(table, v) tss_print_lookup(table, TSS_ARRAY_COUNT(table), (uint32_t)(v))

static const tss_print_name alg_names[] = {
    TSS_NAME(TPM_ALG_ERROR),
    TSS_NAME(TPM_ALG_RSA),
    TSS_NAME(TPM_ALG_TDES),
    TSS_NAME(TPM_ALG_SHA1),
    TSS_NAME(TPM_ALG_HMAC),
    TSS_NAME(TPM_ALG_AES),
    TSS_NAME(TPM_ALG_MGF1),
    TSS_NAME(TPM_ALG_KEYEDHASH),
    TSS_NAME(TPM_ALG_XOR),
    TSS_NAME(TPM_ALG_SHA256),
    TSS_NAME(TPM_ALG_SHA384),
    TSS_NAME(TPM_ALG_SHA512),
    TSS_NAME(TPM_ALG_SHA256_192),
    TSS_NAME(TPM_ALG_NULL),
    TSS_NAME(TPM_ALG_SM3_256),
    TSS_NAME(TPM_ALG_SM4),
    TSS_NAME(TPM_ALG_RSASSA),
    TSS_NAME(TPM_ALG_RSAES),
    TSS_NAME(TPM_ALG_RSAPSS),
    TSS_NAME(TPM_ALG_OAEP),
    TSS_NAME(TPM_ALG_ECDSA),
    TSS_NAME(TPM_ALG_ECDH),
    TSS_NAME(TPM_ALG_ECDAA),
    TSS_NAME(TPM_ALG_SM2),
    TSS_NAME(TPM_ALG_ECSCHNORR),
    TSS_NAME(TPM_ALG_ECMQV),
    TSS_NAME(TPM_ALG_KDF1_SP800_56A),
    TSS_NAME(TPM_ALG_KDF2),
    TSS_NAME(TPM_ALG_KDF1_SP800_108),
    TSS_NAME(TPM_ALG_ECC),
    TSS_NAME(TPM_ALG_SYMCIPHER),
    TSS_NAME(TPM_ALG_CAMELLIA),
    TSS_NAME(TPM_ALG_SHA3_256),
    TSS_NAME(TPM_ALG_SHA3_384),
    TSS_NAME(TPM_ALG_SHA3_512),
    TSS_NAME(TPM_ALG_SHAKE128),
    TSS_NAME(TPM_ALG_SHAKE256),
    TSS_NAME(TPM_ALG_SHAKE256_192),
    TSS_NAME(TPM_ALG_SHAKE256_256),
    TSS_NAME(TPM_ALG_SHAKE256_512),
    TSS_NAME(TPM_ALG_CMAC),
    TSS_NAME(TPM_ALG_CTR),
    TSS_NAME(TPM_ALG_OFB),
    TSS_NAME(TPM_ALG_CBC),
    TSS_NAME(TPM_ALG_CFB),
    TSS_NAME(TPM_ALG_ECB),
    TSS_NAME(TPM_ALG_CCM),
    TSS_NAME(TPM_ALG_GCM),
    TSS_NAME(TPM_ALG_KW),
    TSS_NAME(TPM_ALG_KWP),
    TSS_NAME(TPM_ALG_EAX),
    TSS_NAME(TPM_ALG_EDDSA),
    TSS_NAME(TPM_ALG_EDDSA_PH),
    TSS_NAME(TPM_ALG_LMS),
    TSS_NAME(TPM_ALG_XMSS),
};

static const tss_print_name curve_names[] = {
    TSS_NAME(TPM_ECC_NONE),        TSS_NAME(TPM_ECC_NIST_P192),  TSS_NAME(TPM_ECC_NIST_P224),
    TSS_NAME(TPM_ECC_NIST_P256),   TSS_NAME(TPM_ECC_NIST_P384),  TSS_NAME(TPM_ECC_NIST_P521),
    TSS_NAME(TPM_ECC_BN_P256),     TSS_NAME(TPM_ECC_BN_P638),    TSS_NAME(TPM_ECC_SM2_P256),
    TSS_NAME(TPM_ECC_BP_P256_R1),  TSS_NAME(TPM_ECC_BP_P384_R1), TSS_NAME(TPM_ECC_BP_P512_R1),
    TSS_NAME(TPM_ECC_CURVE_25519), TSS_NAME(TPM_ECC_CURVE_448),
};

static const tss_print_name cc_names[] = {
    TSS_NAME(TPM_CC_NV_UndefineSpaceSpecial),
    TSS_NAME(TPM_CC_EvictControl),
    TSS_NAME(TPM_CC_HierarchyControl),
    TSS_NAME(TPM_CC_NV_UndefineSpace),
    TSS_NAME(TPM_CC_ChangeEPS),
    TSS_NAME(TPM_CC_ChangePPS),
    TSS_NAME(TPM_CC_Clear),
    TSS_NAME(TPM_CC_ClearControl),
    TSS_NAME(TPM_CC_ClockSet),
    TSS_NAME(TPM_CC_HierarchyChangeAuth),
    TSS_NAME(TPM_CC_NV_DefineSpace),
    TSS_NAME(TPM_CC_PCR_Allocate),
    TSS_NAME(TPM_CC_PCR_SetAuthPolicy),
    TSS_NAME(TPM_CC_PP_Commands),
    TSS_NAME(TPM_CC_SetPrimaryPolicy),
    TSS_NAME(TPM_CC_FieldUpgradeStart),
    TSS_NAME(TPM_CC_ClockRateAdjust),
    TSS_NAME(TPM_CC_CreatePrimary),
    TSS_NAME(TPM_CC_NV_GlobalWriteLock),
    TSS_NAME(TPM_CC_GetCommandAuditDigest),
    TSS_NAME(TPM_CC_NV_Increment),
    TSS_NAME(TPM_CC_NV_SetBits),
    TSS_NAME(TPM_CC_NV_Extend),
    TSS_NAME(TPM_CC_NV_Write),
    TSS_NAME(TPM_CC_NV_WriteLock),
    TSS_NAME(TPM_CC_DictionaryAttackLockReset),
    TSS_NAME(TPM_CC_DictionaryAttackParameters),
    TSS_NAME(TPM_CC_NV_ChangeAuth),
    TSS_NAME(TPM_CC_PCR_Event),
    TSS_NAME(TPM_CC_PCR_Reset),
    TSS_NAME(TPM_CC_SequenceComplete),
    TSS_NAME(TPM_CC_SetAlgorithmSet),
    TSS_NAME(TPM_CC_SetCommandCodeAuditStatus),
    TSS_NAME(TPM_CC_FieldUpgradeData),
    TSS_NAME(TPM_CC_IncrementalSelfTest),
    TSS_NAME(TPM_CC_SelfTest),
    TSS_NAME(TPM_CC_Startup),
    TSS_NAME(TPM_CC_Shutdown),
    TSS_NAME(TPM_CC_StirRandom),
    TSS_NAME(TPM_CC_ActivateCredential),
    TSS_NAME(TPM_CC_Certify),
    TSS_NAME(TPM_CC_PolicyNV),
    TSS_NAME(TPM_CC_CertifyCreation),
    TSS_NAME(TPM_CC_Duplicate),
    TSS_NAME(TPM_CC_GetTime),
    TSS_NAME(TPM_CC_GetSessionAuditDigest),
    TSS_NAME(TPM_CC_NV_Read),
    TSS_NAME(TPM_CC_NV_ReadLock),
    TSS_NAME(TPM_CC_ObjectChangeAuth),
    TSS_NAME(TPM_CC_PolicySecret),
    TSS_NAME(TPM_CC_Rewrap),
    TSS_NAME(TPM_CC_Create),
    TSS_NAME(TPM_CC_ECDH_ZGen),
    TSS_NAME(TPM_CC_HMAC),
    TSS_NAME(TPM_CC_Import),
    TSS_NAME(TPM_CC_Load),
    TSS_NAME(TPM_CC_Quote),
    TSS_NAME(TPM_CC_RSA_Decrypt),
    TSS_NAME(TPM_CC_HMAC_Start),
    TSS_NAME(TPM_CC_SequenceUpdate),
    TSS_NAME(TPM_CC_Sign),
    TSS_NAME(TPM_CC_Unseal),
    TSS_NAME(TPM_CC_PolicySigned),
    TSS_NAME(TPM_CC_ContextLoad),
    TSS_NAME(TPM_CC_ContextSave),
    TSS_NAME(TPM_CC_ECDH_KeyGen),
    TSS_NAME(TPM_CC_EncryptDecrypt),
    TSS_NAME(TPM_CC_FlushContext),
    TSS_NAME(TPM_CC_LoadExternal),
    TSS_NAME(TPM_CC_MakeCredential),
    TSS_NAME(TPM_CC_NV_ReadPublic),
    TSS_NAME(TPM_CC_PolicyAuthorize),
    TSS_NAME(TPM_CC_PolicyAuthValue),
    TSS_NAME(TPM_CC_PolicyCommandCode),
    TSS_NAME(TPM_CC_PolicyCounterTimer),
    TSS_NAME(TPM_CC_PolicyCpHash),
    TSS_NAME(TPM_CC_PolicyLocality),
    TSS_NAME(TPM_CC_PolicyNameHash),
    TSS_NAME(TPM_CC_PolicyOR),
    TSS_NAME(TPM_CC_PolicyTicket),
    TSS_NAME(TPM_CC_ReadPublic),
    TSS_NAME(TPM_CC_RSA_Encrypt),
    TSS_NAME(TPM_CC_StartAuthSession),
    TSS_NAME(TPM_CC_VerifySignature),
    TSS_NAME(TPM_CC_ECC_Parameters),
    TSS_NAME(TPM_CC_FirmwareRead),
    TSS_NAME(TPM_CC_GetCapability),
    TSS_NAME(TPM_CC_GetRandom),
    TSS_NAME(TPM_CC_GetTestResult),
    TSS_NAME(TPM_CC_Hash),
    TSS_NAME(TPM_CC_PCR_Read),
    TSS_NAME(TPM_CC_PolicyPCR),
    TSS_NAME(TPM_CC_PolicyRestart),
    TSS_NAME(TPM_CC_ReadClock),
    TSS_NAME(TPM_CC_PCR_Extend),
    TSS_NAME(TPM_CC_PCR_SetAuthValue),
    TSS_NAME(TPM_CC_NV_Certify),
    TSS_NAME(TPM_CC_EventSequenceComplete),
    TSS_NAME(TPM_CC_HashSequenceStart),
    TSS_NAME(TPM_CC_PolicyPhysicalPresence),
    TSS_NAME(TPM_CC_PolicyDuplicationSelect),
    TSS_NAME(TPM_CC_PolicyGetDigest),
    TSS_NAME(TPM_CC_TestParms),
    TSS_NAME(TPM_CC_Commit),
    TSS_NAME(TPM_CC_PolicyPassword),
    TSS_NAME(TPM_CC_ZGen_2Phase),
    TSS_NAME(TPM_CC_EC_Ephemeral),
    TSS_NAME(TPM_CC_PolicyNvWritten),
    TSS_NAME(TPM_CC_PolicyTemplate),
    TSS_NAME(TPM_CC_CreateLoaded),
    TSS_NAME(TPM_CC_PolicyAuthorizeNV),
    TSS_NAME(TPM_CC_EncryptDecrypt2),
    TSS_NAME(TPM_CC_AC_GetCapability),
    TSS_NAME(TPM_CC_AC_Send),
    TSS_NAME(TPM_CC_Policy_AC_SendSelect),
    TSS_NAME(TPM_CC_CertifyX509),
    TSS_NAME(TPM_CC_ACT_SetTimeout),
    TSS_NAME(TPM_CC_ECC_Encrypt),
    TSS_NAME(TPM_CC_ECC_Decrypt),
    TSS_NAME(TPM_CC_PolicyCapability),
    TSS_NAME(TPM_CC_PolicyParameters),
    TSS_NAME(TPM_CC_NV_DefineSpace2),
    TSS_NAME(TPM_CC_NV_ReadPublic2),
    TSS_NAME(TPM_CC_SetCapability),
    TSS_NAME(TPM_CC_MAC),
    TSS_NAME(TPM_CC_MAC_Start),
    TSS_NAME(TPM_CC_Vendor_TCG_Test),
    TSS_NAME(TPM_CC_NTC2_PreConfig),
    TSS_NAME(TPM_CC_NTC2_LockPreConfig),
    TSS_NAME(TPM_CC_NTC2_GetConfig),
};

static const tss_print_name st_names[] = {
    TSS_NAME(TPM_ST_RSP_COMMAND),
    TSS_NAME(TPM_ST_NULL),
    TSS_NAME(TPM_ST_NO_SESSIONS),
    TSS_NAME(TPM_ST_SESSIONS),
    TSS_NAME(TPM_ST_ATTEST_NV),
    TSS_NAME(TPM_ST_ATTEST_COMMAND_AUDIT),
    TSS_NAME(TPM_ST_ATTEST_SESSION_AUDIT),
    TSS_NAME(TPM_ST_ATTEST_CERTIFY),
    TSS_NAME(TPM_ST_ATTEST_QUOTE),
    TSS_NAME(TPM_ST_ATTEST_TIME),
    TSS_NAME(TPM_ST_ATTEST_CREATION),
    TSS_NAME(TPM_ST_ATTEST_NV_DIGEST),
    TSS_NAME(TPM_ST_CREATION),
    TSS_NAME(TPM_ST_VERIFIED),
    TSS_NAME(TPM_ST_AUTH_SECRET),
    TSS_NAME(TPM_ST_HASHCHECK),
    TSS_NAME(TPM_ST_AUTH_SIGNED),
    TSS_NAME(TPM_ST_FU_MANIFEST),
};

static const tss_print_name cap_names[] = {
    TSS_NAME(TPM_CAP_ALGS),
    TSS_NAME(TPM_CAP_HANDLES),
    TSS_NAME(TPM_CAP_COMMANDS),
    TSS_NAME(TPM_CAP_PP_COMMANDS),
    TSS_NAME(TPM_CAP_AUDIT_COMMANDS),
    TSS_NAME(TPM_CAP_PCRS),
    TSS_NAME(TPM_CAP_TPM_PROPERTIES),
    TSS_NAME(TPM_CAP_PCR_PROPERTIES),
    TSS_NAME(TPM_CAP_ECC_CURVES),
    TSS_NAME(TPM_CAP_AUTH_POLICIES),
    TSS_NAME(TPM_CAP_ACT),
    TSS_NAME(TPM_CAP_PUB_KEYS),
    TSS_NAME(TPM_CAP_SPDM_SESSION_INFO),
    TSS_NAME(TPM_CAP_VENDOR_PROPERTY),
};

static const tss_print_name pt_names[] = {
    TSS_NAME(TPM_PT_NONE),
    TSS_NAME(TPM_PT_FAMILY_INDICATOR),
    TSS_NAME(TPM_PT_LEVEL),
    TSS_NAME(TPM_PT_REVISION),
    TSS_NAME(TPM_PT_DAY_OF_YEAR),
    TSS_NAME(TPM_PT_YEAR),
    TSS_NAME(TPM_PT_MANUFACTURER),
    TSS_NAME(TPM_PT_VENDOR_STRING_1),
    TSS_NAME(TPM_PT_VENDOR_STRING_2),
    TSS_NAME(TPM_PT_VENDOR_STRING_3),
    TSS_NAME(TPM_PT_VENDOR_STRING_4),
    TSS_NAME(TPM_PT_VENDOR_TPM_TYPE),
    TSS_NAME(TPM_PT_FIRMWARE_VERSION_1),
    TSS_NAME(TPM_PT_FIRMWARE_VERSION_2),
    TSS_NAME(TPM_PT_INPUT_BUFFER),
    TSS_NAME(TPM_PT_HR_TRANSIENT_MIN),
    TSS_NAME(TPM_PT_HR_PERSISTENT_MIN),
    TSS_NAME(TPM_PT_HR_LOADED_MIN),
    TSS_NAME(TPM_PT_ACTIVE_SESSIONS_MAX),
    TSS_NAME(TPM_PT_PCR_COUNT),
    TSS_NAME(TPM_PT_PCR_SELECT_MIN),
    TSS_NAME(TPM_PT_CONTEXT_GAP_MAX),
    TSS_NAME(TPM_PT_NV_COUNTERS_MAX),
    TSS_NAME(TPM_PT_NV_INDEX_MAX),
    TSS_NAME(TPM_PT_MEMORY),
    TSS_NAME(TPM_PT_CLOCK_UPDATE),
    TSS_NAME(TPM_PT_CONTEXT_HASH),
    TSS_NAME(TPM_PT_CONTEXT_SYM),
    TSS_NAME(TPM_PT_CONTEXT_SYM_SIZE),
    TSS_NAME(TPM_PT_ORDERLY_COUNT),
    TSS_NAME(TPM_PT_MAX_COMMAND_SIZE),
    TSS_NAME(TPM_PT_MAX_RESPONSE_SIZE),
    TSS_NAME(TPM_PT_MAX_DIGEST),
    TSS_NAME(TPM_PT_MAX_OBJECT_CONTEXT),
    TSS_NAME(TPM_PT_MAX_SESSION_CONTEXT),
    TSS_NAME(TPM_PT_PS_FAMILY_INDICATOR),
    TSS_NAME(TPM_PT_PS_LEVEL),
    TSS_NAME(TPM_PT_PS_REVISION),
    TSS_NAME(TPM_PT_PS_DAY_OF_YEAR),
    TSS_NAME(TPM_PT_PS_YEAR),
    TSS_NAME(TPM_PT_SPLIT_MAX),
    TSS_NAME(TPM_PT_TOTAL_COMMANDS),
    TSS_NAME(TPM_PT_LIBRARY_COMMANDS),
    TSS_NAME(TPM_PT_VENDOR_COMMANDS),
    TSS_NAME(TPM_PT_NV_BUFFER_MAX),
    TSS_NAME(TPM_PT_MODES),
    TSS_NAME(TPM_PT_MAX_CAP_BUFFER),
    TSS_NAME(TPM_PT_FIRMWARE_SVN),
    TSS_NAME(TPM_PT_FIRMWARE_MAX_SVN),
    TSS_NAME(TPM_PT_PERMANENT),
    TSS_NAME(TPM_PT_STARTUP_CLEAR),
    TSS_NAME(TPM_PT_HR_NV_INDEX),
    TSS_NAME(TPM_PT_HR_LOADED),
    TSS_NAME(TPM_PT_HR_LOADED_AVAIL),
    TSS_NAME(TPM_PT_HR_ACTIVE),
    TSS_NAME(TPM_PT_HR_ACTIVE_AVAIL),
    TSS_NAME(TPM_PT_HR_TRANSIENT_AVAIL),
    TSS_NAME(TPM_PT_HR_PERSISTENT),
    TSS_NAME(TPM_PT_HR_PERSISTENT_AVAIL),
    TSS_NAME(TPM_PT_NV_COUNTERS),
    TSS_NAME(TPM_PT_NV_COUNTERS_AVAIL),
    TSS_NAME(TPM_PT_ALGORITHM_SET),
    TSS_NAME(TPM_PT_LOADED_CURVES),
    TSS_NAME(TPM_PT_LOCKOUT_COUNTER),
    TSS_NAME(TPM_PT_MAX_AUTH_FAIL),
    TSS_NAME(TPM_PT_LOCKOUT_INTERVAL),
    TSS_NAME(TPM_PT_LOCKOUT_RECOVERY),
    TSS_NAME(TPM_PT_NV_WRITE_RECOVERY),
    TSS_NAME(TPM_PT_AUDIT_COUNTER_0),
    TSS_NAME(TPM_PT_AUDIT_COUNTER_1),
};

static const tss_print_name pt_pcr_names[] = {
    TSS_NAME(TPM_PT_PCR_SAVE),       TSS_NAME(TPM_PT_PCR_EXTEND_L0),
    TSS_NAME(TPM_PT_PCR_RESET_L0),   TSS_NAME(TPM_PT_PCR_EXTEND_L1),
    TSS_NAME(TPM_PT_PCR_RESET_L1),   TSS_NAME(TPM_PT_PCR_EXTEND_L2),
    TSS_NAME(TPM_PT_PCR_RESET_L2),   TSS_NAME(TPM_PT_PCR_EXTEND_L3),
    TSS_NAME(TPM_PT_PCR_RESET_L3),   TSS_NAME(TPM_PT_PCR_EXTEND_L4),
    TSS_NAME(TPM_PT_PCR_RESET_L4),   TSS_NAME(TPM_PT_PCR_NO_INCREMENT),
    TSS_NAME(TPM_PT_PCR_DRTM_RESET), TSS_NAME(TPM_PT_PCR_POLICY),
    TSS_NAME(TPM_PT_PCR_AUTH),
};

static const tss_print_name handle_names[] = {
    TSS_NAME(TPM_RH_SRK),       TSS_NAME(TPM_RH_OWNER),          TSS_NAME(TPM_RH_REVOKE),
    TSS_NAME(TPM_RH_TRANSPORT), TSS_NAME(TPM_RH_OPERATOR),       TSS_NAME(TPM_RH_ADMIN),
    TSS_NAME(TPM_RH_EK),        TSS_NAME(TPM_RH_NULL),           TSS_NAME(TPM_RH_UNASSIGNED),
    TSS_NAME(TPM_RS_PW),        TSS_NAME(TPM_RH_LOCKOUT),        TSS_NAME(TPM_RH_ENDORSEMENT),
    TSS_NAME(TPM_RH_PLATFORM),  TSS_NAME(TPM_RH_PLATFORM_NV),    TSS_NAME(TPM_RH_ACT_0),
    TSS_NAME(TPM_RH_ACT_1),     TSS_NAME(TPM_RH_ACT_2),          TSS_NAME(TPM_RH_ACT_3),
    TSS_NAME(TPM_RH_ACT_4),     TSS_NAME(TPM_RH_ACT_5),          TSS_NAME(TPM_RH_ACT_6),
    TSS_NAME(TPM_RH_ACT_7),     TSS_NAME(TPM_RH_ACT_8),          TSS_NAME(TPM_RH_ACT_9),
    TSS_NAME(TPM_RH_ACT_A),     TSS_NAME(TPM_RH_ACT_B),          TSS_NAME(TPM_RH_ACT_C),
    TSS_NAME(TPM_RH_ACT_D),     TSS_NAME(TPM_RH_ACT_E),          TSS_NAME(TPM_RH_ACT_F),
    TSS_NAME(TPM_RH_FW_OWNER),  TSS_NAME(TPM_RH_FW_ENDORSEMENT), TSS_NAME(TPM_RH_FW_PLATFORM),
    TSS_NAME(TPM_RH_FW_NULL),
};

static const tss_print_name eo_names[] = {
    TSS_NAME(TPM_EO_EQ),          TSS_NAME(TPM_EO_NEQ),         TSS_NAME(TPM_EO_SIGNED_GT),
    TSS_NAME(TPM_EO_UNSIGNED_GT), TSS_NAME(TPM_EO_SIGNED_LT),   TSS_NAME(TPM_EO_UNSIGNED_LT),
    TSS_NAME(TPM_EO_SIGNED_GE),   TSS_NAME(TPM_EO_UNSIGNED_GE), TSS_NAME(TPM_EO_SIGNED_LE),
    TSS_NAME(TPM_EO_UNSIGNED_LE), TSS_NAME(TPM_EO_BITSET),      TSS_NAME(TPM_EO_BITCLEAR),
};

static const tss_print_name su_names[] = {TSS_NAME(TPM_SU_CLEAR), TSS_NAME(TPM_SU_STATE)};
static const tss_print_name se_names[] = {TSS_NAME(TPM_SE_HMAC), TSS_NAME(TPM_SE_POLICY),
                                          TSS_NAME(TPM_SE_TRIAL)};

/* TPMI_ALG_PUBLIC: the object types only */
static const tss_print_name public_names[] = {
    TSS_NAME(TPM_ALG_KEYEDHASH),
    TSS_NAME(TPM_ALG_RSA),
    TSS_NAME(TPM_ALG_ECC),
    TSS_NAME(TPM_ALG_SYMCIPHER),
};

/* TPMI_ST_ATTEST: the attestation structure tags only */
static const tss_print_name attest_names[] = {
    TSS_NAME(TPM_ST_ATTEST_CERTIFY),
    TSS_NAME(TPM_ST_ATTEST_CREATION),
    TSS_NAME(TPM_ST_ATTEST_QUOTE),
    TSS_NAME(TPM_ST_ATTEST_COMMAND_AUDIT),
    TSS_NAME(TPM_ST_ATTEST_SESSION_AUDIT),
    TSS_NAME(TPM_ST_ATTEST_TIME),
    TSS_NAME(TPM_ST_ATTEST_NV),
    TSS_NAME(TPM_ST_ATTEST_NV_DIGEST),
};

const char *TSS_TPM_ALG_ID_Name(TPM_ALG_ID source)
{
    return LOOKUP(alg_names, source);
}

const char *TSS_TPM_ECC_CURVE_Name(TPM_ECC_CURVE source)
{
    return LOOKUP(curve_names, source);
}

const char *TSS_TPM_CC_Name(TPM_CC source)
{
    return LOOKUP(cc_names, source);
}

const char *TSS_TPM_PT_Name(TPM_PT source)
{
    return LOOKUP(pt_names, source);
}

const char *TSS_TPM_CAP_Name(TPM_CAP source)
{
    return LOOKUP(cap_names, source);
}

void TSS_TPM_ALG_ID_Print(const char *string, TPM_ALG_ID source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(alg_names, source), "TPM_ALG_ID", 4, source);
}

void TSS_TPM_ECC_CURVE_Print(const char *string, TPM_ECC_CURVE source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(curve_names, source), "TPM_ECC_CURVE", 4, source);
}

void TSS_TPMI_ECC_CURVE_Print(const char *string, TPMI_ECC_CURVE source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(curve_names, source), "TPMI_ECC_CURVE", 4, source);
}

void TSS_TPM_CC_Print(const char *string, TPM_CC source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(cc_names, source), "TPM_CC", 8, source);
}

void TSS_TPM_ST_Print(const char *string, TPM_ST source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(st_names, source), "TPM_ST", 4, source);
}

void TSS_TPMI_ST_ATTEST_Print(const char *string, TPMI_ST_ATTEST selector, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(attest_names, selector), "TPMI_ST_ATTEST", 4, selector);
}

void TSS_TPMI_ALG_PUBLIC_Print(const char *string, TPMI_ALG_PUBLIC source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(public_names, source), "TPMI_ALG_PUBLIC", 4, source);
}

void TSS_TPM_SU_Print(const char *string, TPM_SU source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(su_names, source), "TPM_SU", 4, source);
}

void TSS_TPM_SE_Print(const char *string, TPM_SE source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(se_names, source), "TPM_SE", 2, source);
}

void TSS_TPM_EO_Print(const char *string, TPM_EO source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(eo_names, source), "TPM_EO", 4, source);
}

void TSS_TPM_CAP_Print(const char *string, TPM_CAP source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(cap_names, source), "TPM_CAP", 8, source);
}

void TSS_TPM_PT_Print(const char *string, TPM_PT source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(pt_names, source), "TPM_PT", 8, source);
}

void TSS_TPM_PT_PCR_Print(const char *string, TPM_PT_PCR source, unsigned int indent)
{
    tss_print_enum(string, indent, LOOKUP(pt_pcr_names, source), "TPM_PT_PCR", 8, source);
}

/* PCRs, NV indexes, sessions and objects have no names: their handle in hex is the name */
void TSS_TPM_HANDLE_Print(const char *string, TPM_HANDLE source, unsigned int indent)
{
    const char *name = LOOKUP(handle_names, source);
    if (name != NULL)
        printf("%*s%s %s\n", (int)indent, "", string, name);
    else
        printf("%*s%s TPM_HANDLE %08x\n", (int)indent, "", string, source);
}

void TSS_TPM_CLOCK_ADJUST_Print(const char *string, TPM_CLOCK_ADJUST source, unsigned int indent)
{
    static const char *const names[] = {
        "TPM_CLOCK_COARSE_SLOWER", "TPM_CLOCK_MEDIUM_SLOWER", "TPM_CLOCK_FINE_SLOWER",
        "TPM_CLOCK_NO_CHANGE",     "TPM_CLOCK_FINE_FASTER",   "TPM_CLOCK_MEDIUM_FASTER",
        "TPM_CLOCK_COARSE_FASTER",
    };
    int i = (int)source - TPM_CLOCK_COARSE_SLOWER;
    if (i >= 0 && i < (int)TSS_ARRAY_COUNT(names))
        printf("%*s%s %s\n", (int)indent, "", string, names[i]);
    else
        printf("%*s%s TPM_CLOCK_ADJUST value %d unknown\n", (int)indent, "", string, (int)source);
}

void TSS_TPMI_YES_NO_Print(const char *string, TPMI_YES_NO source, unsigned int indent)
{
    if (source <= 1)
        printf("%*s%s %s\n", (int)indent, "", string, source ? "yes" : "no");
    else
        printf("%*s%s TPMI_YES_NO %02x unknown\n", (int)indent, "", string, source);
}

void TSS_TPM_RC_Print(const char *string, TPM_RC source, unsigned int indent)
{
    const char *msg = NULL, *submsg = NULL, *num = NULL;
    TSS_ResponseCode_toString(&msg, &submsg, &num, source);
    printf("%*s%s %08x %s%s%s\n", (int)indent, "", string, source, msg ? msg : "",
           submsg ? submsg : "", num ? num : "");
}

/* IBM 1.x's forms (no caption), with 1.x's lines; tssprint.h picks them by argument count */
void TSS_TPM_ALG_ID_PrintV1(TPM_ALG_ID source, unsigned int indent)
{
    if (LOOKUP(alg_names, source) != NULL)
        TSS_TPM_ALG_ID_Print("TPM_ALG_ID", source, indent);
    else
        printf("%*sTPM_ALG_ID algorithm %04x unknown\n", (int)indent, "", source);
}

void TSS_TPMI_ECC_CURVE_PrintV1(TPMI_ECC_CURVE source, unsigned int indent)
{
    if (LOOKUP(curve_names, source) != NULL)
        TSS_TPMI_ECC_CURVE_Print("TPMI_ECC_CURVE", source, indent);
    else
        printf("%*sTPMI_ECC_CURVE %04x unknown\n", (int)indent, "", source);
}

void TSS_TPMI_ST_ATTEST_PrintV1(TPMI_ST_ATTEST selector, unsigned int indent)
{
    if (LOOKUP(attest_names, selector) != NULL)
        TSS_TPMI_ST_ATTEST_Print("TPMI_ST_ATTEST", selector, indent);
    else
        printf("%*sTPMI_ST_ATTEST_Print: selection %04x not implemented\n", (int)indent, "",
               selector);
}

void TSS_TPMI_ALG_PUBLIC_PrintV1(TPMI_ALG_PUBLIC source, unsigned int indent)
{
    if (LOOKUP(public_names, source) != NULL)
        TSS_TPMI_ALG_PUBLIC_Print("TPMI_ALG_PUBLIC:", source, indent);
    else
        printf("%*sTPMI_ALG_PUBLIC: %04x not implemented\n", (int)indent, "", source);
}
