/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target for the unmarshaling engine.
 *
 * Input: 2 bytes, big-endian, pick the descriptor: the low 15 bits index tss_all_types
 * followed by the command In/Out descriptors of the command table (modulo their number),
 * the top bit is allowNull (for types that take it) or, for a command's Out, says to parse
 * it as a response with tag TPM_ST_SESSIONS (handles, parameterSize, parameters). A union
 * takes one more byte choosing its selector: one of its members, or (the last choice)
 * a value no member has. The rest is the stream to parse.
 *
 * On success the object is marshaled again into a buffer of exactly the consumed length:
 * the bytes must equal the consumed prefix of the input, count-only mode must give the
 * same length, and one byte less room must fail without moving anything. On failure the
 * buffer and size must be unchanged. Any violation aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/commands.h"
#include "marshal/desc_gen.h"
#include "tss2/tsserror.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct pick {
    const tss_type *t;
    const tss_command *cmd; /* set when t is a command's Out */
} pick;

static size_t n_picks(void)
{
    return tss_all_types_count + 2 * tss_commands_count;
}

/* a descriptor by index: types, then per command its In and its Out (NULL if none) */
static pick pick_at(size_t i)
{
    pick p = {NULL, NULL};
    if (i < tss_all_types_count) {
        p.t = tss_all_types[i];
        return p;
    }
    i -= tss_all_types_count;
    const tss_command *c = &tss_commands[i / 2];
    if (i % 2 == 0) {
        p.t = c->in;
    } else {
        p.t = c->out;
        p.cmd = c;
    }
    return p;
}

static uint32_t union_selector(const tss_type *t, uint8_t choice)
{
    unsigned n = 0;
    for (unsigned i = 0; i < t->nfields; i++)
        if (!(t->fields[i].flags & TSS_F_CONLY))
            n++;
    unsigned k = choice % (n + 1);
    for (unsigned i = 0; i < t->nfields; i++) {
        if (t->fields[i].flags & TSS_F_CONLY)
            continue;
        if (k-- == 0)
            return t->fields[i].selval;
    }
    return 0xfffffff0u; /* no member has it */
}

/* marshal(unmarshal(in)) == in, byte for byte, with one exception: a sized structure read
 * from an empty encoding (size 0) is marshaled from its contents, as IBM's TSS does, so it
 * comes back as its zero contents; then the output must be a fixpoint (unmarshal and marshal
 * again give the same bytes), or, when those contents have no valid selector, a refusal
 * (TPM_RC_SELECTOR). Either way the size query, the exact fit and a room one byte short
 * behave. */
static void check_remarshal(const tss_type *t, const void *obj, uint32_t sel, const uint8_t *in,
                            uint32_t used)
{
    uint16_t wlen = 0;
    TPM_RC mrc = tss_marshal_entry(t, obj, &wlen, NULL, NULL, sel);
    /* an empty sized structure whose zero contents have no valid selector (TPM2B_SENSITIVE:
     * sensitiveType 0) cannot be marshaled from its contents: refused, never written */
    if (mrc == TPM_RC_SELECTOR)
        return;
    if (mrc != 0)
        abort();
    uint8_t *out = malloc(wlen ? wlen : 1);
    if (out == NULL)
        abort();
    uint8_t *q = out;
    uint32_t room = wlen;
    uint16_t written = 0;
    if (tss_marshal_entry(t, obj, &written, &q, &room, sel) != 0)
        abort();
    if (q != out + wlen || room != 0 || written != wlen)
        abort();
    if (wlen > 0) {
        q = out;
        room = (uint32_t)wlen - 1;
        if (tss_marshal_entry(t, obj, &written, &q, &room, sel) != TSS_RC_INSUFFICIENT_BUFFER ||
            q != out || room != (uint32_t)wlen - 1)
            abort();
    }
    if (wlen != used || (used && memcmp(out, in, used) != 0)) {
        /* only an empty sized structure may change, and the result must be stable */
        if (wlen <= used)
            abort();
        void *again = calloc(1, t->csize ? t->csize : 1);
        uint8_t *out2 = malloc(wlen);
        if (again == NULL || out2 == NULL)
            abort();
        uint8_t *p = out;
        uint32_t left = wlen;
        if (tss_unmarshal_entry(t, again, &p, &left, 1, sel) != 0 || left != 0)
            abort();
        q = out2;
        room = wlen;
        if (tss_marshal_entry(t, again, &written, &q, &room, sel) != 0 || room != 0 ||
            memcmp(out, out2, wlen) != 0)
            abort();
        free(again);
        free(out2);
    }
    free(out);
}

/* handles, parameterSize, parameters into out (cap bytes); the length, or 0 on a marshal
 * error (a count when out is NULL); TPM_RC_SELECTOR is reported as UINT32_MAX */
static uint32_t response_marshal(const tss_command *cmd, const void *obj, uint8_t *out, uint32_t cap)
{
    const tss_type *t = cmd->out;
    tss_wcur w;
    tss_wcur_init(&w, out, cap);
    tss_put_fields(&w, t, obj, 0, cmd->out_handles);
    uint32_t hlen = w.n;
    tss_put_uint(&w, 0, 4);
    tss_put_fields(&w, t, obj, cmd->out_handles, t->nfields);
    if (w.rc == TPM_RC_SELECTOR)
        return UINT32_MAX;
    if (w.rc != 0)
        return 0;
    uint32_t plen = w.n - hlen - 4;
    for (unsigned i = 0; out != NULL && i < 4; i++)
        out[hlen + i] = (uint8_t)(plen >> (8 * (3 - i)));
    return w.n;
}

/* the response did not come back byte for byte: as for single types (check_remarshal),
 * only an empty sized structure may have grown into its zero contents (or be refused for
 * lack of a selector), and the result must be a fixpoint */
static void response_fixpoint(const tss_command *cmd, const void *obj, uint32_t first)
{
    if (first == UINT32_MAX)
        return;
    uint32_t n = response_marshal(cmd, obj, NULL, 0);
    if (n == 0 || n == UINT32_MAX || n > 0x100000)
        abort();
    uint8_t *out = malloc(n), *out2 = malloc(n);
    void *again = calloc(1, cmd->out->csize);
    if (out == NULL || out2 == NULL || again == NULL || response_marshal(cmd, obj, out, n) != n)
        abort();
    uint8_t *p = out;
    uint32_t left = n;
    if (tss_response_unmarshal_entry(cmd->out, cmd->out_handles, again, TPM_ST_SESSIONS, &p, &left) != 0 ||
        left != 0 || response_marshal(cmd, again, out2, n) != n || memcmp(out, out2, n) != 0)
        abort();
    free(out);
    free(out2);
    free(again);
}

/* a command's response: handles, parameterSize, parameters; re-marshaled the same way */
static void fuzz_response(const tss_command *cmd, const uint8_t *data, uint32_t size)
{
    const tss_type *t = cmd->out;
    void *obj = calloc(1, t->csize);
    if (obj == NULL)
        abort();
    uint8_t *p = (uint8_t *)data;
    uint32_t left = size;
    TPM_RC rc = tss_response_unmarshal_entry(t, cmd->out_handles, obj, TPM_ST_SESSIONS, &p, &left);
    if (rc != 0) {
        if (p != data || left != size)
            abort();
        free(obj);
        return;
    }
    uint32_t used = size - left;
    if (p != data + used)
        abort();
    uint8_t *out = malloc(used ? used : 1);
    if (out == NULL)
        abort();
    uint32_t n = response_marshal(cmd, obj, out, used);
    if (n != used || memcmp(out, data, used) != 0)
        response_fixpoint(cmd, obj, n);
    free(out);
    free(obj);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 0x100000)
        return 0;
    unsigned head = (unsigned)data[0] << 8 | data[1];
    int flag = head >> 15;
    pick pk = pick_at((head & 0x7fff) % n_picks());
    data += 2;
    size -= 2;
    const tss_type *t = pk.t;
    if (t == NULL)
        return 0;
    if (pk.cmd != NULL && flag) {
        fuzz_response(pk.cmd, data, (uint32_t)size);
        return 0;
    }
    uint32_t sel = 0;
    if (t->kind == TSS_K_UNION) {
        if (size < 1)
            return 0;
        sel = union_selector(t, data[0]);
        data++;
        size--;
    }
    int allownull = (t->flags & TSS_F_TAKES_NULL) ? flag : 0;

    void *obj = calloc(1, t->csize ? t->csize : 1);
    if (obj == NULL)
        abort();
    uint8_t *p = (uint8_t *)data;
    uint32_t left = (uint32_t)size;
    /* the engine never writes through the input; the cast only matches IBM's signature */
    TPM_RC rc = tss_unmarshal_entry(t, obj, &p, &left, allownull, sel);
    if (rc != 0) {
        if (p != data || left != size)
            abort();
    } else {
        uint32_t used = (uint32_t)size - left;
        if (left > size || p != data + used)
            abort();
        check_remarshal(t, obj, sel, data, used);
    }
    free(obj);
    return 0;
}
