/* SPDX-License-Identifier: BSD-3-Clause */
/* TSS_ResponseCode_toString: one case per kind of code, every TSS code by name, and
 * sweeps that no code ever yields a NULL or empty main text. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tss2/tsserror.h"
#include "tss2/tssresponsecode.h"

typedef struct {
    const char *msg;
    const char *submsg;
    const char *num;
} decoded;

static decoded decode(uint32_t rc)
{
    decoded d = {NULL, NULL, NULL};
    TSS_ResponseCode_toString(&d.msg, &d.submsg, &d.num, rc);
    assert_non_null(d.msg);
    assert_non_null(d.submsg);
    assert_non_null(d.num);
    return d;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* msg must be "<name> - <something>", the "name" being exactly name */
static void expect_name(uint32_t rc, const char *name)
{
    decoded d = decode(rc);
    size_t len = strlen(name);

    if (strncmp(d.msg, name, len) != 0 || strncmp(d.msg + len, " - ", 3) != 0 ||
        d.msg[len + 3] == '\0') {
        fail_msg("rc %08x: expected \"%s - ...\", got \"%s\"", (unsigned)rc, name, d.msg);
    }
}

static void expect_position(uint32_t rc, const char *name, const char *submsg,
                            const char *num)
{
    decoded d = decode(rc);

    expect_name(rc, name);
    assert_string_equal(d.submsg, submsg);
    assert_string_equal(d.num, num);
}

static void expect_plain(uint32_t rc, const char *prefix)
{
    decoded d = decode(rc);

    if (!starts_with(d.msg, prefix))
        fail_msg("rc %08x: expected \"%s...\", got \"%s\"", (unsigned)rc, prefix, d.msg);
    assert_string_equal(d.submsg, "");
    assert_string_equal(d.num, "");
}

static void test_success(void **state)
{
    (void)state;
    expect_name(0, "TPM_RC_SUCCESS");
    expect_plain(0, "TPM_RC_SUCCESS");
}

static void test_format_zero(void **state)
{
    (void)state;
    expect_name(0x100, "TPM_RC_INITIALIZE");
    expect_name(0x101, "TPM_RC_FAILURE");
    expect_name(0x143, "TPM_RC_COMMAND_CODE");
    expect_name(0x14c, "TPM_RC_NV_DEFINED");
    expect_name(0x155, "TPM_RC_SENSITIVE");
    expect_plain(0x149, "TPM_RC_NV_AUTHORIZATION - ");
}

static void test_warning(void **state)
{
    (void)state;
    expect_name(0x922, "TPM_RC_RETRY");
    expect_plain(0x922, "TPM_RC_RETRY - ");
    expect_name(0x901, "TPM_RC_CONTEXT_GAP");
    expect_name(0x908, "TPM_RC_YIELDED");
    expect_name(0x910, "TPM_RC_REFERENCE_H0");
    expect_name(0x91e, "TPM_RC_REFERENCE_S6");
    expect_name(0x921, "TPM_RC_LOCKOUT");
    expect_name(0x923, "TPM_RC_NV_UNAVAILABLE");
    expect_name(0x97f, "TPM_RC_NOT_USED");
}

/* format one, P set: bits 8..11 number the parameter, 0 = unspecified */
static void test_format_one_parameter(void **state)
{
    (void)state;
    /* 0x2c4 = TPM_RC_VALUE (0x084) + TPM_RC_P (0x040) + TPM_RC_2 (0x200) */
    expect_position(0x2c4, "TPM_RC_VALUE", ", parameter ", "2");
    expect_position(0x1c4, "TPM_RC_VALUE", ", parameter ", "1");
    expect_position(0x0c4, "TPM_RC_VALUE", ", parameter ", "unspecified");
    /* parameters go up to 15, so N = 8..15 is not a session here */
    expect_position(0x9c4, "TPM_RC_VALUE", ", parameter ", "9");
    expect_position(0xfd5, "TPM_RC_SIZE", ", parameter ", "15");
    expect_position(0x3d8, "TPM_RC_SELECTOR", ", parameter ", "3");
}

/* format one, P and bit 11 clear: bits 8..10 number the handle */
static void test_format_one_handle(void **state)
{
    (void)state;
    /* 0x18b = TPM_RC_HANDLE (0x08b) + TPM_RC_1 (0x100) */
    expect_position(0x18b, "TPM_RC_HANDLE", ", handle ", "1");
    expect_position(0x2a2, "TPM_RC_BAD_AUTH", ", handle ", "2");
    expect_position(0x79c, "TPM_RC_KEY", ", handle ", "7");
    expect_position(0x097, "TPM_RC_TAG", ", handle ", "unspecified");
}

/* format one, P clear and bit 11 set: bits 8..10 number the session */
static void test_format_one_session(void **state)
{
    (void)state;
    /* 0xb8e = TPM_RC_AUTH_FAIL (0x08e) + TPM_RC_S (0x800) + TPM_RC_3 (0x300) */
    expect_position(0xb8e, "TPM_RC_AUTH_FAIL", ", session ", "3");
    expect_position(0x98e, "TPM_RC_AUTH_FAIL", ", session ", "1");
    expect_position(0x9a2, "TPM_RC_BAD_AUTH", ", session ", "1");
    expect_position(0x9a3, "TPM_RC_EXPIRED", ", session ", "1");
    expect_position(0x8a2, "TPM_RC_BAD_AUTH", ", session ", "unspecified");
}

static void test_newer_format_one(void **state)
{
    (void)state;
    expect_name(0x0a7, "TPM_RC_ECC_POINT");
    expect_name(0x0a8, "TPM_RC_FW_LIMITED");
    expect_name(0x0a9, "TPM_RC_SVN_LIMITED");
    expect_name(0x0b0, "TPM_RC_CHANNEL");
    expect_name(0x0b1, "TPM_RC_CHANNEL_KEY");
}

static void test_tpm12_and_vendor(void **state)
{
    (void)state;
    expect_plain(0x001, "TPM 1.2 response code");
    expect_plain(0x03f, "TPM 1.2 response code");
    expect_plain(0x800, "TPM 1.2 response code");
    expect_plain(0xa01, "TPM 1.2 response code");
    expect_name(0x01e, "TPM_RC_BAD_TAG");
    expect_plain(0x500, "TPM vendor error");
    expect_plain(0x57f, "TPM vendor error");
    expect_plain(0xd00, "TPM vendor warning");
}

static void test_unknown(void **state)
{
    (void)state;
    expect_plain(0x17e, "response code unknown");     /* format-zero number not defined */
    expect_plain(0x900, "response code unknown");     /* warning number 0 not defined */
    expect_plain(0x940, "response code unknown");
    expect_plain(0x300, "response code unknown");     /* reserved bit 9 */
    expect_plain(0x1000, "response code unknown");    /* bits 12..15 */
    expect_plain(0x00020000, "response code unknown");/* another layer */
    expect_plain(0x80000000, "response code unknown");
    expect_plain(0xffffffff, "response code unknown");
    expect_plain(0x000b0000, "response code unknown");/* TSS layer, no such code */
    expect_plain(0x000b00ff, "response code unknown");
    expect_plain(0x000bffff, "response code unknown");
    /* a format-one number nobody defined still says where it happened */
    expect_position(0x0bf, "response code unknown", ", handle ", "unspecified");
    {
        decoded d = decode(0xfff);
        assert_true(starts_with(d.msg, "response code unknown"));
        assert_string_equal(d.submsg, ", parameter ");
        assert_string_equal(d.num, "15");
    }
}

#define TSS(name) {name, #name}

static const struct {
    uint32_t rc;
    const char *name;
} tss_codes[] = {
    TSS(TSS_RC_OUT_OF_MEMORY),         TSS(TSS_RC_ALLOC_INPUT),
    TSS(TSS_RC_MALLOC_SIZE),           TSS(TSS_RC_INSUFFICIENT_BUFFER),
    TSS(TSS_RC_BAD_PROPERTY),          TSS(TSS_RC_BAD_PROPERTY_VALUE),
    TSS(TSS_RC_INSUPPORTED_INTERFACE), TSS(TSS_RC_NO_CONNECTION),
    TSS(TSS_RC_BAD_CONNECTION),        TSS(TSS_RC_MALFORMED_RESPONSE),
    TSS(TSS_RC_NULL_PARAMETER),        TSS(TSS_RC_NOT_IMPLEMENTED),
    TSS(TSS_RC_FILE_OPEN),             TSS(TSS_RC_FILE_SEEK),
    TSS(TSS_RC_FILE_FTELL),            TSS(TSS_RC_FILE_READ),
    TSS(TSS_RC_FILE_CLOSE),            TSS(TSS_RC_FILE_WRITE),
    TSS(TSS_RC_FILE_REMOVE),           TSS(TSS_RC_RNG_FAILURE),
    TSS(TSS_RC_BAD_PWAP_NONCE),        TSS(TSS_RC_BAD_PWAP_ATTRIBUTES),
    TSS(TSS_RC_BAD_PWAP_HMAC),         TSS(TSS_RC_NAME_NOT_IMPLEMENTED),
    TSS(TSS_RC_MALFORMED_NV_PUBLIC),   TSS(TSS_RC_NAME_FILENAME),
    TSS(TSS_RC_MALFORMED_PUBLIC),      TSS(TSS_RC_DECRYPT_SESSIONS),
    TSS(TSS_RC_ENCRYPT_SESSIONS),      TSS(TSS_RC_NO_DECRYPT_PARAMETER),
    TSS(TSS_RC_NO_ENCRYPT_PARAMETER),  TSS(TSS_RC_BAD_DECRYPT_ALGORITHM),
    TSS(TSS_RC_BAD_ENCRYPT_ALGORITHM), TSS(TSS_RC_AES_ENCRYPT_FAILURE),
    TSS(TSS_RC_AES_DECRYPT_FAILURE),   TSS(TSS_RC_BAD_ENCRYPT_SIZE),
    TSS(TSS_RC_AES_KEYGEN_FAILURE),    TSS(TSS_RC_BAD_SALT_KEY),
    TSS(TSS_RC_KDFA_FAILED),           TSS(TSS_RC_HMAC),
    TSS(TSS_RC_HMAC_SIZE),             TSS(TSS_RC_HMAC_VERIFY),
    TSS(TSS_RC_BAD_HASH_ALGORITHM),    TSS(TSS_RC_HASH),
    TSS(TSS_RC_RSA_KEY_CONVERT),       TSS(TSS_RC_RSA_PADDING),
    TSS(TSS_RC_RSA_ENCRYPT),           TSS(TSS_RC_BIGNUM),
    TSS(TSS_RC_RSA_SIGNATURE),         TSS(TSS_RC_EC_SIGNATURE),
    TSS(TSS_RC_EC_KEY_CONVERT),        TSS(TSS_RC_BAD_SIGNATURE_ALGORITHM),
    TSS(TSS_RC_X509_ERROR),            TSS(TSS_RC_COMMAND_UNIMPLEMENTED),
    TSS(TSS_RC_IN_PARAMETER),          TSS(TSS_RC_OUT_PARAMETER),
    TSS(TSS_RC_BAD_HANDLE_NUMBER),     TSS(TSS_RC_KDFE_FAILED),
    TSS(TSS_RC_EC_EPHEMERAL_FAILURE),  TSS(TSS_RC_NO_SESSION_SLOT),
    TSS(TSS_RC_NO_OBJECTPUBLIC_SLOT),  TSS(TSS_RC_NO_NVPUBLIC_SLOT),
    TSS(TSS_RC_TIMEOUT),               TSS(TSS_RC_STATE_FILE),
    TSS(TSS_RC_STATE_KEY),             TSS(TSS_RC_RESPONSE_TAG),
    TSS(TSS_RC_RETRY_EXHAUSTED),       TSS(TSS_RC_BAD_ARGUMENT),         TSS(TSS_RC_NO_CRYPTO),
    TSS(TSS_RC_BAD_READ_VALUE),        TSS(TSS_RC_SESSION_NUMBER),
    TSS(TSS_RC_PEM_ERROR),             TSS(TSS_RC_FAIL),
};

static void test_tss_codes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(tss_codes) / sizeof(tss_codes[0]); i++) {
        expect_name(tss_codes[i].rc, tss_codes[i].name);
        expect_plain(tss_codes[i].rc, "TSS_RC_");
    }
}

/* Counts "#define TSS_RC_" lines in tsserror.h when the source tree is reachable, so
 * a code added there must also be added to the list above (and so get a text). */
static void test_tss_list_complete(void **state)
{
    static const char *const paths[] = {"utils/tss2/tsserror.h", "../tss2/tsserror.h",
                                         "tss2/tsserror.h"};
    FILE *f = NULL;
    char line[256];
    size_t defines = 0;

    (void)state;
    for (size_t i = 0; f == NULL && i < sizeof(paths) / sizeof(paths[0]); i++)
        f = fopen(paths[i], "r");
    if (f == NULL)
        skip();
    while (fgets(line, sizeof(line), f) != NULL) {
        if (starts_with(line, "#define TSS_RC_"))
            defines++;
    }
    fclose(f);
    assert_int_equal(defines, sizeof(tss_codes) / sizeof(tss_codes[0]));
}

static void check_sane(uint32_t rc)
{
    decoded d = decode(rc);

    if (d.msg[0] == '\0')
        fail_msg("rc %08x: empty text", (unsigned)rc);
    /* a position is given exactly when a number is */
    assert_int_equal(d.submsg[0] == '\0', d.num[0] == '\0');
}

static void test_sweep(void **state)
{
    (void)state;
    for (uint32_t rc = 0; rc <= 0xfff; rc++)
        check_sane(rc);
    for (uint32_t rc = 0x000b0000; rc <= 0x000b00ff; rc++)
        check_sane(rc);
    for (uint32_t shift = 0; shift < 32; shift++)
        check_sane((uint32_t)1 << shift);
    check_sane(0xffffffff);
}

/* every code that has a name in 0..0xfff is one of the TPM 2.0 forms */
static void test_sweep_names(void **state)
{
    size_t named = 0;

    (void)state;
    for (uint32_t rc = 0; rc <= 0xfff; rc++) {
        decoded d = decode(rc);
        if (starts_with(d.msg, "TPM_RC_"))
            named++;
    }
    /* 35 format-zero errors (+ SUCCESS and BAD_TAG), 29 warnings, and 41 format-one
     * errors each with 16 parameter, 8 handle and 8 session positions */
    assert_int_equal(named, 35 + 2 + 29 + 41 * 32);
}

static void test_null_outputs(void **state)
{
    const char *msg = NULL;

    (void)state;
    TSS_ResponseCode_toString(NULL, NULL, NULL, 0x2c4);
    TSS_ResponseCode_toString(&msg, NULL, NULL, 0x2c4);
    assert_non_null(msg);
    assert_true(starts_with(msg, "TPM_RC_VALUE"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_success),
        cmocka_unit_test(test_format_zero),
        cmocka_unit_test(test_warning),
        cmocka_unit_test(test_format_one_parameter),
        cmocka_unit_test(test_format_one_handle),
        cmocka_unit_test(test_format_one_session),
        cmocka_unit_test(test_newer_format_one),
        cmocka_unit_test(test_tpm12_and_vendor),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_tss_codes),
        cmocka_unit_test(test_tss_list_complete),
        cmocka_unit_test(test_sweep),
        cmocka_unit_test(test_sweep_names),
        cmocka_unit_test(test_null_outputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
