/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "tool/tool.h"

_Static_assert(TOOL_HALGS_MAX == HASH_COUNT, "T_HALGS holds one TPML_PCR_SELECTION's worth");

static const struct {
    const char *name;
    TPMI_ALG_HASH alg;
} halgs[] = {
    {"sha1", TPM_ALG_SHA1}, {"sha256", TPM_ALG_SHA256}, {"sha384", TPM_ALG_SHA384},
    {"sha512", TPM_ALG_SHA512},
};

TPMI_ALG_HASH tool_halg(const char *name)
{
    for (size_t i = 0; i < sizeof(halgs) / sizeof(halgs[0]); i++)
        if (strcmp(name, halgs[i].name) == 0)
            return halgs[i].alg;
    return 0;
}

void tool_usage(const tool *t)
{
    fprintf(stderr, "\n%s\n\n%s\n\n", t->name, t->summary);
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++) {
        int req = o->flags & TOOL_REQUIRED;
        fprintf(stderr, "\t%s%s%s%s%s %s%s\n", req ? "" : "[", o->flag, o->arg ? " " : "",
                o->arg ? o->arg : "", req ? "" : "", o->help ? o->help : "", req ? "" : "]");
        if (o->kind == T_CHOICE && o->choices != NULL) {
            fprintf(stderr, "\t\t");
            for (const char *const *c = o->choices; *c != NULL; c++)
                fprintf(stderr, "%s%s", *c, c[1] != NULL ? " | " : "\n");
        }
    }
    if (t->nsessions > 0) {
        if (t->nsessions == 1) /* IBM writes "-se0" where only one session is taken */
            fprintf(stderr, "\t-se0 session handle / attributes (default PWAP)\n");
        else
            fprintf(stderr, "\t-se[0-%d] session handle / attributes (default PWAP)\n", t->nsessions - 1);
        fprintf(stderr, "\t\t01 continue\n\t\t20 command decrypt\n\t\t40 response encrypt\n\t\t80 audit\n");
    }
    fprintf(stderr, "\t[-v verbose trace]\n\t[-h this help]\n");
}

int tool_error(const tool *t, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", t->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return EXIT_FAILURE;
}

int tool_missing(const tool *t, const char *flag)
{
    fprintf(stderr, "\n%s: missing %s\n", t->name, flag);
    tool_usage(t);
    return EXIT_FAILURE;
}

static int parse_unsigned(const char *s, int base, uint64_t max, uint64_t *v)
{
    char *end;
    if (s == NULL || *s == '\0' || *s == '-' || *s == '+' || *s == ' ')
        return 0;
    errno = 0;
    unsigned long long x = strtoull(s, &end, base);
    if (errno != 0 || *end != '\0' || x > max)
        return 0;
    *v = x;
    return 1;
}

static int set_value(const tool *t, const tool_opt *o, const char *arg)
{
    uint64_t v;
    switch (o->kind) {
    case T_STR:
        *(const char **)o->dst = arg;
        return 0;
    case T_U32:
        if (!parse_unsigned(arg, 0, UINT32_MAX, &v))
            break;
        *(uint32_t *)o->dst = (uint32_t)v;
        return 0;
    case T_U16:
        if (!parse_unsigned(arg, 0, UINT16_MAX, &v))
            break;
        *(uint16_t *)o->dst = (uint16_t)v;
        return 0;
    case T_U64:
        if (!parse_unsigned(arg, 0, UINT64_MAX, &v))
            break;
        *(uint64_t *)o->dst = v;
        return 0;
    case T_I32: {
        char *end;
        errno = 0;
        long x = strtol(arg, &end, 0);
        if (errno != 0 || *arg == '\0' || *end != '\0' || x < INT32_MIN || x > INT32_MAX)
            break;
        *(int32_t *)o->dst = (int32_t)x;
        return 0;
    }
    case T_X32:
        if (!parse_unsigned(arg, 16, UINT32_MAX, &v))
            break;
        *(uint32_t *)o->dst = (uint32_t)v;
        return 0;
    case T_HALG: {
        TPMI_ALG_HASH h = tool_halg(arg);
        if (h == 0)
            break;
        *(TPMI_ALG_HASH *)o->dst = h;
        return 0;
    }
    case T_HALGS: {
        tool_halgs *l = (tool_halgs *)o->dst;
        if (l->count >= TOOL_HALGS_MAX) {
            fprintf(stderr, "Too many %s specifiers, %u permitted\n", o->flag, TOOL_HALGS_MAX);
            tool_usage(t);
            return EXIT_FAILURE;
        }
        TPMI_ALG_HASH h = tool_halg(arg);
        if (h == 0)
            break;
        l->alg[l->count++] = h;
        return 0;
    }
    case T_CHOICE:
        for (int i = 0; o->choices != NULL && o->choices[i] != NULL; i++) {
            if (strcmp(arg, o->choices[i]) == 0) {
                *(int *)o->dst = i;
                return 0;
            }
        }
        break;
    default:
        break;
    }
    fprintf(stderr, "%s: bad value '%s' for %s\n", t->name, arg, o->flag);
    return EXIT_FAILURE;
}

int tool_parse(tool *t, int argc, char **argv)
{
    t->verbose = 0;
    for (int i = 0; i < 3; i++) {
        t->se[i] = (i == 0) ? TPM_RS_PW : TPM_RH_NULL;
        t->sattr[i] = 0;
        t->seen_se[i] = 0;
    }
    if (argc == 2 && strcmp(argv[1], "--man") == 0)
        exit(tool_man(t));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { /* --help: as -h */
            tool_usage(t);
            return EXIT_FAILURE;
        }
        if (strcmp(a, "-v") == 0) {
            t->verbose = 1;
            continue;
        }
        if (strncmp(a, "-se", 3) == 0 && a[3] >= '0' && a[3] < '0' + t->nsessions && a[4] == '\0') {
            int s = a[3] - '0';
            uint64_t h, at;
            if (i + 2 >= argc || !parse_unsigned(argv[i + 1], 16, UINT32_MAX, &h) ||
                !parse_unsigned(argv[i + 2], 16, 0xff, &at)) {
                fprintf(stderr, "%s: %s needs a session handle and attributes in hex\n", t->name, a);
                return EXIT_FAILURE;
            }
            t->se[s] = (TPMI_SH_AUTH_SESSION)h;
            t->sattr[s] = (unsigned)at;
            t->seen_se[s] = 1;
            i += 2;
            continue;
        }
        const tool_opt *o = t->opts;
        while (o != NULL && o->flag != NULL && strcmp(o->flag, a) != 0)
            o++;
        if (o == NULL || o->flag == NULL) {
            fprintf(stderr, "\n%s is not a valid option\n", a);
            tool_usage(t);
            return EXIT_FAILURE;
        }
        if (o->kind == T_FLAG) {
            *(int *)o->dst = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "%s: %s needs %s\n", t->name, a, o->arg ? o->arg : "a value");
            return EXIT_FAILURE;
        }
        if (set_value(t, o, argv[++i]) != 0)
            return EXIT_FAILURE;
    }
    /* required options: the destination must have been written; detect via a second pass */
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++) {
        if (!(o->flags & TOOL_REQUIRED))
            continue;
        int found = 0;
        for (int i = 1; i < argc && !found; i++)
            found = strcmp(argv[i], o->flag) == 0;
        if (!found)
            return tool_missing(t, o->flag);
    }
    return 0;
}

TPM_RC tool_context(tool *t, TSS_CONTEXT **ctx)
{
    TPM_RC rc = TSS_Create(ctx);
    if (rc == 0 && t->verbose)
        rc = TSS_SetProperty(*ctx, TPM_TRACE_LEVEL, "1");
    return rc;
}

TPM_RC tool_execute(tool *t, TSS_CONTEXT *ctx, void *out, void *in, TPM_CC cc, int nauth,
                    const char *pw0, const char *pw1)
{
    TPMI_SH_AUTH_SESSION h[3];
    const char *pw[3] = {pw0, pw1, NULL};
    unsigned at[3];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        if (i < nauth) {
            h[n] = t->seen_se[i] ? t->se[i] : TPM_RS_PW;
        } else if (t->seen_se[i]) {
            h[n] = t->se[i];
            pw[n] = NULL;
        } else {
            continue;
        }
        at[n] = t->seen_se[i] ? t->sattr[i] : 0;
        n++;
    }
    for (int i = n; i < 3; i++) {
        h[i] = TPM_RH_NULL;
        pw[i] = NULL;
        at[i] = 0;
    }
    return TSS_Execute(ctx, (RESPONSE_PARAMETERS *)out, (COMMAND_PARAMETERS *)in, NULL, cc,
                       h[0], pw[0], at[0], h[1], pw[1], at[1], h[2], pw[2], at[2],
                       TPM_RH_NULL, NULL, 0);
}

void tool_print_rc(const tool *t, TPM_RC rc)
{
    const char *msg, *submsg, *num;
    fprintf(stderr, "%s: failed, rc %08x\n", t->name, rc);
    TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
    fprintf(stderr, "%s%s%s\n", msg, submsg, num);
}

int tool_finish(tool *t, TSS_CONTEXT *ctx, TPM_RC rc)
{
    TPM_RC rc2 = TSS_Delete(ctx);
    if (rc == 0)
        rc = rc2;
    if (rc == 0) {
        if (t->verbose)
            printf("%s: success\n", t->name);
        return EXIT_SUCCESS;
    }
    tool_print_rc(t, rc);
    return EXIT_FAILURE;
}

static TPM_RC file_error(const tool *t, const char *what, const char *path, TPM_RC rc)
{
    if (rc != 0)
        fprintf(stderr, "%s: cannot %s %s\n", t->name, what, path);
    return rc;
}

TPM_RC tool_read(const tool *t, const char *path, void *dst, UnmarshalFunction_t fn)
{
    return file_error(t, "read", path, TSS_File_ReadStructure(dst, fn, path));
}

TPM_RC tool_read_flag(const tool *t, const char *path, void *dst, UnmarshalFunctionFlag_t fn, BOOL allowNull)
{
    return file_error(t, "read", path, TSS_File_ReadStructureFlag(dst, fn, allowNull, path));
}

TPM_RC tool_write(const tool *t, const char *path, void *src, MarshalFunction_t fn)
{
    return file_error(t, "write", path, TSS_File_WriteStructure(src, fn, path));
}

TPM_RC tool_write_bytes(const tool *t, const char *path, const void *data, size_t len)
{
    return file_error(t, "write", path, TSS_File_WriteBinaryFile(data, len, path));
}

TPM_RC tool_write_private(const tool *t, const char *path, const void *data, size_t len)
{
    return file_error(t, "write", path, TSS_File_WritePrivateFile(data, len, path));
}

TPM_RC tool_read_bytes(const tool *t, const char *path, unsigned char **data, size_t *len)
{
    return file_error(t, "read", path, TSS_File_ReadBinaryFile(data, len, path));
}

void tool_print_hex(const char *caption, const uint8_t *p, size_t n)
{
    printf("%s\n", caption);
    for (size_t i = 0; i < n; i++)
        printf("%02x%s", p[i], ((i + 1) % 16 == 0 || i + 1 == n) ? "\n" : " ");
}
