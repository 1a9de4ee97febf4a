/* SPDX-License-Identifier: BSD-3-Clause */
/* Known answers for KDFa, KDFe, HMAC and AES-CFB (vectors computed independently with
 * Python's hmac/hashlib and the openssl command line), XOR obfuscation symmetry, and the
 * sealed session-state files: tampered, truncated, renamed or wrongly keyed files fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/context.h"
#include "crypto/crypto.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "unit/unitdir.h"

static void unhex(const char *h, uint8_t *out, size_t *n)
{
    size_t k = 0;
    for (; h[0] != '\0' && h[1] != '\0'; h += 2) {
        unsigned v;
        sscanf(h, "%2x", &v);
        out[k++] = (uint8_t)v;
    }
    *n = k;
}

static uint8_t key32[32], u16[16], v20[20];

static int setup_vectors(void **state)
{
    (void)state;
    for (int i = 0; i < 32; i++)
        key32[i] = (uint8_t)i;
    for (int i = 0; i < 16; i++)
        u16[i] = (uint8_t)(0x40 + i);
    for (int i = 0; i < 20; i++)
        v20[i] = (uint8_t)(0x80 + i);
    return 0;
}

static void check_kdfa(TPM_ALG_ID alg, size_t keylen, const char *label, uint32_t bits, const char *want)
{
    uint8_t out[128], exp[128];
    size_t n;
    unhex(want, exp, &n);
    assert_int_equal(tss_kdfa(alg, key32, keylen, label, u16, sizeof(u16), v20, sizeof(v20), bits, out), 0);
    assert_int_equal(n, (bits + 7) / 8);
    assert_memory_equal(out, exp, n);
}

static void test_kdfa(void **state)
{
    (void)state;
    check_kdfa(TPM_ALG_SHA256, 32, "ATH", 256, "965b1a36dd8daf5d8a730efd38e7fea4e3e7052b0caf03b1bf60a318066ac092");
    check_kdfa(TPM_ALG_SHA1, 20, "CFB", 256, "c0b7bcba43c1c0080c3c74b8ddd6a3596a94c48a393ddb5b40206296ab6b1d47");
    /* 100 bits: the leading byte keeps only its low 4 bits */
    check_kdfa(TPM_ALG_SHA384, 32, "XOR", 100, "019c61faec04be0feced4339a2");
    check_kdfa(TPM_ALG_SHA256, 0, "XOR", 40, "0ecef1d866");
    uint8_t out[8];
    assert_int_equal(tss_kdfa(0x1234, key32, 32, "ATH", NULL, 0, NULL, 0, 64, out), TSS_RC_BAD_HASH_ALGORITHM);
}

static void test_kdfe(void **state)
{
    (void)state;
    uint8_t out[128], exp[128];
    size_t n;
    unhex("89007a57a5751ad2e0b98df39016aa24db7b7098f9bec0e687a8f341fa748bdc", exp, &n);
    assert_int_equal(tss_kdfe(TPM_ALG_SHA256, key32, 32, "SECRET", u16, 16, v20, 20, 256, out), 0);
    assert_memory_equal(out, exp, n);
    unhex("6cdd9ee7b1c9466271d70a2b45fd9e18eff73ca0681835655e5ea6e5b38f05d7b1576c7814e6f6b7e21e9f7e"
          "5451df5c2b0f70e74610f0736a128a1f12a57ed1da", exp, &n);
    assert_int_equal(n, 65);
    assert_int_equal(tss_kdfe(TPM_ALG_SHA512, key32, 32, "SECRET", u16, 16, v20, 20, 520, out), 0);
    assert_memory_equal(out, exp, n);
}

static void test_hmac(void **state)
{
    (void)state;
    uint8_t out[64], exp[64];
    size_t n;
    tss_chunk msg = {"message", 7};
    unhex("6297b77508a1a30ea4dfadd8f847c31b49aba45de10a79daf721d3f7ec112a24", exp, &n);
    assert_int_equal(tss_hmac(TPM_ALG_SHA256, key32, 32, &msg, 1, out), 0);
    assert_memory_equal(out, exp, n);
    /* an empty key is legal: unbound, unsalted sessions with an empty auth */
    unhex("d5d1ed05121417247616cfc8378f360a39da7cfa", exp, &n);
    assert_int_equal(tss_hmac(TPM_ALG_SHA1, NULL, 0, &msg, 1, out), 0);
    assert_memory_equal(out, exp, n);
}

static void test_aes_cfb(void **state)
{
    (void)state;
    uint8_t key[32], iv[16], pt[64], ct[64], buf[64];
    size_t kn, ivn, ptn, ctn;
    unhex("706c61696e7465787420666f722063666220746573742031323334353637", pt, &ptn);
    unhex("000102030405060708090a0b0c0d0e0f", key, &kn);
    unhex("101112131415161718191a1b1c1d1e1f", iv, &ivn);
    unhex("77928e1d8fa16616e42e887efcb4f1f5b7eef409203686b59271c940d640", ct, &ctn);
    memcpy(buf, pt, ptn);
    assert_int_equal(tss_aes_cfb(1, key, kn, iv, buf, ptn), 0);
    assert_memory_equal(buf, ct, ctn);
    assert_int_equal(tss_aes_cfb(0, key, kn, iv, buf, ptn), 0);
    assert_memory_equal(buf, pt, ptn);
    unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", key, &kn);
    unhex("202122232425262728292a2b2c2d2e2f", iv, &ivn);
    unhex("11caf20720fb756468e19ffcc762c3b27a2590b2b1144782a2656d62a2b8", ct, &ctn);
    memcpy(buf, pt, ptn);
    assert_int_equal(tss_aes_cfb(1, key, kn, iv, buf, ptn), 0);
    assert_memory_equal(buf, ct, ctn);
    assert_int_equal(tss_aes_cfb(1, key, 15, iv, buf, ptn), TSS_RC_BAD_ENCRYPT_ALGORITHM);
}

/* the public API (tsscrypto.h, IBM's signatures) over the same vectors */
static void test_public_api(void **state)
{
    (void)state;
    TPM2B_DIGEST k = {.t = {.size = 32}}, u = {.t = {.size = 16}}, v = {.t = {.size = 20}};
    memcpy(k.t.buffer, key32, 32);
    memcpy(u.t.buffer, u16, 16);
    memcpy(v.t.buffer, v20, 20);
    uint8_t out[128], exp[128];
    size_t n;
    unhex("965b1a36dd8daf5d8a730efd38e7fea4e3e7052b0caf03b1bf60a318066ac092", exp, &n);
    assert_int_equal(TSS_KDFA(out, TPM_ALG_SHA256, &k.b, "ATH", &u.b, &v.b, 256), 0);
    assert_memory_equal(out, exp, n);
    unhex("89007a57a5751ad2e0b98df39016aa24db7b7098f9bec0e687a8f341fa748bdc", exp, &n);
    assert_int_equal(TSS_KDFE(out, TPM_ALG_SHA256, &k.b, "SECRET", &u.b, &v.b, 256), 0);
    assert_memory_equal(out, exp, n);
    assert_int_equal(TSS_KDFA(out, TPM_ALG_SHA256, NULL, "ATH", NULL, NULL, 256), TSS_RC_NULL_PARAMETER);
    /* NULL contexts equal empty ones */
    uint8_t a[32], b[32];
    TPM2B_DIGEST empty = {.t = {.size = 0}};
    assert_int_equal(TSS_KDFA(a, TPM_ALG_SHA256, &k.b, "XOR", NULL, NULL, 256), 0);
    assert_int_equal(TSS_KDFA(b, TPM_ALG_SHA256, &k.b, "XOR", &empty.b, &empty.b, 256), 0);
    assert_memory_equal(a, b, 32);

    /* HMAC_Verify: equal, one bit off, truncated comparison, impossible sizes */
    TPM2B_KEY hk = {.t = {.size = 32}};
    memcpy(hk.t.buffer, key32, 32);
    TPMT_HA mac = {.hashAlg = TPM_ALG_SHA256};
    unhex("6297b77508a1a30ea4dfadd8f847c31b49aba45de10a79daf721d3f7ec112a24", exp, &n);
    memcpy(&mac.digest, exp, 32);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 32, 7, "message", 0, NULL), 0);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 16, 7, "message", 0, NULL), 0);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 32, 7, "messagf", 0, NULL), TSS_RC_HMAC_VERIFY);
    ((uint8_t *)&mac.digest)[31] ^= 1;
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 32, 7, "message", 0, NULL), TSS_RC_HMAC_VERIFY);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 31, 7, "message", 0, NULL), 0);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 33, 7, "message", 0, NULL), TSS_RC_HMAC_SIZE);
    assert_int_equal(TSS_HMAC_Verify(&mac, &hk, 0, 7, "message", 0, NULL), TSS_RC_HMAC_SIZE);

    /* AES-CFB: the known vector, separate and in-place buffers, iv untouched */
    uint8_t key[16], iv[16], iv0[16], pt[64], ct[64], buf[64], buf2[64];
    size_t kn, ivn, ptn, ctn;
    unhex("706c61696e7465787420666f722063666220746573742031323334353637", pt, &ptn);
    unhex("000102030405060708090a0b0c0d0e0f", key, &kn);
    unhex("101112131415161718191a1b1c1d1e1f", iv, &ivn);
    unhex("77928e1d8fa16616e42e887efcb4f1f5b7eef409203686b59271c940d640", ct, &ctn);
    memcpy(iv0, iv, 16);
    assert_int_equal(TSS_AES_EncryptCFB(buf, 128, key, iv, (uint32_t)ptn, pt), 0);
    assert_memory_equal(buf, ct, ctn);
    assert_memory_equal(iv, iv0, 16);
    assert_int_equal(TSS_AES_DecryptCFB(buf2, 128, key, iv, (uint32_t)ctn, buf), 0);
    assert_memory_equal(buf2, pt, ptn);
    memcpy(buf, pt, ptn);
    assert_int_equal(TSS_AES_EncryptCFB(buf, 128, key, iv, (uint32_t)ptn, buf), 0);
    assert_memory_equal(buf, ct, ctn);
    assert_int_equal(TSS_AES_EncryptCFB(buf, 100, key, iv, (uint32_t)ptn, pt), TSS_RC_BAD_ENCRYPT_ALGORITHM);
    assert_int_equal(TSS_AES_DecryptCFB(buf, 64, key, iv, (uint32_t)ptn, pt), TSS_RC_BAD_DECRYPT_ALGORITHM);
    assert_int_equal(TSS_Sym_GetBlockSize(TPM_ALG_AES, 128), 16);
    assert_int_equal(TSS_Sym_GetBlockSize(TPM_ALG_TDES, 192), 8);
    assert_int_equal(TSS_Sym_GetBlockSize(TPM_ALG_XOR, 0), 0);
}

static void test_xor_mask(void **state)
{
    (void)state;
    /* XOR parameter obfuscation is data ^ KDFa(..., "XOR", ...): applying it twice restores */
    uint8_t mask[16], data[16] = "secret data 123";
    uint8_t orig[16];
    memcpy(orig, data, 16);
    assert_int_equal(tss_kdfa(TPM_ALG_SHA256, key32, 32, "XOR", u16, 16, v20, 20, 16 * 8, mask), 0);
    for (int i = 0; i < 16; i++)
        data[i] ^= mask[i];
    assert_memory_not_equal(data, orig, 16);
    for (int i = 0; i < 16; i++)
        data[i] ^= mask[i];
    assert_memory_equal(data, orig, 16);
}

/* ---- session state files -------------------------------------------------------------------- */

static char dir[64];

static TSS_CONTEXT *ctx_in_dir(const char *key, const char *encrypt)
{
    TSS_CONTEXT *ctx = NULL;
    assert_int_equal(TSS_Create(&ctx), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_DATA_DIR, dir), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_SESSION_ENCKEY, key), 0);
    assert_int_equal(TSS_SetProperty(ctx, TPM_ENCRYPT_SESSIONS, encrypt), 0);
    return ctx;
}

static void sample_session(tss_session *s, TPMI_SH_AUTH_SESSION h)
{
    memset(s, 0, sizeof(*s));
    s->handle = h;
    s->type = TPM_SE_HMAC;
    s->authHash = TPM_ALG_SHA256;
    s->symAlg = TPM_ALG_AES;
    s->symKeyBits = 128;
    s->symMode = TPM_ALG_CFB;
    s->sessionKey.t.size = 32;
    memset(s->sessionKey.t.buffer, 0x5a, 32);
    s->nonceTPM.t.size = 32;
    memset(s->nonceTPM.t.buffer, 0x11, 32);
}

static void test_state_roundtrip_and_tamper(void **state)
{
    (void)state;
    const char *k1 = "00112233445566778899aabbccddeeff";
    TSS_CONTEXT *ctx = ctx_in_dir(k1, "1");
    tss_session s, t;
    sample_session(&s, 0x02000000);
    assert_int_equal(tss_session_save(ctx, &s), 0);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), 0);
    assert_memory_equal(&s.sessionKey, &t.sessionKey, sizeof(s.sessionKey));
    assert_int_equal(t.symKeyBits, 128);

    /* the key never appears in the file */
    char path[TSS_PATH_MAX + 32];
    tss_state_path(ctx, path, sizeof(path), "h", 0x02000000);
    FILE *f = fopen(path, "rb");
    uint8_t file[2048];
    size_t n = fread(file, 1, sizeof(file), f);
    fclose(f);
    assert_true(n > 40);
    assert_null(memmem(file, n, s.sessionKey.t.buffer, 32));

    /* one flipped bit */
    file[n / 2] ^= 0x01;
    f = fopen(path, "wb");
    fwrite(file, 1, n, f);
    fclose(f);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_STATE_FILE);
    /* truncated */
    file[n / 2] ^= 0x01;
    f = fopen(path, "wb");
    fwrite(file, 1, n - 5, f);
    fclose(f);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_STATE_FILE);
    /* the right bytes under another session's name */
    f = fopen(path, "wb");
    fwrite(file, 1, n, f);
    fclose(f);
    char other[TSS_PATH_MAX + 32];
    tss_state_path(ctx, other, sizeof(other), "h", 0x02000001);
    assert_int_equal(rename(path, other), 0);
    assert_int_not_equal(tss_session_load(ctx, 0x02000001, &t), 0);
    assert_int_equal(rename(other, path), 0);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), 0);
    TSS_Delete(ctx);

    /* another key */
    ctx = ctx_in_dir("ffeeddccbbaa99887766554433221100", "1");
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_STATE_FILE);
    TSS_Delete(ctx);
    /* encryption switched off reads an encrypted file as an error, not as garbage */
    ctx = ctx_in_dir(k1, "0");
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_STATE_FILE);
    /* unencrypted files are still checked */
    assert_int_equal(tss_session_save(ctx, &s), 0);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), 0);
    f = fopen(path, "r+b");
    fseek(f, 12, SEEK_SET);
    fputc(0x77, f);
    fclose(f);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_STATE_FILE);
    /* a missing file says so */
    unlink(path);
    assert_int_equal(tss_session_load(ctx, 0x02000000, &t), TSS_RC_NO_SESSION_SLOT);
    TSS_Delete(ctx);
}

static void test_state_default_key(void **state)
{
    (void)state;
    /* no TPM_SESSION_ENCKEY: a per-user key file; a second context (another process) reads it */
    char rt[128];
    snprintf(rt, sizeof(rt), "%s/rt", dir);
    assert_int_equal(mkdir(rt, 0700), 0);
    setenv("XDG_RUNTIME_DIR", rt, 1);
    TSS_CONTEXT *a = ctx_in_dir("", "1");
    tss_session s, t;
    sample_session(&s, 0x03000000);
    assert_int_equal(tss_session_save(a, &s), 0);
    TSS_Delete(a);
    TSS_CONTEXT *b = ctx_in_dir("", "1");
    assert_int_equal(tss_session_load(b, 0x03000000, &t), 0);
    assert_memory_equal(&s.sessionKey, &t.sessionKey, sizeof(s.sessionKey));
    TSS_Delete(b);
    char keyfile[256];
    snprintf(keyfile, sizeof(keyfile), "%s/tss/session.key", rt);
    struct stat st;
    assert_int_equal(stat(keyfile, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    unsetenv("XDG_RUNTIME_DIR");
}

static int make_dir(void **state)
{
    (void)state;
    return ft_dir_make(dir, sizeof(dir), "unit");
}

static int remove_dir(void **state)
{
    (void)state;
    return ft_dir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kdfa),
        cmocka_unit_test(test_kdfe),
        cmocka_unit_test(test_hmac),
        cmocka_unit_test(test_aes_cfb),
        cmocka_unit_test(test_public_api),
        cmocka_unit_test(test_xor_mask),
        cmocka_unit_test_setup_teardown(test_state_roundtrip_and_tamper, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_state_default_key, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, setup_vectors, NULL);
}
