/* SPDX-License-Identifier: BSD-3-Clause */
/* An IBM TSS style program built with -DTPM_TSS_NO_PRINT (IBM 1.x: -DTPM_NO_PRINT), as IBM
 * builds its sources for targets without a console: tssprint.h turns printf into an
 * expression that evaluates none of its arguments and prints nothing, linked to the
 * library's tssSwallowRc and TSS_SwallowPrintf. Also names the TPM 1.2 extra parameters
 * of tss.h. Built without the flag, printf prints as usual.
 * Reports with fputs (never swallowed): "swallowed" or "printed", then "noprint ok". */
#include <stdio.h>
#include <string.h>

#ifdef COMPAT_V1
#include <tss2/tss.h>
#include <tss2/tssprint.h>
#else
#include <ibmtss/tss.h>
#include <ibmtss/tssprint.h>
#endif

static int evaluated = 0;

static const char *counted(const char *s)
{
    evaluated++;
    return s;
}

int main(void)
{
    OSAP_Extra osap = {"usage password"};
    EXTRA12_PARAMETERS extra12;
    int bad = 0;

    extra12.OSAP = osap;
    if (strcmp(extra12.OSAP.usagePassword, "usage password") != 0)
        bad = 1;
    printf("%s\n", counted("printf reached stdout"));
    fflush(stdout);
#if defined TPM_TSS_NO_PRINT || defined TPM_NO_PRINT
    if (evaluated != 0) {
        fputs("noprint: printf evaluated its arguments\n", stdout);
        bad = 1;
    }
    if (tssSwallowRc != 0 || TSS_SwallowPrintf("%d", 1) != 0) {
        fputs("noprint: tssSwallowRc or TSS_SwallowPrintf not 0\n", stdout);
        bad = 1;
    }
    fputs("swallowed\n", stdout);
#else
    if (evaluated != 1)
        bad = 1;
    fputs("printed\n", stdout);
#endif
    if (bad) {
        fputs("noprint: failed\n", stdout);
        return 1;
    }
    fputs("noprint ok\n", stdout);
    return 0;
}
