/* SPDX-License-Identifier: BSD-3-Clause */
/* After a successful command: remember the Names and public areas it revealed, follow the
 * NV attribute bits that change an index's Name (written, locks), forget what it flushed,
 * and note PolicyAuthValue / PolicyPassword in the policy session. Only cached files are
 * consulted here: tracking never sends a command. */
#include <stdio.h>
#include <string.h>

#include "crypto/crypto.h"
#include "marshal/desc_gen.h"
#include "session/auth.h"
#include "session/session.h"
#include "store/state.h"

static TPM_RC keep_object(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_NAME *name, const TPM2B_PUBLIC *pub)
{
    TPM_RC rc = tss_handle_forget(ctx, h); /* whatever held this handle before */
    if (rc == 0)
        rc = tss_name_store(ctx, h, name);
    if (rc == 0 && pub != NULL)
        rc = tss_public_store(ctx, h, pub);
    return rc;
}

static TPM_RC nv_set_bits(TSS_CONTEXT *ctx, TPM_HANDLE h, uint32_t bits)
{
    TPMS_NV_PUBLIC pub;
    if (tss_nvpublic_cached(ctx, h, &pub) != 0 || (pub.attributes.val & bits) == bits)
        return 0; /* nothing cached: the Name is read from the TPM when needed */
    pub.attributes.val |= bits;
    return tss_nvpublic_store(ctx, h, &pub);
}

/* NV_GlobalWriteLock write-locks every index that has TPMA_NV_GLOBALLOCK */
static TPM_RC global_locked(TSS_CONTEXT *ctx, tss_state_kind kind, uint32_t h, void *arg)
{
    TPMS_NV_PUBLIC pub;
    (void)arg;
    if (kind != TSS_SF_NVPUBLIC || tss_nvpublic_cached(ctx, h, &pub) != 0 ||
        !(pub.attributes.val & TPMA_NVA_GLOBALLOCK))
        return 0;
    return nv_set_bits(ctx, h, TPMA_NVA_WRITELOCKED);
}

static TPM_RC nv_global_lock(TSS_CONTEXT *ctx)
{
    return tss_state_foreach(ctx, global_locked, NULL);
}

static TPM_RC policy_flags(TSS_CONTEXT *ctx, TPMI_SH_POLICY h, int authValue, int password)
{
    tss_session s;
    if (tss_session_load(ctx, h, &s) != 0)
        return 0; /* a session of another TSS: nothing to note */
    s.policyAuthValue = (uint8_t)authValue;
    s.policyPassword = (uint8_t)password;
    TPM_RC rc = tss_session_save(ctx, &s);
    tss_wipe(&s, sizeof(s));
    return rc;
}

static TPM_RC evict(TSS_CONTEXT *ctx, const EvictControl_In *in)
{
    if ((in->objectHandle >> 24) == TPM_HT_PERSISTENT)
        return tss_handle_forget(ctx, in->objectHandle); /* evicted */
    char from[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPM2B_PUBLIC)];
    size_t len;
    TPM2B_NAME name;
    TPM_RC rc = tss_handle_forget(ctx, in->persistentHandle);
    tss_state_path(ctx, from, sizeof(from), "h", in->objectHandle);
    if (rc == 0 && tss_state_read_plain(from, name.t.name, sizeof(name.t.name), &len) == 0) {
        name.t.size = (uint16_t)len;
        rc = tss_name_store(ctx, in->persistentHandle, &name);
    }
    tss_state_path(ctx, from, sizeof(from), "hp", in->objectHandle);
    if (rc == 0 && tss_state_read_plain(from, buf, sizeof(buf), &len) == 0) {
        TPM2B_PUBLIC pub;
        tss_rcur r;
        tss_rcur_init(&r, buf, (uint32_t)len);
        tss_get(&r, &tss_t_TPM2B_PUBLIC, &pub, 1, 0);
        if (r.rc == 0 && r.left == 0)
            rc = tss_public_store(ctx, in->persistentHandle, &pub);
    }
    return rc;
}

/* ContextSave / ContextLoad of an object or sequence: its Name and public area travel with
 * the context blob, in cx<key>.bin = SHA-256(blob)[32] | uint16 name size | Name | public,
 * key = the first four bytes of that hash. The whole hash is compared on load, so two
 * blobs sharing a key never swap Names. A context with no record (saved by another TSS) is
 * loaded with no Name: it is read from the TPM when needed. */
#define CX_MAX (32 + 2 + sizeof(TPMU_NAME) + sizeof(TPM2B_PUBLIC))

static uint32_t cx_key(const TPMS_CONTEXT *c, uint8_t hash[32])
{
    tss_chunk ch = {c->contextBlob.t.buffer, c->contextBlob.t.size};
    if (tss_hash(TPM_ALG_SHA256, &ch, 1, hash) != 0)
        return 0;
    return (uint32_t)hash[0] << 24 | (uint32_t)hash[1] << 16 | (uint32_t)hash[2] << 8 | hash[3];
}

static TPM_RC context_saved(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_CONTEXT *c)
{
    uint8_t rec[CX_MAX];
    char path[TSS_PATH_MAX + 32];
    size_t nlen = 0, plen = 0;
    if ((h >> 24) != TPM_HT_TRANSIENT)
        return 0; /* sessions keep their handle and their state file */
    tss_state_path(ctx, path, sizeof(path), "h", h);
    if (tss_state_read_plain(path, rec + 34, sizeof(TPMU_NAME), &nlen) != 0)
        return 0; /* no Name known: none travels with the context */
    tss_state_path(ctx, path, sizeof(path), "hp", h);
    if (tss_state_read_plain(path, rec + 34 + nlen, sizeof(TPM2B_PUBLIC), &plen) != 0)
        plen = 0;
    uint32_t key = cx_key(c, rec);
    rec[32] = (uint8_t)(nlen >> 8);
    rec[33] = (uint8_t)nlen;
    tss_state_path(ctx, path, sizeof(path), "cx", key);
    TPM_RC rc = tss_state_write_plain(path, rec, 34 + nlen + plen);
    if (rc != 0)
        tss_trace(ctx, 0, "TSS: cannot write %s (TPM_DATA_DIR missing, read-only or full?)\n", path);
    return rc;
}

static TPM_RC context_loaded(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_CONTEXT *c)
{
    uint8_t rec[CX_MAX];
    uint8_t hash[32];
    char path[TSS_PATH_MAX + 32];
    size_t len = 0;
    if ((h >> 24) != TPM_HT_TRANSIENT)
        return 0;
    TPM_RC rc = tss_handle_forget(ctx, h); /* a stale Name would mislead */
    tss_state_path(ctx, path, sizeof(path), "cx", cx_key(c, hash));
    if (rc != 0 || tss_state_read_plain(path, rec, sizeof(rec), &len) != 0 || len < 34 ||
        memcmp(rec, hash, 32) != 0)
        return rc;
    size_t nlen = (size_t)rec[32] << 8 | rec[33];
    if (nlen > sizeof(TPMU_NAME) || 34 + nlen > len)
        return 0;
    TPM2B_NAME name;
    name.t.size = (uint16_t)nlen;
    memcpy(name.t.name, rec + 34, nlen);
    rc = tss_name_store(ctx, h, &name);
    if (rc == 0 && len > 34 + nlen) {
        TPM2B_PUBLIC pub;
        tss_rcur r;
        tss_rcur_init(&r, rec + 34 + nlen, (uint32_t)(len - 34 - nlen));
        tss_get(&r, &tss_t_TPM2B_PUBLIC, &pub, 1, 0);
        if (r.rc == 0 && r.left == 0)
            rc = tss_public_store(ctx, h, &pub);
    }
    return rc;
}

/* Startup(CLEAR) (TPM Reset or Restart): transient objects and sessions are gone (and so
 * are temporary files that killed processes left behind), and NV indexes lose their
 * until-reboot locks (and the written bit of CLEAR_STCLEAR indexes), which changes their
 * Names. Persistent objects keep theirs. */
static TPM_RC cleared(TSS_CONTEXT *ctx, tss_state_kind kind, uint32_t h, void *arg)
{
    TPM_RC *first = arg, r = 0;
    uint8_t type = (uint8_t)(h >> 24);
    if (kind == TSS_SF_NVPUBLIC) {
        TPMS_NV_PUBLIC pub;
        if (tss_nvpublic_cached(ctx, h, &pub) != 0)
            return 0;
        uint32_t a = pub.attributes.val, was = a;
        if ((a & (TPMA_NVA_WRITE_STCLEAR | TPMA_NVA_GLOBALLOCK)) && !(a & TPMA_NVA_WRITEDEFINE))
            a &= ~(uint32_t)TPMA_NVA_WRITELOCKED;
        a &= ~(uint32_t)TPMA_NVA_READLOCKED;
        if (a & TPMA_NVA_CLEAR_STCLEAR)
            a &= ~(uint32_t)TPMA_NVA_WRITTEN;
        if (a != was) {
            pub.attributes.val = a;
            r = tss_nvpublic_store(ctx, h, &pub);
        }
    } else if (kind == TSS_SF_CONTEXT) {
        /* saved object contexts do not survive a TPM Reset or Restart */
        char path[TSS_PATH_MAX + 32];
        tss_state_path(ctx, path, sizeof(path), "cx", h);
        tss_state_remove(path);
    } else if (type == TPM_HT_TRANSIENT) {
        r = tss_handle_forget(ctx, h);
    } else if ((type == TPM_HT_HMAC_SESSION || type == TPM_HT_POLICY_SESSION) && kind == TSS_SF_NAME) {
        tss_session_forget(ctx, h);
    }
    if (*first == 0)
        *first = r;
    return 0; /* go on: forget as much as can be forgotten */
}

static TPM_RC startup_clear(TSS_CONTEXT *ctx)
{
    TPM_RC first = 0;
    /* left by a process killed between writing and renaming; a minute old, so no writer is
     * still at work on it */
    tss_state_remove_stale(ctx, 60);
    tss_state_foreach(ctx, cleared, &first);
    return first;
}

TPM_RC tss_track(TSS_CONTEXT *ctx, tss_call *c)
{
    COMMAND_PARAMETERS *in = c->in;
    RESPONSE_PARAMETERS *out = c->out;
    TPM_RC rc = 0;
    switch (c->cmd->cc) {
    case TPM_CC_CreatePrimary:
        rc = keep_object(ctx, out->CreatePrimary.objectHandle, &out->CreatePrimary.name, &out->CreatePrimary.outPublic);
        break;
    case TPM_CC_Load:
        rc = keep_object(ctx, out->Load.objectHandle, &out->Load.name, &in->Load.inPublic);
        break;
    case TPM_CC_LoadExternal:
        rc = keep_object(ctx, out->LoadExternal.objectHandle, &out->LoadExternal.name, &in->LoadExternal.inPublic);
        break;
    case TPM_CC_CreateLoaded:
        rc = keep_object(ctx, out->CreateLoaded.objectHandle, &out->CreateLoaded.name, &out->CreateLoaded.outPublic);
        break;
    case TPM_CC_HashSequenceStart:
    case TPM_CC_HMAC_Start: {
        /* sequence objects have no nameAlg, so an empty Name (ReadPublic refuses them) */
        TPM2B_NAME empty = {.t = {.size = 0}};
        TPM_HANDLE h = c->cmd->cc == TPM_CC_HMAC_Start ? out->HMAC_Start.sequenceHandle
                                                       : out->HashSequenceStart.sequenceHandle;
        rc = keep_object(ctx, h, &empty, NULL);
        break;
    }
    case TPM_CC_ReadPublic:
        rc = keep_object(ctx, in->ReadPublic.objectHandle, &out->ReadPublic.name, &out->ReadPublic.outPublic);
        break;
    case TPM_CC_ContextSave:
        rc = context_saved(ctx, in->ContextSave.saveHandle, &out->ContextSave.context);
        break;
    case TPM_CC_ContextLoad:
        rc = context_loaded(ctx, out->ContextLoad.loadedHandle, &in->ContextLoad.context);
        break;
    case TPM_CC_EvictControl:
        rc = evict(ctx, &in->EvictControl);
        break;
    case TPM_CC_FlushContext:
        rc = tss_handle_forget(ctx, in->FlushContext.flushHandle);
        break;
    case TPM_CC_NV_DefineSpace:
        rc = tss_nvpublic_store(ctx, in->NV_DefineSpace.publicInfo.nvPublic.nvIndex,
                           &in->NV_DefineSpace.publicInfo.nvPublic);
        break;
    case TPM_CC_NV_UndefineSpace:
        rc = tss_handle_forget(ctx, in->NV_UndefineSpace.nvIndex);
        break;
    case TPM_CC_NV_UndefineSpaceSpecial:
        rc = tss_handle_forget(ctx, in->NV_UndefineSpaceSpecial.nvIndex);
        break;
    case TPM_CC_NV_ReadPublic:
        rc = tss_nvpublic_store(ctx, in->NV_ReadPublic.nvIndex, &out->NV_ReadPublic.nvPublic.nvPublic);
        break;
    case TPM_CC_NV_Write:
        rc = nv_set_bits(ctx, in->NV_Write.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_Increment:
        rc = nv_set_bits(ctx, in->NV_Increment.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_Extend:
        rc = nv_set_bits(ctx, in->NV_Extend.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_SetBits:
        rc = nv_set_bits(ctx, in->NV_SetBits.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_WriteLock:
        rc = nv_set_bits(ctx, in->NV_WriteLock.nvIndex, TPMA_NVA_WRITELOCKED);
        break;
    case TPM_CC_NV_ReadLock:
        rc = nv_set_bits(ctx, in->NV_ReadLock.nvIndex, TPMA_NVA_READLOCKED);
        break;
    case TPM_CC_NV_GlobalWriteLock:
        rc = nv_global_lock(ctx);
        break;
    case TPM_CC_Startup:
        if (in->Startup.startupType == TPM_SU_CLEAR)
            rc = startup_clear(ctx);
        break;
    case TPM_CC_PolicyAuthValue:
        rc = policy_flags(ctx, in->PolicyAuthValue.policySession, 1, 0);
        break;
    case TPM_CC_PolicyPassword:
        rc = policy_flags(ctx, in->PolicyPassword.policySession, 0, 1);
        break;
    case TPM_CC_PolicyRestart:
        rc = policy_flags(ctx, in->PolicyRestart.sessionHandle, 0, 0);
        break;
    default:
        break;
    }
    return rc;
}
