/* SPDX-License-Identifier: BSD-3-Clause */
/* nvcertify: TPM2_NV_Certify of -sz bytes at -off of an NV index (with -sz 0 -off 0 a TPM
 * 1.59 certifies the digest of the whole index). -od saves the certified data (or digest). */
#include <string.h>

#include "tool/attest.h"
#include "tool/nv.h"

static uint32_t ha, hk;
static uint16_t sz, off;
static int hia = -1;
static const char *pwdn, *pwdk, *od;
static attest_args a = ATTEST_ARGS_INIT;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy",
     "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-ha", T_X32, &ha, "handle", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "password for NV index (default empty)", 0, NULL},
    {"-hk", T_X32, &hk, "handle", "certifying key handle", TOOL_REQUIRED, NULL},
    {"-pwdk", T_STR, &pwdk, "password", "password for key (default empty)", 0, NULL},
    ATTEST_OPT_HALG(a),
    ATTEST_OPT_SALG(a),
    ATTEST_OPT_SCHEME(a),
    {"-sz", T_U16, &sz, "bytes", "data size", TOOL_REQUIRED, NULL},
    {"-off", T_U16, &off, "offset", "offset (default 0)", 0, NULL},
    ATTEST_OPT_QD(a),
    ATTEST_OPT_OS(a),
    ATTEST_OPT_OA(a),
    {"-od", T_STR, &od, "file", "certified data file name (default do not save)", 0, NULL},
    ATTEST_OPT_IPU(a),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvcertify", "Runs TPM2_NV_Certify", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    NV_Certify_In in;
    NV_Certify_Out out;
    TPMS_ATTEST at;
    memset(&at, 0, sizeof(at));
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    memset(&in, 0, sizeof(in));
    in.signHandle = hk;
    in.authHandle = nv_auth_handle(hia, ha);
    in.nvIndex = ha;
    in.size = sz;
    in.offset = off;
    if (attest_prepare(&t, &a, &in.qualifyingData, &in.inScheme) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_NV_Certify, 2, pwdk, pwdn);
    /* a 1.59 TPM answers -sz 0 -off 0 with the digest form */
    const BYTE *p = out.certifyInfo.t.attestationData;
    TPMI_ST_ATTEST type = TPM_ST_ATTEST_NV;
    if (rc == 0 && sz == 0 && off == 0 && out.certifyInfo.t.size >= 6 &&
        ((p[4] << 8) | p[5]) == TPM_ST_ATTEST_NV_DIGEST)
        type = TPM_ST_ATTEST_NV_DIGEST;
    if (rc == 0)
        rc = attest_check(&t, &a, type, &out.certifyInfo, &out.signature, &at);
    attest_file f = {od, NULL, 0};
    if (type == TPM_ST_ATTEST_NV)
        f.data = at.attested.nv.nvContents.t.buffer, f.len = at.attested.nv.nvContents.t.size;
    else
        f.data = at.attested.nvDigest.nvDigest.t.buffer,
        f.len = at.attested.nvDigest.nvDigest.t.size;
    if (rc == 0)
        rc = attest_write(&t, &a, &out.certifyInfo, &out.signature, &f, 1);
    return tool_finish(&t, ctx, rc);
}
