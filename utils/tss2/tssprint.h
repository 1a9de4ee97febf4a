/* SPDX-License-Identifier: BSD-3-Clause */
/* Printing helpers for the utilities' output and -v traces. Output goes to stdout in IBM's
 * layout: " <caption> length N" then the bytes, 16 to a line, each followed by a space.
 *
 * The TSS_<TYPE>_Print functions carry IBM's names and argument order; pointers are const.
 *   - enumerations and handles:  (const char *string, VALUE, indent) -> "string NAME" or hex
 *   - attribute bit fields:      (VALUE, indent)          -> one line per bit set
 *   - structures:                (const T *source, indent)
 *   - unions:                    (const U *source, selector, indent), printed by selector
 * An unknown enumeration value prints as hex, an unknown union selector prints a note, and a
 * count over its array's maximum is clamped: no printer reads outside its object. */
#ifndef TSS_TSSPRINT_H
#define TSS_TSSPRINT_H

#include "TPM_Types.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* where IBM's tssprint.h has them (the library functions are tssutils.h's, api2) */
#ifndef LOGLEVEL_INFO
#define LOGLEVEL_INFO 6
#endif
#ifndef LOGLEVEL_DEBUG
#define LOGLEVEL_DEBUG 7
#endif
/* A program built with TPM_TSS_NO_PRINT (IBM 1.x: TPM_NO_PRINT) compiles its printf calls out:
 * each becomes an expression that evaluates no argument and prints nothing. */
extern int tssSwallowRc;
int TSS_SwallowPrintf(const char *format, ...);
#if defined TPM_TSS_NO_PRINT || defined TPM_NO_PRINT
#define printf tssSwallowRc = 0 && TSS_SwallowPrintf
#endif

void TSS_PrintAllLogLevel(uint32_t log_level, const char *string, unsigned int indent,
                          const unsigned char *buff, uint32_t length);
uint32_t TSS_Array_Scan(unsigned char **data, size_t *len, const char *string);

void TSS_PrintAll(const char *string, const unsigned char *buff, uint32_t length);
void TSS_PrintAlli(const char *string, unsigned int indent, const unsigned char *buff,
                   uint32_t length);
void TSS_TPM2B_Print(const char *string, unsigned int indent, const TPM2B *source);

/* Any TPM structure by its type name ("TPMT_PUBLIC"), members by name, unions by selector. */
void TSS_Structure_Print(const char *typeName, const void *source, unsigned int indent);

/* Names of constants, NULL when unknown (for callers that build their own lines). */
const char *TSS_TPM_ALG_ID_Name(TPM_ALG_ID source);
const char *TSS_TPM_ECC_CURVE_Name(TPM_ECC_CURVE source);
const char *TSS_TPM_CC_Name(TPM_CC source);
const char *TSS_TPM_PT_Name(TPM_PT source);
const char *TSS_TPM_CAP_Name(TPM_CAP source);

/* enumerations, handles, simple values */
void TSS_TPM_ALG_ID_Print(const char *string, TPM_ALG_ID source, unsigned int indent);
void TSS_TPM_ECC_CURVE_Print(const char *string, TPM_ECC_CURVE source, unsigned int indent);
void TSS_TPM_CC_Print(const char *string, TPM_CC source, unsigned int indent);
void TSS_TPM_RC_Print(const char *string, TPM_RC source, unsigned int indent);
void TSS_TPM_CLOCK_ADJUST_Print(const char *string, TPM_CLOCK_ADJUST source, unsigned int indent);
void TSS_TPM_EO_Print(const char *string, TPM_EO source, unsigned int indent);
void TSS_TPM_ST_Print(const char *string, TPM_ST source, unsigned int indent);
void TSS_TPM_SU_Print(const char *string, TPM_SU source, unsigned int indent);
void TSS_TPM_SE_Print(const char *string, TPM_SE source, unsigned int indent);
void TSS_TPM_CAP_Print(const char *string, TPM_CAP source, unsigned int indent);
void TSS_TPM_PT_Print(const char *string, TPM_PT source, unsigned int indent);
void TSS_TPM_PT_PCR_Print(const char *string, TPM_PT_PCR source, unsigned int indent);
void TSS_TPM_HANDLE_Print(const char *string, TPM_HANDLE source, unsigned int indent);
void TSS_TPMI_YES_NO_Print(const char *string, TPMI_YES_NO source, unsigned int indent);
void TSS_TPMI_ST_ATTEST_Print(const char *string, TPMI_ST_ATTEST selector, unsigned int indent);
void TSS_TPMI_ALG_PUBLIC_Print(const char *string, TPMI_ALG_PUBLIC source, unsigned int indent);
void TSS_TPMI_ECC_CURVE_Print(const char *string, TPMI_ECC_CURVE source, unsigned int indent);
void TSS_TPMI_RSA_KEY_BITS_Print(TPMI_RSA_KEY_BITS source, unsigned int indent);
void TSS_TPM_KEY_BITS_Print(TPM_KEY_BITS source, unsigned int indent);

/* attributes */
void TSS_TPMA_ALGORITHM_Print(TPMA_ALGORITHM source, unsigned int indent);
void TSS_TPM_TPMA_ALGORITHM_Print(TPMA_ALGORITHM source, unsigned int indent);
void TSS_TPMA_OBJECT_Print(const char *string, TPMA_OBJECT source, unsigned int indent);
void TSS_TPMA_SESSION_Print(TPMA_SESSION source, unsigned int indent);
void TSS_TPMA_LOCALITY_Print(TPMA_LOCALITY source, unsigned int indent);
void TSS_TPMA_PERMANENT_Print(TPMA_PERMANENT source, unsigned int indent);
void TSS_TPMA_STARTUP_CLEAR_Print(TPMA_STARTUP_CLEAR source, unsigned int indent);
void TSS_TPMA_MEMORY_Print(TPMA_MEMORY source, unsigned int indent);
void TSS_TPMA_CC_Print(TPMA_CC source, unsigned int indent);
void TSS_TPMA_MODES_Print(TPMA_MODES source, unsigned int indent);
void TSS_TPMA_ACT_Print(TPMA_ACT source, unsigned int indent);
void TSS_TPMA_NV_Print(TPMA_NV source, unsigned int indent);

/* hashes, PCR selections, tickets, lists */
void TSS_TPMU_HA_Print(const TPMU_HA *source, uint32_t selector, unsigned int indent);
void TSS_TPMT_HA_Print(const TPMT_HA *source, unsigned int indent);
void TSS_TPMS_PCR_SELECT_Print(const TPMS_PCR_SELECT *source, unsigned int indent);
void TSS_TPMS_PCR_SELECTION_Print(const TPMS_PCR_SELECTION *source, unsigned int indent);
void TSS_TPML_PCR_SELECTION_Print(const TPML_PCR_SELECTION *source, unsigned int indent);
void TSS_TPMT_TK_CREATION_Print(const TPMT_TK_CREATION *source, unsigned int indent);
void TSS_TPMT_TK_VERIFIED_Print(const TPMT_TK_VERIFIED *source, unsigned int indent);
void TSS_TPMT_TK_AUTH_Print(const TPMT_TK_AUTH *source, unsigned int indent);
void TSS_TPMT_TK_HASHCHECK_Print(const TPMT_TK_HASHCHECK *source, unsigned int indent);
void TSS_TPML_CC_Print(const TPML_CC *source, unsigned int indent);
void TSS_TPML_CCA_Print(const TPML_CCA *source, unsigned int indent);
void TSS_TPML_ALG_Print(const TPML_ALG *source, unsigned int indent);
void TSS_TPML_HANDLE_Print(const TPML_HANDLE *source, unsigned int indent);
void TSS_TPML_DIGEST_Print(const TPML_DIGEST *source, unsigned int indent);
void TSS_TPML_DIGEST_VALUES_Print(const TPML_DIGEST_VALUES *source, unsigned int indent);

/* capabilities */
void TSS_TPMS_ALG_PROPERTY_Print(const TPMS_ALG_PROPERTY *source, unsigned int indent);
void TSS_TPML_ALG_PROPERTY_Print(const TPML_ALG_PROPERTY *source, unsigned int indent);
void TSS_TPMS_TAGGED_PROPERTY_Print(const TPMS_TAGGED_PROPERTY *source, unsigned int indent);
void TSS_TPML_TAGGED_TPM_PROPERTY_Print(const TPML_TAGGED_TPM_PROPERTY *source,
                                        unsigned int indent);
void TSS_TPMS_TAGGED_PCR_SELECT_Print(const TPMS_TAGGED_PCR_SELECT *source, unsigned int indent);
void TSS_TPML_TAGGED_PCR_PROPERTY_Print(const TPML_TAGGED_PCR_PROPERTY *source,
                                        unsigned int indent);
void TSS_TPML_ECC_CURVE_Print(const TPML_ECC_CURVE *source, unsigned int indent);
void TSS_TPMS_TAGGED_POLICY_Print(const TPMS_TAGGED_POLICY *source, unsigned int indent);
void TSS_TPML_TAGGED_POLICY_Print(const TPML_TAGGED_POLICY *source, unsigned int indent);
void TSS_TPMS_ACT_DATA_Print(const TPMS_ACT_DATA *source, unsigned int indent);
void TSS_TPML_ACT_DATA_Print(const TPML_ACT_DATA *source, unsigned int indent);
void TSS_TPMU_CAPABILITIES_Print(const TPMU_CAPABILITIES *source, TPM_CAP selector,
                                 unsigned int indent);
void TSS_TPMS_CAPABILITY_DATA_Print(const TPMS_CAPABILITY_DATA *source, unsigned int indent);

/* attestation */
void TSS_TPMS_CLOCK_INFO_Print(const TPMS_CLOCK_INFO *source, unsigned int indent);
void TSS_TPMS_TIME_INFO_Print(const TPMS_TIME_INFO *source, unsigned int indent);
void TSS_TPMS_TIME_ATTEST_INFO_Print(const TPMS_TIME_ATTEST_INFO *source, unsigned int indent);
void TSS_TPMS_CERTIFY_INFO_Print(const TPMS_CERTIFY_INFO *source, unsigned int indent);
void TSS_TPMS_QUOTE_INFO_Print(const TPMS_QUOTE_INFO *source, unsigned int indent);
void TSS_TPMS_COMMAND_AUDIT_INFO_Print(const TPMS_COMMAND_AUDIT_INFO *source, unsigned int indent);
void TSS_TPMS_SESSION_AUDIT_INFO_Print(const TPMS_SESSION_AUDIT_INFO *source, unsigned int indent);
void TSS_TPMS_CREATION_INFO_Print(const TPMS_CREATION_INFO *source, unsigned int indent);
void TSS_TPMS_NV_CERTIFY_INFO_Print(const TPMS_NV_CERTIFY_INFO *source, unsigned int indent);
void TSS_TPMS_NV_DIGEST_CERTIFY_INFO_Print(const TPMS_NV_DIGEST_CERTIFY_INFO *source,
                                           unsigned int indent);
void TSS_TPMU_ATTEST_Print(const TPMU_ATTEST *source, TPMI_ST_ATTEST selector, unsigned int indent);
void TSS_TPMS_ATTEST_Print(const TPMS_ATTEST *source, unsigned int indent);
void TSS_TPM2B_ATTEST_Print(const TPM2B_ATTEST *source, unsigned int indent);

/* sessions */
void TSS_TPMS_AUTH_COMMAND_Print(const TPMS_AUTH_COMMAND *source, unsigned int indent);
void TSS_TPMS_AUTH_RESPONSE_Print(const TPMS_AUTH_RESPONSE *source, unsigned int indent);

/* symmetric and asymmetric parameters, schemes */
void TSS_TPMU_SYM_KEY_BITS_Print(const TPMU_SYM_KEY_BITS *source, TPMI_ALG_SYM selector,
                                 unsigned int indent);
void TSS_TPMT_SYM_DEF_Print(const TPMT_SYM_DEF *source, unsigned int indent);
void TSS_TPMT_SYM_DEF_OBJECT_Print(const TPMT_SYM_DEF_OBJECT *source, unsigned int indent);
void TSS_TPMS_DERIVE_Print(const TPMS_DERIVE *source, unsigned int indent);
void TSS_TPMS_SENSITIVE_CREATE_Print(const TPMS_SENSITIVE_CREATE *source, unsigned int indent);
void TSS_TPM2B_SENSITIVE_CREATE_Print(const char *string, const TPM2B_SENSITIVE_CREATE *source,
                                      unsigned int indent);
void TSS_TPMS_SCHEME_ECDAA_Print(const TPMS_SCHEME_ECDAA *source, unsigned int indent);
void TSS_TPMS_SCHEME_XOR_Print(const TPMS_SCHEME_XOR *source, unsigned int indent);
void TSS_TPMU_SCHEME_KEYEDHASH_Print(const TPMU_SCHEME_KEYEDHASH *source,
                                     TPMI_ALG_KEYEDHASH_SCHEME selector, unsigned int indent);
void TSS_TPMT_KEYEDHASH_SCHEME_Print(const TPMT_KEYEDHASH_SCHEME *source, unsigned int indent);
void TSS_TPMU_SIG_SCHEME_Print(const TPMU_SIG_SCHEME *source, TPMI_ALG_SIG_SCHEME selector,
                               unsigned int indent);
void TSS_TPMT_SIG_SCHEME_Print(const TPMT_SIG_SCHEME *source, unsigned int indent);
void TSS_TPMT_KDF_SCHEME_Print(const TPMT_KDF_SCHEME *source, unsigned int indent);
void TSS_TPMU_ASYM_SCHEME_Print(const TPMU_ASYM_SCHEME *source, TPMI_ALG_ASYM_SCHEME selector,
                                unsigned int indent);
void TSS_TPMT_ASYM_SCHEME_Print(const TPMT_ASYM_SCHEME *source, unsigned int indent);
void TSS_TPMT_RSA_SCHEME_Print(const TPMT_RSA_SCHEME *source, unsigned int indent);
void TSS_TPMT_RSA_DECRYPT_Print(const TPMT_RSA_DECRYPT *source, unsigned int indent);
void TSS_TPMS_ECC_POINT_Print(const TPMS_ECC_POINT *source, unsigned int indent);
void TSS_TPM2B_ECC_POINT_Print(const char *string, const TPM2B_ECC_POINT *source,
                               unsigned int indent);
void TSS_TPMT_ECC_SCHEME_Print(const TPMT_ECC_SCHEME *source, unsigned int indent);
void TSS_TPMS_ALGORITHM_DETAIL_ECC_Print(const TPMS_ALGORITHM_DETAIL_ECC *source,
                                         unsigned int indent);

/* signatures */
void TSS_TPMS_SIGNATURE_RSA_Print(const TPMS_SIGNATURE_RSA *source, unsigned int indent);
void TSS_TPMS_SIGNATURE_RSASSA_Print(const TPMS_SIGNATURE_RSASSA *source, unsigned int indent);
void TSS_TPMS_SIGNATURE_RSAPSS_Print(const TPMS_SIGNATURE_RSAPSS *source, unsigned int indent);
void TSS_TPMS_SIGNATURE_ECC_Print(const TPMS_SIGNATURE_ECC *source, unsigned int indent);
void TSS_TPMS_SIGNATURE_ECDSA_Print(const TPMS_SIGNATURE_ECDSA *source, unsigned int indent);
void TSS_TPMU_SIGNATURE_Print(const TPMU_SIGNATURE *source, TPMI_ALG_SIG_SCHEME selector,
                              unsigned int indent);
void TSS_TPMT_SIGNATURE_Print(const TPMT_SIGNATURE *source, unsigned int indent);

/* public areas, sensitive areas */
void TSS_TPMU_PUBLIC_ID_Print(const TPMU_PUBLIC_ID *source, TPMI_ALG_PUBLIC selector,
                              unsigned int indent);
void TSS_TPMS_ECC_PARMS_Print(const TPMS_ECC_PARMS *source, unsigned int indent);
void TSS_TPMS_RSA_PARMS_Print(const TPMS_RSA_PARMS *source, unsigned int indent);
void TSS_TPMS_KEYEDHASH_PARMS_Print(const TPMS_KEYEDHASH_PARMS *source, unsigned int indent);
void TSS_TPMS_SYMCIPHER_PARMS_Print(const TPMS_SYMCIPHER_PARMS *source, unsigned int indent);
void TSS_TPMS_ASYM_PARMS_Print(const TPMS_ASYM_PARMS *source, unsigned int indent);
void TSS_TPMU_PUBLIC_PARMS_Print(const TPMU_PUBLIC_PARMS *source, UINT32 selector,
                                 unsigned int indent);
void TSS_TPMT_PUBLIC_PARMS_Print(const TPMT_PUBLIC_PARMS *source, unsigned int indent);
void TSS_TPMT_PUBLIC_Print(const TPMT_PUBLIC *source, unsigned int indent);
void TSS_TPM2B_PUBLIC_Print(const char *string, const TPM2B_PUBLIC *source, unsigned int indent);
void TSS_TPMU_SENSITIVE_COMPOSITE_Print(const TPMU_SENSITIVE_COMPOSITE *source, uint32_t selector,
                                        unsigned int indent);
void TSS_TPMT_SENSITIVE_Print(const TPMT_SENSITIVE *source, unsigned int indent);
void TSS_TPM2B_SENSITIVE_Print(const TPM2B_SENSITIVE *source, unsigned int indent);

/* NV */
void TSS_TPMS_NV_PIN_COUNTER_PARAMETERS_Print(const TPMS_NV_PIN_COUNTER_PARAMETERS *source,
                                              unsigned int indent);
void TSS_TPMS_NV_PUBLIC_Print(const TPMS_NV_PUBLIC *source, unsigned int indent);
void TSS_TPM2B_NV_PUBLIC_Print(const TPM2B_NV_PUBLIC *source, unsigned int indent);

/* contexts and creation data */
void TSS_TPMS_CONTEXT_DATA_Print(const TPMS_CONTEXT_DATA *source, unsigned int indent);
void TSS_TPMS_CONTEXT_Print(const TPMS_CONTEXT *source, unsigned int indent);
void TSS_TPMS_CREATION_DATA_Print(const TPMS_CREATION_DATA *source, unsigned int indent);
void TSS_TPM2B_CREATION_DATA_Print(const TPM2B_CREATION_DATA *source, unsigned int indent);

/* IBM 1.x had five of these without the caption: (source, indent). Both forms compile: a
 * call with two arguments is the 1.x one, and prints 1.x's lines (the _PrintV1 functions);
 * with three it is the function above. The bare name (a function pointer) is the 2.x form. */
void TSS_TPM_ALG_ID_PrintV1(TPM_ALG_ID source, unsigned int indent);
void TSS_TPMI_ST_ATTEST_PrintV1(TPMI_ST_ATTEST selector, unsigned int indent);
void TSS_TPMI_ALG_PUBLIC_PrintV1(TPMI_ALG_PUBLIC source, unsigned int indent);
void TSS_TPMI_ECC_CURVE_PrintV1(TPMI_ECC_CURVE source, unsigned int indent);
void TSS_TPMA_OBJECT_PrintV1(TPMA_OBJECT source, unsigned int indent);
#define TSS_PRINT_FORM_PICK_(a, b, c, form, ...) form
#define TSS_PRINT_FORM_(f, ...) TSS_PRINT_FORM_PICK_(__VA_ARGS__, f, f##V1, )(__VA_ARGS__)
#define TSS_TPM_ALG_ID_Print(...) TSS_PRINT_FORM_(TSS_TPM_ALG_ID_Print, __VA_ARGS__)
#define TSS_TPMI_ST_ATTEST_Print(...) TSS_PRINT_FORM_(TSS_TPMI_ST_ATTEST_Print, __VA_ARGS__)
#define TSS_TPMI_ALG_PUBLIC_Print(...) TSS_PRINT_FORM_(TSS_TPMI_ALG_PUBLIC_Print, __VA_ARGS__)
#define TSS_TPMI_ECC_CURVE_Print(...) TSS_PRINT_FORM_(TSS_TPMI_ECC_CURVE_Print, __VA_ARGS__)
#define TSS_TPMA_OBJECT_Print(...) TSS_PRINT_FORM_(TSS_TPMA_OBJECT_Print, __VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif
