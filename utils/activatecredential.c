/* SPDX-License-Identifier: BSD-3-Clause */
/* activatecredential: TPM2_ActivateCredential, recovering the credential makecredential
 * wrapped for the key -hk and the object -ha. */
#include "tool/tool.h"

static uint32_t ha, hk;
static const char *icred, *is, *pwda, *pwdk, *ocred;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle", "the object the credential is bound to (ADMIN role)",
     TOOL_REQUIRED, NULL},
    {"-hk", T_X32, &hk, "handle", "the storage key (EK) the credential was made for", TOOL_REQUIRED,
     NULL},
    {"-icred", T_STR, &icred, "file", "TPM2B_ID_OBJECT from makecredential -ocred", TOOL_REQUIRED,
     NULL},
    {"-is", T_STR, &is, "file", "TPM2B_ENCRYPTED_SECRET from makecredential -os", TOOL_REQUIRED,
     NULL},
    {"-pwda", T_STR, &pwda, "password", "password of the -ha object (default empty)", 0, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password of the -hk key (default empty)", 0, NULL},
    {"-ocred", T_STR, &ocred, "file", "recovered credential, raw bytes (default not written)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"activatecredential", "Runs TPM2_ActivateCredential", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    ActivateCredential_In in;
    ActivateCredential_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    in.activateHandle = ha;
    in.keyHandle = hk;
    TPM_RC rc = tool_read(&t, icred, &in.credentialBlob,
                          (UnmarshalFunction_t)TSS_TPM2B_ID_OBJECT_Unmarshalu);
    if (rc == 0)
        rc = tool_read(&t, is, &in.secret,
                       (UnmarshalFunction_t)TSS_TPM2B_ENCRYPTED_SECRET_Unmarshalu);
    if (rc == 0)
        rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_ActivateCredential, 2, pwda, pwdk);
    if (rc == 0 && ocred != NULL)
        rc = tool_write_private(&t, ocred, out.certInfo.t.buffer, out.certInfo.t.size);
    return tool_finish(&t, ctx, rc);
}
