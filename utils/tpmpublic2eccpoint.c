/* SPDX-License-Identifier: BSD-3-Clause */
/* tpmpublic2eccpoint: the public point of an ECC key's TPM2B_PUBLIC file as a TPM2B_ECC_POINT
 * file (for zgen2phase -qsb, commit -pt). No TPM involved. */
#include <string.h>

#include "tool/tool.h"

static const char *ipu, *pt;
static const tool_opt opts[] = {
    {"-ipu", T_STR, &ipu, "file", "public key input file name (TPM2B_PUBLIC)", TOOL_REQUIRED, NULL},
    {"-pt", T_STR, &pt, "file", "point output file name (TPM2B_ECC_POINT)", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"tpmpublic2eccpoint", "Converts an ECC TPM2B_PUBLIC to a TPM2B_ECC_POINT",
                 opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TPM2B_PUBLIC pub;
    TPM2B_ECC_POINT point;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_read_flag(&t, ipu, &pub, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, FALSE);
    if (rc == 0 && pub.publicArea.type != TPM_ALG_ECC)
        return tool_error(&t, "%s is not an ECC public key", ipu);
    if (rc == 0) {
        memset(&point, 0, sizeof(point));
        point.point = pub.publicArea.unique.ecc;
        point.size = 1; /* non-zero: present (the marshaler counts the real size) */
        rc = tool_write(&t, pt, &point, (MarshalFunction_t)TSS_TPM2B_ECC_POINT_Marshalu);
    }
    return tool_finish(&t, NULL, rc);
}
