/* SPDX-License-Identifier: BSD-3-Clause */
/* makecredential: TPM2_MakeCredential computed locally (Part 1 secret sharing, tool/cred.h),
 * so a verifier needs no TPM. IBM's -ha names a loaded key: only its public area is read
 * from the TPM (ReadPublic), the credential never goes to it. -ipu (TPM2B_PUBLIC) or -ipem
 * (a PEM EK public key, EK Credential Profile parameters for its type and size) need no TPM
 * at all. Output files are the ones activatecredential reads. */
#include <string.h>

#include "tool/cred.h"
#include "tool/pem.h"
#include "tool/policyfile.h"

static uint32_t ha;
static const char *icred, *in, *ocred, *os, *ipu, *ipem;
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "handle",
     "loaded storage key (EK) the credential is for; only its public area is read", 0, NULL},
    {"-ipu", T_STR, &ipu, "file", "encryption key public area file (TPM2B_PUBLIC), no TPM needed",
     0, NULL},
    {"-ipem", T_STR, &ipem, "file",
     "encryption key PEM public key (EK profile parameters), no TPM needed", 0, NULL},
    {"-icred", T_STR, &icred, "file",
     "credential to protect (at most a digest of the key's name algorithm)", TOOL_REQUIRED, NULL},
    {"-in", T_STR, &in, "file",
     "Name of the object the credential is bound to (as readpublic -on writes it)", TOOL_REQUIRED,
     NULL},
    {"-ocred", T_STR, &ocred, "file",
     "TPM2B_ID_OBJECT for activatecredential -icred (default not written)", 0, NULL},
    {"-os", T_STR, &os, "file",
     "TPM2B_ENCRYPTED_SECRET for activatecredential -is (default not written)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    "makecredential", "Runs TPM2_MakeCredential (computed offline)", opts, 3, 0, {0}, {0}, {0}};

/* a PEM public key shaped as the EK profile's key of the same type and size */
static int read_pem(TPMT_PUBLIC *pub)
{
    pem_args a;
    TPMT_PUBLIC k;
    cred_ek ek;
    pem_args_init(&a);
    if (pem_read_public(&t, ipem, &a, &k) != 0)
        return EXIT_FAILURE;
    int curve = -1;
    if (k.type == TPM_ALG_ECC)
        curve = k.parameters.eccDetail.curveID == TPM_ECC_NIST_P256   ? 0
                : k.parameters.eccDetail.curveID == TPM_ECC_NIST_P384 ? 1
                : k.parameters.eccDetail.curveID == TPM_ECC_NIST_P521 ? 2
                                                                      : 3;
    if (curve == 3)
        return tool_error(&t, "%s: no EK profile for that curve", ipem);
    if (cred_ek_select(&t, k.type == TPM_ALG_RSA, k.parameters.rsaDetail.keyBits, curve, 1, &ek) !=
        0)
        return EXIT_FAILURE;
    *pub = ek.pub;
    pub->unique = k.unique;
    if (k.type == TPM_ALG_RSA)
        pub->parameters.rsaDetail.exponent = k.parameters.rsaDetail.exponent;
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    TPM2B_DIGEST cred;
    TPM2B_NAME name;
    TPMT_PUBLIC pub;
    TPM2B_ID_OBJECT blob;
    TPM2B_ENCRYPTED_SECRET secret;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((ha != 0) + (ipu != NULL) + (ipem != NULL) != 1)
        return tool_error(&t, "give exactly one of -ha, -ipu, -ipem");
    if (policy_read_2b(&t, icred, &cred.b, sizeof(cred.t.buffer)) != 0 ||
        policy_read_2b(&t, in, &name.b, sizeof(name.t.name)) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = 0;
    if (ipu != NULL) {
        TPM2B_PUBLIC p2b;
        rc =
            tool_read_flag(&t, ipu, &p2b, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, NO);
        pub = p2b.publicArea;
    } else if (ipem != NULL) {
        if (read_pem(&pub) != 0)
            return EXIT_FAILURE;
    } else {
        rc = tool_context(&t, &ctx);
        if (rc == 0)
            rc = cred_read_public(&t, ctx, ha, 1, &pub);
    }
    if (rc == 0)
        rc = cred_make(&t, &pub, &cred, &name, &blob, &secret);
    /* both outputs or neither */
    int wrote = 0;
    if (rc == 0 && ocred != NULL)
        wrote = (rc = tool_write(&t, ocred, &blob,
                                 (MarshalFunction_t)TSS_TPM2B_ID_OBJECT_Marshalu)) == 0;
    if (rc == 0 && os != NULL)
        rc = tool_write(&t, os, &secret, (MarshalFunction_t)TSS_TPM2B_ENCRYPTED_SECRET_Marshalu);
    if (rc != 0 && wrote)
        TSS_File_DeleteFile(ocred); /* no credential without its secret */
    return tool_finish(&t, ctx, rc);
}
