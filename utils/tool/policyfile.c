/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "tool/policyfile.h"
#include "tss2/tsscrypto.h"

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int bad_char(const tool *t, const char *path, unsigned lineno, unsigned char c)
{
    if (c >= 0x20 && c < 0x7f)
        fprintf(stderr, "%s: %s line %u: non-hex character '%c'\n", t->name, path, lineno, c);
    else
        fprintf(stderr, "%s: %s line %u: non-hex byte 0x%02x\n", t->name, path, lineno, c);
    return EXIT_FAILURE;
}

int policy_text_parse(const tool *t, const char *path, const unsigned char *text, size_t len,
                      policy_line_fn fn, void *arg)
{
    uint8_t *bytes = malloc(len / 2 + 1);
    int ret = bytes == NULL ? tool_error(t, "out of memory") : 0;
    unsigned lineno = 0;
    for (size_t pos = 0; ret == 0 && pos < len; lineno++) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        size_t next = end + 1; /* past the newline (or past the end) */
        if (end > pos && text[end - 1] == '\r')
            end--;
        size_t n = end - pos;
        for (size_t i = 0; ret == 0 && i < n; i++)
            if (hexval(text[pos + i]) < 0)
                ret = bad_char(t, path, lineno + 1, text[pos + i]);
        if (ret == 0 && n % 2 != 0)
            ret = tool_error(t, "%s line %u: odd number of hex digits (%zu)", path, lineno + 1, n);
        for (size_t i = 0; ret == 0 && i < n / 2; i++)
            bytes[i] = (uint8_t)(hexval(text[pos + 2 * i]) << 4 | hexval(text[pos + 2 * i + 1]));
        if (ret == 0)
            ret = fn(arg, lineno + 1, bytes, n / 2);
        pos = next;
    }
    free(bytes);
    return ret;
}

int policy_text_foreach(const tool *t, const char *path, policy_line_fn fn, void *arg)
{
    unsigned char *text = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &text, &len) != 0)
        return EXIT_FAILURE;
    int ret = policy_text_parse(t, path, text, len, fn, arg);
    free(text);
    return ret;
}

TPM_RC policy_extend(TPMT_HA *digest, const void *data, size_t len)
{
    uint16_t ds = TSS_GetDigestSize(digest->hashAlg);
    uint8_t old[sizeof(TPMU_HA)];
    if (ds == 0 || len > INT32_MAX)
        return TSS_RC_BAD_HASH_ALGORITHM;
    memcpy(old, (uint8_t *)&digest->digest, ds);
    return TSS_Hash_Generate(digest, (int)ds, old, (int)len, (const unsigned char *)data, 0, NULL);
}

TPM_RC policy_hash(TPMT_HA *digest, const void *data, size_t len)
{
    if (len > INT32_MAX)
        return TSS_RC_BAD_HASH_ALGORITHM;
    return TSS_Hash_Generate(digest, (int)len, (const unsigned char *)data, 0, NULL);
}

void policy_hex(char *s, const uint8_t *p, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = hx[p[i] >> 4];
        s[2 * i + 1] = hx[p[i] & 0xf];
    }
    s[2 * n] = '\0';
}

int policy_operand(const tool *t, const char *ic, const char *ifile, TPM2B_OPERAND *op)
{
    if (ic != NULL && ifile != NULL)
        return tool_error(t, "-ic and -if cannot both be given");
    if (ic == NULL && ifile == NULL)
        return tool_error(t, "operandB is required: give -ic or -if");
    if (ic != NULL) {
        if (strlen(ic) > sizeof(op->t.buffer))
            return tool_error(t, "-ic is longer than %u bytes", (unsigned)sizeof(op->t.buffer));
        return TSS_TPM2B_StringCopy(&op->b, ic, sizeof(op->t.buffer)) == 0 ? 0 : EXIT_FAILURE;
    }
    return policy_read_2b(t, ifile, &op->b, sizeof(op->t.buffer));
}

int policy_operation(const tool *t, uint32_t op, TPM_EO *eo)
{
    if (op > TPM_EO_BITCLEAR)
        return tool_error(t, "-op %x is not an operation (0..9, a, b)", op);
    *eo = (TPM_EO)op;
    return 0;
}

TPM_HANDLE policy_hierarchy(const char *letter)
{
    static const struct {
        const char *l;
        TPM_HANDLE h;
    } map[] = {{"l", TPM_RH_LOCKOUT},
               {"e", TPM_RH_ENDORSEMENT},
               {"o", TPM_RH_OWNER},
               {"p", TPM_RH_PLATFORM},
               {"n", TPM_RH_NULL}};
    for (size_t i = 0; letter != NULL && i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(letter, map[i].l) == 0)
            return map[i].h;
    return 0;
}

int policy_read_2b(const tool *t, const char *path, TPM2B *b, uint16_t max)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &data, &len) != 0)
        return EXIT_FAILURE;
    int ret = 0;
    if (len > max)
        ret = tool_error(t, "%s has %zu bytes, at most %u allowed", path, len, (unsigned)max);
    else {
        memcpy(b->buffer, data, len);
        b->size = (uint16_t)len;
    }
    free(data);
    return ret;
}

int policy_password_file(const tool *t, const char *path, char **pw)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (tool_read_bytes(t, path, &data, &len) != 0)
        return EXIT_FAILURE;
    size_t n = strnlen((const char *)data, len);
    if (n > sizeof(TPMU_HA)) {
        free(data);
        return tool_error(t, "the password in %s is longer than %u bytes", path,
                          (unsigned)sizeof(TPMU_HA));
    }
    data[n] = '\0';
    *pw = (char *)data;
    return 0;
}
