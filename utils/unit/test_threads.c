/* SPDX-License-Identifier: BSD-3-Clause */
/* One context per thread is safe: 8 threads, each with its own context, fake TPM and
 * TPM_DATA_DIR, run HMAC-session commands with parameter encryption (session state, Names),
 * Load and ContextSave / ContextLoad (Names travel with saved contexts) at the same time.
 * Built and run under ThreadSanitizer by make tsan (a data race in the library, such as a
 * static buffer, fails it); under make check it checks the results. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/context.h"
#include "tss2/tsserror.h"
#include "unit/faketpm.h"

#define THREADS 8
#define ROUNDS 60
#define NVIDX 0x01500030u
#define SESSION 0x02000007u

typedef struct {
    int id;
    char dir[64];
    int failures;
    char why[128];
} worker;

static void note_failure(worker *w, const char *what, TPM_RC rc)
{
    if (w->failures++ == 0)
        snprintf(w->why, sizeof(w->why), "thread %d: %s: %08x", w->id, what, rc);
}

static void *run(void *arg)
{
    worker *w = arg;
    faketpm f;
    ft_init(&f);
    TSS_CONTEXT *ctx = ft_context(&f, w->dir);
    char pw[16];
    snprintf(pw, sizeof(pw), "pw%d", w->id);
    ft_entity_add(&f, ctx, NVIDX, pw);
    ft_session_add(&f, ctx, SESSION, 32, 0);
    for (int r = 0; r < ROUNDS; r++) {
        NV_Read_In in = {.authHandle = NVIDX, .nvIndex = NVIDX, .size = 16, .offset = 0};
        NV_Read_Out out;
        TPM_RC rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&out, (COMMAND_PARAMETERS *)&in, NULL,
                                TPM_CC_NV_Read, SESSION, pw,
                                TPMA_SESSION_CONTINUESESSION | TPMA_SESSION_ENCRYPT, TPM_RH_NULL, NULL, 0);
        if (rc != 0 || out.data.t.size != 16 || out.data.t.buffer[0] != 'A') {
            note_failure(w, "NV_Read through the session", rc);
            continue;
        }
        Load_In lin;
        Load_Out lout;
        memset(&lin, 0, sizeof(lin));
        lin.parentHandle = NVIDX; /* the fake only checks the password of the parent */
        lin.inPrivate.t.size = 4;
        lin.inPublic.publicArea.type = TPM_ALG_KEYEDHASH;
        lin.inPublic.publicArea.nameAlg = TPM_ALG_SHA256;
        lin.inPublic.publicArea.parameters.keyedHashDetail.scheme.scheme = TPM_ALG_NULL;
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&lout, (COMMAND_PARAMETERS *)&lin, NULL, TPM_CC_Load,
                         TPM_RS_PW, pw, 0, TPM_RH_NULL, NULL, 0);
        if (rc != 0) {
            note_failure(w, "Load", rc);
            continue;
        }
        ContextSave_In sin = {.saveHandle = lout.objectHandle};
        ContextSave_Out sout;
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&sout, (COMMAND_PARAMETERS *)&sin, NULL,
                         TPM_CC_ContextSave, TPM_RH_NULL, NULL, 0);
        ContextLoad_In cin;
        ContextLoad_Out cout;
        if (rc == 0) {
            cin.context = sout.context;
            rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&cout, (COMMAND_PARAMETERS *)&cin, NULL,
                             TPM_CC_ContextLoad, TPM_RH_NULL, NULL, 0);
        }
        if (rc != 0 || cout.loadedHandle != lout.objectHandle) {
            note_failure(w, "ContextSave / ContextLoad", rc);
            continue;
        }
        /* the Name came back with the context: this thread's, not another's */
        char path[128];
        uint8_t name[64];
        snprintf(path, sizeof(path), "%s/h%08x.bin", w->dir, cout.loadedHandle);
        FILE *fp = fopen(path, "rb");
        size_t n = fp != NULL ? fread(name, 1, sizeof(name), fp) : 0;
        if (fp != NULL)
            fclose(fp);
        if (n != 34 || memcmp(name, f.load_name, 34) != 0)
            note_failure(w, "the Name after ContextLoad", 0);
    }
    TSS_Delete(ctx);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    worker w[THREADS];
    pthread_t th[THREADS];
    memset(w, 0, sizeof(w));
    for (int i = 0; i < THREADS; i++) {
        w[i].id = i;
        snprintf(w[i].dir, sizeof(w[i].dir), "/tmp/tss-threads-XXXXXX");
        assert_non_null(mkdtemp(w[i].dir));
    }
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, run, &w[i]), 0);
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    int failures = 0;
    for (int i = 0; i < THREADS; i++) {
        if (w[i].failures != 0)
            print_error("%s (%d failures)\n", w[i].why, w[i].failures);
        failures += w[i].failures;
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", w[i].dir);
        assert_int_equal(system(cmd), 0);
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_threads)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
