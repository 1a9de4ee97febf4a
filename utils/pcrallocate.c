/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrallocate: TPM2_PCR_Allocate of whole banks (PCR 0-23): +alg allocates, -alg deallocates,
 * in command-line order; banks not named keep their allocation. The TPM applies it at the
 * next TPM2_Startup(CLEAR) after a power cycle. */
#include <string.h>

#include "tool/nvadmin.h"

static const char *pwdp;
static TPML_PCR_SELECTION sel;
static const tool_opt opts[] = {
    {"-pwdp", T_STR, &pwdp, "password", "platform hierarchy password (default empty)", 0, NULL},
    {"+sha1", T_FLAG, NULL, NULL, "-sha1 allocate / deallocate a SHA-1 bank", 0, NULL},
    {"+sha256", T_FLAG, NULL, NULL, "-sha256 allocate / deallocate a SHA-256 bank", 0, NULL},
    {"+sha384", T_FLAG, NULL, NULL, "-sha384 allocate / deallocate a SHA-384 bank", 0, NULL},
    {"+sha512", T_FLAG, NULL, NULL, "-sha512 allocate / deallocate a SHA-512 bank (more than one may be given)", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrallocate", "Runs TPM2_PCR_Allocate", opts, 3, 0, {0}, {0}, {0}};

static int take(void *user, int which, char **v)
{
    (void)user;
    (void)v;
    TPMI_ALG_HASH alg = tool_halg(opts[1 + which / 2].flag + 1);
    for (uint32_t i = 0; i < sel.count; i++)
        if (sel.pcrSelections[i].hash == alg)
            return tool_error(&t, "%s: the bank is named twice", opts[1 + which / 2].flag + 1);
    if (sel.count >= HASH_COUNT)
        return tool_error(&t, "more than %u banks", (unsigned)HASH_COUNT);
    TPMS_PCR_SELECTION *s = &sel.pcrSelections[sel.count++];
    s->hash = alg;
    s->sizeofSelect = 3;
    memset(s->pcrSelect, which % 2 == 0 ? 0xff : 0x00, 3);
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const banks[] = {"+sha1", "-sha1", "+sha256", "-sha256", "+sha384", "-sha384",
                                        "+sha512", "-sha512", NULL};
    static const int nvals[] = {0, 0, 0, 0, 0, 0, 0, 0};
    TSS_CONTEXT *ctx = NULL;
    if (nva_take(&t, &argc, argv, banks, nvals, take, NULL) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (sel.count == 0)
        return tool_error(&t, "no PCR bank given (+sha256, -sha1, ...)");
    PCR_Allocate_In in = {.authHandle = TPM_RH_PLATFORM, .pcrAllocation = sel};
    PCR_Allocate_Out out;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PCR_Allocate, 1, pwdp, NULL);
    if (rc == 0 && (t.verbose || !out.allocationSuccess))
        printf("pcrallocate: allocationSuccess %u maxPCR %u sizeNeeded %u sizeAvailable %u\n",
               out.allocationSuccess, out.maxPCR, out.sizeNeeded, out.sizeAvailable);
    if (rc == 0 && !out.allocationSuccess) {
        TSS_Delete(ctx);
        return tool_error(&t, "the TPM did not accept the allocation");
    }
    return tool_finish(&t, ctx, rc);
}
