/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include <openssl/evp.h>

#include "tool/pem.h"
#include "tool/template.h"

const char *const tmpl_curves[] = {"bnp256", "nistp256", "nistp384", NULL};
static const TPMI_ECC_CURVE curve_ids[] = {TPM_ECC_BN_P256, TPM_ECC_NIST_P256, TPM_ECC_NIST_P384};

const char *const tmpl_hierarchies[] = {"e", "o", "p", "n", NULL};

TPMI_RH_HIERARCHY tmpl_hierarchy(int choice)
{
    static const TPMI_RH_HIERARCHY h[] = {TPM_RH_ENDORSEMENT, TPM_RH_OWNER, TPM_RH_PLATFORM,
                                          TPM_RH_NULL};
    return (choice >= 0 && choice < 4) ? h[choice] : TPM_RH_NULL;
}

void tmpl_init(tmpl_args *a)
{
    memset(a, 0, sizeof(*a));
    a->ecc = -1;
    a->nalg = TPM_ALG_SHA256;
    a->halg = TPM_ALG_SHA256;
    a->keybits = 2048;
}

/* how many argv words an option of the table consumes after itself; -1 if not an option */
static int option_args(const tool *t, const char *a)
{
    if (strncmp(a, "-se", 3) == 0 && a[3] >= '0' && a[3] < '0' + t->nsessions && a[4] == '\0')
        return 2;
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++)
        if (strcmp(o->flag, a) == 0)
            return o->kind == T_FLAG ? 0 : 1;
    return -1;
}

int tmpl_preparse(const tool *t, tmpl_args *a, int *argc, char **argv)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "-h") == 0)
            return 0; /* tool_parse prints the usage */
        if (strcmp(argv[i], "-rsa") == 0 && i + 1 < *argc && argv[i + 1][0] != '-') {
            char *end;
            unsigned long bits = strtoul(argv[i + 1], &end, 10);
            if (*end != '\0' || (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096)) {
                fprintf(stderr, "%s: bad RSA key size '%s' for -rsa (2048 or 3072)\n", t->name,
                        argv[i + 1]);
                return EXIT_FAILURE;
            }
            a->keybits = (TPMI_RSA_KEY_BITS)bits;
            memmove(&argv[i + 1], &argv[i + 2], (size_t)(*argc - i - 2) * sizeof(char *));
            (*argc)--;
            argv[*argc] = NULL;
            continue;
        }
        if (strcmp(argv[i], "-kt") == 0 && i + 1 < *argc) {
            const char *v = argv[++i];
            if (strcmp(v, "f") == 0)
                a->kt_add |= TPMA_OBJECT_FIXEDTPM;
            else if (strcmp(v, "p") == 0)
                a->kt_add |= TPMA_OBJECT_FIXEDPARENT;
            else if (strcmp(v, "nf") == 0)
                a->kt_del |= TPMA_OBJECT_FIXEDTPM;
            else if (strcmp(v, "np") == 0)
                a->kt_del |= TPMA_OBJECT_FIXEDPARENT;
            else if (strcmp(v, "ed") == 0)
                a->kt_add |= TPMA_OBJECT_ENCRYPTEDDUPLICATION;
            else {
                fprintf(stderr, "%s: bad value '%s' for -kt (f p nf np ed)\n", t->name, v);
                return EXIT_FAILURE;
            }
            continue;
        }
        int n = option_args(t, argv[i]);
        if (n > 0)
            i += n; /* an option's argument is never taken for an option */
    }
    return 0;
}

enum {
    K_NONE,
    K_BL,
    K_DEN,
    K_DEO,
    K_DEE,
    K_DES,
    K_ST,
    K_SI,
    K_SIR,
    K_DAU,
    K_DAR,
    K_KH,
    K_KHR,
    K_DP,
    K_GP
};

static int key_type(const tmpl_args *a)
{
    const int flags[] = {a->bl,  a->den, a->deo, a->dee, a->des, a->st, a->si,
                         a->sir, a->dau, a->dar, a->kh,  a->khr, a->dp, a->gp};
    int type = K_NONE;
    for (int i = 0; i < (int)(sizeof(flags) / sizeof(flags[0])); i++) {
        if (!flags[i])
            continue;
        if (type != K_NONE)
            return -1;
        type = K_BL + i;
    }
    return type;
}

static void set_scheme_hash(TPMT_RSA_SCHEME *s, TPM_ALG_ID scheme, TPMI_ALG_HASH halg)
{
    s->scheme = scheme;
    s->details.anySig.hashAlg = halg;
}

/* RSA and ECC: symmetric, scheme and the key-type attributes */
static int asym_template(const tool *t, const tmpl_args *a, int type, TPMT_PUBLIC *pub)
{
    int ecc = a->ecc >= 0;
    uint32_t attr = 0;
    TPM_ALG_ID scheme = TPM_ALG_NULL;
    switch (type) {
    case K_ST: attr = TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT; break;
    case K_DEN: attr = TPMA_OBJECT_DECRYPT; break;
    case K_DEO:
        attr = TPMA_OBJECT_DECRYPT;
        scheme = ecc ? TPM_ALG_NULL : TPM_ALG_OAEP;
        break;
    case K_DEE:
        attr = TPMA_OBJECT_DECRYPT;
        scheme = ecc ? TPM_ALG_NULL : TPM_ALG_RSAES;
        break;
    case K_GP: attr = TPMA_OBJECT_SIGN | TPMA_OBJECT_DECRYPT; break;
    case K_SI: attr = TPMA_OBJECT_SIGN; break;
    case K_SIR:
        attr = TPMA_OBJECT_SIGN | TPMA_OBJECT_RESTRICTED;
        scheme = ecc ? TPM_ALG_ECDSA : TPM_ALG_RSASSA;
        break;
    case K_DAU:
        attr = TPMA_OBJECT_SIGN;
        scheme = TPM_ALG_ECDAA;
        break;
    case K_DAR:
        attr = TPMA_OBJECT_SIGN | TPMA_OBJECT_RESTRICTED;
        scheme = TPM_ALG_ECDAA;
        break;
    default: break;
    }
    if ((type == K_DAU || type == K_DAR) && !ecc)
        return tool_error(t, "-dau and -dar need -ecc");
    if (a->ifile != NULL)
        return tool_error(t, "an asymmetric key cannot take -if (sensitive data)");
    pub->objectAttributes.val |= attr;
    TPMT_SYM_DEF_OBJECT *sym =
        ecc ? &pub->parameters.eccDetail.symmetric : &pub->parameters.rsaDetail.symmetric;
    sym->algorithm = TPM_ALG_NULL;
    if (type == K_ST) {
        sym->algorithm = TPM_ALG_AES;
        sym->keyBits.aes = 128;
        sym->mode.aes = TPM_ALG_CFB;
    }
    if (!ecc) {
        pub->type = TPM_ALG_RSA;
        set_scheme_hash(&pub->parameters.rsaDetail.scheme, scheme, a->halg);
        pub->parameters.rsaDetail.keyBits = a->keybits;
        pub->parameters.rsaDetail.exponent = 0;
        return 0;
    }
    pub->type = TPM_ALG_ECC;
    TPMS_ECC_PARMS *e = &pub->parameters.eccDetail;
    e->scheme.scheme = scheme;
    e->scheme.details.anySig.hashAlg = a->halg;
    if (scheme == TPM_ALG_ECDAA)
        e->scheme.details.ecdaa.count = 1;
    e->curveID = curve_ids[a->ecc];
    e->kdf.scheme = TPM_ALG_NULL;
    return 0;
}

static int read_data(const tool *t, const char *path, TPM2B_SENSITIVE_DATA *data)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &buf, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len > sizeof(data->t.buffer))
        ret = tool_error(t, "%s: %zu bytes, at most %zu", path, len, sizeof(data->t.buffer));
    else {
        memcpy(data->t.buffer, buf, len);
        data->t.size = (UINT16)len;
    }
    free(buf);
    return ret;
}

static int read_policy(const tool *t, const char *path, TPMT_PUBLIC *pub)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &buf, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len != 0 && len != TSS_GetDigestSize(pub->nameAlg))
        ret = tool_error(t, "%s: policy of %zu bytes, the name algorithm needs %u", path, len,
                         TSS_GetDigestSize(pub->nameAlg));
    else {
        memcpy(pub->authPolicy.t.buffer, buf, len);
        pub->authPolicy.t.size = (UINT16)len;
    }
    free(buf);
    return ret;
}

int tmpl_build(const tool *t, const tmpl_args *a, int primary, TPMT_PUBLIC *pub,
               TPMS_SENSITIVE_CREATE *sens)
{
    int type = key_type(a);
    if (type == K_NONE && primary)
        type = K_ST;
    if (type <= K_NONE)
        return tool_error(t, "give exactly one key type "
                             "(-bl -den -deo -dee -des -st -si -sir -dau -dar -kh -khr -dp -gp)");
    if (a->rsa && a->ecc >= 0)
        return tool_error(t, "-rsa and -ecc exclude each other");
    memset(pub, 0, sizeof(*pub));
    pub->nameAlg = a->nalg;
    uint32_t attr = TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_NODA;
    if (primary || type == K_DP)
        attr |= TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT;
    pub->objectAttributes.val = attr | a->kt_add;
    if (a->ifile != NULL && type != K_BL && type != K_KH && type != K_KHR && type != K_DES &&
        type != K_DP)
        return tool_error(t, "an asymmetric key cannot take -if (sensitive data)");
    switch (type) {
    case K_BL:
        if (a->ifile == NULL)
            return tool_error(t, "-bl needs -if (the data to seal)");
        pub->type = TPM_ALG_KEYEDHASH;
        pub->objectAttributes.val &= ~TPMA_OBJECT_SENSITIVEDATAORIGIN;
        pub->parameters.keyedHashDetail.scheme.scheme = TPM_ALG_NULL;
        break;
    case K_KH:
    case K_KHR:
        pub->type = TPM_ALG_KEYEDHASH;
        pub->objectAttributes.val |= TPMA_OBJECT_SIGN;
        if (type == K_KHR)
            pub->objectAttributes.val |= TPMA_OBJECT_RESTRICTED;
        pub->parameters.keyedHashDetail.scheme.scheme = TPM_ALG_HMAC;
        pub->parameters.keyedHashDetail.scheme.details.hmac.hashAlg = a->halg;
        break;
    case K_DP:
        pub->type = TPM_ALG_KEYEDHASH;
        pub->objectAttributes.val |= TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
        pub->parameters.keyedHashDetail.scheme.scheme = TPM_ALG_XOR;
        pub->parameters.keyedHashDetail.scheme.details.xorr.hashAlg = a->halg;
        pub->parameters.keyedHashDetail.scheme.details.xorr.kdf = TPM_ALG_KDF1_SP800_108;
        break;
    case K_DES:
        pub->type = TPM_ALG_SYMCIPHER;
        pub->objectAttributes.val |= TPMA_OBJECT_DECRYPT;
        if (!a->rev116)
            pub->objectAttributes.val |= TPMA_OBJECT_SIGN;
        pub->parameters.symDetail.sym.algorithm = TPM_ALG_AES;
        pub->parameters.symDetail.sym.keyBits.aes = 128;
        pub->parameters.symDetail.sym.mode.aes = TPM_ALG_CFB;
        break;
    default:
        if (asym_template(t, a, type, pub) != 0)
            return EXIT_FAILURE;
        break;
    }
    if (a->da)
        pub->objectAttributes.val &= ~TPMA_OBJECT_NODA;
    if (a->uwa)
        pub->objectAttributes.val &= ~TPMA_OBJECT_USERWITHAUTH;
    pub->objectAttributes.val &= ~a->kt_del;
    if (a->pol != NULL && read_policy(t, a->pol, pub) != 0)
        return EXIT_FAILURE;
    if (a->ifile != NULL) {
        if (read_data(t, a->ifile, &sens->data) != 0)
            return EXIT_FAILURE;
        /* the TPM refuses data it did not make itself unless this is clear */
        pub->objectAttributes.val &= ~TPMA_OBJECT_SENSITIVEDATAORIGIN;
    }
    return 0;
}

TPM_RC tmpl_write_outputs(const tool *t, const tmpl_outputs *o, TPM2B_PUBLIC *pub,
                          TPM2B_PRIVATE *priv, TPM2B_CREATION_DATA *cdata, TPM2B_DIGEST *hash,
                          TPMT_TK_CREATION *ticket)
{
    TPM_RC rc = 0;
    if (o->opem != NULL) { /* the one output that can fail on its content: before any file */
        EVP_PKEY *pkey = NULL;
        rc = pem_pkey_from_public(t, &pub->publicArea, &pkey);
        EVP_PKEY_free(pkey);
    }
    if (rc == 0 && o->opr != NULL && priv != NULL)
        rc = tool_write(t, o->opr, priv, (MarshalFunction_t)TSS_TPM2B_PRIVATE_Marshalu);
    if (rc == 0 && o->opu != NULL)
        rc = tool_write(t, o->opu, pub, (MarshalFunction_t)TSS_TPM2B_PUBLIC_Marshalu);
    if (rc == 0 && o->opem != NULL)
        rc = pem_write_public(t, o->opem, &pub->publicArea);
    if (rc == 0 && o->tk != NULL && ticket != NULL)
        rc = tool_write(t, o->tk, ticket, (MarshalFunction_t)TSS_TPMT_TK_CREATION_Marshalu);
    if (rc == 0 && o->ch != NULL && hash != NULL)
        rc = tool_write_bytes(t, o->ch, hash->t.buffer, hash->t.size);
    if (rc == 0 && o->cd != NULL && cdata != NULL)
        rc = tool_write(t, o->cd, cdata, (MarshalFunction_t)TSS_TPM2B_CREATION_DATA_Marshalu);
    return rc;
}
