/* SPDX-License-Identifier: BSD-3-Clause */
/* Authorization areas: password, HMAC and policy sessions, parameter encryption.
 * The calling order and threat model are in auth.h. Part 1 clause 19 (authorizations),
 * 21 (parameter encryption), 11.4.10 (KDFs). */
#include <string.h>


#include "crypto/crypto.h"
#include "marshal/desc_gen.h"
#include "session/auth.h"
#include "tss2/tsscrypto.h"
#include "tss2/tsserror.h"
#include "tss2/tssutils.h"

#define KEYMAX (sizeof(TPMU_HA) + sizeof(TPMU_HA) + 8)

TPM_HANDLE tss_call_handle(const tss_call *c, unsigned i)
{
    const tss_field *f = &c->cmd->in->fields[i];
    return (TPM_HANDLE)tss_load_uint((const BYTE *)c->in + f->offset, 4);
}

static int is_session(TPMI_SH_AUTH_SESSION h)
{
    return (h >> 24) == TPM_HT_HMAC_SESSION || (h >> 24) == TPM_HT_POLICY_SESSION;
}

static size_t pwlen(const char *pw)
{
    return pw != NULL ? strlen(pw) : 0;
}

/* Is session i bound, and used on its own bind entity? (An audit use unbinds a session:
 * tss_auth_finish then forgets bindName.) */
static int on_bind_entity(const tss_call *c, unsigned i)
{
    const tss_session *s = &c->s[i];
    return i < c->cmd->auth_handles && s->bindName.t.size != 0 &&
           s->bindName.t.size == c->names[i].t.size &&
           memcmp(s->bindName.t.name, c->names[i].t.name, s->bindName.t.size) == 0;
}

/* Does session i's HMAC key include the entity's auth value? */
static int uses_auth(const tss_call *c, unsigned i)
{
    const tss_session *s = &c->s[i];
    if (i >= c->cmd->auth_handles)
        return 0; /* audit or encryption only: no entity */
    if (s->type == TPM_SE_POLICY)
        return s->policyAuthValue;
    /* a bound session used on its own bind entity already has the auth in its key */
    return !on_bind_entity(c, i);
}

/* the auth value a response HMAC uses: commands that change it answer under the new one,
 * and one whose authorized entity is gone after it ran (NV_UndefineSpaceSpecial: the TPM
 * drops the session's association with the deleted index) answers under the empty one */
static const char *response_auth(const tss_call *c, unsigned i, size_t *len, const BYTE **bytes)
{
    if (i == 0 && c->cmd->cc == TPM_CC_NV_UndefineSpaceSpecial) {
        *bytes = (const BYTE *)"";
        *len = 0;
        return "";
    }
    if (i == 0 && c->cmd->cc == TPM_CC_HierarchyChangeAuth) {
        *bytes = c->in->HierarchyChangeAuth.newAuth.t.buffer;
        *len = c->in->HierarchyChangeAuth.newAuth.t.size;
        return "";
    }
    if (i == 0 && c->cmd->cc == TPM_CC_NV_ChangeAuth) {
        *bytes = c->in->NV_ChangeAuth.newAuth.t.buffer;
        *len = c->in->NV_ChangeAuth.newAuth.t.size;
        return "";
    }
    *bytes = (const BYTE *)c->a[i].password;
    *len = pwlen(c->a[i].password);
    return NULL;
}

/* sessionKey || authValue. For parameter encryption (crypt) the entity's auth value is
 * appended whenever the session authorizes an entity: only the HMAC leaves it out. */
static size_t session_value(const tss_call *c, unsigned i, int response, int crypt, uint8_t *key)
{
    const tss_session *s = &c->s[i];
    size_t n = s->sessionKey.t.size;
    memcpy(key, s->sessionKey.t.buffer, n);
    /* the TPM keys parameter encryption with the auth value of every entity a session
     * authorizes, whether or not the HMAC includes it (bound sessions, policy sessions
     * without PolicyAuthValue) */
    int with_auth = crypt ? i < c->cmd->auth_handles : uses_auth(c, i);
    if (with_auth) {
        const BYTE *auth;
        size_t alen;
        if (response)
            response_auth(c, i, &alen, &auth);
        else
            auth = (const BYTE *)c->a[i].password, alen = pwlen(c->a[i].password);
        /* on its bind entity the TPM keys parameter encryption with the entity's auth value
         * itself, whatever password the caller gives: the one the session was bound with */
        if (crypt && on_bind_entity(c, i) &&
            !(response && c->cmd->cc == TPM_CC_NV_ChangeAuth) &&
            !(response && c->cmd->cc == TPM_CC_HierarchyChangeAuth))
            auth = s->bindAuth.t.buffer, alen = s->bindAuth.t.size;
        if (alen > sizeof(TPMU_HA))
            alen = sizeof(TPMU_HA);
        if (alen > 0)
            memcpy(key + n, auth, alen);
        n += alen;
    }
    return n;
}

/* XOR or AES-CFB over data, in place (Part 1 21.2, 21.3) */
static TPM_RC param_crypt(const tss_call *c, unsigned i, int response, int encrypt, BYTE *data, uint16_t size)
{
    const tss_session *s = &c->s[i];
    uint8_t key[KEYMAX];
    size_t klen = session_value(c, i, response, 1, key);
    /* nonceNewer is the sender's nonce */
    const TPM2B *newer = response ? &s->nonceTPM.b : &s->nonceCaller.b;
    const TPM2B *older = response ? &s->nonceCaller.b : &s->nonceTPM.b;
    TPM_RC rc;
    if (s->symAlg == TPM_ALG_XOR) {
        uint8_t mask[sizeof(TPM2B_MAX_BUFFER)];
        rc = tss_kdfa(s->authHash, key, klen, "XOR", newer->buffer, newer->size, older->buffer,
                      older->size, (uint32_t)size * 8, mask);
        for (uint16_t k = 0; rc == 0 && k < size; k++)
            data[k] ^= mask[k];
        tss_wipe(mask, size);
    } else if (s->symAlg == TPM_ALG_AES && s->symMode == TPM_ALG_CFB) {
        uint8_t kiv[32 + 16];
        uint32_t kb = s->symKeyBits;
        if (kb != 128 && kb != 192 && kb != 256)
            return encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
        rc = tss_kdfa(s->authHash, key, klen, "CFB", newer->buffer, newer->size, older->buffer,
                      older->size, kb + 128, kiv);
        if (rc == 0)
            rc = tss_aes_cfb(encrypt, kiv, kb / 8, kiv + kb / 8, data, size);
        tss_wipe(kiv, sizeof(kiv));
    } else {
        rc = encrypt ? TSS_RC_BAD_ENCRYPT_ALGORITHM : TSS_RC_BAD_DECRYPT_ALGORITHM;
    }
    tss_wipe(key, sizeof(key));
    return rc;
}

/* ---- StartAuthSession: nonceCaller, salt, bind --------------------------------------------- */

static TPM_RC prepare_start(TSS_CONTEXT *ctx, tss_call *c)
{
    StartAuthSession_In *in = &c->in->StartAuthSession;
    uint16_t ds = TSS_GetDigestSize(in->authHash);
    if (ds == 0)
        return TSS_RC_BAD_HASH_ALGORITHM;
    in->nonceCaller.t.size = ds;
    TPM_RC rc = tss_random(in->nonceCaller.t.buffer, ds);
    in->encryptedSalt.t.size = 0; /* the TSS makes the salt; a caller's is ignored */
    c->salt.t.size = 0;
    if (rc == 0 && in->tpmKey != TPM_RH_NULL) {
        TPMT_PUBLIC pub;
        rc = tss_public_get(ctx, in->tpmKey, &pub);
        uint16_t ss = rc == 0 ? TSS_GetDigestSize(pub.nameAlg) : 0;
        if (rc == 0 && ss == 0)
            rc = TSS_RC_BAD_SALT_KEY;
        if (rc == 0 && pub.type == TPM_ALG_RSA) {
            size_t outlen = sizeof(in->encryptedSalt.t.secret);
            c->salt.t.size = ss;
            rc = tss_random(c->salt.t.buffer, ss);
            if (rc == 0)
                rc = tss_rsa_oaep_encrypt(&pub, pub.nameAlg, "SECRET", c->salt.t.buffer, ss,
                                          in->encryptedSalt.t.secret, &outlen);
            in->encryptedSalt.t.size = (uint16_t)outlen;
        } else if (rc == 0 && pub.type == TPM_ALG_ECC) {
            rc = TSS_ECC_Salt(&c->salt, &in->encryptedSalt, &pub);
        } else if (rc == 0) {
            rc = TSS_RC_BAD_SALT_KEY;
        }
    }
    c->bindAuth.t.size = 0;
    c->bindName.t.size = 0;
    if (rc == 0 && in->bind != TPM_RH_NULL) {
        const char *pw = c->extra != NULL ? c->extra->StartAuthSession.bindPassword : NULL;
        size_t n = pwlen(pw);
        if (n > sizeof(c->bindAuth.t.buffer))
            return TPM_RC_SIZE;
        if (n > 0)
            memcpy(c->bindAuth.t.buffer, pw, n);
        c->bindAuth.t.size = (uint16_t)n;
        rc = tss_name_get(ctx, in->bind, &c->bindName);
    }
    return rc;
}

static TPM_RC finish_start(TSS_CONTEXT *ctx, tss_call *c)
{
    StartAuthSession_In *in = &c->in->StartAuthSession;
    StartAuthSession_Out *out = &c->out->StartAuthSession;
    tss_session s;
    memset(&s, 0, sizeof(s));
    s.handle = out->sessionHandle;
    s.type = in->sessionType;
    s.authHash = in->authHash;
    s.symAlg = in->symmetric.algorithm;
    if (s.symAlg == TPM_ALG_AES) {
        s.symKeyBits = in->symmetric.keyBits.aes;
        s.symMode = in->symmetric.mode.aes;
    }
    s.nonceCaller = in->nonceCaller;
    s.nonceTPM = out->nonceTPM;
    s.bindName = c->bindName;
    s.bindAuth = c->bindAuth;
    uint16_t ds = TSS_GetDigestSize(s.authHash);
    TPM_RC rc = 0;
    /* a bound session gets a key even when the bind auth is empty; only an unbound,
     * unsalted session has none */
    if (in->bind != TPM_RH_NULL || in->tpmKey != TPM_RH_NULL) {
        uint8_t seed[sizeof(TPMU_HA) * 2 + sizeof(TPMU_HA)];
        size_t n = 0;
        memcpy(seed, c->bindAuth.t.buffer, c->bindAuth.t.size);
        n += c->bindAuth.t.size;
        memcpy(seed + n, c->salt.t.buffer, c->salt.t.size);
        n += c->salt.t.size;
        rc = tss_kdfa(s.authHash, seed, n, "ATH", s.nonceTPM.t.buffer, s.nonceTPM.t.size,
                      s.nonceCaller.t.buffer, s.nonceCaller.t.size, ds * 8u, s.sessionKey.t.buffer);
        s.sessionKey.t.size = ds;
        tss_wipe(seed, sizeof(seed));
    }
    if (rc == 0)
        rc = tss_session_save(ctx, &s);
    tss_wipe(&s, sizeof(s));
    return rc;
}

/* ---- the four steps ---------------------------------------------------------------------- */

TPM_RC tss_auth_prepare(TSS_CONTEXT *ctx, tss_call *c)
{
    c->decrypt = c->encrypt = -1;
    c->hmac = 0;
    for (unsigned i = 0; i < c->n; i++) {
        unsigned at = c->a[i].attributes;
        if (c->a[i].handle == TPM_RS_PW)
            continue;
        if (!is_session(c->a[i].handle)) {
            tss_trace(ctx, 1, "TSS_Execute: %08x is not a session handle\n", c->a[i].handle);
            return TSS_RC_BAD_HANDLE_NUMBER;
        }
        TPM_RC rc = tss_session_load(ctx, c->a[i].handle, &c->s[i]);
        if (rc != 0)
            return rc;
        if (c->s[i].type == TPM_SE_TRIAL) {
            tss_trace(ctx, 1, "TSS_Execute: a trial session cannot authorize\n");
            return TSS_RC_IN_PARAMETER;
        }
        c->hmac = 1;
        if (at & TPMA_SESSION_DECRYPT) {
            if (c->decrypt >= 0)
                return TSS_RC_DECRYPT_SESSIONS;
            if (!(c->cmd->flags & TSS_CMD_DECRYPT))
                return TSS_RC_NO_DECRYPT_PARAMETER;
            c->decrypt = (int)i;
        }
        if (at & TPMA_SESSION_ENCRYPT) {
            if (c->encrypt >= 0)
                return TSS_RC_ENCRYPT_SESSIONS;
            if (!(c->cmd->flags & TSS_CMD_ENCRYPT))
                return TSS_RC_NO_ENCRYPT_PARAMETER;
            c->encrypt = (int)i;
        }
        if ((at & (TPMA_SESSION_DECRYPT | TPMA_SESSION_ENCRYPT)) && c->s[i].symAlg == TPM_ALG_NULL) {
            tss_trace(ctx, 1, "TSS_Execute: session %08x has no symmetric algorithm for "
                              "parameter encryption\n", c->a[i].handle);
            return (at & TPMA_SESSION_DECRYPT) ? TSS_RC_BAD_DECRYPT_ALGORITHM : TSS_RC_BAD_ENCRYPT_ALGORITHM;
        }
    }
    if (c->hmac) {
        for (unsigned h = 0; h < c->cmd->in_handles; h++) {
            TPM_RC rc = tss_name_get(ctx, tss_call_handle(c, h), &c->names[h]);
            if (rc != 0) {
                tss_trace(ctx, 1, "TSS_Execute: no Name for handle %08x\n", tss_call_handle(c, h));
                return rc;
            }
        }
    }
    if (c->cmd->cc == TPM_CC_StartAuthSession)
        return prepare_start(ctx, c);
    return 0;
}

static TPM_RC param_hash(TPM_ALG_ID alg, const tss_call *c, int response, const BYTE *params,
                         uint32_t plen, uint8_t *out)
{
    uint8_t cc[4], rc0[4] = {0, 0, 0, 0};
    tss_chunk in[6];
    size_t n = 0;
    cc[0] = (uint8_t)(c->cmd->cc >> 24), cc[1] = (uint8_t)(c->cmd->cc >> 16);
    cc[2] = (uint8_t)(c->cmd->cc >> 8), cc[3] = (uint8_t)c->cmd->cc;
    if (response)
        in[n++] = (tss_chunk){rc0, 4};
    in[n++] = (tss_chunk){cc, 4};
    for (unsigned h = 0; !response && h < c->cmd->in_handles; h++)
        in[n++] = (tss_chunk){c->names[h].t.name, c->names[h].t.size};
    in[n++] = (tss_chunk){params, plen};
    return tss_hash(alg, in, n, out);
}

TPM_RC tss_auth_command(TSS_CONTEXT *ctx, tss_call *c, BYTE *params, uint32_t plen, tss_wcur *w)
{
    TPM_RC rc = 0;
    (void)ctx;
    for (unsigned i = 0; i < c->n && rc == 0; i++) {
        tss_session *s = &c->s[i];
        if (c->a[i].handle == TPM_RS_PW)
            continue;
        uint16_t ds = TSS_GetDigestSize(s->authHash);
        s->nonceCaller.t.size = ds;
        rc = tss_random(s->nonceCaller.t.buffer, ds);
    }
    if (rc == 0 && c->decrypt >= 0) {
        uint16_t size = plen >= 2 ? (uint16_t)(params[0] << 8 | params[1]) : 0;
        if ((uint32_t)size + 2 > plen)
            return TSS_RC_BAD_ENCRYPT_SIZE;
        rc = param_crypt(c, (unsigned)c->decrypt, 0, 1, params + 2, size);
    }
    for (unsigned i = 0; i < c->n && rc == 0; i++) {
        const tss_auth_in *a = &c->a[i];
        tss_session *s = &c->s[i];
        size_t len = pwlen(a->password);
        if (len > sizeof(TPMU_HA)) {
            tss_trace(ctx, 1, "TSS_Execute: password longer than a TPM2B_AUTH\n");
            return TPM_RC_SIZE;
        }
        tss_put_uint(w, a->handle, 4);
        if (a->handle == TPM_RS_PW) {
            tss_put_uint(w, 0, 2); /* empty nonce */
            tss_put_uint(w, a->attributes & TPMA_SESSION_CONTINUESESSION, 1);
            tss_put_uint(w, len, 2);
            tss_put_bytes(w, a->password, (uint32_t)len);
            continue;
        }
        uint8_t attrs = (uint8_t)a->attributes;
        tss_put_uint(w, s->nonceCaller.t.size, 2);
        tss_put_bytes(w, s->nonceCaller.t.buffer, s->nonceCaller.t.size);
        tss_put_uint(w, attrs, 1);
        if (s->type == TPM_SE_POLICY && s->policyPassword && i < c->cmd->auth_handles) {
            tss_put_uint(w, len, 2); /* PolicyPassword: the auth value in clear */
            tss_put_bytes(w, a->password, (uint32_t)len);
            continue;
        }
        uint8_t cp[sizeof(TPMU_HA)], hmac[sizeof(TPMU_HA)], key[KEYMAX];
        rc = param_hash(s->authHash, c, 0, params, plen, cp);
        size_t klen = session_value(c, i, 0, 0, key);
        tss_chunk in[7];
        size_t n = 0;
        uint16_t ds = TSS_GetDigestSize(s->authHash);
        in[n++] = (tss_chunk){cp, ds};
        in[n++] = (tss_chunk){s->nonceCaller.t.buffer, s->nonceCaller.t.size};
        in[n++] = (tss_chunk){s->nonceTPM.t.buffer, s->nonceTPM.t.size};
        /* the first session's HMAC also covers the nonces of other decrypt / encrypt
         * sessions, so they cannot be removed in transit */
        if (i == 0 && c->decrypt > 0)
            in[n++] = (tss_chunk){c->s[c->decrypt].nonceTPM.t.buffer, c->s[c->decrypt].nonceTPM.t.size};
        if (i == 0 && c->encrypt > 0 && c->encrypt != c->decrypt)
            in[n++] = (tss_chunk){c->s[c->encrypt].nonceTPM.t.buffer, c->s[c->encrypt].nonceTPM.t.size};
        in[n++] = (tss_chunk){&attrs, 1};
        if (rc == 0)
            rc = tss_hmac(s->authHash, key, klen, in, n, hmac);
        tss_wipe(key, sizeof(key));
        tss_put_uint(w, ds, 2);
        tss_put_bytes(w, hmac, ds);
    }
    return rc != 0 ? rc : w->rc;
}

TPM_RC tss_auth_response(TSS_CONTEXT *ctx, tss_call *c, BYTE *params, uint32_t plen, tss_rcur *r)
{
    for (unsigned i = 0; i < c->n; i++) {
        tss_session *s = &c->s[i];
        TPM2B_NONCE nonce;
        TPM2B_DIGEST hmac;
        nonce.t.size = (uint16_t)tss_get_uint(r, 2);
        if (r->rc == 0 && nonce.t.size > sizeof(nonce.t.buffer))
            return TSS_RC_MALFORMED_RESPONSE;
        tss_get_bytes(r, nonce.t.buffer, nonce.t.size);
        uint8_t attrs = (uint8_t)tss_get_uint(r, 1);
        hmac.t.size = (uint16_t)tss_get_uint(r, 2);
        if (r->rc == 0 && hmac.t.size > sizeof(hmac.t.buffer))
            return TSS_RC_MALFORMED_RESPONSE;
        tss_get_bytes(r, hmac.t.buffer, hmac.t.size);
        if (r->rc != 0)
            return TSS_RC_MALFORMED_RESPONSE;
        c->rsp_attrs[i] = attrs;
        if (c->a[i].handle == TPM_RS_PW) {
            if (nonce.t.size != 0)
                return TSS_RC_BAD_PWAP_NONCE;
            if ((attrs & ~TPMA_SESSION_CONTINUESESSION) != 0) /* a password always continues */
                return TSS_RC_BAD_PWAP_ATTRIBUTES;
            if (hmac.t.size != 0)
                return TSS_RC_BAD_PWAP_HMAC;
            continue;
        }
        s->nonceTPM = nonce;
        if (s->type == TPM_SE_POLICY && s->policyPassword && i < c->cmd->auth_handles) {
            if (hmac.t.size != 0)
                return TSS_RC_HMAC_SIZE;
            continue;
        }
        uint16_t ds = TSS_GetDigestSize(s->authHash);
        uint8_t rp[sizeof(TPMU_HA)], want[sizeof(TPMU_HA)], key[KEYMAX];
        if (hmac.t.size != ds) {
            tss_trace(ctx, 1, "TSS_Execute: response HMAC of session %08x has the wrong size\n", c->a[i].handle);
            return TSS_RC_HMAC_SIZE;
        }
        TPM_RC rc = param_hash(s->authHash, c, 1, params, plen, rp);
        size_t klen = session_value(c, i, 1, 0, key);
        tss_chunk in[4] = {{rp, ds}, {s->nonceTPM.t.buffer, s->nonceTPM.t.size},
                           {s->nonceCaller.t.buffer, s->nonceCaller.t.size}, {&attrs, 1}};
        if (rc == 0)
            rc = tss_hmac(s->authHash, key, klen, in, 4, want);
        tss_wipe(key, sizeof(key));
        if (rc != 0)
            return rc;
        if (!tss_ct_equal(want, hmac.t.buffer, ds)) {
            tss_trace(ctx, 1, "TSS_Execute: response HMAC of session %08x does not verify "
                              "(wrong password, or a Name that changed)\n", c->a[i].handle);
            return TSS_RC_HMAC_VERIFY;
        }
    }
    if (c->encrypt >= 0) {
        uint16_t size = plen >= 2 ? (uint16_t)(params[0] << 8 | params[1]) : 0;
        if ((uint32_t)size + 2 > plen)
            return TSS_RC_BAD_ENCRYPT_SIZE;
        return param_crypt(c, (unsigned)c->encrypt, 1, 0, params + 2, size);
    }
    return 0;
}

/* The command succeeded in the TPM but its result cannot be recorded (a state or Name file
 * cannot be written): the caller gets an error and never learns the handle, so an object or
 * session the command created would stay loaded in the TPM (which holds only a few):
 * flush it. */
static void flush_created(TSS_CONTEXT *ctx, const tss_call *c)
{
    TPM_HANDLE h;
    if (c->cmd->out_handles != 1 || c->out == NULL)
        return;
    memcpy(&h, c->out, sizeof(h)); /* the response handle is the Out structure's first member */
    uint8_t type = (uint8_t)(h >> 24);
    if (type != TPM_HT_TRANSIENT && type != TPM_HT_HMAC_SESSION && type != TPM_HT_POLICY_SESSION)
        return;
    FlushContext_In in = {.flushHandle = h};
    TPM_RC rc = TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_FlushContext,
                            TPM_RH_NULL, NULL, 0);
    tss_trace(ctx, 0, "TSS: %s: its result could not be recorded in TPM_DATA_DIR; %08x %s\n",
              c->cmd->name, h, rc == 0 ? "was flushed" : "could not be flushed either");
    tss_session_forget(ctx, h);
}

TPM_RC tss_auth_finish(TSS_CONTEXT *ctx, tss_call *c)
{
    TPM_RC rc = 0;
    for (unsigned i = 0; i < c->n; i++) {
        if (c->a[i].handle == TPM_RS_PW)
            continue;
        TPM_RC rc2;
        tss_session *s = &c->s[i];
        if (c->a[i].attributes & TPMA_SESSION_AUDIT) {
            /* the TPM unbinds a session the first time it audits with it (and on an audit
             * reset): from now on its HMACs include the entity's auth value */
            tss_wipe(&s->bindName, sizeof(s->bindName));
            tss_wipe(&s->bindAuth, sizeof(s->bindAuth));
        }
        if (s->type == TPM_SE_POLICY) {
            /* after a use the TPM resets the policy session (its digest and the
             * PolicyAuthValue / PolicyPassword flags): the next use runs the policy again */
            s->policyAuthValue = 0;
            s->policyPassword = 0;
        }
        if (c->rsp_attrs[i] & TPMA_SESSION_CONTINUESESSION) {
            rc2 = tss_session_save(ctx, s);
        } else {
            tss_session_forget(ctx, c->a[i].handle); /* the TPM flushed it */
            rc2 = 0;
        }
        if (rc == 0)
            rc = rc2;
    }
    if (rc == 0 && c->cmd->cc == TPM_CC_StartAuthSession)
        rc = finish_start(ctx, c);
    if (rc == 0)
        rc = tss_track(ctx, c);
    if (rc != 0)
        flush_created(ctx, c);
    return rc;
}
