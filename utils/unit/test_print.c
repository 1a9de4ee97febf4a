/* SPDX-License-Identifier: BSD-3-Clause */
/* Structure printing: member names, algorithm names, unions by selector, byte buffers, and
 * hostile objects (unknown selector, count over its maximum) print a note instead of crashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tss2/tssprint.h"

static char out[16384];

/* runs fn with stdout sent to a temporary file, and reads the text back */
static const char *capture(void (*fn)(const void *), const void *arg)
{
    char path[] = "/tmp/tss-print-XXXXXX";
    int fd = mkstemp(path);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd, 1);
    fn(arg);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, out, sizeof(out) - 1);
    out[n > 0 ? n : 0] = 0;
    close(fd);
    unlink(path);
    return out;
}

static void print_public(const void *p)
{
    TSS_TPMT_PUBLIC_Print(p, 0);
}

static void print_sig(const void *p)
{
    TSS_TPMT_SIGNATURE_Print(p, 0);
}

static void print_sel(const void *p)
{
    TSS_TPML_PCR_SELECTION_Print(p, 0);
}

static void print_attrs(const void *p)
{
    TSS_TPMA_OBJECT_Print("objectAttributes", *(const TPMA_OBJECT *)p, 0);
}

static void test_rsa_public(void **state)
{
    (void)state;
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_RSA;
    pub.nameAlg = TPM_ALG_SHA256;
    pub.parameters.rsaDetail.symmetric.algorithm = TPM_ALG_AES;
    pub.parameters.rsaDetail.symmetric.keyBits.aes = 128;
    pub.parameters.rsaDetail.symmetric.mode.aes = TPM_ALG_CFB;
    pub.parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
    pub.parameters.rsaDetail.keyBits = 2048;
    pub.unique.rsa.t.size = 3;
    memcpy(pub.unique.rsa.t.buffer, "\x01\x02\x03", 3);
    const char *s = capture(print_public, &pub);
    assert_non_null(strstr(s, "type 0001 TPM_ALG_RSA"));
    assert_non_null(strstr(s, "nameAlg 000b TPM_ALG_SHA256"));
    assert_non_null(strstr(s, "rsaDetail"));
    assert_non_null(strstr(s, "keyBits 0080"));
    assert_non_null(strstr(s, "mode 0043 TPM_ALG_CFB"));
    assert_non_null(strstr(s, "keyBits 0800"));
    assert_non_null(strstr(s, "unique length 3"));
    assert_non_null(strstr(s, "01 02 03"));
}

static void test_hostile_objects(void **state)
{
    (void)state;
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = 0x7777; /* no such algorithm: the unions cannot be chosen */
    const char *s = capture(print_public, &pub);
    assert_non_null(strstr(s, "selector 00007777 unknown"));
    TPML_PCR_SELECTION sel;
    memset(&sel, 0xff, sizeof(sel)); /* count 0xffffffff */
    s = capture(print_sel, &sel);
    assert_non_null(strstr(s, "over its maximum"));
}

static void test_signature_and_selection(void **state)
{
    (void)state;
    TPMT_SIGNATURE sig;
    memset(&sig, 0, sizeof(sig));
    sig.sigAlg = TPM_ALG_ECDSA;
    sig.signature.ecdsa.hash = TPM_ALG_SHA384;
    sig.signature.ecdsa.signatureR.t.size = 2;
    const char *s = capture(print_sig, &sig);
    assert_non_null(strstr(s, "sigAlg 0018 TPM_ALG_ECDSA"));
    assert_non_null(strstr(s, "hash 000c TPM_ALG_SHA384"));
    assert_non_null(strstr(s, "signatureR length 2"));
    TPML_PCR_SELECTION sel;
    memset(&sel, 0, sizeof(sel));
    sel.count = 1;
    sel.pcrSelections[0].hash = TPM_ALG_SHA1;
    sel.pcrSelections[0].sizeofSelect = 3;
    sel.pcrSelections[0].pcrSelect[2] = 0x81;
    s = capture(print_sel, &sel);
    assert_non_null(strstr(s, "hash 0004 TPM_ALG_SHA1"));
    assert_non_null(strstr(s, "pcrSelect length 3"));
    assert_non_null(strstr(s, "00 00 81"));
    TPMA_OBJECT a = {TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_SIGN};
    s = capture(print_attrs, &a);
    assert_non_null(strstr(s, "TPMA_OBJECT fixedTPM"));
    assert_non_null(strstr(s, "TPMA_OBJECT sign"));
    assert_null(strstr(s, "TPMA_OBJECT decrypt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rsa_public),
        cmocka_unit_test(test_hostile_objects),
        cmocka_unit_test(test_signature_and_selection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
