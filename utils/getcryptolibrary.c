/* SPDX-License-Identifier: BSD-3-Clause */
/* getcryptolibrary: names the crypto library the TSS is built with. No TPM. */
#include "tool/tool.h"

static const tool_opt opts[] = {{NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"getcryptolibrary", "Prints the crypto library the TSS uses", opts, 0, 0,
                 {0}, {0}, {0}};

int main(int argc, char **argv)
{
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    printf("openssl\n");
    return EXIT_SUCCESS;
}
