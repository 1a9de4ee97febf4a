/* SPDX-License-Identifier: BSD-3-Clause */
/* --man: the option table as data, for utils/man/genman.sh, which writes the man page. */
#include <string.h>

#include "tool/tool.h"

static const char *nz(const char *s)
{
    return s != NULL ? s : "";
}

int tool_man(const tool *t)
{
    printf("name\t%s\nsummary\t%s\nsessions\t%d\n", t->name, nz(t->summary), t->nsessions);
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++) {
        printf("opt\t%s\t%s\t%s\t%s\t", o->flag, nz(o->arg), (o->flags & TOOL_REQUIRED) ? "req" : "opt",
               nz(o->help));
        for (const char *const *c = o->kind == T_CHOICE ? o->choices : NULL; c != NULL && *c != NULL; c++)
            printf("%s%s", *c, c[1] != NULL ? " " : "");
        printf("\n");
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_SUCCESS : EXIT_FAILURE;
}
