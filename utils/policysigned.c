/* SPDX-License-Identifier: BSD-3-Clause */
/* policysigned: TPM2_PolicySigned. The authorization is signed here with a PEM private key
 * (-sk: RSA gives RSASSA, EC gives ECDSA) over aHash = H(nonceTPM || expiration || cpHash ||
 * policyRef), or comes signed from elsewhere (-is: a raw RSA PKCS#1 v1.5 signature, e.g.
 * from openssl dgst -sign or a smart card). -hk is the loaded public key that verifies it. */
#include <string.h>

#include "tool/policy.h"

static uint32_t hk, ha;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *sk, *is, *pwdk;
static pol_auth pa;
static const tool_opt opts[] = {
    {"-hk", T_X32, &hk, "handle", "signature verification key handle", TOOL_REQUIRED, NULL},
    {"-ha", T_X32, &ha, "handle", "policy session handle", TOOL_REQUIRED, NULL},
    POL_AUTH_OPTS(pa),
    {"-halg", T_HALG, &halg, "alg", "(sha1, sha256, sha384, sha512) (default sha256)", 0, NULL},
    {"-sk", T_STR, &sk, "file", "signing key file name (PEM format): this utility signs", 0, NULL},
    {"-is", T_STR, &is, "file", "signature file name: a signature made elsewhere (e.g. HSM)", 0,
     NULL},
    {"-pwdk", T_STR, &pwdk, "password", "signing key password (default null)", 0, NULL},
    POL_TICKET_OPTS(pa),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"policysigned", "Runs TPM2_PolicySigned", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PolicySigned_In in;
    PolicySigned_Out out;
    TPMT_HA ahash;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((sk == NULL) == (is == NULL))
        return tool_error(&t, "give one of -sk and -is");
    memset(&in, 0, sizeof(in));
    in.authObject = hk;
    in.policySession = ha;
    in.expiration = pa.exp;
    if (pol_read_auth(&t, &pa, &in.nonceTPM, &in.cpHashA, &in.policyRef) != 0)
        return EXIT_FAILURE;
    if (is != NULL && pol_read_signature(&t, is, halg, &in.auth) != 0)
        return EXIT_FAILURE;
    if (sk != NULL) {
        if (pol_ahash(halg, &in.nonceTPM, in.expiration, &in.cpHashA, &in.policyRef, &ahash) != 0)
            return tool_error(&t, "cannot compute aHash");
        if (pol_sign(&t, sk, pwdk, &ahash, &in.auth) != 0)
            return EXIT_FAILURE;
    }
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PolicySigned, 0, NULL, NULL);
    if (rc == 0)
        rc = pol_write_auth(&t, &pa, &out.timeout, &out.policyTicket);
    return tool_finish(&t, ctx, rc);
}
