/* SPDX-License-Identifier: BSD-3-Clause */
/* hash: TPM2_Hash of a string or file (at most one TPM input buffer). As IBM's, it prints
 * the hash only when asked: -ns (one hex string) or -v. */
#include <string.h>

#include "tool/data.h"
#include "tool/hier.h"
#include "tss2/tssprint.h"

static int hi = 3;
static TPMI_ALG_HASH halg = TPM_ALG_SHA256;
static const char *ic, *ifile, *oh, *tk;
static int ns;
static const tool_opt opts[] = {
    {"-hi", T_CHOICE, &hi, "hierarchy", "hierarchy (e, o, p, n) (default null)", 0, hier_eopn},
    {"-halg", T_HALG, &halg, "alg", "hash algorithm (default sha256)", 0, NULL},
    {"-if", T_STR, &ifile, "file", "input file to be hashed", 0, NULL},
    {"-ic", T_STR, &ic, "string", "data string to be hashed", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "no space: print the hash as one hex string", 0, NULL},
    {"-oh", T_STR, &oh, "file", "hash file name (default do not save)", 0, NULL},
    {"-tk", T_STR, &tk, "file", "ticket file name (default do not save)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"hash", "Runs TPM2_Hash", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    Hash_In in;
    Hash_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    if (data_in(&t, ic, ifile, in.data.t.buffer, sizeof(in.data.t.buffer), &in.data.t.size) != 0)
        return EXIT_FAILURE;
    in.hashAlg = halg;
    in.hierarchy = hier_handle(hier_eopn, hi);
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_Hash, 0, NULL, NULL);
    if (rc == 0 && oh != NULL)
        rc = tool_write_bytes(&t, oh, out.outHash.t.buffer, out.outHash.t.size);
    if (rc == 0 && tk != NULL)
        rc = tool_write(&t, tk, &out.validation, (MarshalFunction_t)TSS_TPMT_TK_HASHCHECK_Marshalu);
    if (rc == 0 && ns)
        data_hex(out.outHash.t.buffer, out.outHash.t.size);
    if (rc == 0 && t.verbose)
        TSS_PrintAll("Hash", out.outHash.t.buffer, out.outHash.t.size);
    return tool_finish(&t, ctx, rc);
}
