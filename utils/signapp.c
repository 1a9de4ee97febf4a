/* SPDX-License-Identifier: BSD-3-Clause */
/* signapp: a sample application written straight against TSS_Execute. It starts an HMAC
 * session (AES-CFB parameter encryption of the passwords and the digest), creates a primary
 * storage key, creates and loads a signing key under it, signs the hash of -ic, has the TPM
 * verify the signature, and flushes everything it made -- also when a step fails. With
 * -pwsess every authorization is a plain password session instead. */
#include <string.h>

#include "tool/tool.h"
#include "tss2/tsscrypto.h"

static const char *ic;
static int pwsess;
static const tool_opt opts[] = {
    {"-ic", T_STR, &ic, "string", "input message to hash and sign", TOOL_REQUIRED, NULL},
    {"-pwsess", T_FLAG, &pwsess, NULL, "use a password session, no HMAC or parameter encryption", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {.name = "signapp",
                 .summary =
                     "Runs a TPM2_Sign application, including creating a primary storage key\n"
                     "and creating and loading a signing key",
                 .opts = opts,
                 .nsessions = 0};

#define PRIMARY_PW "sto"
#define KEY_PW "sig"

/* an ECC NIST P-256 key: a restricted AES-128-CFB storage parent, or an ECDSA-SHA256 signer */
static void ecc_template(TPMT_PUBLIC *p, int storage)
{
    memset(p, 0, sizeof(*p));
    p->type = TPM_ALG_ECC;
    p->nameAlg = TPM_ALG_SHA256;
    p->objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                              TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                              TPMA_OBJECT_NODA;
    TPMS_ECC_PARMS *e = &p->parameters.eccDetail;
    e->curveID = TPM_ECC_NIST_P256;
    e->kdf.scheme = TPM_ALG_NULL;
    if (storage) {
        p->objectAttributes.val |= TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
        e->symmetric.algorithm = TPM_ALG_AES;
        e->symmetric.keyBits.aes = 128;
        e->symmetric.mode.aes = TPM_ALG_CFB;
        e->scheme.scheme = TPM_ALG_NULL;
    } else {
        p->objectAttributes.val |= TPMA_OBJECT_SIGN;
        e->symmetric.algorithm = TPM_ALG_NULL;
        e->scheme.scheme = TPM_ALG_ECDSA;
        e->scheme.details.ecdsa.hashAlg = TPM_ALG_SHA256;
    }
}

static TPM_RC flush(TSS_CONTEXT *ctx, TPM_HANDLE h, const char *what)
{
    FlushContext_In in = {.flushHandle = h};
    TPM_RC rc = TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_FlushContext,
                            TPM_RH_NULL, NULL, 0);
    printf("signapp: flushed %s %08x%s\n", what, h, rc == 0 ? "" : " (failed)");
    return rc;
}

/* everything the steps share */
typedef struct {
    TSS_CONTEXT *ctx;
    TPMI_SH_AUTH_SESSION se; /* TPM_RS_PW with -pwsess */
    unsigned attrs;          /* continue (+ decrypt for commands with a secret first parameter) */
    TPM_HANDLE primary, key;
} app;

static TPM_RC run(app *a)
{
    TPM_RC rc;
    if (!pwsess) {
        StartAuthSession_In in = {.tpmKey = TPM_RH_NULL,
                                  .bind = TPM_RH_NULL,
                                  .sessionType = TPM_SE_HMAC,
                                  .authHash = TPM_ALG_SHA256};
        StartAuthSession_Out out;
        in.symmetric.algorithm = TPM_ALG_AES;
        in.symmetric.keyBits.aes = 128;
        in.symmetric.mode.aes = TPM_ALG_CFB;
        rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_StartAuthSession, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            return rc;
        a->se = out.sessionHandle;
        a->attrs = TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_DECRYPT;
        printf("signapp: started HMAC session %08x (AES-128-CFB parameter encryption)\n", a->se);
    }
    {
        CreatePrimary_In in;
        CreatePrimary_Out out;
        memset(&in, 0, sizeof(in));
        in.primaryHandle = TPM_RH_OWNER;
        TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, PRIMARY_PW, sizeof(TPMU_HA));
        ecc_template(&in.inPublic.publicArea, 1);
        rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_CreatePrimary, a->se, NULL, a->attrs, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            return rc;
        a->primary = out.objectHandle;
        printf("signapp: created primary storage key %08x\n", a->primary);
    }
    Create_Out cout;
    {
        Create_In in;
        memset(&in, 0, sizeof(in));
        in.parentHandle = a->primary;
        TSS_TPM2B_StringCopy(&in.inSensitive.sensitive.userAuth.b, KEY_PW, sizeof(TPMU_HA));
        ecc_template(&in.inPublic.publicArea, 0);
        rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&cout, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_Create, a->se, PRIMARY_PW, a->attrs, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            return rc;
        printf("signapp: created ECDSA P-256 signing key\n");
    }
    {
        Load_In in = {
            .parentHandle = a->primary, .inPrivate = cout.outPrivate, .inPublic = cout.outPublic};
        Load_Out out;
        rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_Load, a->se, PRIMARY_PW, a->attrs, TPM_RH_NULL, NULL, 0);
        if (rc != 0)
            return rc;
        a->key = out.objectHandle;
        printf("signapp: loaded signing key %08x\n", a->key);
    }
    TPMT_HA digest = {.hashAlg = TPM_ALG_SHA256};
    rc = TSS_Hash_Generate(&digest, (int)strlen(ic), (const unsigned char *)ic, 0, NULL);
    if (rc != 0)
        return rc;
    Sign_In sin;
    Sign_Out sout;
    memset(&sin, 0, sizeof(sin));
    sin.keyHandle = a->key;
    sin.digest.t.size = SHA256_DIGEST_SIZE;
    memcpy(sin.digest.t.buffer, digest.digest.sha256, SHA256_DIGEST_SIZE);
    sin.inScheme.scheme = TPM_ALG_NULL; /* the key's scheme */
    sin.validation.tag = TPM_ST_HASHCHECK;
    sin.validation.hierarchy = TPM_RH_NULL;
    rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&sout, (COMMAND_PARAMETERS *)&sin, NULL,
                     TPM_CC_Sign, a->se, KEY_PW, a->attrs, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    printf("signapp: signed the SHA-256 digest of the message\n");
    VerifySignature_In vin = {
        .keyHandle = a->key, .digest = sin.digest, .signature = sout.signature};
    VerifySignature_Out vout;
    rc = TSS_Execute(a->ctx, (RESPONSE_PARAMETERS *)&vout, (COMMAND_PARAMETERS *)&vin, NULL,
                     TPM_CC_VerifySignature, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    printf("signapp: the TPM verified the signature\n");
    return 0;
}

int main(int argc, char **argv)
{
    app a = {.ctx = NULL, .se = TPM_RS_PW, .attrs = 0, .primary = 0, .key = 0};
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &a.ctx);
    if (rc == 0)
        rc = run(&a);
    /* flush in reverse order of creation, whatever happened above */
    const TPM_HANDLE made[3] = {a.key, a.primary, a.se != TPM_RS_PW ? a.se : 0};
    const char *what[3] = {"signing key", "primary key", "session"};
    for (int i = 0; i < 3; i++) {
        TPM_RC rc2 = made[i] != 0 ? flush(a.ctx, made[i], what[i]) : 0;
        if (rc == 0)
            rc = rc2;
    }
    return tool_finish(&t, a.ctx, rc);
}
