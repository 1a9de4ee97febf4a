/* SPDX-License-Identifier: BSD-3-Clause */
/* Structure printing in IBM's layout: public areas (RSA storage key, ECC signing key),
 * attestation (quote, certify), signatures (RSASSA, ECDSA), PCR selections, attribute bits,
 * capability data (properties, algorithms, and every other capability), and hostile objects:
 * unknown selectors and enumerations, counts and sizes over their maximum, random bytes. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tss2/tssprint.h"

/* ---- stdout capture: begin() sends stdout to a temporary file, end() reads it back ---- */

static char out[65536];
static int saved_fd = -1;
static int capture_fd = -1;

static void begin(void)
{
    char path[] = "/tmp/tss-print-XXXXXX";
    capture_fd = mkstemp(path);
    assert_true(capture_fd >= 0);
    unlink(path);
    fflush(stdout);
    saved_fd = dup(1);
    dup2(capture_fd, 1);
}

static const char *end(void)
{
    fflush(stdout);
    dup2(saved_fd, 1);
    close(saved_fd);
    lseek(capture_fd, 0, SEEK_SET);
    ssize_t n = read(capture_fd, out, sizeof(out) - 1);
    out[n > 0 ? n : 0] = 0;
    close(capture_fd);
    return out;
}

/* the output holds this whole line (indentation included) */
static int has_line(const char *text, const char *line)
{
    size_t len = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[len] == '\n' || p[len] == 0))
            return 1;
    return 0;
}

#define assert_line(text, line)                                                                    \
    do {                                                                                           \
        if (!has_line((text), (line)))                                                             \
            fail_msg("missing line \"%s\" in:\n%s", (line), (text));                               \
    } while (0)

/* ---- public areas ---- */

static void test_rsa_storage_key(void **state)
{
    (void)state;
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_RSA;
    pub.nameAlg = TPM_ALG_SHA256;
    pub.objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                               TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                               TPMA_OBJECT_NODA | TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
    pub.parameters.rsaDetail.symmetric.algorithm = TPM_ALG_AES;
    pub.parameters.rsaDetail.symmetric.keyBits.aes = 128;
    pub.parameters.rsaDetail.symmetric.mode.aes = TPM_ALG_CFB;
    pub.parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
    pub.parameters.rsaDetail.keyBits = 2048;
    pub.unique.rsa.t.size = 3;
    memcpy(pub.unique.rsa.t.buffer, "\x01\x02\x03", 3);
    begin();
    TSS_TPMT_PUBLIC_Print(&pub, 0);
    const char *s = end();
    assert_line(s, "type TPM_ALG_RSA");
    assert_line(s, "nameAlg TPM_ALG_SHA256");
    assert_line(s, "objectAttributes: 00030472");
    assert_line(s, "TPMA_OBJECT fixedTPM");
    assert_line(s, "TPMA_OBJECT restricted");
    assert_line(s, "TPMA_OBJECT decrypt");
    assert_null(strstr(s, "TPMA_OBJECT sign"));
    assert_line(s, "authPolicy length 0");
    assert_line(s, "TPMU_PUBLIC_PARMS rsaDetail");
    assert_line(s, "  algorithm TPM_ALG_AES");
    assert_line(s, "  keyBits: 128");
    assert_line(s, "  mode TPM_ALG_CFB");
    assert_line(s, "scheme TPM_ALG_NULL");
    assert_line(s, "TPM_KEY_BITS keyBits: 2048");
    assert_line(s, "TPMS_RSA_PARMS exponent 00000000");
    assert_line(s, "TPM_ALG_RSA rsa length 3");
    assert_line(s, "01 02 03 ");

    /* the sized form adds a caption and indents the area */
    TPM2B_PUBLIC pub2b;
    memset(&pub2b, 0, sizeof(pub2b));
    pub2b.publicArea = pub;
    begin();
    TSS_TPM2B_PUBLIC_Print("outPublic", &pub2b, 1);
    s = end();
    assert_line(s, " outPublic");
    assert_line(s, "   type TPM_ALG_RSA");
}

static void test_ecc_signing_key(void **state)
{
    (void)state;
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_ECC;
    pub.nameAlg = TPM_ALG_SHA256;
    pub.objectAttributes.val =
        TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_SIGN;
    pub.parameters.eccDetail.symmetric.algorithm = TPM_ALG_NULL;
    pub.parameters.eccDetail.scheme.scheme = TPM_ALG_ECDSA;
    pub.parameters.eccDetail.scheme.details.ecdsa.hashAlg = TPM_ALG_SHA256;
    pub.parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    pub.parameters.eccDetail.kdf.scheme = TPM_ALG_NULL;
    pub.unique.ecc.x.t.size = 2;
    pub.unique.ecc.y.t.size = 2;
    memcpy(pub.unique.ecc.x.t.buffer, "\xaa\xbb", 2);
    memcpy(pub.unique.ecc.y.t.buffer, "\xcc\xdd", 2);
    begin();
    TSS_TPMT_PUBLIC_Print(&pub, 0);
    const char *s = end();
    assert_line(s, "type TPM_ALG_ECC");
    assert_line(s, "objectAttributes: 00040060");
    assert_line(s, "TPMA_OBJECT sign");
    assert_null(strstr(s, "TPMA_OBJECT decrypt"));
    assert_line(s, "TPMU_PUBLIC_PARMS eccDetail");
    assert_line(s, "  algorithm TPM_ALG_NULL");
    assert_null(strstr(s, "keyBits"));
    assert_line(s, "  scheme TPM_ALG_ECDSA");
    assert_line(s, "  details TPM_ALG_SHA256");
    assert_line(s, "curveID TPM_ECC_NIST_P256");
    assert_line(s, "TPM_ALG_ECC x length 2");
    assert_line(s, "aa bb ");
    assert_line(s, "TPM_ALG_ECC y length 2");
    assert_line(s, "cc dd ");
}

/* ---- attestation ---- */

static void fill_attest_header(TPMS_ATTEST *a, TPMI_ST_ATTEST type)
{
    memset(a, 0, sizeof(*a));
    a->magic = TPM_GENERATED_VALUE;
    a->type = type;
    a->qualifiedSigner.t.size = 2;
    a->extraData.t.size = 1;
    a->clockInfo.clock = 1234;
    a->clockInfo.resetCount = 5;
    a->clockInfo.restartCount = 6;
    a->clockInfo.safe = 1;
    a->firmwareVersion = 0x0000000100000002ULL;
}

static void test_attest_quote(void **state)
{
    (void)state;
    TPMS_ATTEST a;
    fill_attest_header(&a, TPM_ST_ATTEST_QUOTE);
    a.attested.quote.pcrSelect.count = 1;
    a.attested.quote.pcrSelect.pcrSelections[0].hash = TPM_ALG_SHA256;
    a.attested.quote.pcrSelect.pcrSelections[0].sizeofSelect = 3;
    a.attested.quote.pcrSelect.pcrSelections[0].pcrSelect[0] = 0x01;
    a.attested.quote.pcrDigest.t.size = 32;
    begin();
    TSS_TPMS_ATTEST_Print(&a, 0);
    const char *s = end();
    assert_line(s, "  TPMS_ATTEST magic ff544347");
    assert_line(s, "  type TPM_ST_ATTEST_QUOTE");
    assert_line(s, "  TPMS_ATTEST qualifiedSigner length 2");
    assert_line(s, "  TPMS_ATTEST extraData length 1");
    assert_line(s, "  TPMS_CLOCK_INFO clock 1234");
    assert_line(s, "  TPMS_CLOCK_INFO resetCount 5");
    assert_line(s, "  TPMS_CLOCK_INFO restartCount 6");
    assert_line(s, "  TPMS_CLOCK_INFO safe 1");
    assert_line(s, "  TPMS_ATTEST firmwareVersion 4294967298");
    assert_line(s, "      TPML_PCR_SELECTION count 1");
    assert_line(s, "        hash TPM_ALG_SHA256");
    assert_line(s, "        TPMS_PCR_SELECTION length 3");
    assert_line(s, "        01 00 00 ");
    assert_line(s, "      TPMS_QUOTE_INFO pcrDigest length 32");
}

static void test_attest_certify(void **state)
{
    (void)state;
    TPMS_ATTEST a;
    fill_attest_header(&a, TPM_ST_ATTEST_CERTIFY);
    a.attested.certify.name.t.size = 34;
    a.attested.certify.name.t.name[0] = 0x00;
    a.attested.certify.name.t.name[1] = 0x0b;
    a.attested.certify.qualifiedName.t.size = 34;
    begin();
    TSS_TPMS_ATTEST_Print(&a, 0);
    const char *s = end();
    assert_line(s, "  type TPM_ST_ATTEST_CERTIFY");
    assert_line(s, "    TPMS_CERTIFY_INFO name length 34");
    assert_line(s, "    00 0b 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ");
    assert_line(s, "    TPMS_CERTIFY_INFO qualifiedName length 34");
    assert_null(strstr(s, "TPMS_QUOTE_INFO"));
}

/* ---- signatures ---- */

static void test_signatures(void **state)
{
    (void)state;
    TPMT_SIGNATURE sig;
    memset(&sig, 0, sizeof(sig));
    sig.sigAlg = TPM_ALG_RSASSA;
    sig.signature.rsassa.hash = TPM_ALG_SHA256;
    sig.signature.rsassa.sig.t.size = 4;
    memcpy(sig.signature.rsassa.sig.t.buffer, "\xde\xad\xbe\xef", 4);
    begin();
    TSS_TPMT_SIGNATURE_Print(&sig, 0);
    const char *s = end();
    assert_string_equal(s, "  sigAlg TPM_ALG_RSASSA\n"
                           "    hash TPM_ALG_SHA256\n"
                           "    TPMS_SIGNATURE_RSA sig length 4\n"
                           "    de ad be ef \n");

    memset(&sig, 0, sizeof(sig));
    sig.sigAlg = TPM_ALG_ECDSA;
    sig.signature.ecdsa.hash = TPM_ALG_SHA384;
    sig.signature.ecdsa.signatureR.t.size = 2;
    sig.signature.ecdsa.signatureS.t.size = 1;
    begin();
    TSS_TPMT_SIGNATURE_Print(&sig, 0);
    s = end();
    assert_line(s, "  sigAlg TPM_ALG_ECDSA");
    assert_line(s, "  hash TPM_ALG_SHA384");
    assert_line(s, "  TPMS_SIGNATURE_ECC signatureR length 2");
    assert_line(s, "  TPMS_SIGNATURE_ECC signatureS length 1");

    /* a NULL signature is only its algorithm */
    memset(&sig, 0, sizeof(sig));
    sig.sigAlg = TPM_ALG_NULL;
    begin();
    TSS_TPMT_SIGNATURE_Print(&sig, 0);
    s = end();
    assert_string_equal(s, "  sigAlg TPM_ALG_NULL\n");
}

/* ---- PCR selections and attribute bits ---- */

static void test_pcr_selection(void **state)
{
    (void)state;
    TPML_PCR_SELECTION sel;
    memset(&sel, 0, sizeof(sel));
    sel.count = 2;
    sel.pcrSelections[0].hash = TPM_ALG_SHA1;
    sel.pcrSelections[0].sizeofSelect = 3;
    sel.pcrSelections[0].pcrSelect[2] = 0x81;
    sel.pcrSelections[1].hash = TPM_ALG_SHA256;
    sel.pcrSelections[1].sizeofSelect = 3;
    sel.pcrSelections[1].pcrSelect[0] = 0xff;
    begin();
    TSS_TPML_PCR_SELECTION_Print(&sel, 0);
    const char *s = end();
    assert_string_equal(s, "TPML_PCR_SELECTION count 2\n"
                           "  hash TPM_ALG_SHA1\n"
                           "  TPMS_PCR_SELECTION length 3\n"
                           "  00 00 81 \n"
                           "  hash TPM_ALG_SHA256\n"
                           "  TPMS_PCR_SELECTION length 3\n"
                           "  ff 00 00 \n");
}

static void test_attributes(void **state)
{
    (void)state;
    TPMA_OBJECT a = {TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_SIGN};
    begin();
    TSS_TPMA_OBJECT_Print("objectAttributes", a, 1);
    const char *s = end();
    assert_string_equal(s, " objectAttributes: 00040002\n"
                           " TPMA_OBJECT fixedTPM\n"
                           " TPMA_OBJECT sign\n");

    TPMA_NV nv = {TPMA_NVA_AUTHWRITE | TPMA_NVA_COUNTER | TPMA_NVA_AUTHREAD | TPMA_NVA_WRITTEN};
    begin();
    TSS_TPMA_NV_Print(nv, 0);
    s = end();
    assert_string_equal(s,
                        "TPMA_NV_AUTHWRITE\nTPM_NT_COUNTER\nTPMA_NV_AUTHREAD\nTPMA_NV_WRITTEN\n");

    TPMA_SESSION se = {TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_DECRYPT};
    TPMA_LOCALITY loc = {TPMA_LOCALITY_ZERO | TPMA_LOCALITY_THREE};
    TPMA_STARTUP_CLEAR sc = {TPMA_STARTUP_CLEAR_PHENABLE | TPMA_STARTUP_CLEAR_ORDERLY};
    TPMA_CC cca = {0x0440011f};
    begin();
    TSS_TPMA_SESSION_Print(se, 0);
    TSS_TPMA_LOCALITY_Print(loc, 0);
    TSS_TPMA_STARTUP_CLEAR_Print(sc, 0);
    TSS_TPMA_CC_Print(cca, 0);
    s = end();
    assert_line(s, "TPMA_SESSION: continue");
    assert_line(s, "TPMA_SESSION: decrypt");
    assert_null(strstr(s, "TPMA_SESSION: encrypt"));
    assert_line(s, "TPMA_LOCALITY: zero");
    assert_line(s, "TPMA_LOCALITY: three");
    assert_line(s, "TPMA_STARTUP_CLEAR: phEnable yes");
    assert_line(s, "TPMA_STARTUP_CLEAR: shEnable no");
    assert_line(s, "TPMA_STARTUP_CLEAR: orderly yes");
    assert_line(s, "TPMA_CC 0440011f");
    assert_line(s, "  commandIndex TPM_CC_NV_UndefineSpaceSpecial");
    assert_line(s, "  TPMA_CC: nv");
    assert_line(s, "  TPMA_CC: cHandles 2");
}

static void test_enumerations(void **state)
{
    (void)state;
    begin();
    TSS_TPM_ALG_ID_Print("alg", TPM_ALG_SHA3_256, 0);
    TSS_TPM_ALG_ID_Print("alg", 0x7777, 0);
    TSS_TPM_ECC_CURVE_Print("curve", TPM_ECC_BN_P256, 0);
    TSS_TPM_ECC_CURVE_Print("curve", 0x99, 0);
    TSS_TPM_CC_Print("cc", TPM_CC_Quote, 0);
    TSS_TPM_CC_Print("cc", 0x12345678, 0);
    TSS_TPM_HANDLE_Print("h", TPM_RH_OWNER, 0);
    TSS_TPM_HANDLE_Print("h", 0x81000001, 0);
    TSS_TPM_ST_Print("st", TPM_ST_SESSIONS, 0);
    TSS_TPM_SU_Print("su", 7, 0);
    TSS_TPM_SE_Print("se", TPM_SE_POLICY, 0);
    TSS_TPM_CAP_Print("cap", TPM_CAP_PCRS, 0);
    TSS_TPM_PT_Print("pt", TPM_PT_MANUFACTURER, 0);
    TSS_TPM_PT_Print("pt", 0x777, 0);
    TSS_TPM_PT_PCR_Print("ptpcr", TPM_PT_PCR_RESET_L0, 0);
    TSS_TPM_CLOCK_ADJUST_Print("adj", TPM_CLOCK_MEDIUM_SLOWER, 0);
    TSS_TPM_CLOCK_ADJUST_Print("adj", 9, 0);
    TSS_TPMI_YES_NO_Print("yn", 1, 0);
    TSS_TPM_RC_Print("rc", 0, 0);
    const char *s = end();
    assert_line(s, "alg TPM_ALG_SHA3_256");
    assert_line(s, "alg TPM_ALG_ID value 7777 unknown");
    assert_line(s, "curve TPM_ECC_BN_P256");
    assert_line(s, "curve TPM_ECC_CURVE value 0099 unknown");
    assert_line(s, "cc TPM_CC_Quote");
    assert_line(s, "cc TPM_CC value 12345678 unknown");
    assert_line(s, "h TPM_RH_OWNER");
    assert_line(s, "h TPM_HANDLE 81000001");
    assert_line(s, "st TPM_ST_SESSIONS");
    assert_line(s, "su TPM_SU value 0007 unknown");
    assert_line(s, "se TPM_SE_POLICY");
    assert_line(s, "cap TPM_CAP_PCRS");
    assert_line(s, "pt TPM_PT_MANUFACTURER");
    assert_line(s, "pt TPM_PT value 00000777 unknown");
    assert_line(s, "ptpcr TPM_PT_PCR_RESET_L0");
    assert_line(s, "adj TPM_CLOCK_MEDIUM_SLOWER");
    assert_line(s, "adj TPM_CLOCK_ADJUST value 9 unknown");
    assert_line(s, "yn yes");
    assert_non_null(strstr(s, "rc 00000000"));
    assert_string_equal(TSS_TPM_ALG_ID_Name(TPM_ALG_RSA), "TPM_ALG_RSA");
    assert_null(TSS_TPM_ALG_ID_Name(0x7777));
    assert_string_equal(TSS_TPM_PT_Name(TPM_PT_NV_BUFFER_MAX), "TPM_PT_NV_BUFFER_MAX");
    assert_string_equal(TSS_TPM_CC_Name(TPM_CC_CreatePrimary), "TPM_CC_CreatePrimary");
}

/* ---- capabilities ---- */

static void test_capability_properties(void **state)
{
    (void)state;
    TPMS_CAPABILITY_DATA cap;
    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_TPM_PROPERTIES;
    TPML_TAGGED_TPM_PROPERTY *l = &cap.data.tpmProperties;
    l->count = 4;
    l->tpmProperty[0] = (TPMS_TAGGED_PROPERTY){TPM_PT_FAMILY_INDICATOR, 0x322e3000};
    l->tpmProperty[1] = (TPMS_TAGGED_PROPERTY){TPM_PT_MANUFACTURER, 0x49424d00};
    l->tpmProperty[2] = (TPMS_TAGGED_PROPERTY){TPM_PT_PERMANENT, TPMA_PERMANENT_OWNERAUTHSET};
    l->tpmProperty[3] = (TPMS_TAGGED_PROPERTY){0x00000fff, 1};
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    const char *s = end();
    assert_line(s, "capability TPM_CAP_TPM_PROPERTIES");
    assert_line(s, "  TPML_TAGGED_TPM_PROPERTY count 4");
    assert_line(s, "    TPM_PT 00000100 value 322e3000 TPM_PT_FAMILY_INDICATOR");
    assert_line(s, "    TPM_PT 00000105 value 49424d00 TPM_PT_MANUFACTURER");
    assert_line(s, "    TPM_PT 00000200 value 00000001 TPM_PT_PERMANENT");
    assert_line(s, "      TPMA_PERMANENT: ownerAuthSet yes");
    assert_line(s, "      TPMA_PERMANENT: inLockout no");
    assert_line(s, "    TPM_PT 00000fff value 00000001 unknown");
}

static void test_capability_algorithms(void **state)
{
    (void)state;
    TPMS_CAPABILITY_DATA cap;
    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_ALGS;
    TPML_ALG_PROPERTY *l = &cap.data.algorithms;
    l->count = 3;
    l->algProperties[0].alg = TPM_ALG_RSA;
    l->algProperties[0].algProperties.val = TPMA_ALGORITHM_ASYMMETRIC | TPMA_ALGORITHM_OBJECT;
    l->algProperties[1].alg = TPM_ALG_SHA256;
    l->algProperties[1].algProperties.val = TPMA_ALGORITHM_HASH;
    l->algProperties[2].alg = 0x7777;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    const char *s = end();
    assert_string_equal(s, "capability TPM_CAP_ALGS\n"
                           "  TPML_ALG_PROPERTY count 3\n"
                           "    TPM_ALG_ID TPM_ALG_RSA\n"
                           "      TPMA_ALGORITHM: asymmetric\n"
                           "      TPMA_ALGORITHM: object\n"
                           "    TPM_ALG_ID TPM_ALG_SHA256\n"
                           "      TPMA_ALGORITHM: hash\n"
                           "    TPM_ALG_ID TPM_ALG_ID value 7777 unknown\n");
}

static void test_capability_others(void **state)
{
    (void)state;
    TPMS_CAPABILITY_DATA cap;
    const char *s;

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_HANDLES;
    cap.data.handles.count = 2;
    cap.data.handles.handle[0] = 0x80000000;
    cap.data.handles.handle[1] = 0x81000001;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "  TPML_HANDLE count 2");
    assert_line(s, "    handle TPM_HANDLE 81000001");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_COMMANDS;
    cap.data.command.count = 1;
    cap.data.command.commandAttributes[0].val = 0x02c00124;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "  TPML_CCA count 1");
    assert_line(s, "      commandIndex TPM_CC_ChangeEPS");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_PP_COMMANDS;
    cap.data.ppCommands.count = 1;
    cap.data.ppCommands.commandCodes[0] = TPM_CC_Clear;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "  commandCode TPM_CC_Clear");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_PCRS;
    cap.data.assignedPCR.count = 1;
    cap.data.assignedPCR.pcrSelections[0].hash = TPM_ALG_SHA256;
    cap.data.assignedPCR.pcrSelections[0].sizeofSelect = 3;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "  TPML_PCR_SELECTION count 1");
    assert_line(s, "    hash TPM_ALG_SHA256");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_PCR_PROPERTIES;
    cap.data.pcrProperties.count = 1;
    cap.data.pcrProperties.pcrProperty[0].tag = TPM_PT_PCR_EXTEND_L0;
    cap.data.pcrProperties.pcrProperty[0].sizeofSelect = 3;
    cap.data.pcrProperties.pcrProperty[0].pcrSelect[2] = 0x81;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "    TPM_PT_PCR TPM_PT_PCR_EXTEND_L0");
    assert_line(s, "      00 00 81 ");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_ECC_CURVES;
    cap.data.eccCurves.count = 2;
    cap.data.eccCurves.eccCurves[0] = TPM_ECC_NIST_P384;
    cap.data.eccCurves.eccCurves[1] = TPM_ECC_SM2_P256;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "    TPM_ECC_CURVE TPM_ECC_NIST_P384");
    assert_line(s, "    TPM_ECC_CURVE TPM_ECC_SM2_P256");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_AUTH_POLICIES;
    cap.data.authPolicies.count = 1;
    cap.data.authPolicies.policies[0].handle = TPM_RH_LOCKOUT;
    cap.data.authPolicies.policies[0].policyHash.hashAlg = TPM_ALG_SHA256;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "    handle TPM_RH_LOCKOUT");
    assert_line(s, "      hashAlg TPM_ALG_SHA256");
    assert_line(s, "      sha256 length 32");

    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_ACT;
    cap.data.actData.count = 1;
    cap.data.actData.actData[0].handle = TPM_RH_ACT_0;
    cap.data.actData.actData[0].timeout = 30;
    cap.data.actData.actData[0].attributes.val = TPMA_ACT_SIGNALED;
    begin();
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    s = end();
    assert_line(s, "    handle TPM_RH_ACT_0");
    assert_line(s, "    TPMS_ACT_DATA timeout 30 sec");
    assert_line(s, "    TPMA_ACT: TPMA_ACT_SIGNALED set");
    assert_line(s, "    TPMA_ACT: TPMA_ACT_PRESERVE_SIGNALED clear");
}

/* ---- hostile objects ---- */

static void test_unknown_selectors(void **state)
{
    (void)state;
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = 0x7777;
    TPMS_ATTEST att;
    memset(&att, 0, sizeof(att));
    att.type = 0x1234;
    TPMT_SIGNATURE sig;
    memset(&sig, 0, sizeof(sig));
    sig.sigAlg = 0x4444;
    TPMS_CAPABILITY_DATA cap;
    memset(&cap, 0, sizeof(cap));
    cap.capability = 0x99;
    TPMT_HA ha;
    memset(&ha, 0, sizeof(ha));
    ha.hashAlg = TPM_ALG_AES;
    TPMA_NV nv = {0x000000a0}; /* type 0xa is not a TPM_NT */
    begin();
    TSS_TPMT_PUBLIC_Print(&pub, 0);
    TSS_TPMS_ATTEST_Print(&att, 0);
    TSS_TPMT_SIGNATURE_Print(&sig, 0);
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    TSS_TPMT_HA_Print(&ha, 0);
    TSS_TPMA_NV_Print(nv, 0);
    const char *s = end();
    assert_line(s, "type TPMI_ALG_PUBLIC value 7777 unknown");
    assert_line(s, "TPMU_PUBLIC_PARMS selection 7777 not implemented");
    assert_line(s, "TPMU_PUBLIC_ID selection 7777 not implemented");
    assert_line(s, "  type TPMI_ST_ATTEST value 1234 unknown");
    assert_line(s, "  TPMU_ATTEST selection 1234 not implemented");
    assert_line(s, "  sigAlg TPM_ALG_ID value 4444 unknown");
    assert_line(s, "TPMU_SIGNATURE selection 4444 not implemented");
    assert_line(s, "capability TPM_CAP value 00000099 unknown");
    assert_line(s, "  TPMU_CAPABILITIES selection 00000099 not implemented");
    assert_line(s, "  TPMU_HA selection 0006 not implemented");
    assert_line(s, "TPMA_NV type 0a unknown");
}

static void test_oversized(void **state)
{
    (void)state;
    TPML_PCR_SELECTION sel;
    memset(&sel, 0xff, sizeof(sel)); /* count 0xffffffff, sizeofSelect 255 */
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_RSA;
    pub.unique.rsa.t.size = 0xffff;
    TPMS_CAPABILITY_DATA cap;
    memset(&cap, 0, sizeof(cap));
    cap.capability = TPM_CAP_TPM_PROPERTIES;
    cap.data.tpmProperties.count = 100000;
    TPM2B_ATTEST blob;
    memset(&blob, 0, sizeof(blob));
    blob.t.size = 3; /* too short to be a TPMS_ATTEST */
    begin();
    TSS_TPML_PCR_SELECTION_Print(&sel, 0);
    TSS_TPMT_PUBLIC_Print(&pub, 0);
    TSS_TPMS_CAPABILITY_DATA_Print(&cap, 0);
    TSS_TPM2B_ATTEST_Print(&blob, 0);
    const char *s = end();
    assert_line(s, "TPML_PCR_SELECTION count 4294967295 is over its maximum 16");
    assert_line(s, "  TPMS_PCR_SELECTION sizeofSelect 255 is over its maximum 8");
    assert_line(s, "TPM_ALG_RSA rsa length 65535 is over its maximum 2048");
    assert_non_null(strstr(s, "TPML_TAGGED_TPM_PROPERTY count 100000 is over its maximum"));
    assert_line(s, "TPMS_ATTEST_Unmarshal failed");
}

/* every printer over random bytes: whatever the selectors and counts, nothing reads outside */
static void test_random_bytes(void **state)
{
    (void)state;
    static union {
        TPMT_PUBLIC pub;
        TPM2B_PUBLIC pub2b;
        TPMS_ATTEST att;
        TPM2B_ATTEST att2b;
        TPMT_SIGNATURE sig;
        TPMS_CAPABILITY_DATA cap;
        TPMS_NV_PUBLIC nv;
        TPMS_CONTEXT ctx;
        TPMS_CREATION_DATA cd;
        TPMT_SENSITIVE sens;
        TPMS_ALGORITHM_DETAIL_ECC ecc;
        TPMT_TK_CREATION tk;
        TPML_DIGEST dl;
        TPML_DIGEST_VALUES dv;
        TPMT_SYM_DEF sym;
        TPMT_KEYEDHASH_SCHEME kh;
        TPMT_SIG_SCHEME ss;
        TPMT_ASYM_SCHEME as;
        TPMT_RSA_DECRYPT rd;
        TPMS_AUTH_COMMAND ac;
        BYTE bytes[1];
    } u;
    static BYTE raw[sizeof(u)];
    srand(12345);
    /* the output is not checked here, and it is large: it goes to /dev/null */
    fflush(stdout);
    int quiet = open("/dev/null", O_WRONLY);
    int keep = dup(1);
    assert_true(quiet >= 0 && keep >= 0);
    dup2(quiet, 1);
    close(quiet);
    for (int round = 0; round < 300; round++) {
        for (size_t i = 0; i < sizeof(raw); i++)
            raw[i] = (BYTE)rand();
        /* now and then a plausible selector, so the union members get walked too */
        static const UINT16 sels[] = {TPM_ALG_RSA,       TPM_ALG_ECC,    TPM_ALG_KEYEDHASH,
                                      TPM_ALG_SYMCIPHER, TPM_ALG_RSASSA, TPM_ALG_ECDSA,
                                      TPM_ALG_HMAC,      TPM_ALG_ECDAA};
        memcpy(&u, raw, sizeof(u));
        if (round % 2) {
            u.pub.type = sels[round / 2 % 8];
            u.sig.sigAlg = sels[round / 2 % 8];
        }
        TSS_TPMT_PUBLIC_Print(&u.pub, 0);
        TSS_TPMT_SIGNATURE_Print(&u.sig, 0);
        memcpy(&u, raw, sizeof(u));
        u.att.type = (TPMI_ST_ATTEST)(TPM_ST_ATTEST_NV + round % 9);
        TSS_TPMS_ATTEST_Print(&u.att, 0);
        memcpy(&u, raw, sizeof(u));
        u.cap.capability = (TPM_CAP)(round % 12);
        TSS_TPMS_CAPABILITY_DATA_Print(&u.cap, 0);
        memcpy(&u, raw, sizeof(u));
        TSS_TPM2B_PUBLIC_Print("p", &u.pub2b, 0);
        TSS_TPM2B_ATTEST_Print(&u.att2b, 0);
        TSS_TPMS_NV_PUBLIC_Print(&u.nv, 0);
        TSS_TPMS_CONTEXT_Print(&u.ctx, 0);
        TSS_TPMS_CREATION_DATA_Print(&u.cd, 0);
        TSS_TPMT_SENSITIVE_Print(&u.sens, 0);
        TSS_TPMS_ALGORITHM_DETAIL_ECC_Print(&u.ecc, 0);
        TSS_TPMT_TK_CREATION_Print(&u.tk, 0);
        TSS_TPML_DIGEST_Print(&u.dl, 0);
        TSS_TPML_DIGEST_VALUES_Print(&u.dv, 0);
        TSS_TPMT_SYM_DEF_Print(&u.sym, 0);
        TSS_TPMT_KEYEDHASH_SCHEME_Print(&u.kh, 0);
        TSS_TPMT_SIG_SCHEME_Print(&u.ss, 0);
        TSS_TPMT_ASYM_SCHEME_Print(&u.as, 0);
        TSS_TPMT_RSA_DECRYPT_Print(&u.rd, 0);
        TSS_TPMS_AUTH_COMMAND_Print(&u.ac, 0);
        TSS_Structure_Print("TPMT_PUBLIC", &u.pub, 0);
    }
    fflush(stdout);
    dup2(keep, 1);
    close(keep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rsa_storage_key),
        cmocka_unit_test(test_ecc_signing_key),
        cmocka_unit_test(test_attest_quote),
        cmocka_unit_test(test_attest_certify),
        cmocka_unit_test(test_signatures),
        cmocka_unit_test(test_pcr_selection),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_enumerations),
        cmocka_unit_test(test_capability_properties),
        cmocka_unit_test(test_capability_algorithms),
        cmocka_unit_test(test_capability_others),
        cmocka_unit_test(test_unknown_selectors),
        cmocka_unit_test(test_oversized),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
