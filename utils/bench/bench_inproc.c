/* SPDX-License-Identifier: BSD-3-Clause */
/* make bench, in-process part: one TSS context, many commands. Prints the median time per
 * command of TPM2_GetRandom, TPM2_Sign with a password, and TPM2_Sign with an HMAC session
 * (continueSession, AES-128-CFB command parameter encryption), and the TPM commands the
 * library sent per operation. The TPM is the one the TPM_* environment names; the signing
 * key is the persistent handle given (password "sig"), which bench.sh makes.
 * usage: bench_inproc KEYHANDLE N_GETRANDOM N_SIGN   (a benchmark, not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/context.h"
#include "tss2/tss.h"
#include "tss2/tsserror.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp);
    return v[n / 2];
}

static TPM_RC sign(TSS_CONTEXT *ctx, TPM_HANDLE key, TPMI_SH_AUTH_SESSION s, unsigned attrs)
{
    Sign_In in;
    Sign_Out out;
    memset(&in, 0, sizeof(in));
    in.keyHandle = key;
    in.digest.t.size = 32;
    memset(in.digest.t.buffer, 0x5a, 32);
    in.inScheme.scheme = TPM_ALG_RSASSA;
    in.inScheme.details.rsassa.hashAlg = TPM_ALG_SHA256;
    in.validation.tag = TPM_ST_HASHCHECK;
    in.validation.hierarchy = TPM_RH_NULL;
    return TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL, TPM_CC_Sign,
                       s, "sig", attrs, TPM_RH_NULL, NULL, 0);
}

static TPM_RC hmac_session(TSS_CONTEXT *ctx, TPMI_SH_AUTH_SESSION *h)
{
    StartAuthSession_In in;
    StartAuthSession_Out out;
    memset(&in, 0, sizeof(in));
    in.tpmKey = TPM_RH_NULL;
    in.bind = TPM_RH_NULL;
    in.sessionType = TPM_SE_HMAC;
    in.symmetric.algorithm = TPM_ALG_AES;
    in.symmetric.keyBits.aes = 128;
    in.symmetric.mode.aes = TPM_ALG_CFB;
    in.authHash = TPM_ALG_SHA256;
    TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                            TPM_CC_StartAuthSession, TPM_RH_NULL, NULL, 0);
    *h = out.sessionHandle;
    return rc;
}

static void report(const char *what, double *t, int n, uint32_t cmds)
{
    printf("inproc %-22s %8.1f us/op  %.2f TPM commands/op  (%d ops)\n", what, median(t, n),
           (double)cmds / n, n);
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return fprintf(stderr, "usage: bench_inproc KEYHANDLE N_GETRANDOM N_SIGN\n"), 2;
    TPM_HANDLE key = (TPM_HANDLE)strtoul(argv[1], NULL, 16);
    int ng = atoi(argv[2]), ns = atoi(argv[3]);
    if (ng < 1 || ns < 1)
        return 2;
    double *t = calloc((size_t)(ng > ns ? ng : ns), sizeof(double));
    TSS_CONTEXT *ctx = NULL;
    TPM_RC rc = t != NULL ? TSS_Create(&ctx) : TSS_RC_OUT_OF_MEMORY;
    uint32_t before = rc == 0 ? ctx->tr.sent : 0;
    for (int i = 0; rc == 0 && i < ng; i++) {
        GetRandom_In in = {.bytesRequested = 16};
        GetRandom_Out out;
        double t0 = now_us();
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                         TPM_CC_GetRandom, TPM_RH_NULL, NULL, 0);
        t[i] = now_us() - t0;
    }
    if (rc == 0)
        report("getrandom", t, ng, ctx->tr.sent - before);
    before = rc == 0 ? ctx->tr.sent : 0;
    for (int i = 0; rc == 0 && i < ns; i++) {
        double t0 = now_us();
        rc = sign(ctx, key, TPM_RS_PW, 0);
        t[i] = now_us() - t0;
    }
    if (rc == 0)
        report("sign (password)", t, ns, ctx->tr.sent - before);
    TPMI_SH_AUTH_SESSION s = 0;
    if (rc == 0)
        rc = hmac_session(ctx, &s);
    before = rc == 0 ? ctx->tr.sent : 0;
    for (int i = 0; rc == 0 && i < ns; i++) {
        double t0 = now_us();
        rc = sign(ctx, key, s, TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_DECRYPT);
        t[i] = now_us() - t0;
    }
    if (rc == 0)
        report("sign (HMAC session, AES)", t, ns, ctx->tr.sent - before);
    if (s != 0) {
        FlushContext_In f = {.flushHandle = s};
        TSS_Execute(ctx, NULL, (COMMAND_PARAMETERS *)&f, NULL, TPM_CC_FlushContext, TPM_RH_NULL, NULL, 0);
    }
    if (rc != 0)
        fprintf(stderr, "bench_inproc: failed, rc %08x\n", rc);
    TSS_Delete(ctx);
    free(t);
    return rc == 0 ? 0 : 1;
}
