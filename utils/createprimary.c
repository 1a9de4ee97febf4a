/* SPDX-License-Identifier: BSD-3-Clause */
/* createprimary: TPM2_CreatePrimary with IBM's object templates (tool/template.h). */
#include <string.h>

#include "tool/policyfile.h"
#include "tool/template.h"

static tmpl_args ta;
static int hi = 3; /* n: IBM's default is the null hierarchy */
static const char *pwdp, *pwdpi, *pwdk, *iu;
static tmpl_outputs o;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy (e, o, p, n) (default null)", 0,
     tmpl_hierarchies},
    {"-pwdp", T_STR, &pwdp, "password", "password for hierarchy (default empty)", 0, NULL},
    {"-pwdpi", T_STR, &pwdpi, "file", "password file name for hierarchy (default empty)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-iu", T_STR, &iu, "file", "inPublic unique field file (default none)", 0, NULL},
    {"-opu", T_STR, &o.opu, "file", "public key file name (default do not save)", 0, NULL},
    {"-opem", T_STR, &o.opem, "file", "public key PEM format file name (default do not save)", 0,
     NULL},
    {"-tk", T_STR, &o.tk, "file", "output ticket file name", 0, NULL},
    {"-ch", T_STR, &o.ch, "file", "output creation hash file name", 0, NULL},
    {"-cd", T_STR, &o.cd, "file", "output creation data file name", 0, NULL},
    TMPL_OPTS(ta),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"createprimary", "Runs TPM2_CreatePrimary", opts, 3, 0, {0}, {0}, {0}};

/* -iu: the unique field, so that the same template gives a different key. As IBM's: the
 * whole file goes to the RSA modulus, the ECC x coordinate, or the KEYEDHASH/SYMCIPHER digest. */
static int read_unique(TPMT_PUBLIC *pub)
{
    TPM2B *dst = pub->type == TPM_ALG_RSA   ? &pub->unique.rsa.b
                 : pub->type == TPM_ALG_ECC ? &pub->unique.ecc.x.b
                                            : &pub->unique.sym.b;
    size_t max = pub->type == TPM_ALG_RSA   ? sizeof(pub->unique.rsa.t.buffer)
                 : pub->type == TPM_ALG_ECC ? sizeof(pub->unique.ecc.x.t.buffer)
                                            : sizeof(pub->unique.sym.t.buffer);
    unsigned char *buf = NULL;
    size_t len = 0;
    if (tool_read_bytes(&t, iu, &buf, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len > max) {
        ret = tool_error(&t, "%s: %zu bytes is too long for the unique field", iu, len);
    } else {
        memcpy(dst->buffer, buf, len);
        dst->size = (UINT16)len;
    }
    free(buf);
    return ret;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    CreatePrimary_In in;
    CreatePrimary_Out out;
    char *pwfile = NULL;
    tmpl_init(&ta);
    if (tmpl_preparse(&t, &ta, &argc, argv) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (pwdp != NULL && pwdpi != NULL)
        return tool_error(&t, "-pwdp and -pwdpi exclude each other");
    memset(&in, 0, sizeof(in));
    in.primaryHandle = tmpl_hierarchy(hi);
    if (tmpl_build(&t, &ta, 1, &in.inPublic.publicArea, &in.inSensitive.sensitive) != 0)
        return EXIT_FAILURE;
    if (iu != NULL && read_unique(&in.inPublic.publicArea) != 0)
        return EXIT_FAILURE;
    if (TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, pwdk,
                             sizeof(in.inSensitive.sensitive.userAuth.t.buffer)) != 0)
        return tool_error(&t, "-pwdk is too long");
    if (pwdpi != NULL && policy_password_file(&t, pwdpi, &pwfile) != 0)
        return EXIT_FAILURE;
    const char *pw = pwfile != NULL ? pwfile : pwdp;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_CreatePrimary, 1, pw, NULL);
    free(pwfile);
    if (rc == 0) /* first, so that the caller can flush it even if an output fails */
        printf("Handle %08x\n", out.objectHandle);
    if (rc == 0)
        rc = tmpl_write_outputs(&t, &o, &out.outPublic, NULL, &out.creationData, &out.creationHash,
                                &out.creationTicket);
    return tool_finish(&t, ctx, rc);
}
