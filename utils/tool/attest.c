/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "tool/attest.h"
#include "tool/pem.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

const char *const attest_salgs[] = {"rsa", "ecc", "hmac", NULL};
const char *const attest_schemes[] = {"rsassa", "rsapss", "ecdsa", "hmac", "null", NULL};
static const TPMI_ALG_SIG_SCHEME salg_ids[] = {TPM_ALG_RSASSA, TPM_ALG_ECDSA, TPM_ALG_HMAC};
static const TPMI_ALG_SIG_SCHEME scheme_ids[] = {TPM_ALG_RSASSA, TPM_ALG_RSAPSS, TPM_ALG_ECDSA,
                                                 TPM_ALG_HMAC, TPM_ALG_NULL};

static TPM_RC fail(const tool *t, TPM_RC rc, const char *why)
{
    fprintf(stderr, "%s: %s\n", t->name, why);
    return rc;
}

/* ---- options ------------------------------------------------------------------------ */

int attest_prepare(const tool *t, const attest_args *a, TPM2B_DATA *qd, TPMT_SIG_SCHEME *scheme)
{
    memset(scheme, 0, sizeof(*scheme));
    scheme->scheme = a->scheme >= 0 ? scheme_ids[a->scheme] : salg_ids[a->salg];
    if (scheme->scheme != TPM_ALG_NULL)
        scheme->details.any.hashAlg = a->halg;
    if (qd == NULL)
        return 0;
    qd->t.size = 0;
    if (a->qd == NULL)
        return 0;
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, a->qd, &buf, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len > sizeof(qd->t.buffer))
        ret = tool_error(t, "%s: qualifying data is %zu bytes, at most %zu are allowed", a->qd, len,
                         sizeof(qd->t.buffer));
    else
        memcpy(qd->t.buffer, buf, len), qd->t.size = (UINT16)len;
    free(buf);
    return ret;
}

int attest_collect(const tool *t, const char *flag, int argc, char **argv,
                   int (*add)(const tool *t, const char *value, void *ctx), void *ctx)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, flag) == 0) {
            if (i + 1 >= argc)
                return tool_error(t, "%s needs a value", flag);
            if (add(t, argv[++i], ctx) != 0)
                return EXIT_FAILURE;
            continue;
        }
        if (strncmp(a, "-se", 3) == 0 && a[3] >= '0' && a[3] <= '2' && a[4] == '\0') {
            i += 2;
            continue;
        }
        for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++)
            if (strcmp(o->flag, a) == 0) {
                i += o->kind != T_FLAG;
                break;
            }
    }
    return 0;
}

/* ---- signatures --------------------------------------------------------------------- */

/* DER INTEGER of an unsigned big-endian number */
static size_t der_uint(uint8_t *out, const uint8_t *p, size_t n)
{
    while (n > 1 && p[0] == 0)
        p++, n--;
    size_t pad = (n == 0 || (p[0] & 0x80)) ? 1 : 0;
    out[0] = 0x02;
    out[1] = (uint8_t)(n + pad);
    out[2] = 0;
    memcpy(out + 2 + pad, p, n);
    return 2 + pad + n;
}

TPM_RC attest_sig_bytes(const TPMT_SIGNATURE *sig, uint8_t *out, size_t *len)
{
    switch (sig->sigAlg) {
    case TPM_ALG_RSASSA:
    case TPM_ALG_RSAPSS: {
        const TPM2B_PUBLIC_KEY_RSA *s = &sig->signature.rsassa.sig;
        if (*len < s->t.size)
            return TSS_RC_INSUFFICIENT_BUFFER;
        memcpy(out, s->t.buffer, s->t.size);
        *len = s->t.size;
        return 0;
    }
    case TPM_ALG_ECDSA: {
        const TPMS_SIGNATURE_ECC *e = &sig->signature.ecdsa;
        uint8_t body[2 * (3 + MAX_ECC_KEY_BYTES)];
        if (e->signatureR.t.size > MAX_ECC_KEY_BYTES || e->signatureS.t.size > MAX_ECC_KEY_BYTES)
            return TSS_RC_EC_SIGNATURE;
        size_t n = der_uint(body, e->signatureR.t.buffer, e->signatureR.t.size);
        n += der_uint(body + n, e->signatureS.t.buffer, e->signatureS.t.size);
        size_t hdr = n < 0x80 ? 2 : 3;
        if (*len < hdr + n)
            return TSS_RC_INSUFFICIENT_BUFFER;
        out[0] = 0x30;
        if (hdr == 3)
            out[1] = 0x81;
        out[hdr - 1] = (uint8_t)n;
        memcpy(out + hdr, body, n);
        *len = hdr + n;
        return 0;
    }
    default: return TSS_RC_BAD_SIGNATURE_ALGORITHM;
    }
}

static const char *md_name(TPMI_ALG_HASH h)
{
    switch (h) {
    case TPM_ALG_SHA1: return "SHA1";
    case TPM_ALG_SHA256: return "SHA256";
    case TPM_ALG_SHA384: return "SHA384";
    case TPM_ALG_SHA512: return "SHA512";
    default: return NULL;
    }
}

TPM_RC attest_verify(const tool *t, const char *ipu, const uint8_t *data, size_t len,
                     const TPMT_SIGNATURE *sig)
{
    TPM2B_PUBLIC pub;
    EVP_PKEY *pk = NULL;
    uint8_t raw[MAX_RSA_KEY_BYTES + 2 * MAX_ECC_KEY_BYTES + 16];
    size_t rawlen = sizeof(raw);
    const char *md = md_name(sig->signature.any.hashAlg);
    TPM_RC rc =
        tool_read_flag(t, ipu, &pub, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, NO);
    if (rc != 0)
        return rc;
    int rsa = sig->sigAlg == TPM_ALG_RSASSA || sig->sigAlg == TPM_ALG_RSAPSS;
    if (md == NULL || attest_sig_bytes(sig, raw, &rawlen) != 0)
        return fail(t, TSS_RC_BAD_SIGNATURE_ALGORITHM,
                    "cannot verify this signature scheme offline");
    if (pub.publicArea.type != (rsa ? TPM_ALG_RSA : TPM_ALG_ECC))
        return fail(t, TSS_RC_BAD_SIGNATURE_ALGORITHM,
                    "-ipu key type does not match the signature");
    rc = pem_pkey_from_public(t, &pub.publicArea, &pk);
    if (rc != 0)
        return rc;
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int ok = mctx != NULL && EVP_DigestVerifyInit_ex(mctx, &pctx, md, NULL, NULL, pk, NULL) == 1;
    if (ok && rsa)
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, sig->sigAlg == TPM_ALG_RSAPSS
                                                    ? RSA_PKCS1_PSS_PADDING
                                                    : RSA_PKCS1_PADDING) == 1;
    if (ok && sig->sigAlg == TPM_ALG_RSAPSS)
        ok = EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_AUTO) == 1;
    ok = ok && EVP_DigestVerify(mctx, raw, rawlen, data, len) == 1;
    EVP_MD_CTX_free(mctx);
    EVP_PKEY_free(pk);
    if (!ok)
        return fail(t, rsa ? TSS_RC_RSA_SIGNATURE : TSS_RC_EC_SIGNATURE,
                    "the signature does not verify with the -ipu key");
    if (t->verbose)
        printf("%s: signature verified\n", t->name);
    return 0;
}

/* ---- attestation and outputs --------------------------------------------------------- */

static TPM_RC marshal_sig(const TPMT_SIGNATURE *sig, uint8_t *buf, uint32_t room, uint16_t *len)
{
    BYTE *p = buf;
    *len = 0;
    return TSS_TPMT_SIGNATURE_Marshalu(sig, len, &p, &room);
}

TPM_RC attest_check(const tool *t, const attest_args *a, TPMI_ST_ATTEST type,
                    const TPM2B_ATTEST *att, const TPMT_SIGNATURE *sig, TPMS_ATTEST *parsed)
{
    TPMS_ATTEST local;
    TPMS_ATTEST *at = parsed != NULL ? parsed : &local;
    BYTE *p = (BYTE *)att->t.attestationData;
    uint32_t size = att->t.size;
    TPM_RC rc = TSS_TPMS_ATTEST_Unmarshalu(at, &p, &size);
    if (rc == 0 && size != 0)
        rc = TPM_RC_SIZE;
    if (rc != 0)
        return fail(t, rc, "the TPM returned a malformed attestation");
    if (at->magic != TPM_GENERATED_VALUE || at->type != type)
        return fail(t, TSS_RC_MALFORMED_RESPONSE, "the attestation has a wrong magic or type");
    if (t->verbose) {
        TSS_TPMS_ATTEST_Print(at, 2);
        TSS_TPMT_SIGNATURE_Print(sig, 2);
    }
    if (a->ipu != NULL)
        rc = attest_verify(t, a->ipu, att->t.attestationData, att->t.size, sig);
    return rc;
}

TPM_RC attest_write_files(const tool *t, const attest_file *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (f[i].path == NULL)
            continue;
        TPM_RC rc = tool_write_bytes(t, f[i].path, f[i].data, f[i].len);
        if (rc != 0) {
            for (size_t j = 0; j < i; j++) /* all or none */
                if (f[j].path != NULL)
                    remove(f[j].path);
            return rc;
        }
    }
    return 0;
}

TPM_RC attest_write(const tool *t, const attest_args *a, const TPM2B_ATTEST *att,
                    const TPMT_SIGNATURE *sig, const attest_file *extra, size_t nextra)
{
    uint8_t sbuf[sizeof(TPMT_SIGNATURE)];
    uint16_t slen;
    attest_file f[6] = {{a->oa, att->t.attestationData, att->t.size}, {a->os, sbuf, 0}};
    TPM_RC rc = marshal_sig(sig, sbuf, sizeof(sbuf), &slen);
    if (rc != 0)
        return rc;
    f[1].len = slen;
    if (nextra > 4)
        return TSS_RC_BAD_ARGUMENT;
    for (size_t i = 0; i < nextra; i++)
        f[2 + i] = extra[i];
    return attest_write_files(t, f, 2 + nextra);
}

/* ---- DER for certifyx509 -------------------------------------------------------------- */

typedef struct der_part {
    const uint8_t *p;
    size_t n;
} der_part;

/* malloc'd tag || length || parts */
static uint8_t *der_wrap(uint8_t tag, const der_part *parts, size_t nparts, size_t *outlen)
{
    size_t len = 0, h = 0;
    for (size_t i = 0; i < nparts; i++)
        len += parts[i].n;
    if (len > 0xffffff)
        return NULL;
    uint8_t hdr[5];
    hdr[h++] = tag;
    if (len >= 0x10000)
        hdr[h++] = 0x83, hdr[h++] = (uint8_t)(len >> 16);
    else if (len >= 0x100)
        hdr[h++] = 0x82;
    else if (len >= 0x80)
        hdr[h++] = 0x81;
    if (len >= 0x100)
        hdr[h++] = (uint8_t)(len >> 8);
    hdr[h++] = (uint8_t)len;
    uint8_t *out = malloc(h + len), *w = out;
    if (out == NULL)
        return NULL;
    memcpy(w, hdr, h);
    w += h;
    for (size_t i = 0; i < nparts; i++)
        memcpy(w, parts[i].p, parts[i].n), w += parts[i].n;
    *outlen = h + len;
    return out;
}

/* Total size (header + content) of the DER element at p, 0 if malformed. *content is the
 * offset of its content. */
static size_t der_elem(const uint8_t *p, size_t n, uint8_t *tag, size_t *content)
{
    if (n < 2 || (p[0] & 0x1f) == 0x1f)
        return 0;
    *tag = p[0];
    size_t len = p[1], h = 2;
    if (len & 0x80) {
        size_t k = len & 0x7f;
        if (k == 0 || k > 3 || n < 2 + k)
            return 0;
        for (len = 0; k > 0; k--)
            len = (len << 8) | p[h++];
    }
    if (len > n - h)
        return 0;
    *content = h;
    return h + len;
}

/* Splits the content of the SEQUENCE in buf into at most max elements. */
static int der_children(const uint8_t *buf, size_t n, der_part *kids, uint8_t *tags, size_t max,
                        size_t *count)
{
    uint8_t tag = 0;
    size_t c = 0, total = der_elem(buf, n, &tag, &c);
    if (total != n || tag != 0x30)
        return -1;
    *count = 0;
    for (size_t off = c; off < n;) {
        size_t cc, e = der_elem(buf + off, n - off, &tags[*count], &cc);
        if (e == 0 || *count == max)
            return -1;
        kids[(*count)++] = (der_part){buf + off, e};
        off += e;
    }
    return 0;
}

static unsigned char *name_der(int issuer, int *len)
{
    static const char *const rdn[][2] = {{"C", "US"}, {"O", "TSS"}, {"OU", "TPM attestation"}};
    X509_NAME *name = X509_NAME_new();
    unsigned char *der = NULL;
    int ok = name != NULL;
    for (size_t i = 0; ok && i < sizeof(rdn) / sizeof(rdn[0]); i++)
        ok = X509_NAME_add_entry_by_txt(name, rdn[i][0], MBSTRING_ASC,
                                        (const unsigned char *)rdn[i][1], -1, -1, 0);
    if (ok)
        ok = X509_NAME_add_entry_by_txt(
            name, "CN", MBSTRING_ASC,
            (const unsigned char *)(issuer ? "TPM certifying key" : "TPM certified key"), -1, -1,
            0);
    *len = ok ? i2d_X509_NAME(name, &der) : -1;
    X509_NAME_free(name);
    return *len > 0 ? der : NULL;
}

static unsigned char *validity_der(int *len)
{
    time_t now = time(NULL);
    ASN1_TIME *nb = ASN1_TIME_adj(NULL, now, 0, 0), *na = ASN1_TIME_adj(NULL, now, 20 * 365, 0);
    unsigned char *b = NULL, *a = NULL, *out = NULL;
    int bl = nb != NULL ? i2d_ASN1_TIME(nb, &b) : -1, al = na != NULL ? i2d_ASN1_TIME(na, &a) : -1;
    size_t n = 0;
    if (bl > 0 && al > 0) {
        der_part p[2] = {{b, (size_t)bl}, {a, (size_t)al}};
        out = der_wrap(0x30, p, 2, &n);
    }
    *len = out != NULL ? (int)n : -1;
    ASN1_TIME_free(nb);
    ASN1_TIME_free(na);
    OPENSSL_free(b);
    OPENSSL_free(a);
    return out;
}

/* [3] { SEQUENCE { keyUsage, [TPMA_OBJECT] } } */
static uint8_t *extensions_der(const tool *t, const x509_args *x, size_t *len)
{
    static const uint8_t tpma_oid[] = {0x06, 0x07, 0x67, 0x81, 0x05, 0x0a, 0x01, 0x01, 0x01};
    const char *ku = x->ku != NULL ? x->ku : "critical,digitalSignature,keyCertSign,cRLSign";
    X509_EXTENSION *ext = X509V3_EXT_nconf_nid(NULL, NULL, NID_key_usage, ku);
    unsigned char *kder = NULL;
    int klen = ext != NULL ? i2d_X509_EXTENSION(ext, &kder) : -1;
    X509_EXTENSION_free(ext);
    if (klen <= 0) {
        fprintf(stderr, "%s: bad -ku key usage '%s'\n", t->name, ku);
        return NULL;
    }
    /* the TPMA_OBJECT value as a 32-bit BIT STRING, most significant bit first, in an OCTET STRING
     */
    uint8_t bits[7] = {0x03,
                       0x05,
                       0x00,
                       (uint8_t)(x->iob >> 24),
                       (uint8_t)(x->iob >> 16),
                       (uint8_t)(x->iob >> 8),
                       (uint8_t)x->iob};
    der_part bp = {bits, sizeof(bits)};
    size_t olen = 0, tlen = 0, slen = 0;
    uint8_t *oct = der_wrap(0x04, &bp, 1, &olen), *tpma = NULL, *seq = NULL, *out = NULL;
    der_part tp[2] = {{tpma_oid, sizeof(tpma_oid)}, {oct, olen}};
    if (oct != NULL)
        tpma = der_wrap(0x30, tp, 2, &tlen);
    der_part ep[2] = {{kder, (size_t)klen}, {tpma, tlen}};
    if (tpma != NULL)
        seq = der_wrap(0x30, ep, x->iob_set ? 2 : 1, &slen);
    der_part sp = {seq, slen};
    if (seq != NULL)
        out = der_wrap(0xa3, &sp, 1, len);
    OPENSSL_free(kder);
    free(oct);
    free(tpma);
    free(seq);
    return out;
}

int x509_partial(const tool *t, const x509_args *x, uint8_t *out, size_t *len)
{
    int il, sl, vl;
    size_t el = 0, pl = 0;
    unsigned char *iss = name_der(1, &il), *sub = name_der(x->sub, &sl), *val = validity_der(&vl);
    uint8_t *ext = extensions_der(t, x, &el), *partial = NULL;
    int ret = EXIT_FAILURE;
    if (iss != NULL && sub != NULL && val != NULL && ext != NULL) {
        der_part p[4] = {{iss, (size_t)il}, {val, (size_t)vl}, {sub, (size_t)sl}, {ext, el}};
        partial = der_wrap(0x30, p, 4, &pl);
    }
    if (partial == NULL) {
        if (ext != NULL)
            tool_error(t, "cannot build the partial certificate");
    } else if (pl > *len) {
        tool_error(t, "the partial certificate is %zu bytes, more than the TPM takes", pl);
    } else {
        memcpy(out, partial, pl);
        *len = pl;
        ret = 0;
    }
    OPENSSL_free(iss);
    OPENSSL_free(sub);
    free(val);
    free(ext);
    free(partial);
    return ret;
}

int x509_assemble(const tool *t, const uint8_t *partial, size_t plen, const uint8_t *added,
                  size_t alen, const TPM2B_DIGEST *tbsDigest, const TPMT_SIGNATURE *sig,
                  uint8_t **tbs, size_t *tbslen, uint8_t **cert, size_t *certlen)
{
    der_part pk[6], ak[4], tp[8];
    uint8_t ptag[6], atag[4];
    size_t np, na, nseq = 0;
    const der_part *ext = NULL, *seqs[4];
    *tbs = *cert = NULL;
    if (der_children(partial, plen, pk, ptag, 6, &np) != 0 ||
        der_children(added, alen, ak, atag, 4, &na) != 0)
        return tool_error(t, "cannot parse the partial certificate or addedToCertificate");
    for (size_t i = 0; i < np; i++) {
        if (ptag[i] == 0xa3 && ext == NULL)
            ext = &pk[i];
        else if (ptag[i] == 0x30 && nseq < 4)
            seqs[nseq++] = &pk[i];
        else
            return tool_error(t, "unexpected element in the partial certificate");
    }
    /* addedToCertificate: version, serialNumber, [signature when the partial has none], spki */
    if (ext == NULL || nseq < 3 || na != (nseq == 3 ? 4u : 3u) || atag[0] != 0xa0 ||
        atag[1] != 0x02)
        return tool_error(t, "the partial certificate and addedToCertificate do not fit together");
    const der_part *sigalg = nseq == 4 ? seqs[0] : &ak[2];
    size_t n = 0;
    tp[n++] = ak[0];
    tp[n++] = ak[1];
    tp[n++] = *sigalg;
    for (size_t i = nseq - 3; i < nseq; i++)
        tp[n++] = *seqs[i];
    tp[n++] = ak[na - 1];
    tp[n++] = *ext;
    *tbs = der_wrap(0x30, tp, n, tbslen);
    if (*tbs == NULL)
        return tool_error(t, "out of memory");
    /* the TPM signed the digest of the TBSCertificate it built: ours must be the same */
    TPMT_HA d = {.hashAlg = sig->signature.any.hashAlg};
    uint16_t dlen = TSS_GetDigestSize(d.hashAlg);
    if (TSS_Hash_Generate(&d, (int)*tbslen, *tbs, 0, NULL) != 0 || dlen != tbsDigest->t.size ||
        memcmp((uint8_t *)&d.digest, tbsDigest->t.buffer, dlen) != 0) {
        free(*tbs), *tbs = NULL;
        return tool_error(t, "the rebuilt TBSCertificate does not match the TPM's tbsDigest");
    }
    uint8_t raw[1 + MAX_RSA_KEY_BYTES + 2 * MAX_ECC_KEY_BYTES + 16];
    size_t rlen = sizeof(raw) - 1;
    raw[0] = 0; /* no unused bits */
    if (attest_sig_bytes(sig, raw + 1, &rlen) != 0) {
        free(*tbs), *tbs = NULL;
        return tool_error(t, "the signature scheme cannot be used in a certificate");
    }
    size_t blen = 0;
    der_part bp = {raw, rlen + 1};
    uint8_t *bits = der_wrap(0x03, &bp, 1, &blen);
    der_part cp[3] = {{*tbs, *tbslen}, *sigalg, {bits, blen}};
    if (bits != NULL)
        *cert = der_wrap(0x30, cp, 3, certlen);
    free(bits);
    if (*cert == NULL) {
        free(*tbs), *tbs = NULL;
        return tool_error(t, "out of memory");
    }
    return 0;
}

TPM_RC attest_run(tool *t, const attest_args *a, TSS_CONTEXT **ctx, void *out, void *in, TPM_CC cc,
                  int nauth, const char *pw0, const char *pw1, TPMI_ST_ATTEST type,
                  const TPM2B_ATTEST *att, const TPMT_SIGNATURE *sig)
{
    TPM_RC rc = tool_context(t, ctx);
    if (rc == 0)
        rc = tool_execute(t, *ctx, out, in, cc, nauth, pw0, pw1);
    if (rc == 0)
        rc = attest_check(t, a, type, att, sig, NULL);
    if (rc == 0)
        rc = attest_write(t, a, att, sig, NULL, 0);
    return rc;
}
