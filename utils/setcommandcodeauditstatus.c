/* SPDX-License-Identifier: BSD-3-Clause */
/* setcommandcodeauditstatus: TPM2_SetCommandCodeAuditStatus. -set and -clr take a command
 * code in hex and may be repeated. The TPM ignores the lists when -halg changes the audit
 * algorithm, so that takes a command of its own. */
#include <string.h>

#include "tool/attest.h"
#include "tool/hier.h"

static int hi = 1;   /* p */
static int halg = 4; /* null: keep the algorithm */
static const char *pwda, *set, *clr;
static const char *const halgs[] = {"sha1", "sha256", "sha384", "sha512", "null", NULL};
static const TPMI_ALG_HASH halg_ids[] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384,
                                         TPM_ALG_SHA512, TPM_ALG_NULL};
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "authorization hierarchy (o, p) (default p)", 0, hier_op},
    {"-pwda", T_STR, &pwda, "password", "hierarchy password (default empty)", 0, NULL},
    {"-halg", T_CHOICE, &halg, "alg",
     "audit hash algorithm (sha1, sha256, sha384, sha512, null) (default null: unchanged)", 0,
     halgs},
    {"-set", T_STR, &set, "code", "command code to audit, hex (may be given more than once)", 0,
     NULL},
    {"-clr", T_STR, &clr, "code", "command code not to audit, hex (may be given more than once)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    "setcommandcodeauditstatus", "Runs TPM2_SetCommandCodeAuditStatus", opts, 3, 0, {0}, {0}, {0}};

static int add_cc(const tool *tl, const char *value, void *ctx)
{
    TPML_CC *list = ctx;
    char *end;
    unsigned long cc = strtoul(value, &end, 16);
    if (*value == '\0' || *value == '-' || *end != '\0' || cc > 0xffffffffUL)
        return tool_error(tl, "bad command code '%s'", value);
    if (list->count >= MAX_CAP_CC)
        return tool_error(tl, "too many command codes");
    list->commandCodes[list->count++] = (TPM_CC)cc;
    return 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    SetCommandCodeAuditStatus_In in;
    memset(&in, 0, sizeof(in));
    if (tool_parse(&t, argc, argv) != 0 ||
        attest_collect(&t, "-set", argc, argv, add_cc, &in.setList) != 0 ||
        attest_collect(&t, "-clr", argc, argv, add_cc, &in.clearList) != 0)
        return EXIT_FAILURE;
    in.auth = hier_handle(hier_op, hi);
    in.auditAlg = halg_ids[halg];
    if (in.auditAlg != TPM_ALG_NULL && (in.setList.count != 0 || in.clearList.count != 0))
        return tool_error(&t, "-halg other than null and -set / -clr take separate commands");
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, &in, TPM_CC_SetCommandCodeAuditStatus, 1, pwda, NULL);
    return tool_finish(&t, ctx, rc);
}
