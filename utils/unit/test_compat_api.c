/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM TSS source compatibility of the public headers: the <ibmtss/...> include chain, the
 * per-command <Command>_fp.h headers and their RC_<Cmd>_<member> macros, IBM's named TPM2B
 * inner structures, TSS_RC_ values, the signed-size (1.x) marshal forms, sized structures
 * marshaled from their contents whatever .size holds (known bytes), LoadExternal's
 * inPrivate size-as-flag, TSS_TPMT_PUBLIC_D_Marshalu, and <Command>_In_Print.
 * The compile-time checks are _Static_asserts: this file does not build if one fails. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* the include lines an IBM 2.x program writes (utils/ibmtss is a link to utils/tss2) */
#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssmarshal.h>
#include <ibmtss/Unmarshal_fp.h>
#include <ibmtss/tssprintcmd.h>
#include <ibmtss/TpmBuildSwitches.h>
#include <ibmtss/Create_fp.h>
#include <ibmtss/NTC_fp.h>
/* and an IBM 1.x program's */
#include <tss2/tss.h>
#include <tss2/LoadExternal_fp.h>

#include "compat_nodeprecated.h"
#include "core/commands.h"
#include "print/print_int.h"

/* ---- these are this project's headers, not an installed IBM TSS picked up by accident ---- */
_Static_assert(TSS_RC_NO_CRYPTO == 0x000b00a6, "ours: a code IBM's tsserror.h does not have");
#ifndef TSS_TSS_H
#error "<ibmtss/tss.h> is not this project's tss.h"
#endif

/* ---- include chain: tss.h brings tsserror.h and tssprint.h ---- */
#ifndef TSS_TSSPRINT_H
#error "tss.h does not bring tssprint.h"
#endif
#ifndef LIB_EXPORT
#error "TpmBuildSwitches.h does not define LIB_EXPORT"
#endif

/* ---- TSS_RC_ values of IBM's tsserror.h ---- */
_Static_assert(TSS_RC_BAD_READ_VALUE == 0x000b000d, "TSS_RC_BAD_READ_VALUE");
_Static_assert(TSS_RC_SESSION_NUMBER == 0x000b005a, "TSS_RC_SESSION_NUMBER");
_Static_assert(TSS_RC_PEM_ERROR == 0x000b007f, "TSS_RC_PEM_ERROR");
_Static_assert(TSS_RC_FAIL == 0x000b0086, "TSS_RC_FAIL");
_Static_assert(TSS_RC_X509_ERROR == 0x000b007e, "TSS_RC_X509_ERROR");
_Static_assert(TSS_RC_NO_NVPUBLIC_SLOT == 0x000b0092, "TSS_RC_NO_NVPUBLIC_SLOT");

/* ---- types and macros ---- */
_Static_assert(TPMA_ACT_PRESERVE_SIGNALED == 0x00000002, "TPMA_ACT_PRESERVE_SIGNALED");
_Static_assert(_Generic(((CertifyX509_In *)0)->reserved, TPM2B_DATA: 1, default: 0),
               "CertifyX509_In.reserved is a TPM2B_DATA");

/* IBM's inner structure of each TPM2B: t has that type, and it is { size, buffer } */
#define INNER_2B(outer, inner, field)                                                             \
    _Static_assert(_Generic(((outer *)0)->t, inner: 1, default: 0), #outer ".t is " #inner);       \
    _Static_assert(offsetof(inner, size) == 0 && offsetof(inner, field) == 2 &&                     \
                       sizeof(inner) == sizeof(((outer *)0)->t),                                   \
                   #inner " layout")
INNER_2B(TPM2B_DIGEST, DIGEST_2B, buffer);
INNER_2B(TPM2B_DATA, DATA_2B, buffer);
INNER_2B(TPM2B_KEY, KEY_2B, buffer);
INNER_2B(TPM2B_EVENT, EVENT_2B, buffer);
INNER_2B(TPM2B_MAX_BUFFER, MAX_BUFFER_2B, buffer);
INNER_2B(TPM2B_MAX_NV_BUFFER, MAX_NV_BUFFER_2B, buffer);
INNER_2B(TPM2B_IV, IV_2B, buffer);
INNER_2B(TPM2B_NAME, NAME_2B, name);
INNER_2B(TPM2B_ATTEST, ATTEST_2B, attestationData);
INNER_2B(TPM2B_SYM_KEY, SYM_KEY_2B, buffer);
INNER_2B(TPM2B_SENSITIVE_DATA, SENSITIVE_DATA_2B, buffer);
INNER_2B(TPM2B_PUBLIC_KEY_RSA, PUBLIC_KEY_RSA_2B, buffer);
INNER_2B(TPM2B_PRIVATE_KEY_RSA, PRIVATE_KEY_RSA_2B, buffer);
INNER_2B(TPM2B_ECC_PARAMETER, ECC_PARAMETER_2B, buffer);
INNER_2B(TPM2B_ENCRYPTED_SECRET, ENCRYPTED_SECRET_2B, secret);
INNER_2B(TPM2B_PRIVATE, PRIVATE_2B, buffer);
INNER_2B(TPM2B_ID_OBJECT, ID_OBJECT_2B, credential);
INNER_2B(TPM2B_CONTEXT_SENSITIVE, CONTEXT_SENSITIVE_2B, buffer);
INNER_2B(TPM2B_CONTEXT_DATA, CONTEXT_DATA_2B, buffer);
INNER_2B(TPM2B_PRIVATE_VENDOR_SPECIFIC, PRIVATE_VENDOR_SPECIFIC_2B, buffer);
_Static_assert(_Generic(((TPM2B_SENSITIVE *)0)->t, SENSITIVE_2B: 1, default: 0), "SENSITIVE_2B");
_Static_assert(offsetof(SENSITIVE_2B, sensitiveArea) > 0, "SENSITIVE_2B.sensitiveArea");

/* sizes a program compiles in: IBM 2.x's values (ibmtss.doc lists the differences) */
_Static_assert(MAX_DIGEST_SIZE == sizeof(TPMU_HA) && sizeof(TPMU_HA) == 128, "MAX_DIGEST_SIZE");
_Static_assert(MAX_RSA_KEY_BYTES == 2048 && MAX_ECC_KEY_BYTES == 128, "key buffers");
_Static_assert(PCR_SELECT_MAX == 8 && HASH_COUNT == 16 && IMPLEMENTATION_PCR == 24, "PCR banks");
_Static_assert(MAX_CONTEXT_SIZE == 5120 && MAX_DIGEST_BUFFER == 2048 &&
                   MAX_NV_BUFFER_SIZE == 2048 && MAX_CAP_BUFFER == 2048,
               "buffers");
_Static_assert(MAX_SYM_DATA == 256 && MAX_ALG_LIST_SIZE == 128 && LABEL_MAX_BUFFER == 48 &&
                   MAX_SYM_KEY_BYTES == 32 && MAX_SYM_BLOCK_SIZE == 16,
               "small buffers");
_Static_assert(MAX_COMMAND_SIZE >= 4096 && MAX_RESPONSE_SIZE >= 4096, "at least IBM's");
_Static_assert(TPM_CC_LAST >= TPM_CC_PolicyParameters, "TPM_CC_LAST");

/* IBM's implemented-algorithm and -command switches, usable in #if */
#if !(ALG_RSA && ALG_ECC && ALG_SHA256 && !ALG_SM4 && CC_Create && CC_PolicySigned && \
      CC_NTC2_PreConfig && CC_YES == 1)
#error "ALG_ / CC_ switches"
#endif

/* RC_<Cmd>_<member>: handles TPM_RC_H + n, parameters TPM_RC_P + n, 1-based */
_Static_assert(RC_Create_parentHandle == (TPM_RC_H + TPM_RC_1), "RC_Create_parentHandle");
_Static_assert(RC_Create_inSensitive == 0x140 && RC_Create_creationPCR == 0x440, "RC_Create_");
_Static_assert(RC_PolicySecret_authHandle == 0x100 && RC_PolicySecret_policySession == 0x200,
               "two handles");
_Static_assert(RC_PolicySecret_expiration == (TPM_RC_P + TPM_RC_4), "RC_PolicySecret_expiration");
_Static_assert(RC_LoadExternal_inPrivate == 0x140 && RC_LoadExternal_hierarchy == 0x340,
               "RC_LoadExternal_");
_Static_assert(RC_NTC2_PreConfig_preConfig == 0x140, "NTC_fp.h");

/* ---- signatures: assigning to a pointer of IBM's type fails to compile if they differ ---- */
static TPM_RC (*const m1)(const TPMT_PUBLIC *, UINT16 *, BYTE **, INT32 *) = TSS_TPMT_PUBLIC_Marshal;
static TPM_RC (*const m2)(const TPMU_HA *, UINT16 *, BYTE **, INT32 *, UINT32) = TSS_TPMU_HA_Marshal;
static TPM_RC (*const m3)(const TPMT_PUBLIC *, uint16_t *, BYTE **, uint32_t *) =
    TSS_TPMT_PUBLIC_D_Marshalu;
static TPM_RC (*const m4)(const TPMT_PUBLIC *, UINT16 *, BYTE **, INT32 *) = TSS_TPMT_PUBLIC_D_Marshal;
static TPM_RC (*const m5)(const Create_In *, UINT16 *, BYTE **, INT32 *) = TSS_Create_In_Marshal;
static TPM_RC (*const u1)(TPM2B_PUBLIC *, BYTE **, INT32 *, BOOL) = TPM2B_PUBLIC_Unmarshal;
static TPM_RC (*const u2)(TPML_DIGEST *, BYTE **, INT32 *, uint32_t) = TPML_DIGEST_Unmarshal;
static TPM_RC (*const u3)(TPMU_HA *, BYTE **, INT32 *, UINT32) = TPMU_HA_Unmarshal;
static TPM_RC (*const u4)(Create_Out *, TPM_ST, BYTE **, INT32 *) = TSS_Create_Out_Unmarshal;
static TPM_RC (*const u5)(TPM2B *, UINT16, BYTE **, INT32 *) = TPM2B_Unmarshal;
static void (*const p1)(const Create_In *, unsigned int) = Create_In_Print;

/* TPMB.h's helper macros */
TPM2B_BYTE_VALUE(4);
TPM2B_STRING(label_identity, "IDENTITY");
_Static_assert(sizeof(((TPM2B_4_BYTE_VALUE *)0)->t.buffer) == 4, "TPM2B_BYTE_VALUE");

static void test_signatures_link(void **state)
{
    (void)state;
    /* tss.h declares the byte-order functions, as IBM's chain does */
    uint32_t be = htonl(0x01020304);
    assert_memory_equal(&be, "\x01\x02\x03\x04", 4);
    assert_int_equal(ntohs(htons(0x1234)), 0x1234);
    /* TPMB.h: a label with its zero byte, a TPM2B sized to its whole buffer */
    assert_int_equal(label_identity->size, 9);
    assert_memory_equal(label_identity->buffer, "IDENTITY", 9);
    TPM2B_INIT(DIGEST, full);
    assert_int_equal(full.t.size, sizeof(full.t.buffer));
    assert_int_equal(full.t.buffer[0], 0);
    /* referenced, so the linker must find every one in the library */
    assert_non_null(m1);
    assert_non_null(m2);
    assert_non_null(m3);
    assert_non_null(m4);
    assert_non_null(m5);
    assert_non_null(u1);
    assert_non_null(u2);
    assert_non_null(u3);
    assert_non_null(u4);
    assert_non_null(u5);
    assert_non_null(p1);
    /* a translation unit with TPM_TSS_NODEPRECATED declares its own variable named like a
     * signed form: it would not compile if the headers still declared the function */
    assert_int_equal(compat_nodeprecated_probe(), 1);
}

/* ---- marshal behaviour, known bytes ---- */

static BYTE wire[4096];

/* marshals with the unsigned form, checks the bytes, and that the signed form agrees */
static uint32_t put_u(TPM_RC (*f)(const void *, uint16_t *, BYTE **, uint32_t *), const void *src)
{
    uint16_t written = 0;
    BYTE *p = wire;
    uint32_t room = sizeof(wire);
    assert_int_equal(f(src, &written, &p, &room), 0);
    assert_int_equal(written, (uint32_t)(p - wire));
    assert_int_equal(room, sizeof(wire) - written);
    return written;
}

#define PUT(fn, src) put_u((TPM_RC(*)(const void *, uint16_t *, BYTE **, uint32_t *))(fn), (src))

static void expect_bytes(uint32_t n, const BYTE *want, size_t wn)
{
    assert_int_equal(n, wn);
    assert_memory_equal(wire, want, wn);
}

static void set2b(TPM2B *b, const char *bytes)
{
    b->size = (UINT16)strlen(bytes);
    memcpy(b->buffer, bytes, b->size);
}

static void test_ecc_point_size_computed(void **state)
{
    (void)state;
    static const BYTE want[] = {0x00, 0x06, 0x00, 0x01, 'x', 0x00, 0x01, 'y'};
    static const BYTE empty[] = {0x00, 0x04, 0x00, 0x00, 0x00, 0x00};
    TPM2B_ECC_POINT pt;
    memset(&pt, 0, sizeof(pt));
    set2b(&pt.point.x.b, "x");
    set2b(&pt.point.y.b, "y");
    const UINT16 sizes[] = {0, 1, 6, 0x1234, 0xffff};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        pt.size = sizes[i]; /* whatever the caller left */
        expect_bytes(PUT(TSS_TPM2B_ECC_POINT_Marshalu, &pt), want, sizeof(want));
    }
    /* the empty point (Commit's P1 when absent) is two empty coordinates, as IBM sends */
    memset(&pt, 0, sizeof(pt));
    expect_bytes(PUT(TSS_TPM2B_ECC_POINT_Marshalu, &pt), empty, sizeof(empty));
    /* and reads back as such */
    BYTE *p = wire;
    uint32_t left = sizeof(empty);
    memset(&pt, 0xa5, sizeof(pt));
    assert_int_equal(TSS_TPM2B_ECC_POINT_Unmarshalu(&pt, &p, &left), 0);
    assert_int_equal(pt.size, 4);
    assert_int_equal(pt.point.x.t.size, 0);
    assert_int_equal(left, 0);
}

static void fill_sensitive(TPM2B_SENSITIVE *s)
{
    memset(s, 0, sizeof(*s));
    s->t.sensitiveArea.sensitiveType = TPM_ALG_KEYEDHASH;
    set2b(&s->t.sensitiveArea.authValue.b, "a");
    set2b(&s->t.sensitiveArea.sensitive.bits.b, "d");
}

static void test_sensitive_size_computed(void **state)
{
    (void)state;
    static const BYTE want[] = {0x00, 0x0a, 0x00, 0x08, 0x00, 0x01, 'a',
                                0x00, 0x00, 0x00, 0x01, 'd'};
    TPM2B_SENSITIVE s;
    fill_sensitive(&s);
    s.t.size = 0; /* IBM marshals the contents even with size 0 */
    expect_bytes(PUT(TSS_TPM2B_SENSITIVE_Marshalu, &s), want, sizeof(want));
    s.t.size = 0x7777;
    expect_bytes(PUT(TSS_TPM2B_SENSITIVE_Marshalu, &s), want, sizeof(want));
    /* an all-zero sensitive area has no valid type: an error, never a bare size 0 */
    memset(&s, 0, sizeof(s));
    uint16_t written = 0;
    BYTE *p = wire;
    assert_int_equal(TSS_TPM2B_SENSITIVE_Marshalu(&s, &written, &p, NULL), TPM_RC_SELECTOR);
    assert_ptr_equal(p, wire);
}

/* a keyed-hash public area, 14 bytes on the wire */
static void fill_public(TPMT_PUBLIC *pub)
{
    memset(pub, 0, sizeof(*pub));
    pub->type = TPM_ALG_KEYEDHASH;
    pub->nameAlg = TPM_ALG_SHA256;
    pub->objectAttributes.val = TPMA_OBJECT_USERWITHAUTH;
    pub->parameters.keyedHashDetail.scheme.scheme = TPM_ALG_NULL;
}

#define PUBLIC_BYTES 0x00, 0x08, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x10

static void test_other_sized_computed(void **state)
{
    (void)state;
    static const BYTE pub[] = {0x00, 0x0e, PUBLIC_BYTES, 0x00, 0x00};
    static const BYTE nv[] = {0x00, 0x0e, 0x01, 0x00, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x02,
                              0x00, 0x02, 0x00, 0x00, 0x00, 0x10};
    static const BYTE sc[] = {0x00, 0x05, 0x00, 0x01, 0xab, 0x00, 0x00};
    static const BYTE cd[] = {0x00, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                              0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    TPM2B_PUBLIC p2;
    memset(&p2, 0, sizeof(p2));
    fill_public(&p2.publicArea);
    p2.size = 3;
    expect_bytes(PUT(TSS_TPM2B_PUBLIC_Marshalu, &p2), pub, sizeof(pub));

    TPM2B_NV_PUBLIC n2;
    memset(&n2, 0, sizeof(n2));
    n2.nvPublic.nvIndex = 0x01000000;
    n2.nvPublic.nameAlg = TPM_ALG_SHA256;
    n2.nvPublic.attributes.val = TPMA_NVA_OWNERWRITE | TPMA_NVA_OWNERREAD;
    n2.nvPublic.dataSize = 16;
    expect_bytes(PUT(TSS_TPM2B_NV_PUBLIC_Marshalu, &n2), nv, sizeof(nv));

    TPM2B_SENSITIVE_CREATE s2;
    memset(&s2, 0, sizeof(s2));
    s2.sensitive.userAuth.t.size = 1;
    s2.sensitive.userAuth.t.buffer[0] = 0xab;
    expect_bytes(PUT(TSS_TPM2B_SENSITIVE_CREATE_Marshalu, &s2), sc, sizeof(sc));

    TPM2B_CREATION_DATA c2;
    memset(&c2, 0, sizeof(c2));
    c2.size = 0;
    c2.creationData.parentNameAlg = TPM_ALG_SHA256;
    expect_bytes(PUT(TSS_TPM2B_CREATION_DATA_Marshalu, &c2), cd, sizeof(cd));
}

/* LoadExternal is the one place IBM reads .size 0 as "absent" */
static void test_loadexternal_inprivate_flag(void **state)
{
    (void)state;
    static const BYTE absent[] = {0x00, 0x00, 0x00, 0x0e, PUBLIC_BYTES, 0x00, 0x00,
                                  0x40, 0x00, 0x00, 0x07};
    static const BYTE present[] = {0x00, 0x0a, 0x00, 0x08, 0x00, 0x01, 'a', 0x00, 0x00,
                                   0x00, 0x01, 'd', 0x00, 0x0e, PUBLIC_BYTES, 0x00, 0x00,
                                   0x40, 0x00, 0x00, 0x07};
    LoadExternal_In in;
    memset(&in, 0, sizeof(in));
    fill_sensitive(&in.inPrivate);
    in.inPrivate.t.size = 0; /* filled, but flagged absent */
    fill_public(&in.inPublic.publicArea);
    in.hierarchy = TPM_RH_NULL;
    expect_bytes(PUT(TSS_LoadExternal_In_Marshalu, &in), absent, sizeof(absent));
    in.inPrivate.t.size = 1; /* any non-zero size: present, size computed */
    expect_bytes(PUT(TSS_LoadExternal_In_Marshalu, &in), present, sizeof(present));

    /* the signed form puts the same bytes and takes its room from an INT32 */
    BYTE buf[64];
    BYTE *p = buf;
    UINT16 written = 0;
    INT32 size = sizeof(buf);
    assert_int_equal(TSS_LoadExternal_In_Marshal(&in, &written, &p, &size), 0);
    assert_int_equal(written, sizeof(present));
    assert_int_equal(size, (INT32)(sizeof(buf) - sizeof(present)));
    assert_memory_equal(buf, present, sizeof(present));
}

static void test_public_d(void **state)
{
    (void)state;
    static const BYTE want[] = {PUBLIC_BYTES, 0x00, 0x01, 'L', 0x00, 0x01, 'C'};
    TPMT_PUBLIC pub;
    fill_public(&pub);
    set2b(&pub.unique.derive.label.b, "L");
    set2b(&pub.unique.derive.context.b, "C");
    expect_bytes(PUT(TSS_TPMT_PUBLIC_D_Marshalu, &pub), want, sizeof(want));
    /* too little room: an error and nothing written */
    BYTE buf[sizeof(want)];
    memset(buf, 0xee, sizeof(buf));
    BYTE *p = buf;
    uint16_t written = 0;
    uint32_t room = sizeof(want) - 1;
    assert_int_equal(TSS_TPMT_PUBLIC_D_Marshalu(&pub, &written, &p, &room),
                     TSS_RC_INSUFFICIENT_BUFFER);
    assert_ptr_equal(p, buf);
    assert_int_equal(written, 0);
    assert_int_equal(buf[0], 0xee);
    /* signed form */
    INT32 size = sizeof(buf);
    p = buf;
    assert_int_equal(TSS_TPMT_PUBLIC_D_Marshal(&pub, &written, &p, &size), 0);
    assert_int_equal(size, 0);
    assert_memory_equal(buf, want, sizeof(want));
}

static void test_signed_forms(void **state)
{
    (void)state;
    static const BYTE want[] = {0x00, 0x06, 0x00, 0x01, 'x', 0x00, 0x01, 'y'};
    TPM2B_ECC_POINT pt;
    memset(&pt, 0, sizeof(pt));
    set2b(&pt.point.x.b, "x");
    set2b(&pt.point.y.b, "y");
    BYTE buf[16];
    BYTE *p = buf;
    UINT16 written = 0;
    INT32 size = 4; /* too small */
    assert_int_equal(TSS_TPM2B_ECC_POINT_Marshal(&pt, &written, &p, &size),
                     TSS_RC_INSUFFICIENT_BUFFER);
    assert_ptr_equal(p, buf);
    assert_int_equal(size, 4);
    size = -1; /* a negative room is no room, never a huge one */
    assert_int_equal(TSS_TPM2B_ECC_POINT_Marshal(&pt, &written, &p, &size),
                     TSS_RC_INSUFFICIENT_BUFFER);
    assert_int_equal(written, 0);
    size = sizeof(buf);
    assert_int_equal(TSS_TPM2B_ECC_POINT_Marshal(&pt, &written, &p, &size), 0);
    assert_int_equal(written, sizeof(want));
    assert_int_equal(size, (INT32)(sizeof(buf) - sizeof(want)));
    assert_memory_equal(buf, want, sizeof(want));
    /* counting only: NULL buffer */
    written = 0;
    assert_int_equal(TSS_TPM2B_ECC_POINT_Marshal(&pt, &written, NULL, NULL), 0);
    assert_int_equal(written, sizeof(want));

    /* unmarshal: <T>_Unmarshal without the TSS_ prefix */
    TPM2B_ECC_POINT back;
    memset(&back, 0, sizeof(back));
    p = buf;
    size = -1;
    assert_int_equal(TPM2B_ECC_POINT_Unmarshal(&back, &p, &size), TPM_RC_INSUFFICIENT);
    assert_int_equal(TPM2B_ECC_POINT_Unmarshal(&back, &p, NULL), TSS_RC_NULL_PARAMETER);
    size = sizeof(want) - 1; /* the stream ends before the size it announces */
    assert_int_equal(TPM2B_ECC_POINT_Unmarshal(&back, &p, &size), TPM_RC_INSUFFICIENT);
    assert_ptr_equal(p, buf);
    assert_int_equal(size, sizeof(want) - 1);
    size = sizeof(want);
    assert_int_equal(TPM2B_ECC_POINT_Unmarshal(&back, &p, &size), 0);
    assert_int_equal(size, 0);
    assert_int_equal(back.size, 6);
    assert_int_equal(back.point.y.t.buffer[0], 'y');

    /* a response: handles, then (with sessions) parameterSize, then the parameters */
    static const BYTE rsp[] = {0x00, 0x02, 0xaa, 0xbb};
    GetRandom_Out out;
    p = (BYTE *)rsp;
    size = sizeof(rsp);
    assert_int_equal(TSS_GetRandom_Out_Unmarshal(&out, TPM_ST_NO_SESSIONS, &p, &size), 0);
    assert_int_equal(out.randomBytes.t.size, 2);
    assert_int_equal(out.randomBytes.t.buffer[1], 0xbb);
    assert_int_equal(size, 0);

    /* TPML_DIGEST with IBM's minCount */
    static const BYTE one[] = {0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x5a};
    TPML_DIGEST dl;
    p = (BYTE *)one;
    size = sizeof(one);
    assert_int_equal(TPML_DIGEST_Unmarshal(&dl, &p, &size, 2), TPM_RC_SIZE);
    p = (BYTE *)one;
    size = sizeof(one);
    assert_int_equal(TPML_DIGEST_Unmarshal(&dl, &p, &size, 1), 0);
    assert_int_equal(dl.count, 1);
}

/* ---- <Command>_In_Print ---- */

static char out_text[8192];

static const char *print_of(void (*fn)(const void *, unsigned int), const void *in)
{
    char path[] = "/tmp/tss-compat-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd, 1);
    fn(in, 2);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, out_text, sizeof(out_text) - 1);
    close(fd);
    out_text[n > 0 ? n : 0] = '\0';
    return out_text;
}

#define PRINT_OF(fn, in) print_of((void (*)(const void *, unsigned int))(fn), (in))

static void test_in_print(void **state)
{
    (void)state;
    GetRandom_In gr = {.bytesRequested = 0x20};
    const char *s = PRINT_OF(GetRandom_In_Print, &gr);
    assert_non_null(strstr(s, "  TPM2_GetRandom\n"));
    assert_non_null(strstr(s, "    bytesRequested 0020\n"));

    Create_In cr;
    memset(&cr, 0, sizeof(cr));
    cr.parentHandle = 0x80000001;
    fill_public(&cr.inPublic.publicArea);
    set2b(&cr.outsideInfo.b, "\x5a");
    s = PRINT_OF(Create_In_Print, &cr);
    assert_non_null(strstr(s, "  TPM2_Create\n"));
    /* IBM's printers: handles, public areas, TPM2Bs as bytes, PCR selections */
    assert_non_null(strstr(s, "    parentHandle TPM_HANDLE 80000001\n"));
    assert_non_null(strstr(s, "    inPublic\n"));
    assert_non_null(strstr(s, "type TPM_ALG_KEYEDHASH\n"));
    assert_non_null(strstr(s, "    outsideInfo length 1\n    5a \n"));
    assert_non_null(strstr(s, "    TPML_PCR_SELECTION count 0\n"));

    StartAuthSession_In sa;
    memset(&sa, 0, sizeof(sa));
    sa.tpmKey = TPM_RH_NULL;
    sa.bind = TPM_RH_NULL;
    sa.sessionType = TPM_SE_POLICY;
    sa.symmetric.algorithm = TPM_ALG_AES;
    sa.symmetric.keyBits.aes = 128;
    sa.symmetric.mode.aes = TPM_ALG_CFB;
    sa.authHash = TPM_ALG_SHA256;
    s = PRINT_OF(StartAuthSession_In_Print, &sa);
    assert_non_null(strstr(s, "    tpmKey TPM_RH_NULL\n"));
    assert_non_null(strstr(s, "    sessionType TPM_SE_POLICY\n"));
    assert_non_null(strstr(s, "    mode TPM_ALG_CFB\n"));
    assert_non_null(strstr(s, "    authHash TPM_ALG_SHA256\n"));

    /* a count over its maximum prints a note, never reads past the array */
    PolicyOR_In por;
    memset(&por, 0, sizeof(por));
    por.pHashList.count = 1000;
    s = PRINT_OF(PolicyOR_In_Print, &por);
    assert_non_null(strstr(s, "over its maximum"));
    /* a TPM2B size over its buffer too */
    s = PRINT_OF(GetRandom_In_Print, NULL); /* NULL: the title only */
    assert_string_equal(s, "  TPM2_GetRandom\n");
    StirRandom_In st;
    memset(&st, 0, sizeof(st));
    st.inData.t.size = 0xffff;
    s = PRINT_OF(StirRandom_In_Print, &st);
    assert_non_null(strstr(s, "inData size 65535 is over its maximum"));
}

/* every command's In printed from hostile contents (random bytes: counts and sizes over
 * their maximum, unknown selectors): it finishes and never reads outside the object (the
 * ASan build runs it too); the output is not checked and goes to /dev/null */
static void test_in_print_hostile(void **state)
{
    (void)state;
    static BYTE obj[sizeof(COMMAND_PARAMETERS)];
    uint32_t x = 0x12345678;
    fflush(stdout);
    int keep = dup(1);
    int quiet = open("/dev/null", O_WRONLY);
    assert_true(keep >= 0 && quiet >= 0);
    dup2(quiet, 1);
    close(quiet);
    unsigned printed = 0;
    for (size_t c = 0; c < tss_commands_count; c++) {
        const tss_type *t = tss_commands[c].in;
        if (t == NULL)
            continue;
        assert_true(t->csize <= sizeof(obj));
        for (int round = 0; round < 8; round++) {
            for (size_t i = 0; i < t->csize; i++) {
                x = x * 1103515245u + 12345u; /* any bytes will do */
                obj[i] = (BYTE)(x >> 16);
            }
            tss_print_command_in(tss_commands[c].name, t, obj, 0);
            printed++;
        }
    }
    fflush(stdout);
    dup2(keep, 1);
    close(keep);
    assert_true(printed > 100 * 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signatures_link),
        cmocka_unit_test(test_ecc_point_size_computed),
        cmocka_unit_test(test_sensitive_size_computed),
        cmocka_unit_test(test_other_sized_computed),
        cmocka_unit_test(test_loadexternal_inprivate_flag),
        cmocka_unit_test(test_public_d),
        cmocka_unit_test(test_signed_forms),
        cmocka_unit_test(test_in_print),
        cmocka_unit_test(test_in_print_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
