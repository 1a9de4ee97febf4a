/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM 2.4.1's library helpers (tssutils.h, tssfile.h, tsscrypto.h, tsstransmit.h):
 * hex scanning, the log-level printer, TSS_File_Open, OAEP padding and RSA public
 * encryption checked by decrypting with OpenSSL, the RSA key token, the ECC salt checked
 * by recomputing it from the salt key's private half, the AES-CBC session helpers,
 * TSS_Hash_GetMd, TSS_XOR, and TSS_TransmitCommand: the command word to a fake Microsoft
 * simulator command port, and its refusal on other transports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

#include <cmocka.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "crypto/crypto.h"
#include "faketpm.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssfile.h"
#include "tss2/tssmarshal.h"
#include "tss2/tssprint.h"
#include "tss2/tsstransmit.h"
#include "tss2/tssutils.h"
#include "tss2/Unmarshal_fp.h"

static void test_array_scan(void **state)
{
    (void)state;
    unsigned char *d = NULL;
    size_t n = 99;
    assert_int_equal(TSS_Array_Scan(&d, &n, "00ff10Ab"), 0);
    assert_int_equal(n, 4);
    const unsigned char want[] = {0x00, 0xff, 0x10, 0xab};
    assert_memory_equal(d, want, 4);
    free(d);
    d = NULL;
    assert_int_equal(TSS_Array_Scan(&d, &n, ""), 0);
    assert_int_equal(n, 0);
    assert_non_null(d); /* still a buffer to free */
    free(d);
    d = NULL;
    assert_int_equal(TSS_Array_Scan(&d, &n, "abc"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_null(d);
    assert_int_equal(TSS_Array_Scan(&d, &n, "0g"), TSS_RC_BAD_PROPERTY_VALUE);
    assert_null(d);
    assert_int_equal(TSS_Array_Scan(&d, &n, NULL), TSS_RC_NULL_PARAMETER);
}

/* what fn prints to stdout */
static char *capture(void (*fn)(void))
{
    static char buf[512];
    char path[] = "/tmp/tss-unit-out-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd, 1);
    fn();
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
    close(fd);
    unlink(path);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

static const unsigned char bytes18[18] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
static void print_info(void) { TSS_PrintAllLogLevel(LOGLEVEL_INFO, "cap", 2, bytes18, 3); }
static void print_debug(void) { TSS_PrintAllLogLevel(LOGLEVEL_DEBUG, "cap", 2, bytes18, 18); }
static void print_alli(void) { TSS_PrintAlli("cap", 2, bytes18, 18); }
static void print_null(void) { TSS_PrintAllLogLevel(LOGLEVEL_INFO, "cap", 1, NULL, 3); }

static void test_print_loglevel(void **state)
{
    (void)state;
    assert_int_equal(LOGLEVEL_INFO, 6);
    assert_int_equal(LOGLEVEL_DEBUG, 7);
    assert_string_equal(capture(print_info), "  cap  01 02 03 \n");
    char alli[512];
    strcpy(alli, capture(print_alli));
    assert_string_equal(capture(print_debug), alli);
    assert_non_null(strstr(alli, "cap length 18"));
    assert_string_equal(capture(print_null), " cap null\n");
}

static void test_file_open(void **state)
{
    (void)state;
    FILE *f = NULL;
    char path[] = "/tmp/tss-unit-file-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(TSS_File_Open(&f, path, "rb"), 0);
    assert_non_null(f);
    fclose(f);
    unlink(path);
    assert_int_equal(TSS_File_Open(&f, path, "rb"), TSS_RC_FILE_OPEN);
    assert_int_equal(TSS_File_Open(NULL, path, "rb"), TSS_RC_NULL_PARAMETER);
    assert_int_equal(TSS_File_Open(&f, path, NULL), TSS_RC_NULL_PARAMETER);
}

static EVP_PKEY *rsa_key(uint8_t *n, size_t *nlen)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
    assert_non_null(k);
    BIGNUM *bn = NULL;
    assert_int_equal(EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_N, &bn), 1);
    *nlen = (size_t)BN_bn2bin(bn, n);
    BN_free(bn);
    return k;
}

static void test_rsa_public_encrypt(void **state)
{
    (void)state;
    uint8_t n[256], e[3] = {1, 0, 1}, enc[256], dec[256];
    size_t nlen;
    EVP_PKEY *k = rsa_key(n, &nlen);
    assert_int_equal(nlen, 256);
    const unsigned char msg[] = "thirty-two bytes of session salt";
    unsigned char label[] = "SECRET"; /* the TPM's labels include the NUL */
    assert_int_equal(TSS_RSAPublicEncrypt(enc, sizeof(enc), msg, 32, n, 256, e, 3, label, 7,
                                          TPM_ALG_SHA256), 0);
    /* OpenSSL's OAEP decryption with the same label and hash recovers the message */
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(k, NULL);
    assert_int_equal(EVP_PKEY_decrypt_init(c), 1);
    assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_OAEP_PADDING), 1);
    assert_int_equal(EVP_PKEY_CTX_set_rsa_oaep_md(c, EVP_sha256()), 1);
    assert_int_equal(EVP_PKEY_CTX_set_rsa_mgf1_md(c, EVP_sha256()), 1);
    unsigned char *l = OPENSSL_memdup(label, 7);
    assert_int_equal(EVP_PKEY_CTX_set0_rsa_oaep_label(c, l, 7), 1);
    size_t dlen = sizeof(dec);
    assert_int_equal(EVP_PKEY_decrypt(c, dec, &dlen, enc, sizeof(enc)), 1);
    assert_int_equal(dlen, 32);
    assert_memory_equal(dec, msg, 32);
    EVP_PKEY_CTX_free(c);
    /* a message too long for the padding: 256 - 2 * 32 - 2 = 190 bytes at most */
    uint8_t big[191] = {0};
    assert_int_equal(TSS_RSAPublicEncrypt(enc, sizeof(enc), big, sizeof(big), n, 256, e, 3, label,
                                          7, TPM_ALG_SHA256), TSS_RC_RSA_PADDING);
    uint8_t em[256];
    assert_int_equal(TSS_RSA_padding_add_PKCS1_OAEP(em, 256, big, 190, label, 7, TPM_ALG_SHA256), 0);
    assert_int_equal(em[0], 0);
    assert_int_equal(TSS_RSA_padding_add_PKCS1_OAEP(em, 256, big, 1, label, 7, TPM_ALG_NULL),
                     TSS_RC_BAD_HASH_ALGORITHM);
    EVP_PKEY_free(k);
}

static void test_rsa_token(void **state)
{
    (void)state;
    uint8_t n[256], e[3] = {1, 0, 1}, back[256];
    size_t nlen;
    EVP_PKEY *k = rsa_key(n, &nlen);
    void *tok = NULL;
    assert_int_equal(TSS_RSAGeneratePublicTokenI(&tok, n, (uint32_t)nlen, e, 3), 0);
    assert_non_null(tok);
    BIGNUM *bn = NULL;
    assert_int_equal(EVP_PKEY_get_bn_param(tok, OSSL_PKEY_PARAM_RSA_N, &bn), 1);
    assert_int_equal(BN_bn2bin(bn, back), 256);
    assert_memory_equal(back, n, 256);
    BN_free(bn);
    assert_int_equal(EVP_PKEY_eq(tok, k), 1); /* same public key */
    /* *token must be NULL on entry (IBM's rule: no leak of a previous token) */
    assert_int_equal(TSS_RSAGeneratePublicTokenI(&tok, n, (uint32_t)nlen, e, 3), TSS_RC_ALLOC_INPUT);
    TSS_RsaFree(tok);
    TSS_RsaFree(NULL);
    TSS_EccFree(NULL);
    tok = NULL;
    assert_int_equal(TSS_RsaNew(&tok), 0);
    assert_non_null(tok);
    TSS_RsaFree(tok);
    EVP_PKEY_free(k);
}

static void test_ecc_salt(void **state)
{
    (void)state;
    EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
    assert_non_null(k);
    TPMT_PUBLIC pub;
    memset(&pub, 0, sizeof(pub));
    pub.type = TPM_ALG_ECC;
    pub.nameAlg = TPM_ALG_SHA256;
    pub.parameters.eccDetail.curveID = TPM_ECC_NIST_P256;
    BIGNUM *x = NULL, *y = NULL;
    assert_int_equal(EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_EC_PUB_X, &x), 1);
    assert_int_equal(EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_EC_PUB_Y, &y), 1);
    pub.unique.ecc.x.t.size = pub.unique.ecc.y.t.size = 32;
    assert_int_equal(BN_bn2binpad(x, pub.unique.ecc.x.t.buffer, 32), 32);
    assert_int_equal(BN_bn2binpad(y, pub.unique.ecc.y.t.buffer, 32), 32);
    BN_free(x);
    BN_free(y);

    TPM2B_DIGEST salt;
    TPM2B_ENCRYPTED_SECRET es;
    assert_int_equal(TSS_ECC_Salt(&salt, &es, &pub), 0);
    assert_int_equal(salt.t.size, 32);
    /* the encrypted salt is the ephemeral point; Z = x of d * Qe, salt = KDFe(Z, "SECRET", Qe.x, Qs.x) */
    TPMT_PUBLIC eph = pub;
    BYTE *p = es.t.secret;
    uint32_t left = es.t.size;
    assert_int_equal(TSS_TPMS_ECC_POINT_Unmarshalu(&eph.unique.ecc, &p, &left), 0);
    assert_int_equal(left, 0);
    EVP_PKEY *peer = tss_public_pkey(&eph);
    assert_non_null(peer);
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(k, NULL);
    uint8_t z[32], want[32];
    size_t zlen = sizeof(z);
    assert_int_equal(EVP_PKEY_derive_init(c), 1);
    assert_int_equal(EVP_PKEY_derive_set_peer(c, peer), 1);
    assert_int_equal(EVP_PKEY_derive(c, z, &zlen), 1);
    assert_int_equal(tss_kdfe(TPM_ALG_SHA256, z, zlen, "SECRET", eph.unique.ecc.x.t.buffer, 32,
                              pub.unique.ecc.x.t.buffer, 32, 256, want), 0);
    assert_memory_equal(salt.t.buffer, want, 32);
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(peer);
    EVP_PKEY_free(k);
    pub.type = TPM_ALG_RSA;
    assert_int_equal(TSS_ECC_Salt(&salt, &es, &pub), TSS_RC_BAD_SALT_KEY);
}

static void test_aes_session(void **state)
{
    (void)state;
    size_t es = 0, ds = 0;
    assert_int_equal(TSS_AES_GetEncKeySize(&es), 0);
    assert_int_equal(TSS_AES_GetDecKeySize(&ds), 0);
    void *ek = calloc(1, es), *dk = calloc(1, ds);
    unsigned char *enc = NULL, *dec = NULL;
    uint32_t elen = 0, dlen = 0;
    /* a key object never generated is refused */
    assert_int_equal(TSS_AES_Encrypt(ek, &enc, &elen, (const unsigned char *)"x", 1),
                     TSS_RC_AES_ENCRYPT_FAILURE);
    setenv("TPM_SESSION_ENCKEY", "abc", 1);
    assert_int_equal(TSS_AES_KeyGenerate(ek, dk), TSS_RC_AES_KEYGEN_FAILURE);
    setenv("TPM_SESSION_ENCKEY", "000102030405060708090a0b0c0d0e0f", 1);
    assert_int_equal(TSS_AES_KeyGenerate(ek, dk), 0);
    unsetenv("TPM_SESSION_ENCKEY");
    const unsigned char msg[] = "session state";
    assert_int_equal(TSS_AES_Encrypt(ek, &enc, &elen, msg, 13), 0);
    assert_int_equal(elen, 16); /* PKCS#7: 13 bytes pad to one block */
    /* AES-128-CBC, zero IV: the same as OpenSSL's with that key */
    uint8_t want[32];
    int n1 = 0, n2 = 0;
    static const uint8_t key[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, iv[16];
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    assert_int_equal(EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv), 1);
    assert_int_equal(EVP_EncryptUpdate(c, want, &n1, msg, 13), 1);
    assert_int_equal(EVP_EncryptFinal_ex(c, want + n1, &n2), 1);
    EVP_CIPHER_CTX_free(c);
    assert_int_equal(n1 + n2, 16);
    assert_memory_equal(enc, want, 16);
    assert_int_equal(TSS_AES_Decrypt(dk, &dec, &dlen, enc, elen), 0);
    assert_int_equal(dlen, 13);
    assert_memory_equal(dec, msg, 13);
    free(dec);
    dec = NULL;
    /* not a whole number of blocks */
    assert_int_equal(TSS_AES_Decrypt(dk, &dec, &dlen, enc, 15), TSS_RC_AES_DECRYPT_FAILURE);
    assert_null(dec);
    free(enc);
    /* random keys: two generations differ */
    unsigned char *e1 = NULL, *e2 = NULL;
    assert_int_equal(TSS_AES_KeyGenerate(ek, dk), 0);
    assert_int_equal(TSS_AES_Encrypt(ek, &e1, &elen, msg, 13), 0);
    assert_int_equal(TSS_AES_KeyGenerate(ek, dk), 0);
    assert_int_equal(TSS_AES_Encrypt(ek, &e2, &elen, msg, 13), 0);
    assert_memory_not_equal(e1, e2, 16);
    free(e1);
    free(e2);
    free(ek);
    free(dk);
}

static void test_misc(void **state)
{
    (void)state;
    const EVP_MD *md = NULL;
    assert_int_equal(TSS_Hash_GetMd(&md, TPM_ALG_SHA256), 0);
    assert_int_equal(EVP_MD_get_size(md), 32);
    assert_int_equal(TSS_Hash_GetMd(&md, TPM_ALG_SHA384), 0);
    assert_int_equal(EVP_MD_get_size(md), 48);
    assert_int_equal(TSS_Hash_GetMd(&md, TPM_ALG_AES), TSS_RC_BAD_HASH_ALGORITHM);
    unsigned char a[3] = {0x0f, 0xf0, 0xff}, b[3] = {0xff, 0xff, 0x00}, o[3];
    TSS_XOR(o, a, b, 3);
    const unsigned char want[3] = {0xf0, 0x0f, 0xff};
    assert_memory_equal(o, want, 3);
    assert_int_equal(TSS_Crypto_Init(), 0);
    assert_int_equal(tssUtilsVerbose, 0);
    assert_int_equal(TPM_STOP, 21);
}

static void test_transmit_command(void **state)
{
    (void)state;
    char dir[] = "/tmp/tss-unit-tc-XXXXXX";
    assert_non_null(mkdtemp(dir));
    faketpm f;
    ft_init(&f);
    TSS_CONTEXT *ctx = ft_context(&f, dir);
    /* a transport that is not the Microsoft simulator protocol cannot carry it */
    assert_int_equal(TSS_TransmitCommand(ctx, TPM_STOP, "stop"), TSS_RC_INSUPPORTED_INTERFACE);
    assert_int_equal(f.commands, 0);
    assert_int_equal(TSS_TransmitCommand(NULL, TPM_STOP, NULL), TSS_RC_NULL_PARAMETER);
    TSS_Delete(ctx);
    rmdir(dir);
}

/* a Microsoft-simulator command port that takes one command word and answers ack */
typedef struct {
    int lfd;
    uint8_t ack[4];
    uint8_t got[4];
    int ngot;
} mssim_peer;

static void *mssim_peer_main(void *arg)
{
    mssim_peer *p = arg;
    int fd = accept(p->lfd, NULL, NULL);
    if (fd < 0)
        return NULL;
    while (p->ngot < 4) {
        ssize_t n = read(fd, p->got + p->ngot, (size_t)(4 - p->ngot));
        if (n <= 0)
            break;
        p->ngot += (int)n;
    }
    if (p->ngot == 4 && write(fd, p->ack, 4) != 4)
        p->ngot = -1;
    uint8_t rest[16];
    while (read(fd, rest, sizeof(rest)) > 0) /* until the client closes (SESSION_END) */
        ;
    close(fd);
    return NULL;
}

static TPM_RC transmit_to_peer(uint32_t command, uint32_t ack, mssim_peer *p)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof(a);
    memset(p, 0, sizeof(*p));
    for (int i = 0; i < 4; i++)
        p->ack[i] = (uint8_t)(ack >> (24 - 8 * i));
    p->lfd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(p->lfd >= 0);
    assert_int_equal(bind(p->lfd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(listen(p->lfd, 1), 0);
    assert_int_equal(getsockname(p->lfd, (struct sockaddr *)&a, &al), 0);
    char port[16];
    snprintf(port, sizeof(port), "%u", ntohs(a.sin_port));
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, mssim_peer_main, p), 0);
    TSS_CONTEXT *ctx = NULL;
    unsetenv("TPM_TRANSPORT"); /* a loader string would override the properties below */
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_INTERFACE_TYPE, "socsim"), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SERVER_TYPE, "mssim"), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SERVER_NAME, "127.0.0.1"), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_COMMAND_PORT, port), 0);
    TPM_RC rc = TSS_TransmitCommand(ctx, command, "in-band command");
    TSS_Delete(ctx);
    pthread_join(th, NULL);
    close(p->lfd);
    return rc;
}

static void test_transmit_command_mssim(void **state)
{
    (void)state;
    mssim_peer p;
    /* the command word goes out big-endian on the command port; ack 0 is success */
    assert_int_equal(transmit_to_peer(0x0000001eu, 0, &p), 0);
    assert_int_equal(p.ngot, 4);
    const uint8_t want[4] = {0, 0, 0, 0x1e};
    assert_memory_equal(p.got, want, 4);
    /* a non-zero acknowledgement is a failure */
    assert_int_equal(transmit_to_peer(0x0000001eu, 1, &p), TSS_RC_BAD_CONNECTION);
    assert_int_equal(p.ngot, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_array_scan),
        cmocka_unit_test(test_print_loglevel),
        cmocka_unit_test(test_file_open),
        cmocka_unit_test(test_rsa_public_encrypt),
        cmocka_unit_test(test_rsa_token),
        cmocka_unit_test(test_ecc_salt),
        cmocka_unit_test(test_aes_session),
        cmocka_unit_test(test_misc),
        cmocka_unit_test(test_transmit_command),
        cmocka_unit_test(test_transmit_command_mssim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
