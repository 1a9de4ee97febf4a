/* SPDX-License-Identifier: BSD-3-Clause */
/* What the session and policy-command utilities share (startauthsession, policysecret,
 * policysigned, policyticket, policyor, policycphash, policynamehash): the options of the
 * authorization policies in IBM's file formats, PolicySigned's aHash and its offline
 * signature, and repeated options.
 *
 * File formats (as IBM's utilities): -in nonceTPM, -cp cpHash, -pref policyRef, -na authName,
 * -nh nameHash, -if digests and -to timeout are the raw bytes of the TPM2B buffer; -tk is
 * a marshaled TPMT_TK_AUTH; -is is the raw RSA signature (PKCS#1 v1.5). Messages are printed
 * as "<name>: <why>"; int functions return 0 or EXIT_FAILURE. */
#ifndef TSS_TOOL_POLICY_H
#define TSS_TOOL_POLICY_H

#include "tool/tool.h"

/* the largest digest a TPM makes: the bound for nonces, cpHash, policyRef and policy digests
 * (TPMU_HA itself is larger here) */
#define POL_DIGEST_MAX SHA512_DIGEST_SIZE

/* -in -cp -pref -exp -to -tk of PolicySecret and PolicySigned */
typedef struct pol_auth {
    const char *in, *cp, *pref, *to, *tk;
    int32_t exp;
} pol_auth;

/* clang-format off */
#define POL_AUTH_OPTS(a)                                                                           \
    {"-in", T_STR, &(a).in, "file", "nonceTPM file (default none)", 0, NULL},                     \
    {"-cp", T_STR, &(a).cp, "file", "cpHash file (default none)", 0, NULL},                       \
    {"-pref", T_STR, &(a).pref, "file", "policyRef file (default none)", 0, NULL},                \
    {"-exp", T_I32, &(a).exp, "seconds", "expiration in decimal (default none)", 0, NULL}
#define POL_TICKET_OPTS(a)                                                                         \
    {"-tk", T_STR, &(a).tk, "file", "ticket file name", 0, NULL},                                 \
    {"-to", T_STR, &(a).to, "file", "timeout file name", 0, NULL}
/* clang-format on */

/* a file of at most max bytes into a TPM2B; a NULL path leaves b empty */
int pol_read_opt(const tool *t, const char *path, TPM2B *b, uint16_t max);
/* -in, -cp and -pref into the command's parameters */
int pol_read_auth(const tool *t, const pol_auth *a, TPM2B_NONCE *nonce, TPM2B_DIGEST *cp,
                  TPM2B_NONCE *pref);
/* -to and -tk from the response */
TPM_RC pol_write_auth(const tool *t, const pol_auth *a, TPM2B_TIMEOUT *timeout,
                      TPMT_TK_AUTH *ticket);

/* aHash = H(nonceTPM || expiration || cpHashA || policyRef), Part 3 23.3 */
TPM_RC pol_ahash(TPMI_ALG_HASH halg, const TPM2B_NONCE *nonce, int32_t exp, const TPM2B_DIGEST *cp,
                 const TPM2B_NONCE *pref, TPMT_HA *ahash);
/* Signs aHash with a PEM private key (password pw, NULL for none): an RSA key gives an
 * RSASSA signature, an EC key an ECDSA signature, both with halg. */
int pol_sign(const tool *t, const char *pem, const char *pw, const TPMT_HA *ahash,
             TPMT_SIGNATURE *sig);
/* a raw RSA signature file (made with e.g. openssl dgst -sign) as an RSASSA signature */
int pol_read_signature(const tool *t, const char *path, TPMI_ALG_HASH halg, TPMT_SIGNATURE *sig);

/* The values of a repeated option, in order, up to max (more is an error). argv is left as
 * it is: give the option a dummy destination in the table so tool_parse accepts it. */
int pol_collect(const tool *t, const char *flag, int argc, char **argv, const char **vals, int max,
                int *n);

#endif
