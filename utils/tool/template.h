/* SPDX-License-Identifier: BSD-3-Clause */
/* IBM's object templates, shared by createprimary, create and createloaded.
 *
 * A utility puts TMPL_OPTS(args) into its option table and calls, in this order:
 *   tmpl_init(&args);
 *   tmpl_preparse(&t, &args, &argc, argv);   -rsa [keybits] and repeated -kt
 *   tool_parse(&t, argc, argv);
 *   tmpl_build(&t, &args, primary, &in.inPublic.publicArea, &in.inSensitive.sensitive);
 *
 * The public area is the one IBM's utilities build for the same flags:
 *   base attributes   sensitiveDataOrigin userWithAuth noDA (+ fixedTPM fixedParent for
 *                     primary keys and derivation parents); -da clears noDA, -uwa clears
 *                     userWithAuth, -kt f|p|nf|np|ed add or remove fixedTPM, fixedParent,
 *                     encryptedDuplication
 *   -st   restricted decrypt, AES-128-CFB, NULL scheme (the default for primary keys)
 *   -den  decrypt, NULL scheme          -deo  decrypt, RSA OAEP(halg) / ECC NULL
 *   -dee  decrypt, RSA RSAES / ECC NULL -gp   sign decrypt, NULL scheme
 *   -si   sign, NULL scheme             -sir  restricted sign, RSASSA / ECDSA (halg)
 *   -dau / -dar  (restricted) sign, ECDAA(halg, count 1), ECC only
 *   -des  SYMCIPHER AES-128-CFB, sign decrypt (-116: decrypt only)
 *   -kh / -khr   KEYEDHASH (restricted) sign, HMAC(halg)
 *   -dp   KEYEDHASH restricted decrypt, XOR(halg, KDF1_SP800_108)
 *   -bl   KEYEDHASH sealed data from -if, no sensitiveDataOrigin
 * -if also supplies the key of -kh, -khr and -des (sensitiveDataOrigin is then cleared). */
#ifndef TSS_TOOL_TEMPLATE_H
#define TSS_TOOL_TEMPLATE_H

#include "tool/tool.h"

typedef struct tmpl_args {
    int rsa, ecc; /* ecc: index into tmpl_curves, -1 when not given */
    int bl, den, deo, dee, des, rev116, st, si, sir, dau, dar, kh, khr, dp, gp;
    int da, uwa;
    const char *kt; /* only for the usage text: the values are collected by tmpl_preparse */
    const char *pol, *ifile;
    TPMI_ALG_HASH nalg, halg;
    /* set by tmpl_preparse */
    TPMI_RSA_KEY_BITS keybits;
    uint32_t kt_add, kt_del;
} tmpl_args;

extern const char *const tmpl_curves[];

/* clang-format off */
#define TMPL_OPTS(a)                                                                              \
    {"-rsa", T_FLAG, &(a).rsa, NULL, "[keybits] RSA key (default), keybits 2048 (default) or 3072", 0, NULL}, \
    {"-ecc", T_CHOICE, &(a).ecc, "curve", "ECC key", 0, tmpl_curves},                            \
    {"-bl", T_FLAG, &(a).bl, NULL, "data blob for unseal (needs -if)", 0, NULL},                  \
    {"-den", T_FLAG, &(a).den, NULL, "decryption, unrestricted, RSA and ECC NULL scheme", 0, NULL}, \
    {"-deo", T_FLAG, &(a).deo, NULL, "decryption, unrestricted, RSA OAEP, ECC NULL scheme", 0, NULL}, \
    {"-dee", T_FLAG, &(a).dee, NULL, "decryption, unrestricted, RSA ES, ECC NULL scheme", 0, NULL}, \
    {"-des", T_FLAG, &(a).des, NULL, "encryption/decryption, AES symmetric", 0, NULL},            \
    {"-116", T_FLAG, &(a).rev116, NULL, "with -des, for TPM rev 116 compatibility", 0, NULL},     \
    {"-st", T_FLAG, &(a).st, NULL, "storage (default for primary keys)", 0, NULL},                \
    {"-si", T_FLAG, &(a).si, NULL, "signing, unrestricted", 0, NULL},                             \
    {"-sir", T_FLAG, &(a).sir, NULL, "signing, restricted", 0, NULL},                             \
    {"-dau", T_FLAG, &(a).dau, NULL, "unrestricted ECDAA key pair", 0, NULL},                     \
    {"-dar", T_FLAG, &(a).dar, NULL, "restricted ECDAA key pair", 0, NULL},                       \
    {"-kh", T_FLAG, &(a).kh, NULL, "keyed hash, unrestricted hmac", 0, NULL},                     \
    {"-khr", T_FLAG, &(a).khr, NULL, "keyed hash, restricted hmac", 0, NULL},                     \
    {"-dp", T_FLAG, &(a).dp, NULL, "derivation parent", 0, NULL},                                 \
    {"-gp", T_FLAG, &(a).gp, NULL, "general purpose, not storage", 0, NULL},                      \
    {"-kt", T_STR, &(a).kt, "f|p|nf|np|ed", "fixedTPM, fixedParent, no fixedTPM, no fixedParent, encrypted duplication (repeatable)", 0, NULL}, \
    {"-da", T_FLAG, &(a).da, NULL, "object subject to DA protection (default no)", 0, NULL},      \
    {"-pol", T_STR, &(a).pol, "file", "policy file (default empty)", 0, NULL},                    \
    {"-uwa", T_FLAG, &(a).uwa, NULL, "userWithAuth attribute clear (default set)", 0, NULL},      \
    {"-if", T_STR, &(a).ifile, "file", "data file name (sealed data, HMAC or AES key)", 0, NULL}, \
    {"-nalg", T_HALG, &(a).nalg, "alg", "name hash algorithm (sha1 sha256 sha384 sha512, default sha256)", 0, NULL}, \
    {"-halg", T_HALG, &(a).halg, "alg", "scheme hash algorithm (sha1 sha256 sha384 sha512, default sha256)", 0, NULL}
/* clang-format on */

void tmpl_init(tmpl_args *a);
/* Takes the optional keybits after -rsa out of argv and collects every -kt value; other
 * options are skipped with their arguments so a password such as "-kt" is not misread.
 * 0 or EXIT_FAILURE (message printed). */
int tmpl_preparse(const tool *t, tmpl_args *a, int *argc, char **argv);
/* Builds the public area and the sensitive data (-if). primary: -st is the default and
 * fixedTPM fixedParent are set. 0 or EXIT_FAILURE (message printed). */
int tmpl_build(const tool *t, const tmpl_args *a, int primary, TPMT_PUBLIC *pub,
               TPMS_SENSITIVE_CREATE *sens);

/* The output files the create commands share; NULL entries are not written. */
typedef struct tmpl_outputs {
    const char *opu, *opr, *opem, *tk, *ch, *cd;
} tmpl_outputs;
/* priv, cdata, hash and ticket may be NULL when the command has none. */
TPM_RC tmpl_write_outputs(const tool *t, const tmpl_outputs *o, TPM2B_PUBLIC *pub,
                          TPM2B_PRIVATE *priv, TPM2B_CREATION_DATA *cdata, TPM2B_DIGEST *hash,
                          TPMT_TK_CREATION *ticket);

/* IBM's hierarchy letters e o p n (createprimary -hi, loadexternal -hi) */
extern const char *const tmpl_hierarchies[];
TPMI_RH_HIERARCHY tmpl_hierarchy(int choice);

#endif
