/* SPDX-License-Identifier: BSD-3-Clause */
/* pcrevent: TPM2_PCR_Event: the TPM hashes the event data in every bank and extends; the
 * digests go to -of1 (sha1), -of2 (sha256), -of3 (sha384), -of5 (sha512). */
#include <string.h>

#include "tool/data.h"
#include "tss2/tssprint.h"

static uint32_t ha = UINT32_MAX;
static const char *ic, *ifile, *of[4];
static const TPMI_ALG_HASH bank[4] = {TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384, TPM_ALG_SHA512};
static const tool_opt opts[] = {
    {"-ha", T_U32, &ha, "pcr", "PCR number (decimal)", TOOL_REQUIRED, NULL},
    {"-ic", T_STR, &ic, "string", "event data string", 0, NULL},
    {"-if", T_STR, &ifile, "file", "event data file", 0, NULL},
    {"-of1", T_STR, &of[0], "file", "sha1 digest file", 0, NULL},
    {"-of2", T_STR, &of[1], "file", "sha256 digest file", 0, NULL},
    {"-of3", T_STR, &of[2], "file", "sha384 digest file", 0, NULL},
    {"-of5", T_STR, &of[3], "file", "sha512 digest file", 0, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"pcrevent", "Runs TPM2_PCR_Event", opts, 3, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    PCR_Event_In in;
    PCR_Event_Out out;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if (ha > 23)
        return tool_error(&t, "-ha must be a PCR number from 0 to 23");
    memset(&in, 0, sizeof(in));
    in.pcrHandle = ha;
    if (data_in(&t, ic, ifile, in.eventData.t.buffer, sizeof(in.eventData.t.buffer), &in.eventData.t.size) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_PCR_Event, 1, NULL, NULL);
    for (uint32_t i = 0; rc == 0 && i < out.digests.count; i++) {
        const TPMT_HA *d = &out.digests.digests[i];
        uint16_t ds = TSS_GetDigestSize(d->hashAlg);
        for (int b = 0; b < 4 && rc == 0; b++)
            if (bank[b] == d->hashAlg && of[b] != NULL)
                rc = tool_write_bytes(&t, of[b], &d->digest, ds);
        if (rc == 0 && t.verbose)
            TSS_PrintAll("digest", (const BYTE *)&d->digest, ds);
    }
    return tool_finish(&t, ctx, rc);
}
