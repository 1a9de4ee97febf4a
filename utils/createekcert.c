/* SPDX-License-Identifier: BSD-3-Clause */
/* createekcert: provisions a test EK certificate: creates the EK (TCG EK Credential Profile
 * template), makes an X.509 certificate for it signed by the CA key -cakey, and writes it
 * (DER) to the EK certificate NV index, defined by the platform hierarchy (-pwdp). createek
 * -cp and -root then validate it. */
#include <openssl/crypto.h>
#include <string.h>

#include "tool/cred.h"
#include "tool/nv.h"

static int high, rsa, ecc = -1, caalg = -1, noflush;
static unsigned keybits;
static const char *pwdp, *pwde, *pwdk, *cakey, *capwd, *of;
static const char *const caalgs[] = {"rsa", "ecc", "ec", NULL};
static const tool_opt opts[] = {
    {"-pwdp", T_STR, &pwdp, "password", "platform hierarchy password (default empty)", 0, NULL},
    {"-pwde", T_STR, &pwde, "password", "endorsement hierarchy password (default empty)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for the EK (default empty)", 0, NULL},
    {"-cakey", T_STR, &cakey, "file", "CA private key file name (PEM)", TOOL_REQUIRED, NULL},
    {"-capwd", T_STR, &capwd, "password", "CA private key password (default empty)", 0, NULL},
    {"-caalg", T_CHOICE, &caalg, "alg",
     "CA key algorithm, rsa or ec (default: from the key file); the certificate's issuer is "
     "that CA's subject (CN EK CA or EK EC CA)", 0, caalgs},
    {"-high", T_FLAG, &high, NULL, "high range EK template and index (default low range)", 0, NULL},
    {"-rsa", T_FLAG, &rsa, NULL, "[keybits] RSA EK, 2048 (default), 3072", 0, NULL},
    {"-ecc", T_CHOICE, &ecc, "curve", "ECC EK", 0, cred_curves},
    {"-noflush", T_FLAG, &noflush, NULL, "do not flush the EK", 0, NULL},
    {"-of", T_STR, &of, "file", "EK certificate output file name (DER, default do not save)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"createekcert",
                 "Writes a test EK certificate, signed by a CA key, to the EK certificate NV index",
                 opts,
                 0,
                 0,
                 {0},
                 {0},
                 {0}};

/* the certificate into its NV index, replacing what was there */
static TPM_RC write_nv(TSS_CONTEXT *ctx, TPMI_RH_NV_INDEX index, const unsigned char *der,
                       uint16_t len)
{
    NV_ReadPublic_In rin = {.nvIndex = index};
    NV_ReadPublic_Out rout;
    NV_UndefineSpace_In uin = {.authHandle = TPM_RH_PLATFORM, .nvIndex = index};
    NV_DefineSpace_In din;
    uint32_t chunk = 0;
    if (tool_execute(&t, ctx, &rout, &rin, TPM_CC_NV_ReadPublic, 0, NULL, NULL) == 0) {
        TPM_RC rc = tool_execute(&t, ctx, NULL, &uin, TPM_CC_NV_UndefineSpace, 1, pwdp, NULL);
        if (rc != 0)
            return rc;
    }
    memset(&din, 0, sizeof(din));
    din.authHandle = TPM_RH_PLATFORM;
    din.publicInfo.nvPublic.nvIndex = index;
    din.publicInfo.nvPublic.nameAlg = TPM_ALG_SHA256;
    din.publicInfo.nvPublic.attributes.val = TPMA_NVA_PPWRITE | TPMA_NVA_PPREAD |
                                             TPMA_NVA_OWNERREAD | TPMA_NVA_AUTHREAD |
                                             TPMA_NVA_NO_DA | TPMA_NVA_PLATFORMCREATE;
    din.publicInfo.nvPublic.dataSize = len;
    TPM_RC rc = tool_execute(&t, ctx, NULL, &din, TPM_CC_NV_DefineSpace, 1, pwdp, NULL);
    if (rc == 0)
        rc = nv_chunk(&t, ctx, len, &chunk);
    for (uint16_t off = 0; rc == 0 && off < len;) {
        NV_Write_In win = {.authHandle = TPM_RH_PLATFORM, .nvIndex = index, .offset = off};
        uint32_t left = (uint32_t)(len - off);
        win.data.t.size = (uint16_t)(left < chunk ? left : chunk);
        memcpy(win.data.t.buffer, der + off, win.data.t.size);
        rc = tool_execute(&t, ctx, NULL, &win, TPM_CC_NV_Write, 1, pwdp, NULL);
        off = (uint16_t)(off + win.data.t.size);
    }
    if (rc != 0) /* no half-written certificate */
        tool_execute(&t, ctx, NULL, &uin, TPM_CC_NV_UndefineSpace, 1, pwdp, NULL);
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    cred_ek ek;
    TPMT_PUBLIC tmpl, pub;
    TPM_HANDLE h = 0;
    unsigned char *der = NULL;
    int derlen = 0;
    if (cred_rsa_preparse(&t, &argc, argv, &rsa, &keybits) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (cred_ek_select(&t, rsa, keybits, ecc, high, &ek) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = cred_ek_template(&t, ctx, &ek, &tmpl, 0);
    if (rc == 0)
        rc = cred_ek_create(&t, ctx, &tmpl, pwde, pwdk, &h, &pub);
    if (rc == 0 &&
        cred_cert_make(&t, &pub, cakey, capwd, caalg > 1 ? 1 : caalg, &der, &derlen) != 0)
        rc = TSS_RC_X509_ERROR;
    if (rc == 0 && derlen > 0xffff)
        rc = TPM_RC_SIZE;
    if (rc == 0)
        rc = write_nv(ctx, ek.cert, der, (uint16_t)derlen);
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, der, (size_t)derlen);
    if (h != 0 && (!noflush || rc != 0)) {
        FlushContext_In fin = {.flushHandle = h};
        TPM_RC rc2 = TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&fin, NULL, TPM_CC_FlushContext,
                                 TPM_RH_NULL, NULL, 0);
        rc = rc != 0 ? rc : rc2;
    } else if (h != 0) {
        printf("Handle %08x\n", h);
    }
    OPENSSL_free(der);
    return tool_finish(&t, ctx, rc);
}
