/* SPDX-License-Identifier: BSD-3-Clause */
/* Names and public areas of objects and NV indexes, cached in TPM_DATA_DIR. */
#include <string.h>

#include "crypto/crypto.h"
#include "marshal/desc_gen.h"
#include "session/session.h"
#include "store/state.h"
#include "tss2/tsserror.h"

static uint8_t handle_type(TPM_HANDLE h)
{
    return (uint8_t)(h >> 24);
}

static int is_object(TPM_HANDLE h)
{
    return handle_type(h) == TPM_HT_TRANSIENT || handle_type(h) == TPM_HT_PERSISTENT;
}

static int is_nv(TPM_HANDLE h)
{
    return handle_type(h) == TPM_HT_NV_INDEX;
}

/* a state file that cannot be written is an error the user must see: say which */
static TPM_RC store(TSS_CONTEXT *ctx, const char *path, const void *data, size_t len)
{
    TPM_RC rc = tss_state_write_plain(path, data, len);
    if (rc != 0)
        tss_trace(ctx, 0, "TSS: cannot write %s (TPM_DATA_DIR missing, read-only or full?)\n", path);
    return rc;
}

TPM_RC tss_name_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_NAME *name)
{
    char path[TSS_PATH_MAX + 32];
    if (!is_object(h) && !is_nv(h))
        return 0;
    tss_state_path(ctx, path, sizeof(path), "h", h);
    return store(ctx, path, name->t.name, name->t.size);
}

static TPM_RC marshal_to(const tss_type *t, const void *src, uint8_t *buf, size_t cap, size_t *len)
{
    tss_wcur w;
    tss_wcur_init(&w, buf, (uint32_t)cap);
    tss_put(&w, t, src, 0);
    *len = w.n;
    return w.rc;
}

static TPM_RC unmarshal_from(const tss_type *t, void *dst, const uint8_t *buf, size_t len)
{
    tss_rcur r;
    tss_rcur_init(&r, buf, (uint32_t)len);
    tss_get(&r, t, dst, 1, 0);
    if (r.rc == 0 && r.left != 0)
        r.rc = TPM_RC_SIZE;
    return r.rc;
}

TPM_RC tss_public_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPM2B_PUBLIC *pub)
{
    char path[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPM2B_PUBLIC)];
    size_t len;
    TPM_RC rc = marshal_to(&tss_t_TPM2B_PUBLIC, pub, buf, sizeof(buf), &len);
    if (rc != 0)
        return rc;
    tss_state_path(ctx, path, sizeof(path), "hp", h);
    return store(ctx, path, buf, len);
}

/* ReadPublic without sessions; stores what it learns */
static TPM_RC read_public(TSS_CONTEXT *ctx, TPM_HANDLE h, TPM2B_PUBLIC *pub, TPM2B_NAME *name)
{
    ReadPublic_In in = {.objectHandle = h};
    ReadPublic_Out out;
    tss_trace(ctx, 2, "TSS: reading the public area of %08x\n", h);
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_ReadPublic, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    /* the TPM's Name must be the hash of the public area it returned */
    TPM2B_NAME computed;
    rc = tss_object_name(&computed, &out.outPublic.publicArea);
    if (rc != 0 || computed.t.size != out.name.t.size ||
        memcmp(computed.t.name, out.name.t.name, computed.t.size) != 0)
        return TSS_RC_MALFORMED_PUBLIC;
    if (pub != NULL)
        *pub = out.outPublic;
    if (name != NULL)
        *name = out.name;
    rc = tss_name_store(ctx, h, &out.name);
    if (rc == 0)
        rc = tss_public_store(ctx, h, &out.outPublic);
    return rc;
}

TPM_RC tss_public_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMT_PUBLIC *pub)
{
    char path[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPM2B_PUBLIC)];
    size_t len;
    TPM2B_PUBLIC p;
    tss_state_path(ctx, path, sizeof(path), "hp", h);
    if (tss_state_read_plain(path, buf, sizeof(buf), &len) == 0 &&
        unmarshal_from(&tss_t_TPM2B_PUBLIC, &p, buf, len) == 0) {
        *pub = p.publicArea;
        return 0;
    }
    TPM_RC rc = read_public(ctx, h, &p, NULL);
    if (rc == 0)
        *pub = p.publicArea;
    return rc;
}

TPM_RC tss_nvpublic_store(TSS_CONTEXT *ctx, TPM_HANDLE h, const TPMS_NV_PUBLIC *pub)
{
    char path[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPMS_NV_PUBLIC)];
    size_t len;
    TPM2B_NAME name;
    TPM_RC rc = marshal_to(&tss_t_TPMS_NV_PUBLIC, pub, buf, sizeof(buf), &len);
    if (rc == 0)
        rc = tss_nv_name(&name, pub);
    if (rc != 0)
        return rc;
    tss_state_path(ctx, path, sizeof(path), "nvp", h);
    rc = store(ctx, path, buf, len);
    if (rc == 0)
        rc = tss_name_store(ctx, h, &name);
    return rc;
}

TPM_RC tss_nvpublic_cached(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMS_NV_PUBLIC *pub)
{
    char path[TSS_PATH_MAX + 32];
    uint8_t buf[sizeof(TPMS_NV_PUBLIC)];
    size_t len;
    tss_state_path(ctx, path, sizeof(path), "nvp", h);
    TPM_RC rc = tss_state_read_plain(path, buf, sizeof(buf), &len);
    return rc != 0 ? rc : unmarshal_from(&tss_t_TPMS_NV_PUBLIC, pub, buf, len);
}

TPM_RC tss_nvpublic_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPMS_NV_PUBLIC *pub)
{
    if (tss_nvpublic_cached(ctx, h, pub) == 0)
        return 0;
    NV_ReadPublic_In in = {.nvIndex = h};
    NV_ReadPublic_Out out;
    tss_trace(ctx, 2, "TSS: reading the public area of NV index %08x\n", h);
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_NV_ReadPublic, TPM_RH_NULL, NULL, 0);
    if (rc != 0)
        return rc;
    TPM2B_NAME computed;
    rc = tss_nv_name(&computed, &out.nvPublic.nvPublic);
    if (rc != 0 || computed.t.size != out.nvName.t.size ||
        memcmp(computed.t.name, out.nvName.t.name, computed.t.size) != 0)
        return TSS_RC_MALFORMED_NV_PUBLIC;
    *pub = out.nvPublic.nvPublic;
    return tss_nvpublic_store(ctx, h, pub);
}

TPM_RC tss_name_get(TSS_CONTEXT *ctx, TPM_HANDLE h, TPM2B_NAME *name)
{
    char path[TSS_PATH_MAX + 32];
    size_t len;
    if (!is_object(h) && !is_nv(h)) {
        /* PCRs, sessions, permanent handles: the handle is the Name */
        name->t.size = 4;
        name->t.name[0] = (uint8_t)(h >> 24), name->t.name[1] = (uint8_t)(h >> 16);
        name->t.name[2] = (uint8_t)(h >> 8), name->t.name[3] = (uint8_t)h;
        return 0;
    }
    tss_state_path(ctx, path, sizeof(path), "h", h);
    /* an empty file is the empty Name of a sequence object */
    if (tss_state_read_plain(path, name->t.name, sizeof(name->t.name), &len) == 0 && len != 1) {
        name->t.size = (uint16_t)len;
        return 0;
    }
    if (is_nv(h)) {
        TPMS_NV_PUBLIC pub;
        TPM_RC rc = tss_nvpublic_get(ctx, h, &pub);
        return rc != 0 ? rc : tss_nv_name(name, &pub);
    }
    return read_public(ctx, h, NULL, name);
}

TPM_RC tss_handle_forget(TSS_CONTEXT *ctx, TPM_HANDLE h)
{
    static const char *const prefixes[] = {"h", "hp", "nvp"};
    char path[TSS_PATH_MAX + 32];
    TPM_RC rc = 0;
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        tss_state_path(ctx, path, sizeof(path), prefixes[i], h);
        TPM_RC r = tss_state_remove(path);
        if (r != 0 && rc == 0) {
            tss_trace(ctx, 0, "TSS: cannot remove %s (a stale Name would be used for a later "
                              "entity at this handle)\n", path);
            rc = r;
        }
    }
    return rc;
}
