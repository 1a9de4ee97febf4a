/* SPDX-License-Identifier: BSD-3-Clause */
/* What a program built with TPM_TSS_NO_PRINT links to (tssprint.h turns its printf calls
 * into "tssSwallowRc = 0 && TSS_SwallowPrintf(...)"): the flag the expression assigns and a
 * printf look-alike that is never reached and prints nothing. Alone in its object, like
 * verbose.c. */
#include "tss2/tssprint.h"

int tssSwallowRc = 0;

int TSS_SwallowPrintf(const char *format, ...)
{
    (void)format;
    return 0;
}
