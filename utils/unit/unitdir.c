/* SPDX-License-Identifier: BSD-3-Clause */
/* Scratch directories for the unit tests (unitdir.h). */
#include <stdio.h>
#include <stdlib.h>

#include "unit/unitdir.h"

int ft_dir_make(char *dir, size_t cap, const char *what)
{
    snprintf(dir, cap, "/tmp/tss-%s-XXXXXX", what);
    return mkdtemp(dir) != NULL ? 0 : -1;
}

int ft_dir_remove(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}
