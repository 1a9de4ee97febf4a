/* SPDX-License-Identifier: BSD-3-Clause */
/* What every utility shares. A utility is a declaration:
 *
 *   static const char *of; static unsigned bytes;
 *   static const tool_opt opts[] = {
 *       {"-by", T_U32, &bytes, "bytes", "bytes requested", TOOL_REQUIRED},
 *       {"-of", T_STR, &of, "file", "output file"},
 *       {0}};
 *   static tool t = {"getrandom", "Runs TPM2_GetRandom", opts, 3};
 *   int main(int argc, char **argv) {
 *       TSS_CONTEXT *ctx; TPM_RC rc;
 *       if (tool_parse(&t, argc, argv)) return EXIT_FAILURE;
 *       ... fill In ...
 *       rc = tool_context(&t, &ctx);
 *       if (rc == 0) rc = tool_execute(&t, ctx, &out, &in, TPM_CC_GetRandom, 0, NULL, NULL);
 *       ... use Out ...
 *       return tool_finish(&t, ctx, rc);
 *   }
 *
 * Conventions kept from IBM's utilities: -h prints usage and exits 1; an unknown option
 * prints "<opt> is not a valid option" and the usage and exits 1; -v traces (level 1 and
 * a "<name>: success" line); -se0..-se2 take "handle attributes" in hex; on failure
 * "<name>: failed, rc XXXXXXXX" and the decoded code, exit 1. Messages go to stderr. */
#ifndef TSS_TOOL_H
#define TSS_TOOL_H

#include <stdio.h>
#include <stdlib.h>

#include "tss2/tss.h"
#include "tss2/tssfile.h"
#include "tss2/tssmarshal.h"
#include "tss2/tssresponsecode.h"
#include "tss2/tssutils.h"
#include "tss2/Unmarshal_fp.h"

enum tool_kind {
    T_FLAG = 1, /* int, set to 1 */
    T_STR,      /* const char * */
    T_U32,      /* uint32_t, decimal (0x prefix accepted) */
    T_U16,      /* uint16_t, decimal */
    T_X32,      /* uint32_t, hex without 0x (handles, attributes, as IBM) */
    T_HALG,     /* TPMI_ALG_HASH: sha1 sha256 sha384 sha512 */
    T_CHOICE,   /* int: index of the word in choices[] */
    T_I32,      /* int32_t, decimal */
    T_U64,      /* uint64_t, decimal */
    T_HALGS,    /* tool_halgs: sha1 sha256 sha384 sha512, may repeat (IBM's -halg banks) */
};

/* T_HALGS destination: the algorithms in command-line order; more than TOOL_HALGS_MAX is an
 * argument error ("Too many -halg specifiers") */
#define TOOL_HALGS_MAX 16 /* HASH_COUNT: the TPML_PCR_SELECTION / TPML_DIGEST_VALUES bound */
typedef struct tool_halgs {
    uint32_t count;
    TPMI_ALG_HASH alg[TOOL_HALGS_MAX];
} tool_halgs;

#define TOOL_REQUIRED 0x01

typedef struct tool_opt {
    const char *flag; /* "-hk" */
    int kind;
    void *dst;
    const char *arg;  /* argument name in the usage text; NULL for T_FLAG */
    const char *help;
    unsigned flags;
    const char *const *choices; /* T_CHOICE: NULL-terminated words */
} tool_opt;

typedef struct tool {
    const char *name;    /* program name without the tss prefix */
    const char *summary; /* "Runs TPM2_GetRandom" */
    const tool_opt *opts;
    int nsessions;       /* how many of -se0..-se2 the command takes (0..3) */
    /* filled by tool_parse */
    int verbose;
    TPMI_SH_AUTH_SESSION se[3];
    unsigned sattr[3];
    int seen_se[3];
} tool;

/* 0 on success; otherwise the message/usage is printed and the exit status is returned */
int tool_parse(tool *t, int argc, char **argv);
/* "<utility> --man" (the only argument): prints the option table as tab-separated lines
 * (name, summary, sessions, then "opt flag arg req|opt help choices") for the man page
 * generator (utils/man/genman.sh) and exits; tool_parse calls it */
int tool_man(const tool *t);
void tool_usage(const tool *t);
/* "-x is required" */
int tool_missing(const tool *t, const char *flag);
/* prints "<name>: <msg>" and returns EXIT_FAILURE, for argument errors found after parsing */
int tool_error(const tool *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

TPM_RC tool_context(tool *t, TSS_CONTEXT **ctx);
/* Runs the command with the -se sessions. The first nauth sessions default to password
 * sessions carrying pw[i]; sessions given on the command line beyond nauth are added
 * (audit, encrypt/decrypt). */
TPM_RC tool_execute(tool *t, TSS_CONTEXT *ctx, void *out, void *in, TPM_CC cc, int nauth,
                    const char *pw0, const char *pw1);
/* prints success (-v) or the decoded failure, deletes ctx (may be NULL), returns the exit status */
int tool_finish(tool *t, TSS_CONTEXT *ctx, TPM_RC rc);
/* the decoded failure line without exiting */
void tool_print_rc(const tool *t, TPM_RC rc);

/* file helpers over the public marshal entry points; errors are reported with the path */
TPM_RC tool_read(const tool *t, const char *path, void *dst, UnmarshalFunction_t fn);
TPM_RC tool_read_flag(const tool *t, const char *path, void *dst, UnmarshalFunctionFlag_t fn, BOOL allowNull);
TPM_RC tool_write(const tool *t, const char *path, void *src, MarshalFunction_t fn);
TPM_RC tool_write_bytes(const tool *t, const char *path, const void *data, size_t len);
/* the same for secrets the TPM returned (unsealed or decrypted data): a new file is 0600
 * (less the umask), an existing one loses its group and other permissions */
TPM_RC tool_write_private(const tool *t, const char *path, const void *data, size_t len);
/* reads a whole file (NUL-terminated copy) */
TPM_RC tool_read_bytes(const tool *t, const char *path, unsigned char **data, size_t *len);

/* hex dump in IBM's style (16 bytes a line) with a caption */
void tool_print_hex(const char *caption, const uint8_t *p, size_t n);
/* hash algorithm by IBM's name; 0 if unknown */
TPMI_ALG_HASH tool_halg(const char *name);

#endif
