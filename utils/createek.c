/* SPDX-License-Identifier: BSD-3-Clause */
/* createek: the EK of the TCG EK Credential Profile: prints the EK template, nonce or
 * certificate from NV (-te -no -ce), creates the EK from them (-cp) and checks it against
 * the certificate (which must be there unless -nopub), and validates the certificate
 * against a list of root certificates (-root, a file naming one PEM certificate a line). */
#include <openssl/x509.h>

#include "tool/cred.h"
#include "tss2/tssprint.h"

static int te, no, ce, cp, noflush, nopub, high, rsa, ecc = -1;
static unsigned keybits;
static const char *pwde, *pwdk, *root;
static const tool_opt opts[] = {
    {"-pwde", T_STR, &pwde, "password", "endorsement hierarchy password (default empty)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for the EK (default empty)", 0, NULL},
    {"-high", T_FLAG, &high, NULL, "high range EK templates and indexes (default low range)", 0,
     NULL},
    {"-rsa", T_FLAG, &rsa, NULL, "[keybits] RSA EK, 2048 (default), 3072, 4096", 0, NULL},
    {"-ecc", T_CHOICE, &ecc, "curve", "ECC EK", 0, cred_curves},
    {"-te", T_FLAG, &te, NULL, "print the EK template", 0, NULL},
    {"-no", T_FLAG, &no, NULL, "print the EK nonce", 0, NULL},
    {"-ce", T_FLAG, &ce, NULL, "print the EK certificate", 0, NULL},
    {"-cp", T_FLAG, &cp, NULL,
     "CreatePrimary with the EK template and nonce, validate it against the EK certificate", 0,
     NULL},
    {"-noflush", T_FLAG, &noflush, NULL, "do not flush the EK after validation", 0, NULL},
    {"-nopub", T_FLAG, &nopub, NULL,
     "with -cp, do not validate the EK against the EK certificate (none needed)", 0, NULL},
    {"-root", T_STR, &root, "file",
     "validate the EK certificate against the roots (a list of PEM file names, one a line)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"createek",
                 "Parses and prints the EK NV indexes of the TCG EK Credential Profile; creates "
                 "and validates the EK",
                 opts,
                 0,
                 0,
                 {0},
                 {0},
                 {0}};

static TPM_RC print_nv(TSS_CONTEXT *ctx, const cred_ek *ek)
{
    TPMI_RH_NV_INDEX index = te ? ek->tmpl : ek->nonce;
    if (index == 0) {
        tool_error(&t, "the high range has no EK nonce");
        return TSS_RC_BAD_HANDLE_NUMBER;
    }
    uint8_t *data = NULL, *p;
    uint16_t len = 0;
    TPM_RC rc = cred_nv_read(&t, ctx, index, &data, &len);
    uint32_t size = len;
    TPMT_PUBLIC pub;
    if (rc != 0)
        fprintf(stderr, "createek: no EK %s at NV index %08x\n", te ? "template" : "nonce", index);
    else if (no)
        TSS_PrintAll("EK nonce", data, len);
    else if ((p = data, rc = TSS_TPMT_PUBLIC_Unmarshalu(&pub, &p, &size, NO)) == 0)
        TSS_TPMT_PUBLIC_Print(&pub, 0);
    free(data);
    return rc;
}

/* -cp: the EK, its public key printed, checked against the EK certificate in NV (as IBM's,
 * an EK without a certificate fails); -nopub skips the check */
static TPM_RC create(TSS_CONTEXT *ctx, const cred_ek *ek, X509 **cert)
{
    TPMT_PUBLIC tmpl, pub;
    TPM_HANDLE h = 0;
    TPM_RC rc = cred_ek_template(&t, ctx, ek, &tmpl, 1);
    if (rc == 0)
        rc = cred_ek_create(&t, ctx, &tmpl, pwde, pwdk, &h, &pub);
    if (rc != 0)
        return rc;
    if (pub.type == TPM_ALG_RSA) {
        TSS_PrintAll("EK RSA public key", pub.unique.rsa.t.buffer, pub.unique.rsa.t.size);
    } else {
        TSS_PrintAll("EK ECC public key x", pub.unique.ecc.x.t.buffer, pub.unique.ecc.x.t.size);
        TSS_PrintAll("EK ECC public key y", pub.unique.ecc.y.t.buffer, pub.unique.ecc.y.t.size);
    }
    if (nopub)
        printf("EK not validated against an EK certificate (-nopub)\n");
    else if ((rc = cred_cert_read(&t, ctx, ek->cert, cert)) == 0 &&
             cred_cert_matches(&t, *cert, &pub) != 0)
        rc = TSS_RC_X509_ERROR;
    else if (rc == 0)
        printf("EK public key matches the EK certificate at %08x\n", ek->cert);
    else if (cred_nv_absent(rc)) /* no certificate: the EK cannot be validated */
        fprintf(stderr, "createek: -cp validates the EK against its certificate; "
                        "-nopub creates it without one\n");
    if (!noflush || rc != 0) {
        FlushContext_In fin = {.flushHandle = h};
        TPM_RC rc2 = TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&fin, NULL, TPM_CC_FlushContext,
                                 TPM_RH_NULL, NULL, 0);
        if (rc == 0)
            rc = rc2;
    } else {
        printf("Primary key Handle %08x\n", h); /* only for an EK left loaded */
    }
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    X509 *cert = NULL;
    cred_ek ek;
    if (cred_rsa_preparse(&t, &argc, argv, &rsa, &keybits) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (te + no + ce + cp > 1)
        return tool_error(&t, "only one of -te, -no, -ce, -cp can be given");
    if (te + no + ce + cp == 0 && root == NULL)
        return tool_missing(&t, "-te, -no, -ce, -cp or -root (nothing to do)");
    if (cred_ek_select(&t, rsa, keybits, ecc, high, &ek) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && (te || no))
        rc = print_nv(ctx, &ek);
    if (rc == 0 && ce && (rc = cred_cert_read(&t, ctx, ek.cert, &cert)) == 0)
        X509_print_fp(stdout, cert);
    if (rc == 0 && cp)
        rc = create(ctx, &ek, &cert);
    if (rc == 0 && root != NULL && cert == NULL)
        rc = cred_cert_read(&t, ctx, ek.cert, &cert);
    if (rc == 0 && root != NULL) {
        if (cred_cert_verify(&t, cert, root) != 0)
            rc = TSS_RC_X509_ERROR;
        else
            printf("EK certificate validated against the root\n");
    }
    X509_free(cert);
    return tool_finish(&t, ctx, rc);
}
