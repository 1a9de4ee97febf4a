/* SPDX-License-Identifier: BSD-3-Clause */
/* nvdefinespace: TPM2_NV_DefineSpace with IBM's attribute defaults: index authorization for
 * read and write (or -hia owner / platform), NO_DA, +at / -at to add or remove bits. -pwdn
 * adds AUTHREAD, and AUTHWRITE but for PIN indexes, also with -hia (IBM's semantics). */
#include <string.h>

#include "tool/hier.h"
#include "tool/nv.h"

static uint32_t ha, sz;
static int hi = -1, hia = -1, ty;
static TPMI_ALG_HASH nalg = TPM_ALG_SHA256;
static const char *pwdp, *pwdn, *pol;
static const char *const types[] = {"o", "c", "b", "e", "p", "f", NULL};
static const uint32_t type_nt[] = {TPM_NT_ORDINARY, TPM_NT_COUNTER, TPM_NT_BITS, TPM_NT_EXTEND,
                                   TPM_NT_PIN_PASS, TPM_NT_PIN_FAIL};
static const tool_opt opts[] = {
    {"-ha", T_X32, &ha, "index", "NV index handle (01xxxxxx)", TOOL_REQUIRED, NULL},
    {"-hi", T_CHOICE, &hi, "hierarchy", "authorizing hierarchy (o, p)", TOOL_REQUIRED, hier_op},
    {"-pwdp", T_STR, &pwdp, "password", "password for hierarchy (default empty)", 0, NULL},
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty); sets AUTHWRITE (if not PIN index), AUTHREAD", 0, NULL},
    {"-nalg", T_HALG, &nalg, "alg", "name algorithm (default sha256)", 0, NULL},
    {"-sz", T_U32, &sz, "bytes", "data size (default 0; ordinary indexes only)", 0, NULL},
    {"-ty", T_CHOICE, &ty, "type", "index type (o, c, b, e, p, f) (default ordinary)", 0, types},
    {"-pol", T_STR, &pol, "file", "policy file (sets POLICYWRITE, POLICYREAD)", 0, NULL},
    {"+at", T_STR, NULL, "attr", "attribute to add (may repeat): ppw ppr ow or aw ar wd gl rst wst wa ody pold stc", 0, NULL},
    {"-at", T_STR, NULL, "attr", "attribute to remove (may repeat): ppw ppr ow or aw ar pw pr da", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvdefinespace", "Runs TPM2_NV_DefineSpace", opts, 3, 0, {0}, {0}, {0}};

static const struct {
    const char *name;
    uint32_t bit;
} attrs[] = {
    {"ppw", TPMA_NVA_PPWRITE}, {"ppr", TPMA_NVA_PPREAD}, {"ow", TPMA_NVA_OWNERWRITE},
    {"or", TPMA_NVA_OWNERREAD}, {"aw", TPMA_NVA_AUTHWRITE}, {"ar", TPMA_NVA_AUTHREAD},
    {"pw", TPMA_NVA_POLICYWRITE}, {"pr", TPMA_NVA_POLICYREAD}, {"wd", TPMA_NVA_WRITEDEFINE},
    {"gl", TPMA_NVA_GLOBALLOCK}, {"rst", TPMA_NVA_READ_STCLEAR}, {"wst", TPMA_NVA_WRITE_STCLEAR},
    {"wa", TPMA_NVA_WRITEALL}, {"ody", TPMA_NVA_ORDERLY}, {"pold", TPMA_NVA_POLICY_DELETE},
    {"stc", TPMA_NVA_CLEAR_STCLEAR}, {"da", TPMA_NVA_NO_DA},
};

/* +at / -at repeat, so they are taken out of argv before the option table sees it */
static int take_attrs(int *argc, char **argv, uint32_t *add, uint32_t *del)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        int plus = strcmp(argv[i], "+at") == 0, minus = strcmp(argv[i], "-at") == 0;
        if (!plus && !minus) {
            argv[out++] = argv[i];
            continue;
        }
        size_t k = 0;
        while (i + 1 < *argc && k < sizeof(attrs) / sizeof(attrs[0]) && strcmp(argv[i + 1], attrs[k].name) != 0)
            k++;
        if (i + 1 >= *argc || k == sizeof(attrs) / sizeof(attrs[0]))
            return tool_error(&t, "%s needs one of the attribute names (see -h)", argv[i]);
        *(plus ? add : del) |= attrs[k].bit;
        i++;
    }
    *argc = out;
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NV_DefineSpace_In in;
    uint32_t add = 0, del = 0;
    if (take_attrs(&argc, argv, &add, &del) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    TPMS_NV_PUBLIC *p = &in.publicInfo.nvPublic;
    uint32_t nt = type_nt[ty], a = (nt << TPMA_NVA_TPM_NT_SHIFT) | TPMA_NVA_NO_DA;
    int pin = nt == TPM_NT_PIN_PASS || nt == TPM_NT_PIN_FAIL;
    a |= hia == 0 ? TPMA_NVA_OWNERWRITE | TPMA_NVA_OWNERREAD
         : hia == 1 ? TPMA_NVA_PPWRITE | TPMA_NVA_PPREAD
                    : (pin ? 0 : TPMA_NVA_AUTHWRITE) | TPMA_NVA_AUTHREAD;
    /* as IBM's: an index password allows index authorization whatever -hia says */
    if (pwdn != NULL)
        a |= (pin ? 0 : TPMA_NVA_AUTHWRITE) | TPMA_NVA_AUTHREAD;
    if (hier_handle(hier_op, hi) == TPM_RH_PLATFORM)
        a |= TPMA_NVA_PLATFORMCREATE;
    if (pol != NULL) {
        a |= TPMA_NVA_POLICYWRITE | TPMA_NVA_POLICYREAD;
        if (TSS_File_Read2B(&p->authPolicy.b, sizeof(p->authPolicy.t.buffer), pol) != 0)
            return tool_error(&t, "cannot read policy file %s", pol);
    }
    p->attributes.val = (a | add) & ~del;
    p->nvIndex = ha;
    p->nameAlg = nalg;
    p->dataSize = (UINT16)(nt == TPM_NT_ORDINARY ? sz : nt == TPM_NT_EXTEND ? TSS_GetDigestSize(nalg) : 8);
    if (nt == TPM_NT_ORDINARY && sz > 0xffff)
        return tool_error(&t, "-sz is too large");
    in.authHandle = hier_handle(hier_op, hi);
    if (TSS_TPM2B_StringCopy(&in.auth.b, pwdn, sizeof(in.auth.t.buffer)) != 0)
        return tool_error(&t, "-pwdn is too long");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_NV_DefineSpace, 1, pwdp, NULL);
    return tool_finish(&t, ctx, rc);
}
