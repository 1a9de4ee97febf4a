/* SPDX-License-Identifier: BSD-3-Clause */
/* PEM and DER keys <-> TPM public areas (OpenSSL 3 EVP), for createprimary, create,
 * createloaded, readpublic, tpm2pem (TPM -> PEM) and loadexternal, publicname (PEM/DER ->
 * TPM). Errors are printed as "<name>: <why>"; functions return 0 or non-zero. */
#ifndef TSS_TOOL_PEM_H
#define TSS_TOOL_PEM_H

#include <openssl/types.h>

#include "tool/tool.h"

/* A public EVP_PKEY for an RSA or ECC public area (caller frees with EVP_PKEY_free). */
TPM_RC pem_pkey_from_public(const tool *t, const TPMT_PUBLIC *pub, EVP_PKEY **pkey);
/* Writes the public key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) file, atomically. */
TPM_RC pem_write_public(const tool *t, const char *path, const TPMT_PUBLIC *pub);

/* How an external key is shaped into a TPM public area, IBM's loadexternal flags:
 *   -si   sign (default): RSASSA / ECDSA(halg) unless -scheme says otherwise
 *   -st   storage: restricted decrypt, AES-128-CFB, NULL scheme
 *   -den  decrypt: RSA NULL scheme unless -scheme, ECC ECDH(halg)
 *   attributes: noDA userWithAuth (-uwa clears userWithAuth) */
typedef struct pem_args {
    int rsa, ecc, si, st, den, uwa;
    int scheme; /* index into pem_schemes, -1 when not given */
    TPMI_ALG_HASH nalg, halg;
} pem_args;

extern const char *const pem_schemes[];

/* clang-format off */
#define PEM_OPTS(a)                                                                               \
    {"-rsa", T_FLAG, &(a).rsa, NULL, "RSA key (default: from the key file)", 0, NULL},            \
    {"-ecc", T_FLAG, &(a).ecc, NULL, "ECC key (the curve comes from the key file)", 0, NULL},     \
    {"-si", T_FLAG, &(a).si, NULL, "signing (default)", 0, NULL},                                 \
    {"-st", T_FLAG, &(a).st, NULL, "storage (decryption, NULL scheme)", 0, NULL},                 \
    {"-den", T_FLAG, &(a).den, NULL, "decryption (default NULL scheme)", 0, NULL},                \
    {"-scheme", T_CHOICE, &(a).scheme, "scheme", "RSA scheme (default rsassa for signing keys, null otherwise)", 0, pem_schemes}, \
    {"-uwa", T_FLAG, &(a).uwa, NULL, "userWithAuth attribute clear (default set)", 0, NULL},      \
    {"-nalg", T_HALG, &(a).nalg, "alg", "name hash algorithm (sha1 sha256 sha384 sha512, default sha256)", 0, NULL}, \
    {"-halg", T_HALG, &(a).halg, "alg", "scheme hash algorithm (sha1 sha256 sha384 sha512, default sha256)", 0, NULL}
/* clang-format on */

void pem_args_init(pem_args *a);
/* As IBM's loadexternal and publicname -ider: a key pair loaded with its private part
 * cannot be a storage key, so -st there means -den. */
void pem_args_der_pair(pem_args *a);

/* A PEM public key file (or a PEM/DER private key: its public half) -> public area. */
int pem_read_public(const tool *t, const char *path, const pem_args *a, TPMT_PUBLIC *pub);
/* A PEM or DER private key file -> public area and sensitive area (RSA: prime p, ECC: the
 * private scalar), with pwd (NULL = empty) as the key's authValue. An encrypted file is
 * opened with passphrase (NULL or empty: the file must not be encrypted). */
int pem_read_keypair(const tool *t, const char *path, const pem_args *a, const char *passphrase,
                     const char *pwd, TPMT_PUBLIC *pub, TPMT_SENSITIVE *sens);
/* A PEM or DER private key file, encrypted (passphrase) or not, as OpenSSL's key; NULL with
 * a message when it cannot be read. */
struct evp_pkey_st *pem_read_private(const tool *t, const char *path, const char *passphrase);

#endif
