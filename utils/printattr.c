/* SPDX-License-Identifier: BSD-3-Clause */
/* printattr: prints the names of the bits SET in attribute words given in hex. No TPM. */
#include <string.h>

#include "tool/basic.h"
#include "tool/tool.h"

static uint32_t ob, nv, se, st;
static int seen[4];
static const tool_opt opts[] = {
    {"-ob", T_X32, &ob, "attributes", "TPMA_OBJECT, object attributes (hex)", 0, NULL},
    {"-nv", T_X32, &nv, "attributes", "TPMA_NV, NV index attributes (hex)", 0, NULL},
    {"-se", T_X32, &se, "attributes", "TPMA_SESSION, session attributes (hex, one byte)", 0,
     NULL},
    {"-st", T_X32, &st, "attributes", "TPMA_STARTUP_CLEAR, startup clear attributes (hex)", 0,
     NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"printattr", "Prints TPM attributes as text", opts, 0, 0, {0}, {0}, {0}};

static void print(const basic_attr *a, uint32_t v)
{
    printf("%s %08x\n", a->type, v);
    basic_print_attr(a, v, "\t");
}

int main(int argc, char **argv)
{
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    /* which options were given: tool_parse only fills the values */
    for (int i = 1; i < argc; i++)
        for (int k = 0; k < 4; k++)
            if (strcmp(argv[i], opts[k].flag) == 0)
                seen[k] = 1;
    if (!seen[0] && !seen[1] && !seen[2] && !seen[3])
        return tool_missing(&t, "-ob, -nv, -se or -st");
    if (seen[2] && se > 0xff)
        return tool_error(&t, "-se %x: session attributes are one byte", se);
    if (seen[0])
        print(&basic_tpma_object, ob);
    if (seen[1])
        print(&basic_tpma_nv, nv);
    if (seen[2])
        print(&basic_tpma_session, se);
    if (seen[3])
        print(&basic_tpma_startup_clear, st);
    return EXIT_SUCCESS;
}
