/* SPDX-License-Identifier: BSD-3-Clause */
/* What the attestation and audit utilities share (quote, certify, certifycreation,
 * certifyx509, nvcertify, gettime, getcommandauditdigest, getsessionauditdigest).
 *
 * Options (each utility lists the ones IBM's has, in IBM's order):
 *   -halg -salg       the signing scheme as IBM builds it: rsa = RSASSA, ecc = ECDSA,
 *                     hmac = HMAC, each with -halg (default sha256)
 *   -scheme           (extension) rsassa rsapss ecdsa hmac null: overrides -salg; null lets
 *                     the TPM use the key's own scheme
 *   -qd               qualifying data file (the raw bytes, at most 64)
 *   -oa -os           the attestation (the TPMS_ATTEST bytes of the TPM2B_ATTEST, without
 *                     the size) and the marshaled TPMT_SIGNATURE, as IBM writes them
 *   -ipu              (extension) TPM2B_PUBLIC of the signing key (create -opu): the
 *                     signature is verified with OpenSSL before anything is written
 *
 * A utility:
 *   static attest_args a = ATTEST_ARGS_INIT;
 *   ... ATTEST_OPT_HALG(a), ATTEST_OPT_SALG(a), ATTEST_OPT_SCHEME(a) ... in its table
 *   attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme);
 *   ... execute ...
 *   attest_check(&t, &a, TPM_ST_ATTEST_QUOTE, &out.quoted, &out.signature, &parsed);
 *   attest_write(&t, &a, &out.quoted, &out.signature, extra, nextra);
 * All outputs are written or none (a later failure removes the files written before it). */
#ifndef TSS_TOOL_ATTEST_H
#define TSS_TOOL_ATTEST_H

#include "tool/tool.h"

typedef struct attest_args {
    TPMI_ALG_HASH halg;
    int salg;   /* index into attest_salgs */
    int scheme; /* index into attest_schemes, -1 when not given */
    const char *qd, *oa, *os, *ipu;
} attest_args;

extern const char *const attest_salgs[];   /* rsa ecc hmac */
extern const char *const attest_schemes[]; /* rsassa rsapss ecdsa hmac null */

/* clang-format off */
#define ATTEST_ARGS_INIT {TPM_ALG_SHA256, 0, -1, NULL, NULL, NULL, NULL}
#define ATTEST_OPT_HALG(a) \
    {"-halg", T_HALG, &(a).halg, "alg", "hash algorithm for signing (sha1, sha256, sha384, sha512) (default sha256)", 0, NULL}
#define ATTEST_OPT_SALG(a) \
    {"-salg", T_CHOICE, &(a).salg, "alg", "signature algorithm (rsa, ecc, hmac) (default rsa)", 0, attest_salgs}
#define ATTEST_OPT_SCHEME(a) \
    {"-scheme", T_CHOICE, &(a).scheme, "scheme", "signing scheme, overrides -salg (rsassa, rsapss, ecdsa, hmac, null: the key's)", 0, attest_schemes}
#define ATTEST_OPT_QD(a) \
    {"-qd", T_STR, &(a).qd, "file", "qualifying data file name", 0, NULL}
#define ATTEST_OPT_OS(a) \
    {"-os", T_STR, &(a).os, "file", "signature file name (default do not save)", 0, NULL}
#define ATTEST_OPT_OA(a) \
    {"-oa", T_STR, &(a).oa, "file", "attestation output file name (default do not save)", 0, NULL}
#define ATTEST_OPT_IPU(a) \
    {"-ipu", T_STR, &(a).ipu, "file", "signing key public area: verify the signature before saving", 0, NULL}
/* all of them, in the order every attestation utility lists them */
#define ATTEST_OPTS(a) \
    ATTEST_OPT_HALG(a), ATTEST_OPT_SALG(a), ATTEST_OPT_SCHEME(a), ATTEST_OPT_QD(a), \
    ATTEST_OPT_OS(a), ATTEST_OPT_OA(a), ATTEST_OPT_IPU(a)
/* clang-format on */

/* The signing scheme from -halg/-salg/-scheme; -qd read into qd (qd may be NULL when the
 * command has none). 0 or EXIT_FAILURE (message printed). */
int attest_prepare(const tool *t, const attest_args *a, TPM2B_DATA *qd, TPMT_SIG_SCHEME *scheme);

/* Unmarshals the attestation, checks its magic and type, verifies the signature when -ipu
 * was given, prints both with -v. parsed may be NULL. */
TPM_RC attest_check(const tool *t, const attest_args *a, TPMI_ST_ATTEST type,
                    const TPM2B_ATTEST *att, const TPMT_SIGNATURE *sig, TPMS_ATTEST *parsed);

/* The common run: tool_context, tool_execute (nauth password sessions pw0, pw1), then
 * attest_check of type and attest_write of att and sig (fields of out). *ctx is for
 * tool_finish. */
TPM_RC attest_run(tool *t, const attest_args *a, TSS_CONTEXT **ctx, void *out, void *in, TPM_CC cc,
                  int nauth, const char *pw0, const char *pw1, TPMI_ST_ATTEST type,
                  const TPM2B_ATTEST *att, const TPMT_SIGNATURE *sig);

/* An output file: NULL path = not wanted. */
typedef struct attest_file {
    const char *path;
    const uint8_t *data;
    size_t len;
} attest_file;

/* Writes -oa, -os and the extra files, all or none. */
TPM_RC attest_write(const tool *t, const attest_args *a, const TPM2B_ATTEST *att,
                    const TPMT_SIGNATURE *sig, const attest_file *extra, size_t nextra);
/* Writes the files in order, all or none. */
TPM_RC attest_write_files(const tool *t, const attest_file *f, size_t n);

/* Verifies sig over data with the public key in the TPM2B_PUBLIC file ipu (OpenSSL; RSASSA,
 * RSAPSS, ECDSA). */
TPM_RC attest_verify(const tool *t, const char *ipu, const uint8_t *data, size_t len,
                     const TPMT_SIGNATURE *sig);
/* The signature value as X.509 and OpenSSL carry it: RSA as is, ECDSA as the DER
 * SEQUENCE { r, s }. *len is the room in out on entry. */
TPM_RC attest_sig_bytes(const TPMT_SIGNATURE *sig, uint8_t *out, size_t *len);

/* For IBM's repeatable options (quote -hp, setcommandcodeauditstatus -set): calls add for
 * the value of every occurrence of flag in argv, skipping the arguments of the other options
 * so that a password such as "-hp" is not misread. tool_parse still sees every occurrence.
 * 0 or EXIT_FAILURE (add prints its own message). */
int attest_collect(const tool *t, const char *flag, int argc, char **argv,
                   int (*add)(const tool *t, const char *value, void *ctx), void *ctx);

/* certifyx509: the partial certificate IBM's utility sends, and the certificate assembled
 * from it and the TPM's answer. */
typedef struct x509_args {
    const char
        *ku; /* key usage, OpenSSL's syntax; NULL: critical,digitalSignature,keyCertSign,cRLSign */
    int iob_set;
    uint32_t iob; /* TPMA_OBJECT extension value */
    int sub;      /* subject = issuer (a self-signed root) */
} x509_args;
/* DER SEQUENCE { issuer, validity, subject, [3] extensions } into out (*len: room in, size out) */
int x509_partial(const tool *t, const x509_args *x, uint8_t *out, size_t *len);
/* TBSCertificate from the partial certificate and addedToCertificate, checked against the
 * TPM's tbsDigest (hashed with the signature's hash); the certificate with the signature.
 * Both malloc'd. 0 or EXIT_FAILURE (message printed). */
int x509_assemble(const tool *t, const uint8_t *partial, size_t plen, const uint8_t *added,
                  size_t alen, const TPM2B_DIGEST *tbsDigest, const TPMT_SIGNATURE *sig,
                  uint8_t **tbs, size_t *tbslen, uint8_t **cert, size_t *certlen);

#endif
