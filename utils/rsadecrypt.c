/* SPDX-License-Identifier: BSD-3-Clause */
/* rsadecrypt: TPM2_RSA_Decrypt with the key's own scheme, empty label. With -oid the input
 * is a digest that is wrapped here in a PKCS#1 v1.5 DigestInfo and signature padding
 * (RFC 8017 9.2) sized to the key, so that a NULL-scheme decryption key signs it. */
#include <string.h>

#include "tool/data.h"
#include "tool/policyfile.h"
#include "tss2/tssprint.h"

static uint32_t hk;
static const char *pwdk, *ipwdk, *ie, *od;
static TPMI_ALG_HASH oid; /* 0: not given */
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-ipwdk", T_STR, &ipwdk, "file", "password file for key (default empty)", 0, NULL},
    {"-ie", T_STR, &ie, "file", "encrypt file name", TOOL_REQUIRED, NULL},
    {"-od", T_STR, &od, "file", "decrypt file name (default do not save)", 0, NULL},
    {"-oid", T_HALG, &oid, "alg", "(sha1, sha256, sha384, sha512) add the OID and PKCS1 padding to the "
                                  "digest in -ie (signing with a decryption key)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"rsadecrypt", "Runs TPM2_RSA_Decrypt", opts, 3, 0, {0}, {0}, {0}};

/* DER DigestInfo up to the digest itself (RFC 8017 9.2, note 1) */
static const struct {
    TPMI_ALG_HASH alg;
    uint8_t len;
    uint8_t der[19];
} prefixes[] = {
    {TPM_ALG_SHA1, 15, {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14}},
    {TPM_ALG_SHA256, 19, {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20}},
    {TPM_ALG_SHA384, 19, {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30}},
    {TPM_ALG_SHA512, 19, {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40}},
};

/* EM = 00 01 FF..FF 00 DigestInfo, as long as the key's modulus (read from the TPM) */
static TPM_RC pad_digest(TSS_CONTEXT *ctx, TPM2B_PUBLIC_KEY_RSA *m)
{
    size_t i = 0, dlen = TSS_GetDigestSize(oid);
    while (i < sizeof(prefixes) / sizeof(prefixes[0]) && prefixes[i].alg != oid)
        i++;
    if (m->t.size != dlen) {
        tool_error(&t, "-oid: %s holds %u bytes, not a %zu byte digest", ie, m->t.size, dlen);
        return TSS_RC_BAD_ARGUMENT;
    }
    ReadPublic_In rin = {.objectHandle = hk};
    ReadPublic_Out rout;
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&rout, (COMMAND_PARAMETERS *)&rin, NULL,
                            TPM_CC_ReadPublic, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    size_t k = rout.outPublic.publicArea.unique.rsa.t.size, tlen = prefixes[i].len + dlen;
    if (rout.outPublic.publicArea.type != TPM_ALG_RSA || k < tlen + 11 || k > sizeof(m->t.buffer)) {
        tool_error(&t, "-oid: the key is not an RSA key large enough for the padded digest");
        return TSS_RC_BAD_ARGUMENT;
    }
    uint8_t digest[sizeof(TPMU_HA)];
    memcpy(digest, m->t.buffer, dlen);
    m->t.buffer[0] = 0x00;
    m->t.buffer[1] = 0x01;
    memset(m->t.buffer + 2, 0xff, k - tlen - 3);
    m->t.buffer[k - tlen - 1] = 0x00;
    memcpy(m->t.buffer + k - tlen, prefixes[i].der, prefixes[i].len);
    memcpy(m->t.buffer + k - dlen, digest, dlen);
    m->t.size = (UINT16)k;
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    RSA_Decrypt_In in;
    RSA_Decrypt_Out out;
    char *pwfile = NULL;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pwdk != NULL && ipwdk != NULL)
        return tool_error(&t, "-pwdk and -ipwdk exclude each other");
    memset(&in, 0, sizeof(in));
    in.keyHandle = hk;
    in.inScheme.scheme = TPM_ALG_NULL;
    if (data_in(&t, NULL, ie, in.cipherText.t.buffer, sizeof(in.cipherText.t.buffer), &in.cipherText.t.size) != 0)
        return EXIT_FAILURE;
    if (ipwdk != NULL && policy_password_file(&t, ipwdk, &pwfile) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && oid != 0)
        rc = pad_digest(ctx, &in.cipherText);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_RSA_Decrypt, 1, pwfile != NULL ? pwfile : pwdk, NULL);
    free(pwfile);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("outData", out.message.t.buffer, out.message.t.size);
    if (rc == 0 && od != NULL)
        rc = tool_write_private(&t, od, out.message.t.buffer, out.message.t.size);
    return tool_finish(&t, ctx, rc);
}
