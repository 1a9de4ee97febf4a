/* SPDX-License-Identifier: BSD-3-Clause */
/* Session state kept between commands (and processes) in TPM_DATA_DIR, and the Names of
 * the entities the TSS must hash into cpHash. Internal. */
#ifndef TSS_SESSION_H
#define TSS_SESSION_H

#include "core/context.h"

typedef struct tss_session {
    TPMI_SH_AUTH_SESSION handle;
    TPM_SE type;                /* TPM_SE_HMAC, TPM_SE_POLICY, TPM_SE_TRIAL */
    TPMI_ALG_HASH authHash;
    TPM_ALG_ID symAlg;          /* TPM_ALG_NULL, TPM_ALG_XOR, TPM_ALG_AES */
    uint16_t symKeyBits;        /* AES key bits; for XOR unused */
    TPM_ALG_ID symMode;
    TPM2B_DIGEST sessionKey;
    TPM2B_NONCE nonceCaller;
    TPM2B_NONCE nonceTPM;
    TPM2B_NAME bindName;        /* empty: unbound (never bound, or unbound by audit) */
    TPM2B_AUTH bindAuth;        /* the bind entity's auth value when the session started: the
                                 * TPM keys parameter encryption with it on that entity */
    uint8_t policyAuthValue;    /* PolicyAuthValue ran: HMAC with the auth value */
    uint8_t policyPassword;     /* PolicyPassword ran: the auth value goes in clear */
} tss_session;

TPM_RC tss_session_load(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION handle, tss_session *s);
TPM_RC tss_session_save(TSS_CONTEXT *ctx, const tss_session *s);
void tss_session_forget(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION handle);

/* Names: permanent, PCR and session handles are their own Name; objects and NV indexes
 * come from h<handle>.bin, or from ReadPublic / NV_ReadPublic when no file exists (the
 * only time the TSS sends a command of its own). */
TPM_RC tss_name_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPM2B_NAME *name);
TPM_RC tss_name_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_NAME *name);
/* the public area of a loaded object (hp<handle>.bin, else ReadPublic) */
TPM_RC tss_public_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMT_PUBLIC *pub);
TPM_RC tss_public_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_PUBLIC *pub);
/* NV public area (nvp<index>.bin) and the Name that follows from it */
TPM_RC tss_nvpublic_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMS_NV_PUBLIC *pub);
/* only what nvp<index>.bin holds; never asks the TPM */
TPM_RC tss_nvpublic_cached(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMS_NV_PUBLIC *pub);
TPM_RC tss_nvpublic_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_NV_PUBLIC *pub);
/* forget every file about a handle; an error if one exists and cannot be removed */
TPM_RC tss_handle_forget(TSS_CONTEXT *ctx, TPM_HANDLE h);

#endif
