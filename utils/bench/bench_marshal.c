/* SPDX-License-Identifier: BSD-3-Clause */
/* make bench-marshal: nanoseconds per marshal + unmarshal through the IBM-named entry
 * points, for an RSA-2048 TPM2B_PUBLIC carrying a 256-byte modulus and for a quote
 * TPMS_ATTEST. A benchmark, never a test: it prints numbers and only fails if the round
 * trip itself fails. BENCH_ITERATIONS overrides the iteration count (default 1e6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tss2/Unmarshal_fp.h"
#include "tss2/tssmarshal.h"

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void rsa_public(TPM2B_PUBLIC *p)
{
    memset(p, 0, sizeof(*p));
    TPMT_PUBLIC *a = &p->publicArea;
    a->type = TPM_ALG_RSA;
    a->nameAlg = TPM_ALG_SHA256;
    a->objectAttributes.val = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                              TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                              TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
    a->parameters.rsaDetail.symmetric.algorithm = TPM_ALG_AES;
    a->parameters.rsaDetail.symmetric.keyBits.aes = 128;
    a->parameters.rsaDetail.symmetric.mode.aes = TPM_ALG_CFB;
    a->parameters.rsaDetail.scheme.scheme = TPM_ALG_NULL;
    a->parameters.rsaDetail.keyBits = 2048;
    a->unique.rsa.t.size = 256;
    for (int i = 0; i < 256; i++)
        a->unique.rsa.t.buffer[i] = (BYTE)(i * 7 + 1);
}

static void quote_attest(TPMS_ATTEST *a)
{
    memset(a, 0, sizeof(*a));
    a->magic = TPM_GENERATED_VALUE;
    a->type = TPM_ST_ATTEST_QUOTE;
    a->qualifiedSigner.t.size = 34;
    a->extraData.t.size = 32;
    a->clockInfo.clock = 123456789;
    a->clockInfo.safe = YES;
    a->firmwareVersion = 0x2000000000001ull;
    TPML_PCR_SELECTION *s = &a->attested.quote.pcrSelect;
    s->count = 2;
    s->pcrSelections[0].hash = TPM_ALG_SHA1;
    s->pcrSelections[0].sizeofSelect = 3;
    s->pcrSelections[1].hash = TPM_ALG_SHA256;
    s->pcrSelections[1].sizeofSelect = 3;
    s->pcrSelections[1].pcrSelect[0] = 0xff;
    a->attested.quote.pcrDigest.t.size = 32;
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_marshal: %s failed\n", what);
    return 1;
}

static void report(const char *name, uint16_t len, double dt, long n)
{
    printf("%-38s %5u bytes  %8.1f ns per marshal+unmarshal  (%ld iterations)\n", name,
           (unsigned)len, dt / (double)n, n);
}

/* marshal, then unmarshal the result, n times */
static int bench_public(const TPM2B_PUBLIC *src, long n)
{
    static BYTE buf[4096];
    static TPM2B_PUBLIC dst;
    uint16_t len = 0;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        BYTE *w = buf, *r = buf;
        uint32_t room = sizeof(buf), left;
        len = 0;
        if (TSS_TPM2B_PUBLIC_Marshalu(src, &len, &w, &room) != 0)
            return fail("TPM2B_PUBLIC marshal");
        left = len;
        if (TSS_TPM2B_PUBLIC_Unmarshalu(&dst, &r, &left, NO) != 0 || left != 0)
            return fail("TPM2B_PUBLIC unmarshal");
    }
    report("TPM2B_PUBLIC (RSA 2048, 256-byte n)", len, now_ns() - t0, n);
    return 0;
}

static int bench_attest(const TPMS_ATTEST *src, long n)
{
    static BYTE buf[4096];
    static TPMS_ATTEST dst;
    uint16_t len = 0;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        BYTE *w = buf, *r = buf;
        uint32_t room = sizeof(buf), left;
        len = 0;
        if (TSS_TPMS_ATTEST_Marshalu(src, &len, &w, &room) != 0)
            return fail("TPMS_ATTEST marshal");
        left = len;
        if (TSS_TPMS_ATTEST_Unmarshalu(&dst, &r, &left) != 0 || left != 0)
            return fail("TPMS_ATTEST unmarshal");
    }
    report("TPMS_ATTEST (quote)", len, now_ns() - t0, n);
    return 0;
}

int main(void)
{
    long n = 1000000;
    const char *e = getenv("BENCH_ITERATIONS");
    if (e != NULL && atol(e) > 0)
        n = atol(e);
    static TPM2B_PUBLIC pub;
    static TPMS_ATTEST att;
    rsa_public(&pub);
    quote_attest(&att);
    if (bench_public(&pub, n) != 0 || bench_attest(&att, n) != 0)
        return 1;
    return 0;
}
