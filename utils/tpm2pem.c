/* SPDX-License-Identifier: BSD-3-Clause */
/* tpm2pem: a TPM2B_PUBLIC file (RSA or ECC) to a PEM public key file. */
#include "tool/pem.h"

static const char *ipu, *opem;
static const tool_opt opts[] = {
    {"-ipu", T_STR, &ipu, "file", "TPM2B_PUBLIC public key file name", TOOL_REQUIRED, NULL},
    {"-opem", T_STR, &opem, "file", "PEM format public key file name", TOOL_REQUIRED, NULL},
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"tpm2pem", "Converts a TPM2B_PUBLIC to PEM", opts, 0, 0, {0}, {0}, {0}};

int main(int argc, char **argv)
{
    TPM2B_PUBLIC pub;
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc =
        tool_read_flag(&t, ipu, &pub, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu, FALSE);
    if (rc == 0)
        rc = pem_write_public(&t, opem, &pub.publicArea);
    return tool_finish(&t, NULL, rc);
}
