/* SPDX-License-Identifier: BSD-3-Clause */
/* What the credential, duplication and EK utilities share (makecredential,
 * activatecredential, duplicate, import, importpem, rewrap, createek, createekcert).
 *
 * Part 1 "secret sharing" done locally with OpenSSL 3 EVP, so that a verifier needs no TPM:
 *   seed     RSA key: random digest-sized seed, RSA-OAEP(nameAlg) with the label
 *            ECC key: ECDH with an ephemeral key, seed = KDFe(nameAlg, Z, label, Qe.x, Qs.x)
 *   outer    symKey  = KDFa(nameAlg, seed, "STORAGE", Name, "", symmetric key bits)
 *   wrapper  hmacKey = KDFa(nameAlg, seed, "INTEGRITY", "", "", digest bits)
 *            blob    = TPM2B(HMAC(hmacKey, enc || Name)) || enc,  enc = AES-CFB(symKey, IV 0)
 * MakeCredential wraps a TPM2B_DIGEST under label "IDENTITY"; a duplication blob wraps a
 * TPM2B_SENSITIVE under "DUPLICATE" (Part 1, 24 and 23.3.2).
 *
 * EKs: the TCG EK Credential Profile templates and NV indexes (low range L-1, L-2; high
 * range H-1 .. H-4, H-6, H-7), NV reads, and the X.509 helpers for EK certificates.
 * Functions print "<name>: <why>" on failure. */
#ifndef TSS_TOOL_CRED_H
#define TSS_TOOL_CRED_H

#include <openssl/types.h>

#include "tool/tool.h"

/* ---- local crypto ------------------------------------------------------------------- */

/* Name of a public area: nameAlg || H(TPMT_PUBLIC) */
TPM_RC cred_name(const TPMT_PUBLIC *pub, TPM2B_NAME *name);
/* a fresh seed for the RSA or ECC decryption key pub and the secret the TPM recovers it from */
TPM_RC cred_seed(const tool *t, const TPMT_PUBLIC *pub, const char *label, TPM2B_DIGEST *seed,
                 TPM2B_ENCRYPTED_SECRET *secret);
/* TPM2_MakeCredential without a TPM: credential for the object of Name name, to the key ek */
TPM_RC cred_make(const tool *t, const TPMT_PUBLIC *ek, const TPM2B_DIGEST *credential,
                 const TPM2B_NAME *name, TPM2B_ID_OBJECT *blob, TPM2B_ENCRYPTED_SECRET *secret);
/* Duplication blob of (pub, sens) for TPM2_Import: with parent, an outer wrapper to that
 * parent and *symseed its seed; with parent NULL, the plain TPM2B_SENSITIVE and no seed. */
TPM_RC cred_duplicate(const tool *t, const TPMT_PUBLIC *pub, const TPMT_SENSITIVE *sens,
                      const TPMT_PUBLIC *parent, TPM2B_PRIVATE *dup,
                      TPM2B_ENCRYPTED_SECRET *symseed);

/* A PEM or DER key pair, encrypted or not (pwd unlocks it and becomes the key's authValue,
 * as IBM's importpem does), through pem_read_keypair. */
struct pem_args;
int cred_read_keypair(const tool *t, const char *path, const struct pem_args *a, const char *pwd,
                      TPMT_PUBLIC *pub, TPMT_SENSITIVE *sens);

/* the public area of a loaded object (TPM2_ReadPublic), with the -se sessions when
 * sessions is set (audit, response encryption) */
TPM_RC cred_read_public(tool *t, TSS_CONTEXT *ctx, TPM_HANDLE h, int sessions, TPMT_PUBLIC *pub);

/* ---- EK: TCG EK Credential Profile ------------------------------------------------- */

typedef struct cred_ek {
    TPMI_RH_NV_INDEX cert, nonce, tmpl; /* nonce is 0 in the high range */
    TPMT_PUBLIC pub;                    /* the profile's default template */
    const char *what;                   /* "RSA 2048 (L-1)" */
} cred_ek;

/* -ecc choices: nistp256 nistp384 nistp521 */
extern const char *const cred_curves[];

/* Takes "-rsa [keybits]" out of argv (keybits 2048, 3072 or 4096; default 2048); *rsa is set
 * when -rsa was given. 0 or EXIT_FAILURE (message printed). */
int cred_rsa_preparse(const tool *t, int *argc, char **argv, int *rsa, unsigned *keybits);
/* The EK for -rsa / -ecc (curve index into cred_curves, -1 when not given) and -high. Only
 * RSA 2048 and P-256 have a low-range EK: the others are always high range. Default RSA 2048. */
int cred_ek_select(const tool *t, int rsa, unsigned keybits, int curve, int high, cred_ek *ek);

/* whole contents of an NV index (index authorization, empty password); *data is malloc'd.
 * TPM_RC_HANDLE style errors from NV_ReadPublic when the index is not defined. */
TPM_RC cred_nv_read(tool *t, TSS_CONTEXT *ctx, TPMI_RH_NV_INDEX index, uint8_t **data,
                    uint16_t *len);
/* the error of reading an NV index that is not defined (TPM_RC_HANDLE on its handle) */
int cred_nv_absent(TPM_RC rc);
/* the EK's CreatePrimary input: the template in NV if there is one, else the profile's,
 * with the low-range nonce in NV if there is one; verbose notes go to stdout */
TPM_RC cred_ek_template(tool *t, TSS_CONTEXT *ctx, const cred_ek *ek, TPMT_PUBLIC *pub, int print);
/* CreatePrimary of the EK in the endorsement hierarchy */
TPM_RC cred_ek_create(tool *t, TSS_CONTEXT *ctx, const TPMT_PUBLIC *tmpl, const char *pwde,
                      const char *pwdk, TPM_HANDLE *h, TPMT_PUBLIC *out);

/* ---- X.509 ---------------------------------------------------------------------------- */

/* the EK certificate in NV (DER) */
TPM_RC cred_cert_read(tool *t, TSS_CONTEXT *ctx, TPMI_RH_NV_INDEX index, X509 **cert);
/* 0 when the certificate's key is the public area's key */
int cred_cert_matches(const tool *t, X509 *cert, const TPMT_PUBLIC *pub);
/* Validates cert against the certificates listed in listfile (one PEM file name a line, as
 * IBM's -root file); each listed certificate is a trust anchor. 0 or EXIT_FAILURE. */
int cred_cert_verify(const tool *t, X509 *cert, const char *listfile);
/* A test EK certificate for the EK public area, signed by the CA key (PEM, password capwd);
 * DER in *der (OPENSSL_free it). The issuer is the subject of IBM's test EK CA certificate
 * of the CA key's algorithm (RSA "EK CA", EC "EK EC CA"); the subject is IBM's "IBM SW TPM". */
int cred_cert_make(const tool *t, const TPMT_PUBLIC *ek, const char *cakey, const char *capwd,
                   int caalg, unsigned char **der, int *derlen);

#endif
