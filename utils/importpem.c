/* SPDX-License-Identifier: BSD-3-Clause */
/* importpem: TPM2_Import of a PEM (or DER) RSA or ECC key pair under a parent. As IBM's,
 * -pwdk both unlocks an encrypted PEM and becomes the key's password. The private key goes
 * to the TPM inside an outer wrapper to the parent (seed encrypted to the parent's public
 * key, tool/cred.h), never in the clear. -st makes a storage key (tool/pem.h) that can be
 * the parent of other keys. */
#include <openssl/crypto.h>
#include <string.h>

#include "tool/cred.h"
#include "tool/pem.h"
#include "tool/policyfile.h"
#include "tss2/tsscrypto.h"

static uint32_t hp;
static const char *pwdp, *ipem, *pwdk, *opu, *opr, *pol;
static pem_args a;
static const tool_opt opts[] = {
    {"-hp", T_X32, &hp, "handle", "parent (storage key)", TOOL_REQUIRED, NULL},
    {"-pwdp", T_STR, &pwdp, "password", "parent password (default empty)", 0, NULL},
    {"-ipem", T_STR, &ipem, "file", "RSA or ECC key pair, PEM or DER, encrypted or not",
     TOOL_REQUIRED, NULL},
    PEM_OPTS(a),
    {"-pwdk", T_STR, &pwdk, "password", "password for key and for the PEM file (default empty)", 0,
     NULL},
    {"-opu", T_STR, &opu, "file", "TPM2B_PUBLIC for load -ipu", TOOL_REQUIRED, NULL},
    {"-opr", T_STR, &opr, "file", "TPM2B_PRIVATE for load -ipr", TOOL_REQUIRED, NULL},
    {"-pol", T_STR, &pol, "file", "authPolicy digest, binary (default none)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"importpem", "Runs TPM2_Import for a PEM RSA or ECC key", opts, 3, 0, {0}, {0},
                 {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Import_In in;
    Import_Out out;
    TPMT_SENSITIVE sens;
    TPMT_PUBLIC parent;
    pem_args_init(&a);
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.parentHandle = hp;
    in.symmetricAlg.algorithm = TPM_ALG_NULL;
    TPMT_PUBLIC *pub = &in.objectPublic.publicArea;
    TPM2B_DIGEST policy = {.t.size = 0};
    if (pol != NULL) {
        if (policy_read_2b(&t, pol, &policy.b, sizeof(policy.t.buffer)) != 0)
            return EXIT_FAILURE;
        if (policy.t.size != TSS_GetDigestSize(a.nalg))
            return tool_error(&t, "%s: the policy is not a digest of the name algorithm", pol);
    }
    if (cred_read_keypair(&t, ipem, &a, pwdk, pub, &sens) != 0)
        return EXIT_FAILURE;
    /* a seed, as IBM's gives every RSA key; a storage key needs one (the size of its Name
     * digest) to derive its children's protection keys */
    if (pub->type == TPM_ALG_RSA || a.st) {
        sens.seedValue.t.size = TSS_GetDigestSize(a.nalg);
        if (TSS_RandBytes(sens.seedValue.t.buffer, sens.seedValue.t.size) != 0) {
            OPENSSL_cleanse(&sens, sizeof(sens));
            return tool_error(&t, "no random bytes for the key's seed");
        }
    }
    pub->authPolicy = policy;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = cred_read_public(&t, ctx, hp, 0, &parent);
    if (rc == 0)
        rc = cred_duplicate(&t, pub, &sens, &parent, &in.duplicate, &in.inSymSeed);
    OPENSSL_cleanse(&sens, sizeof(sens));
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Import, 1, pwdp, NULL);
    OPENSSL_cleanse(&in.duplicate, sizeof(in.duplicate));
    if (rc == 0)
        rc = tool_write(&t, opu, &in.objectPublic, (MarshalFunction_t)TSS_TPM2B_PUBLIC_Marshalu);
    if (rc == 0 && (rc = tool_write(&t, opr, &out.outPrivate,
                                    (MarshalFunction_t)TSS_TPM2B_PRIVATE_Marshalu)) != 0)
        TSS_File_DeleteFile(opu); /* both files or neither */
    return tool_finish(&t, ctx, rc);
}
