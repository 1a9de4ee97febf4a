/* SPDX-License-Identifier: BSD-3-Clause */
/* certifyx509: TPM2_CertifyX509. Sends a partial certificate (issuer, validity, subject, key
 * usage and optionally TPMA_OBJECT extensions: tool/attest.h x509_partial), rebuilds the
 * TBSCertificate from the TPM's addedToCertificate (checked against its tbsDigest) and
 * writes the signed X.509 certificate (DER, -ocert). -rsa / -ecc name the signing key's type,
 * which picks the scheme (RSASSA / ECDSA; -scheme overrides). */
#include <string.h>

#include "tool/attest.h"
#include "tss2/tssprint.h"

static uint32_t ho, hk, bit = UINT32_MAX;
static const char *pwdo, *pwdk, *iob, *opc, *otbs, *ocert;
static int rsa = -1, ecc = -1, salg = -1;
static x509_args x;
static attest_args a = ATTEST_ARGS_INIT;
static const char *const rsa_bits[] = {"2048", "3072", NULL};
static const char *const ecc_curves[] = {"nistp256", "nistp384", NULL};
static const tool_opt opts[] = {
    {"-ho", T_X32, &ho, "handle", "object handle", TOOL_REQUIRED, NULL},
    {"-pwdo", T_STR, &pwdo, "password", "password for object (default empty)", 0, NULL},
    {"-hk", T_X32, &hk, "handle", "certifying key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-halg", T_HALG, &a.halg, "alg", "hash algorithm (sha256, sha384) (default sha256)", 0, NULL},
    {"-rsa", T_CHOICE, &rsa, "keybits", "RSA certifying key (default, 2048)", 0, rsa_bits},
    {"-ecc", T_CHOICE, &ecc, "curve", "ECC certifying key", 0, ecc_curves},
    {"-salg", T_CHOICE, &salg, "alg", "certifying key type, older form of -rsa / -ecc (rsa, ecc)",
     0, attest_salgs},
    ATTEST_OPT_SCHEME(a),
    {"-ku", T_STR, &x.ku, "usage",
     "X509 key usage, comma separated (default critical,digitalSignature,keyCertSign,cRLSign)", 0,
     NULL},
    {"-iob", T_STR, &iob, "hex", "TPMA_OBJECT extension value, 4 byte hex (default none)", 0, NULL},
    {"-bit", T_U32, &bit, "bit", "bit of the partial certificate to toggle (test)", 0, NULL},
    {"-sub", T_FLAG, &x.sub, NULL, "subject same as issuer (self signed root certificate)", 0,
     NULL},
    {"-opc", T_STR, &opc, "file", "partial certificate file name (default do not save)", 0, NULL},
    {"-oa", T_STR, &a.oa, "file", "addedToCertificate file name (default do not save)", 0, NULL},
    {"-otbs", T_STR, &otbs, "file", "TBSCertificate file name (default do not save)", 0, NULL},
    {"-os", T_STR, &a.os, "file", "signature file name (default do not save)", 0, NULL},
    {"-ocert", T_STR, &ocert, "file", "X509 certificate file name, DER (default do not save)", 0,
     NULL},
    ATTEST_OPT_IPU(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"certifyx509", "Runs TPM2_CertifyX509", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    CertifyX509_In in;
    CertifyX509_Out out;
    uint8_t *tbs = NULL, *cert = NULL;
    size_t tbslen = 0, certlen = 0;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (rsa >= 0 && ecc >= 0)
        return tool_error(&t, "-rsa and -ecc exclude each other");
    if (salg == 2)
        return tool_error(&t, "an HMAC key cannot sign a certificate");
    if (iob != NULL) {
        char *end;
        unsigned long v = strtoul(iob, &end, 16);
        if (*iob == '\0' || *iob == '-' || *end != '\0' || v > 0xffffffffUL)
            return tool_error(&t, "bad -iob value '%s'", iob);
        x.iob = (uint32_t)v, x.iob_set = 1;
    }
    memset(&in, 0, sizeof(in));
    in.objectHandle = ho;
    in.signHandle = hk;
    a.salg = (ecc >= 0 || salg == 1) ? 1 : 0;
    if (attest_prepare(&t, &a, NULL, &in.inScheme) != 0)
        return EXIT_FAILURE;
    size_t plen = sizeof(in.partialCertificate.t.buffer);
    if (x509_partial(&t, &x, in.partialCertificate.t.buffer, &plen) != 0)
        return EXIT_FAILURE;
    in.partialCertificate.t.size = (UINT16)plen;
    if (bit != UINT32_MAX) {
        if (bit >= 8 * plen)
            return tool_error(&t, "-bit %u is beyond the %zu byte partial certificate", bit, plen);
        in.partialCertificate.t.buffer[bit / 8] ^= (BYTE)(1u << (bit % 8));
    }
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_CertifyX509, 2, pwdo, pwdk);
    if (rc == 0 &&
        x509_assemble(&t, in.partialCertificate.t.buffer, plen, out.addedToCertificate.t.buffer,
                      out.addedToCertificate.t.size, &out.tbsDigest, &out.signature, &tbs, &tbslen,
                      &cert, &certlen) != 0)
        rc = TSS_RC_X509_ERROR;
    if (rc == 0 && a.ipu != NULL)
        rc = attest_verify(&t, a.ipu, tbs, tbslen, &out.signature);
    if (rc == 0) {
        uint8_t sbuf[sizeof(TPMT_SIGNATURE)];
        BYTE *p = sbuf;
        uint32_t room = sizeof(sbuf);
        uint16_t slen = 0;
        rc = TSS_TPMT_SIGNATURE_Marshalu(&out.signature, &slen, &p, &room);
        attest_file f[] = {{opc, in.partialCertificate.t.buffer, plen},
                           {a.oa, out.addedToCertificate.t.buffer, out.addedToCertificate.t.size},
                           {otbs, tbs, tbslen},
                           {a.os, sbuf, slen},
                           {ocert, cert, certlen}};
        if (rc == 0)
            rc = attest_write_files(&t, f, sizeof(f) / sizeof(f[0]));
    }
    if (rc == 0 && t.verbose) {
        TSS_PrintAll("tbsDigest", out.tbsDigest.t.buffer, out.tbsDigest.t.size);
        TSS_TPMT_SIGNATURE_Print(&out.signature, 2);
        TSS_PrintAll("certificate", cert, (uint32_t)certlen);
    }
    free(tbs);
    free(cert);
    return tool_finish(&t, ctx, rc);
}
