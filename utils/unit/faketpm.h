/* SPDX-License-Identifier: BSD-3-Clause */
/* A small fake TPM for unit tests, behind tss_set_transport_ops: it parses commands with
 * the library's command table, checks password and HMAC authorizations the way a TPM does
 * (cpHash, session key || auth value, bound sessions), runs a handful of commands
 * (GetRandom, NV_Read, ReadPublic, Load, ContextSave / ContextLoad, NV_UndefineSpaceSpecial: the index and its auth value
 * are gone), rolls nonceTPM, unbinds a session used for audit, resets a policy session after
 * use, encrypts the first response
 * parameter with AES-CFB for an encrypt session, and signs its responses. A test may then
 * mutate the finished response bytes (a hostile TPM or a man in the middle), and may say the
 * TPM never saw the command (inject: the fake's session state is left as it was). */
#ifndef TSS_UNIT_FAKETPM_H
#define TSS_UNIT_FAKETPM_H

#include <stddef.h>
#include <stdint.h>

#include "core/context.h"

#define FT_SESSIONS 4
#define FT_ENTITIES 8
#define FT_RSP_MAX 4096

typedef struct ft_session {
    uint32_t handle;        /* 0: free slot */
    uint8_t key[32];        /* sessionKey */
    uint16_t keylen;
    uint8_t nonceTPM[32];
    uint8_t bindName[68];   /* empty: unbound */
    uint16_t bindlen;
    uint8_t policy;          /* a policy session: its HMAC holds the auth value only after */
    uint8_t policyAuthValue; /* PolicyAuthValue; reset after each use, as the TPM does */
} ft_session;

typedef struct ft_entity {
    uint32_t handle;
    uint8_t name[68];
    uint16_t namelen;
    char auth[64];
} ft_entity;

typedef struct faketpm faketpm;
/* changes the finished response in place; cap is the buffer size */
typedef void (*ft_mutate_fn)(faketpm *f, uint8_t *rsp, uint32_t *len, uint32_t cap);

struct faketpm {
    ft_session s[FT_SESSIONS];
    ft_entity e[FT_ENTITIES];
    unsigned ne;
    /* ReadPublic answers with these bytes (a marshaled TPM2B_PUBLIC, possibly lying) */
    uint8_t pub[512];
    uint32_t publen;
    uint8_t load_name[34]; /* Load answers handle 80000001 and this Name */
    int size_lie;          /* added to the first response parameter's size before it is
                            * encrypted and signed: a signed response whose size lies */
    ft_mutate_fn mutate;
    const void *arg;       /* for mutate */
    int inject;            /* the TPM never saw the command: its sessions stay as they were */
    int commands;          /* commands received */
    int contexts;          /* ContextSave blobs made */
    uint32_t last_rc;      /* the fake's verdict on the last command */
    uint8_t rsp[FT_RSP_MAX]; /* the last response before mutation */
    uint32_t rsplen;
    uint32_t rsp_nhandles;   /* handles in it (for mutators) */
    int rsp_sessions;        /* it has a parameterSize and authorization area */
};

void ft_init(faketpm *f);
/* registers an entity whose Name the library finds in dir (h<handle>.bin is written) */
void ft_entity_add(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, const char *auth);
/* a session both sides know: keylen 0 is unbound and unsalted; bind: handle of an entity
 * (0: none). The library's state file is written with AES-128-CFB parameter encryption. */
void ft_session_add(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, uint16_t keylen, uint32_t bind);
/* makes session handle a policy session on both sides, with PolicyAuthValue run (or not) */
void ft_session_policy(faketpm *f, TSS_CONTEXT *ctx, uint32_t handle, int policyAuthValue);
/* a context talking to f, with TPM_DATA_DIR dir and a fixed session state key */
TSS_CONTEXT *ft_context(faketpm *f, const char *dir);

/* every file in dir (names and contents) as one malloc'd blob, sorted by name; the lock
 * file tss.lock is left out */
uint8_t *ft_snapshot(const char *dir, size_t *len);
/* 1 when dir's contents equal the snapshot */
int ft_snapshot_same(const char *dir, const uint8_t *snap, size_t len);

#endif
