/* SPDX-License-Identifier: BSD-3-Clause */
/* Loads libcrypto on first use (see ossl.h). */
#ifdef TSS_LAZY_CRYPTO
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

/* the table is filled by name: keep the real functions, not the macros */
#define TSS_OSSL_NO_REDIRECT
#include "crypto/ossl.h"

tss_ossl_fns tss_ossl;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int status = -1;

#ifndef TSS_LIBCRYPTO
#define TSS_LIBCRYPTO "libcrypto.so.3"
#endif

static void load(void)
{
    tss_ossl_fns t;
    /* already mapped by the program (it links libcrypto itself)? then no second load */
    void *h = dlopen(TSS_LIBCRYPTO, RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
    if (h == NULL)
        h = dlopen(TSS_LIBCRYPTO, RTLD_LAZY | RTLD_LOCAL);
    if (h == NULL)
        return;
#define TSS_OSSL_SYM(f) \
    if ((*(void **)&t.f = dlsym(h, #f)) == NULL) \
        return;
    TSS_OSSL_FUNCS(TSS_OSSL_SYM)
#undef TSS_OSSL_SYM
    tss_ossl = t;
    status = 0; /* the handle stays open for the life of the process */
}

int tss_ossl_load(void)
{
    pthread_once(&once, load);
    return status;
}
#else
/* ISO C wants at least one declaration in a translation unit */
typedef int tss_ossl_unused;
#endif
