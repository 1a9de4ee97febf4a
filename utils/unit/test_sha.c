/* SPDX-License-Identifier: BSD-3-Clause */
/* Native SHA-1/256/384/512, HMAC and state sealing: FIPS 180-4 / RFC 4231 vectors, and
 * agreement with OpenSSL on random inputs fed in random pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/aes.h"
#include "crypto/crypto.h"
#include "crypto/sha.h"
#include "tss2/tsserror.h"

static const TPM_ALG_ID algs[4] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384, TPM_ALG_SHA512};
static const char *const ossl_names[4] = {"SHA1", "SHA256", "SHA384", "SHA512"};
static const size_t sizes[4] = {20, 32, 48, 64};

static void hex(const char *h, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        assert_int_equal(sscanf(h + 2 * i, "%2x", &v), 1);
        out[i] = (uint8_t)v;
    }
}

static void check_native(TPM_ALG_ID alg, const void *msg, size_t len, const char *want_hex)
{
    uint8_t got[64], want[64];
    tss_chunk ch = {msg, len};
    size_t n = strlen(want_hex) / 2;
    hex(want_hex, want, n);
    assert_int_equal(tss_hash(alg, &ch, 1, got), 0);
    assert_memory_equal(got, want, n);
}

/* FIPS 180-4 example messages */
static void test_fips_vectors(void **state)
{
    (void)state;
    const char *abc = "abc";
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                       "klmnopqrlmnopqrsmnopqrstnopqrstu";
    check_native(TPM_ALG_SHA1, abc, 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
    check_native(TPM_ALG_SHA1, two, strlen(two), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    check_native(TPM_ALG_SHA256, abc, 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_native(TPM_ALG_SHA256, two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_native(TPM_ALG_SHA256, "", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_native(TPM_ALG_SHA384, abc, 3,
                 "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    check_native(TPM_ALG_SHA512, abc, 3,
                 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                 "454d4423643ce80e2a9ac94fa54ca49f");
    check_native(TPM_ALG_SHA512, four, strlen(four),
                 "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433a"
                 "c7d329eeb6dd26545e96e55b874be909");
    /* one million 'a', fed in pieces of 1000 */
    static uint8_t a[1000];
    memset(a, 'a', sizeof(a));
    tss_sha_ctx c;
    uint8_t got[32], want[32];
    assert_int_equal(tss_sha_init(&c, TPM_ALG_SHA256), 0);
    for (int i = 0; i < 1000; i++)
        tss_sha_update(&c, a, sizeof(a));
    tss_sha_final(&c, got);
    hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", want, 32);
    assert_memory_equal(got, want, 32);
}

/* RFC 4231 test case 2 (short key) and 6 (key longer than the block) */
static void test_hmac_vectors(void **state)
{
    (void)state;
    uint8_t got[64], want[64], key[131];
    tss_chunk ch = {"what do ya want for nothing?", 28};
    assert_int_equal(tss_hmac(TPM_ALG_SHA256, (const uint8_t *)"Jefe", 4, &ch, 1, got), 0);
    hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", want, 32);
    assert_memory_equal(got, want, 32);
    assert_int_equal(tss_hmac(TPM_ALG_SHA512, (const uint8_t *)"Jefe", 4, &ch, 1, got), 0);
    hex("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
        "caeab1a34d4a6b4b636e070a38bce737", want, 64);
    assert_memory_equal(got, want, 64);
    memset(key, 0xaa, sizeof(key));
    tss_chunk big = {"Test Using Larger Than Block-Size Key - Hash Key First", 54};
    assert_int_equal(tss_hmac(TPM_ALG_SHA256, key, 131, &big, 1, got), 0);
    hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", want, 32);
    assert_memory_equal(got, want, 32);
    assert_int_equal(tss_hmac(TPM_ALG_SHA384, key, 131, &big, 1, got), 0);
    hex("4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
        want, 48);
    assert_memory_equal(got, want, 48);
}

static void ossl_hash(int a, const uint8_t *m, size_t n, uint8_t *out)
{
    EVP_MD *md = EVP_MD_fetch(NULL, ossl_names[a], NULL);
    assert_non_null(md);
    unsigned int ol = 0;
    assert_int_equal(EVP_Digest(m, n, out, &ol, md, NULL), 1);
    EVP_MD_free(md);
}

static void ossl_hmac(int a, const uint8_t *k, size_t kl, const uint8_t *m, size_t n, uint8_t *out)
{
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
    OSSL_PARAM p[2] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)ossl_names[a], 0),
                       OSSL_PARAM_construct_end()};
    static const uint8_t z = 0;
    size_t ol = 0;
    assert_int_equal(EVP_MAC_init(c, kl ? k : &z, kl, p), 1);
    assert_int_equal(EVP_MAC_update(c, m, n), 1);
    assert_int_equal(EVP_MAC_final(c, out, &ol, 64), 1);
    EVP_MAC_CTX_free(c);
    EVP_MAC_free(mac);
}

/* every length 0..300 around the block and padding boundaries, in random pieces */
static void test_agrees_with_openssl(void **state)
{
    (void)state;
    uint8_t m[300], k[200], a[64], b[64];
    srand(1234);
    for (size_t i = 0; i < sizeof(m); i++)
        m[i] = (uint8_t)rand();
    for (size_t i = 0; i < sizeof(k); i++)
        k[i] = (uint8_t)rand();
    for (int alg = 0; alg < 4; alg++) {
        for (size_t n = 0; n <= sizeof(m); n++) {
            size_t cut1 = n ? (size_t)rand() % (n + 1) : 0, cut2 = cut1 + (n - cut1) / 2;
            tss_chunk ch[3] = {{m, cut1}, {m + cut1, cut2 - cut1}, {m + cut2, n - cut2}};
            assert_int_equal(tss_hash(algs[alg], ch, 3, a), 0);
            ossl_hash(alg, m, n, b);
            assert_memory_equal(a, b, sizes[alg]);
            size_t kl = n % 200; /* keys from empty to longer than either block size */
            assert_int_equal(tss_hmac(algs[alg], k, kl, ch, 3, a), 0);
            ossl_hmac(alg, k, kl, m, n, b);
            assert_memory_equal(a, b, sizes[alg]);
        }
    }
    /* empty pieces may be NULL (KDFa without a context, an empty auth): no memcpy(NULL) */
    tss_chunk withnull[3] = {{NULL, 0}, {"abc", 3}, {NULL, 0}};
    assert_int_equal(tss_hash(TPM_ALG_SHA256, withnull, 3, a), 0);
    hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", b, 32);
    assert_memory_equal(a, b, 32);
    assert_int_equal(tss_hmac(TPM_ALG_SHA256, NULL, 0, withnull, 3, a), 0);
    ossl_hmac(1, k, 0, (const uint8_t *)"abc", 3, b);
    assert_memory_equal(a, b, 32);
    /* algorithms outside the native four still work, through OpenSSL */
    tss_chunk abc = {"abc", 3};
    assert_int_equal(tss_hash(TPM_ALG_SHA3_256, &abc, 1, a), 0);
    hex("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", b, 32);
    assert_memory_equal(a, b, 32);
    assert_int_equal(tss_hash(TPM_ALG_NULL, &abc, 1, a), TSS_RC_BAD_HASH_ALGORITHM);
}

static void test_seal(void **state)
{
    (void)state;
    uint8_t key[32], iv[TSS_SEAL_IV], data[100], ct[100 + TSS_SEAL_TAG], back[100];
    memset(key, 7, sizeof(key));
    memset(iv, 9, sizeof(iv));
    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)i;
    const uint8_t aad[] = "h02000000.bin";
    assert_int_equal(tss_seal(key, 32, iv, aad, sizeof(aad), data, sizeof(data), ct), 0);
    assert_memory_not_equal(ct, data, sizeof(data));
    assert_int_equal(tss_open(key, 32, iv, aad, sizeof(aad), ct, sizeof(data), back), 0);
    assert_memory_equal(back, data, sizeof(data));
    /* every changed byte of ciphertext or tag, the iv, the aad or the key is refused */
    for (size_t i = 0; i < sizeof(ct); i++) {
        ct[i] ^= 0x01;
        assert_int_equal(tss_open(key, 32, iv, aad, sizeof(aad), ct, sizeof(data), back), TSS_RC_STATE_FILE);
        ct[i] ^= 0x01;
    }
    iv[3] ^= 0x80;
    assert_int_equal(tss_open(key, 32, iv, aad, sizeof(aad), ct, sizeof(data), back), TSS_RC_STATE_FILE);
    iv[3] ^= 0x80;
    assert_int_equal(tss_open(key, 32, iv, aad, sizeof(aad) - 1, ct, sizeof(data), back), TSS_RC_STATE_FILE);
    key[31] ^= 1;
    assert_int_equal(tss_open(key, 32, iv, aad, sizeof(aad), ct, sizeof(data), back), TSS_RC_STATE_FILE);
    key[31] ^= 1;
    /* a 16-byte key works too; different keys give different ciphertexts */
    uint8_t ct16[100 + TSS_SEAL_TAG];
    assert_int_equal(tss_seal(key, 16, iv, aad, sizeof(aad), data, sizeof(data), ct16), 0);
    assert_memory_not_equal(ct16, ct, sizeof(data));
    assert_int_equal(tss_open(key, 16, iv, aad, sizeof(aad), ct16, sizeof(data), back), 0);
    assert_memory_equal(back, data, sizeof(data));
    assert_int_equal(tss_seal(key, 0, iv, aad, sizeof(aad), data, sizeof(data), ct), TSS_RC_STATE_KEY);
    assert_int_equal(tss_ct_equal(data, data, 10), 1);
    assert_int_equal(tss_ct_equal(data, data + 1, 10), 0);
}

/* FIPS 197 appendix C: the example vectors for AES-128, -192, -256 */
static void test_aes_fips197(void **state)
{
    (void)state;
    uint8_t key[32], pt[16], ct[16], out[16];
    tss_aes a;
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)i;
    hex("00112233445566778899aabbccddeeff", pt, 16);
    static const char *const want[3] = {"69c4e0d86a7b0430d8cdb78070b4c55a",
                                        "dda97ca4864cdfe06eaf70a0ec0d7191",
                                        "8ea2b7ca516745bfeafc49904b496089"};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(tss_aes_init(&a, key, 16 + 8 * (size_t)k), 0);
        tss_aes_encrypt(&a, pt, out);
        hex(want[k], ct, 16);
        assert_memory_equal(out, ct, 16);
    }
    assert_int_equal(tss_aes_init(&a, key, 20), -1);
}

/* CFB-128 both ways against OpenSSL, every length 0..100, all key sizes */
static void test_aes_cfb_openssl(void **state)
{
    (void)state;
    static const char *const names[3] = {"AES-128-CFB", "AES-192-CFB", "AES-256-CFB"};
    uint8_t key[32], iv[16], pt[100], ours[100], ref[100];
    srand(77);
    for (size_t i = 0; i < sizeof(key); i++)
        key[i] = (uint8_t)rand();
    for (size_t i = 0; i < sizeof(iv); i++)
        iv[i] = (uint8_t)rand();
    for (size_t i = 0; i < sizeof(pt); i++)
        pt[i] = (uint8_t)rand();
    for (int k = 0; k < 3; k++) {
        size_t kl = 16 + 8 * (size_t)k;
        EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, names[k], NULL);
        assert_non_null(c);
        for (size_t n = 0; n <= sizeof(pt); n++) {
            EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
            int outl = 0;
            assert_int_equal(EVP_EncryptInit_ex2(x, c, key, iv, NULL), 1);
            assert_int_equal(EVP_EncryptUpdate(x, ref, &outl, pt, (int)n), 1);
            EVP_CIPHER_CTX_free(x);
            memcpy(ours, pt, n);
            assert_int_equal(tss_aes_cfb(1, key, kl, iv, ours, n), 0);
            assert_memory_equal(ours, ref, n);
            assert_int_equal(tss_aes_cfb(0, key, kl, iv, ours, n), 0);
            assert_memory_equal(ours, pt, n);
        }
        EVP_CIPHER_free(c);
    }
}

static void test_random(void **state)
{
    (void)state;
    uint8_t a[64], b[64];
    assert_int_equal(tss_random(a, sizeof(a)), 0);
    assert_int_equal(tss_random(b, sizeof(b)), 0);
    assert_memory_not_equal(a, b, sizeof(a));
    assert_int_equal(tss_random(a, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_vectors),
        cmocka_unit_test(test_hmac_vectors),
        cmocka_unit_test(test_agrees_with_openssl),
        cmocka_unit_test(test_seal),
        cmocka_unit_test(test_aes_fips197),
        cmocka_unit_test(test_aes_cfb_openssl),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
