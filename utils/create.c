/* SPDX-License-Identifier: BSD-3-Clause */
/* create: TPM2_Create of an object under a loaded parent, with IBM's object templates
 * (tool/template.h). Writes the private and public parts; prints nothing. */
#include <string.h>

#include "tool/template.h"

static tmpl_args ta;
static uint32_t hp;
static const char *pwdp, *pwdk;
static tmpl_outputs o;
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "parent handle", TOOL_REQUIRED, NULL},
    TMPL_OPTS(ta),
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "password for parent key (default empty)", 0, NULL},
    {"-opu", T_STR, &o.opu, "file", "public key file name (default do not save)", 0, NULL},
    {"-opr", T_STR, &o.opr, "file", "private key file name (default do not save)", 0, NULL},
    {"-opem", T_STR, &o.opem, "file", "public key PEM format file name (default do not save)", 0,
     NULL},
    {"-tk", T_STR, &o.tk, "file", "output ticket file name", 0, NULL},
    {"-ch", T_STR, &o.ch, "file", "output creation hash file name", 0, NULL},
    {"-cd", T_STR, &o.cd, "file", "output creation data file name", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"create", "Runs TPM2_Create", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Create_In in;
    Create_Out out;
    tmpl_init(&ta);
    if (tmpl_preparse(&t, &ta, &argc, argv) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.parentHandle = hp;
    if (tmpl_build(&t, &ta, 0, &in.inPublic.publicArea, &in.inSensitive.sensitive) != 0)
        return EXIT_FAILURE;
    if (TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, pwdk,
                             sizeof(in.inSensitive.sensitive.userAuth.t.buffer)) != 0)
        return tool_error(&t, "-pwdk is too long");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Create, 1, pwdp, NULL);
    if (rc == 0)
        rc = tmpl_write_outputs(&t, &o, &out.outPublic, &out.outPrivate, &out.creationData,
                                &out.creationHash, &out.creationTicket);
    return tool_finish(&t, ctx, rc);
}
