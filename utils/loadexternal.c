/* SPDX-License-Identifier: BSD-3-Clause */
/* loadexternal: TPM2_LoadExternal of a public area (-ipu TPM2B_PUBLIC, -ipem PEM public key)
 * or a key pair (-ider, or -ipu with -ipr TPM2B_SENSITIVE). PEM and DER keys are shaped as
 * tool/pem.h describes; -st with -ider loads a decryption key (-den), as IBM's does, since
 * a storage key cannot be loaded with its private part. */
#include <string.h>

#include "tool/pem.h"
#include "tool/template.h"

static pem_args pa;
static int hi = 3; /* n */
static const char *ipu, *ipr, *ipem, *ider, *pwdk;
static int ns;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy (e, o, p, n) (default NULL)", 0,
     tmpl_hierarchies},
    {"-ipu", T_STR, &ipu, "file", "TPM2B_PUBLIC public key file name", 0, NULL},
    {"-ipr", T_STR, &ipr, "file", "TPM2B_SENSITIVE private part for -ipu (default none)", 0, NULL},
    {"-ipem", T_STR, &ipem, "file", "PEM format public key file name", 0, NULL},
    {"-ider", T_STR, &ider, "file", "DER (or PEM) format plaintext key pair file name", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key with -ider (default empty)", 0, NULL},
    PEM_OPTS(pa),
    {"-ns", T_FLAG, &ns, NULL, "additionally print Name in hex ascii on one line", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"loadexternal", "Runs TPM2_LoadExternal", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    LoadExternal_In in;
    LoadExternal_Out out;
    TPM_RC rc = 0;
    pem_args_init(&pa);
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ipu != NULL) + (ipem != NULL) + (ider != NULL) != 1)
        return tool_error(&t, "give exactly one of -ipu, -ipem, -ider");
    if (ipr != NULL && ipu == NULL)
        return tool_error(&t, "-ipr needs -ipu");
    if (pwdk != NULL && ider == NULL)
        return tool_error(&t, "-pwdk is only for an -ider key pair");
    if (ider != NULL)
        pem_args_der_pair(&pa);
    memset(&in, 0, sizeof(in));
    in.hierarchy = tmpl_hierarchy(hi);
    if (ipu != NULL) {
        rc = tool_read_flag(&t, ipu, &in.inPublic,
                            (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, FALSE);
        if (rc == 0 && ipr != NULL)
            rc = tool_read(&t, ipr, &in.inPrivate,
                           (UnmarshalFunction_t)TSS_TPM2B_SENSITIVE_Unmarshalu);
    } else if (ipem != NULL) {
        if (pem_read_public(&t, ipem, &pa, &in.inPublic.publicArea) != 0)
            return EXIT_FAILURE;
    } else {
        if (pem_read_keypair(&t, ider, &pa, NULL, pwdk, &in.inPublic.publicArea,
                             &in.inPrivate.t.sensitiveArea) != 0)
            return EXIT_FAILURE;
        in.inPrivate.t.size = 1; /* present: the marshaler computes the size */
    }
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_LoadExternal, 0, NULL, NULL);
    if (rc == 0) {
        printf("Handle %08x\n", out.objectHandle);
        if (ns) {
            for (uint16_t i = 0; i < out.name.t.size; i++)
                printf("%02x", out.name.t.name[i]);
            printf("\n");
        }
    }
    return tool_finish(&t, ctx, rc);
}
