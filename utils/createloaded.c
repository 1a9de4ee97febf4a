/* SPDX-License-Identifier: BSD-3-Clause */
/* createloaded: TPM2_CreateLoaded under a loaded parent, a hierarchy (a primary key) or a
 * derivation parent (-der), with IBM's object templates (tool/template.h). */
#include <string.h>

#include "tool/template.h"

static tmpl_args ta;
static uint32_t hp;
static int der;
static const char *pwdp, *pwdk;
static tmpl_outputs o;
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "parent handle (can be hierarchy 40000001, 4000000c, 4000000b)",
     TOOL_REQUIRED, NULL},
    TMPL_OPTS(ta),
    {"-der", T_FLAG, &der, NULL, "object's parent is a derivation parent", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "password for parent key (default empty)", 0, NULL},
    {"-opu", T_STR, &o.opu, "file", "public key file name (default do not save)", 0, NULL},
    {"-opr", T_STR, &o.opr, "file", "private key file name (default do not save)", 0, NULL},
    {"-opem", T_STR, &o.opem, "file", "public key PEM format file name (default do not save)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"createloaded", "Runs TPM2_CreateLoaded", opts, 3, 0, {0}, {0}, {0}};

/* The template travels as a TPM2B_TEMPLATE: the marshaled TPMT_PUBLIC. Under a derivation
 * parent the unique field is a TPMS_DERIVE (empty label and context) and the TPM makes the
 * sensitive data, so sensitiveDataOrigin must be clear. */
static TPM_RC marshal_template(TPMT_PUBLIC *pub, TPM2B_TEMPLATE *tmpl)
{
    uint16_t n = 0;
    uint8_t *p = tmpl->t.buffer;
    uint32_t room = sizeof(tmpl->t.buffer);
    if (der)
        pub->objectAttributes.val &= ~TPMA_OBJECT_SENSITIVEDATAORIGIN;
    TPM_RC rc = TSS_TPMT_PUBLIC_Marshalu(pub, &n, &p, &room);
    if (rc == 0 && der) {
        /* replace the empty unique (one TPM2B, two for ECC) with label and context */
        n -= pub->type == TPM_ALG_ECC ? 4 : 2;
        if ((size_t)n + 4 > sizeof(tmpl->t.buffer))
            return TSS_RC_INSUFFICIENT_BUFFER;
        memset(tmpl->t.buffer + n, 0, 4);
        n += 4;
    }
    tmpl->t.size = n;
    return rc;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    CreateLoaded_In in;
    CreateLoaded_Out out;
    TPMT_PUBLIC pub;
    tmpl_init(&ta);
    if (tmpl_preparse(&t, &ta, &argc, argv) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.parentHandle = hp;
    if (tmpl_build(&t, &ta, 0, &pub, &in.inSensitive.sensitive) != 0)
        return EXIT_FAILURE;
    if (TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, pwdk,
                             sizeof(in.inSensitive.sensitive.userAuth.t.buffer)) != 0)
        return tool_error(&t, "-pwdk is too long");
    TPM_RC rc = marshal_template(&pub, &in.inPublic);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_CreateLoaded, 1, pwdp, NULL);
    if (rc == 0) /* first, so that the caller can flush it even if an output fails */
        printf("Handle %08x\n", out.objectHandle);
    if (rc == 0)
        rc = tmpl_write_outputs(&t, &o, &out.outPublic, &out.outPrivate, NULL, NULL, NULL);
    return tool_finish(&t, ctx, rc);
}
