/* SPDX-License-Identifier: BSD-3-Clause */
/* After a successful command: remember the Names and public areas it revealed, follow the
 * NV attribute bits that change an index's Name (written, locks), forget what it flushed,
 * and note PolicyAuthValue / PolicyPassword in the policy session. Only cached files are
 * consulted here: tracking never sends a command. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "crypto/crypto.h"
#include "session/auth.h"
#include "session/session.h"
#include "store/state.h"

static void keep_object(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_NAME *name, const TPM2B_PUBLIC *pub)
{
    tss_handle_forget(ctx, h); /* whatever held this handle before */
    tss_name_store(ctx, h, name);
    if (pub != NULL)
        tss_public_store(ctx, h, pub);
}

static void nv_set_bits(TSS_CONTEXT *ctx, TPM_HANDLE h, uint32_t bits)
{
    TPMS_NV_PUBLIC pub;
    if (tss_nvpublic_cached(ctx, h, &pub) != 0 || (pub.attributes.val & bits) == bits)
        return;
    pub.attributes.val |= bits;
    tss_nvpublic_store(ctx, h, &pub);
}

/* NV_GlobalWriteLock write-locks every index that has TPMA_NV_GLOBALLOCK */
static void nv_global_lock(TSS_CONTEXT *ctx)
{
    DIR *d = opendir(ctx->data_dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        unsigned h;
        char tail[8];
        if (sscanf(e->d_name, "nvp%8x.%4s", &h, tail) != 2 || strcmp(tail, "bin") != 0)
            continue;
        TPMS_NV_PUBLIC pub;
        if (tss_nvpublic_cached(ctx, h, &pub) == 0 && (pub.attributes.val & TPMA_NVA_GLOBALLOCK))
            nv_set_bits(ctx, h, TPMA_NVA_WRITELOCKED);
    }
    if (d != NULL)
        closedir(d);
}

static void policy_flags(TSS_CONTEXT *ctx, TPMI_SH_POLICY h, int authValue, int password)
{
    tss_session s;
    if (tss_session_load(ctx, h, &s) != 0)
        return;
    s.policyAuthValue = (uint8_t)authValue;
    s.policyPassword = (uint8_t)password;
    tss_session_save(ctx, &s);
    memset(&s, 0, sizeof(s));
}

static void evict(TSS_CONTEXT *ctx, const EvictControl_In *in)
{
    if ((in->objectHandle >> 24) == TPM_HT_PERSISTENT) {
        tss_handle_forget(ctx, in->objectHandle); /* evicted */
        return;
    }
    char from[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPM2B_PUBLIC)];
    size_t len;
    TPM2B_NAME name;
    tss_handle_forget(ctx, in->persistentHandle);
    tss_state_path(ctx, from, sizeof(from), "h", in->objectHandle);
    if (tss_state_read_plain(from, name.t.name, sizeof(name.t.name), &len) == 0) {
        name.t.size = (uint16_t)len;
        tss_name_store(ctx, in->persistentHandle, &name);
    }
    tss_state_path(ctx, from, sizeof(from), "hp", in->objectHandle);
    if (tss_state_read_plain(from, buf, sizeof(buf), &len) == 0) {
        char to[TSS_PATH_MAX + 32];
        tss_state_path(ctx, to, sizeof(to), "hp", in->persistentHandle);
        tss_state_write_plain(to, buf, len);
    }
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

static void context_saved(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_CONTEXT *c)
{
    static uint8_t rec[CX_MAX];
    char path[TSS_PATH_MAX + 32];
    size_t nlen = 0, plen = 0;
    if ((h >> 24) != TPM_HT_TRANSIENT)
        return; /* sessions keep their handle and their state file */
    tss_state_path(ctx, path, sizeof(path), "h", h);
    if (tss_state_read_plain(path, rec + 34, sizeof(TPMU_NAME), &nlen) != 0)
        return;
    tss_state_path(ctx, path, sizeof(path), "hp", h);
    if (tss_state_read_plain(path, rec + 34 + nlen, sizeof(TPM2B_PUBLIC), &plen) != 0)
        plen = 0;
    uint32_t key = cx_key(c, rec);
    rec[32] = (uint8_t)(nlen >> 8);
    rec[33] = (uint8_t)nlen;
    tss_state_path(ctx, path, sizeof(path), "cx", key);
    tss_state_write_plain(path, rec, 34 + nlen + plen);
}

static void context_loaded(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_CONTEXT *c)
{
    static uint8_t rec[CX_MAX];
    uint8_t hash[32];
    char path[TSS_PATH_MAX + 32];
    size_t len = 0;
    if ((h >> 24) != TPM_HT_TRANSIENT)
        return;
    tss_handle_forget(ctx, h); /* a stale Name would mislead */
    tss_state_path(ctx, path, sizeof(path), "cx", cx_key(c, hash));
    if (tss_state_read_plain(path, rec, sizeof(rec), &len) != 0 || len < 34 ||
        memcmp(rec, hash, 32) != 0)
        return;
    size_t nlen = (size_t)rec[32] << 8 | rec[33];
    if (nlen > sizeof(TPMU_NAME) || 34 + nlen > len)
        return;
    TPM2B_NAME name;
    name.t.size = (uint16_t)nlen;
    memcpy(name.t.name, rec + 34, nlen);
    tss_name_store(ctx, h, &name);
    if (len > 34 + nlen) {
        tss_state_path(ctx, path, sizeof(path), "hp", h);
        tss_state_write_plain(path, rec + 34 + nlen, len - 34 - nlen);
    }
}

/* Startup(CLEAR) (TPM Reset or Restart): transient objects and sessions are gone (and so
 * are temporary files that killed processes left behind), and NV indexes lose their until-reboot locks (and the written bit of CLEAR_STCLEAR indexes), which
 * changes their Names. Persistent objects keep theirs. */
static void startup_clear(TSS_CONTEXT *ctx)
{
    DIR *d = opendir(ctx->data_dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        unsigned h;
        char tail[8];
        if (sscanf(e->d_name, "nvp%8x.%4s", &h, tail) == 2 && strcmp(tail, "bin") == 0) {
            TPMS_NV_PUBLIC pub;
            if (tss_nvpublic_cached(ctx, h, &pub) != 0)
                continue;
            uint32_t a = pub.attributes.val, was = a;
            if ((a & (TPMA_NVA_WRITE_STCLEAR | TPMA_NVA_GLOBALLOCK)) && !(a & TPMA_NVA_WRITEDEFINE))
                a &= ~(uint32_t)TPMA_NVA_WRITELOCKED;
            a &= ~(uint32_t)TPMA_NVA_READLOCKED;
            if (a & TPMA_NVA_CLEAR_STCLEAR)
                a &= ~(uint32_t)TPMA_NVA_WRITTEN;
            if (a != was) {
                pub.attributes.val = a;
                tss_nvpublic_store(ctx, h, &pub);
            }
        } else if (strstr(e->d_name, ".bin.tmp") != NULL) {
            /* left by a process killed between writing and renaming; a minute old, so no
             * writer is still at work on it */
            char path[TSS_PATH_MAX + 300];
            struct stat st;
            snprintf(path, sizeof(path), "%s/%s", ctx->data_dir, e->d_name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime + 60 < time(NULL))
                tss_state_remove(path);
        } else if (sscanf(e->d_name, "cx%8x.%4s", &h, tail) == 2 && strcmp(tail, "bin") == 0) {
            /* saved object contexts do not survive a TPM Reset or Restart */
            char path[TSS_PATH_MAX + 32];
            tss_state_path(ctx, path, sizeof(path), "cx", h);
            tss_state_remove(path);
        } else if ((sscanf(e->d_name, "h%8x.%4s", &h, tail) == 2 || sscanf(e->d_name, "hp%8x.%4s", &h, tail) == 2) &&
                   strcmp(tail, "bin") == 0) {
            uint8_t type = (uint8_t)(h >> 24);
            if (type == TPM_HT_TRANSIENT)
                tss_handle_forget(ctx, h);
            else if (type == TPM_HT_HMAC_SESSION || type == TPM_HT_POLICY_SESSION)
                tss_session_forget(ctx, h);
        }
    }
    if (d != NULL)
        closedir(d);
}

void tss_track(TSS_CONTEXT *ctx, tss_call *c)
{
    COMMAND_PARAMETERS *in = c->in;
    RESPONSE_PARAMETERS *out = c->out;
    switch (c->cmd->cc) {
    case TPM_CC_CreatePrimary:
        keep_object(ctx, out->CreatePrimary.objectHandle, &out->CreatePrimary.name, &out->CreatePrimary.outPublic);
        break;
    case TPM_CC_Load:
        keep_object(ctx, out->Load.objectHandle, &out->Load.name, &in->Load.inPublic);
        break;
    case TPM_CC_LoadExternal:
        keep_object(ctx, out->LoadExternal.objectHandle, &out->LoadExternal.name, &in->LoadExternal.inPublic);
        break;
    case TPM_CC_CreateLoaded:
        keep_object(ctx, out->CreateLoaded.objectHandle, &out->CreateLoaded.name, &out->CreateLoaded.outPublic);
        break;
    case TPM_CC_HashSequenceStart:
    case TPM_CC_HMAC_Start: {
        /* sequence objects have no nameAlg, so an empty Name (ReadPublic refuses them) */
        TPM2B_NAME empty = {.t = {.size = 0}};
        TPM_HANDLE h = c->cmd->cc == TPM_CC_HMAC_Start ? out->HMAC_Start.sequenceHandle
                                                       : out->HashSequenceStart.sequenceHandle;
        keep_object(ctx, h, &empty, NULL);
        break;
    }
    case TPM_CC_ReadPublic:
        keep_object(ctx, in->ReadPublic.objectHandle, &out->ReadPublic.name, &out->ReadPublic.outPublic);
        break;
    case TPM_CC_ContextSave:
        context_saved(ctx, in->ContextSave.saveHandle, &out->ContextSave.context);
        break;
    case TPM_CC_ContextLoad:
        context_loaded(ctx, out->ContextLoad.loadedHandle, &in->ContextLoad.context);
        break;
    case TPM_CC_EvictControl:
        evict(ctx, &in->EvictControl);
        break;
    case TPM_CC_FlushContext:
        tss_handle_forget(ctx, in->FlushContext.flushHandle);
        break;
    case TPM_CC_NV_DefineSpace:
        tss_nvpublic_store(ctx, in->NV_DefineSpace.publicInfo.nvPublic.nvIndex,
                           &in->NV_DefineSpace.publicInfo.nvPublic);
        break;
    case TPM_CC_NV_UndefineSpace:
        tss_handle_forget(ctx, in->NV_UndefineSpace.nvIndex);
        break;
    case TPM_CC_NV_UndefineSpaceSpecial:
        tss_handle_forget(ctx, in->NV_UndefineSpaceSpecial.nvIndex);
        break;
    case TPM_CC_NV_ReadPublic:
        tss_nvpublic_store(ctx, in->NV_ReadPublic.nvIndex, &out->NV_ReadPublic.nvPublic.nvPublic);
        break;
    case TPM_CC_NV_Write:
        nv_set_bits(ctx, in->NV_Write.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_Increment:
        nv_set_bits(ctx, in->NV_Increment.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_Extend:
        nv_set_bits(ctx, in->NV_Extend.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_SetBits:
        nv_set_bits(ctx, in->NV_SetBits.nvIndex, TPMA_NVA_WRITTEN);
        break;
    case TPM_CC_NV_WriteLock:
        nv_set_bits(ctx, in->NV_WriteLock.nvIndex, TPMA_NVA_WRITELOCKED);
        break;
    case TPM_CC_NV_ReadLock:
        nv_set_bits(ctx, in->NV_ReadLock.nvIndex, TPMA_NVA_READLOCKED);
        break;
    case TPM_CC_NV_GlobalWriteLock:
        nv_global_lock(ctx);
        break;
    case TPM_CC_Startup:
        if (in->Startup.startupType == TPM_SU_CLEAR)
            startup_clear(ctx);
        break;
    case TPM_CC_PolicyAuthValue:
        policy_flags(ctx, in->PolicyAuthValue.policySession, 1, 0);
        break;
    case TPM_CC_PolicyPassword:
        policy_flags(ctx, in->PolicyPassword.policySession, 0, 1);
        break;
    case TPM_CC_PolicyRestart:
        policy_flags(ctx, in->PolicyRestart.sessionHandle, 0, 0);
        break;
    default:
        break;
    }
}
