/* SPDX-License-Identifier: BSD-3-Clause */
/* publicname: the Name of an object or NV index computed offline,
 *   Name = nameAlg || H_nameAlg(marshaled TPMT_PUBLIC or TPMS_NV_PUBLIC),
 * from a TPM2B_PUBLIC file (-ipu), an NV public file (-invpu: TPMS_NV_PUBLIC as IBM's
 * nvreadpublic -opu writes it, or TPM2B_NV_PUBLIC), or a PEM/DER key shaped as loadexternal
 * would load it: -ipem a PEM public key, -ider a DER one (SubjectPublicKeyInfo, as IBM's;
 * a PEM or a private key file is taken too, for its public half). With -ider, -st means
 * -den as in loadexternal -ider. */
#include <string.h>

#include "tool/pem.h"
#include "tss2/tsscrypto.h"
#include "tss2/tssprint.h"

static pem_args pa;
static const char *invpu, *ipu, *ipem, *ider, *on;
static int ns;
static const tool_opt opts[] = {
    {"-invpu", T_STR, &invpu, "file", "NV public file name (TPMS_NV_PUBLIC or TPM2B_NV_PUBLIC)", 0,
     NULL},
    {"-ipu", T_STR, &ipu, "file", "TPM2B_PUBLIC public key file name", 0, NULL},
    {"-ipem", T_STR, &ipem, "file", "PEM format public key file name", 0, NULL},
    {"-ider", T_STR, &ider, "file", "DER format public key file name", 0, NULL},
    {"-on", T_STR, &on, "file", "output Name file name (default do not save)", 0, NULL},
    {"-ns", T_FLAG, &ns, NULL, "additionally print Name in hex ascii on one line", 0, NULL},
    PEM_OPTS(pa),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {
    "publicname", "Computes the Name of an object or NV index offline", opts, 0, 0, {0}, {0}, {0}};

/* the marshaled public area in buf; 0 or an error (printed) */
static TPM_RC nv_public(uint8_t *buf, uint16_t *len, TPMI_ALG_HASH *alg)
{
    unsigned char *data = NULL;
    size_t n = 0;
    TPM_RC rc = tool_read_bytes(&t, invpu, &data, &n);
    TPM2B_NV_PUBLIC nv;
    uint8_t *p = data;
    uint32_t left = (uint32_t)n;
    if (rc == 0) {
        /* a TPMS_NV_PUBLIC begins with the index handle, 01xxxxxx; a TPM2B with its size */
        if (n > 0 && data[0] == (TPM_HT_NV_INDEX))
            rc = TSS_TPMS_NV_PUBLIC_Unmarshalu(&nv.nvPublic, &p, &left);
        else
            rc = TSS_TPM2B_NV_PUBLIC_Unmarshalu(&nv, &p, &left);
        if (rc == 0 && left != 0)
            rc = TPM_RC_SIZE;
        if (rc != 0)
            fprintf(stderr, "%s: %s is not an NV public area\n", t.name, invpu);
    }
    free(data);
    uint8_t *q = buf;
    *len = 0;
    if (rc == 0)
        rc = TSS_TPMS_NV_PUBLIC_Marshalu(&nv.nvPublic, len, &q, NULL);
    *alg = nv.nvPublic.nameAlg;
    return rc;
}

static TPM_RC object_public(uint8_t *buf, uint16_t *len, TPMI_ALG_HASH *alg)
{
    TPM2B_PUBLIC pub;
    TPM_RC rc = 0;
    if (ipu != NULL)
        rc = tool_read_flag(&t, ipu, &pub, (UnmarshalFunctionFlag_t)TSS_TPM2B_PUBLIC_Unmarshalu,
                            FALSE);
    else if (ipem != NULL)
        rc = pem_read_public(&t, ipem, &pa, &pub.publicArea) ? TSS_RC_BAD_ARGUMENT : 0;
    else
        rc = pem_read_public(&t, ider, &pa, &pub.publicArea) ? TSS_RC_BAD_ARGUMENT : 0;
    uint8_t *q = buf;
    *len = 0;
    if (rc == 0)
        rc = TSS_TPMT_PUBLIC_Marshalu(&pub.publicArea, len, &q, NULL);
    *alg = pub.publicArea.nameAlg;
    return rc;
}

int main(int argc, char **argv)
{
    static uint8_t buf[sizeof(TPMT_PUBLIC) + sizeof(TPMS_NV_PUBLIC)];
    uint16_t len = 0;
    TPMI_ALG_HASH alg = TPM_ALG_NULL;
    TPM2B_NAME name;
    pem_args_init(&pa);
    if (tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    if ((invpu != NULL) + (ipu != NULL) + (ipem != NULL) + (ider != NULL) != 1)
        return tool_error(&t, "give exactly one of -invpu, -ipu, -ipem, -ider");
    if (ipu != NULL && pa.uwa)
        return tool_error(&t, "-uwa is unused for a TPM2B_PUBLIC input (-ipu)");
    if (ider != NULL)
        pem_args_der_pair(&pa);
    TPM_RC rc = invpu != NULL ? nv_public(buf, &len, &alg) : object_public(buf, &len, &alg);
    TPMT_HA digest = {.hashAlg = alg};
    uint16_t dsize = TSS_GetDigestSize(alg);
    if (rc == 0 && dsize == 0)
        rc = TSS_RC_BAD_HASH_ALGORITHM;
    if (rc == 0)
        rc = TSS_Hash_Generate(&digest, (int)len, buf, 0, NULL);
    if (rc == 0) {
        name.t.name[0] = (uint8_t)(alg >> 8);
        name.t.name[1] = (uint8_t)alg;
        memcpy(name.t.name + 2, &digest.digest, dsize);
        name.t.size = (UINT16)(2 + dsize);
        if (on != NULL)
            rc = tool_write_bytes(&t, on, name.t.name, name.t.size);
    }
    if (rc == 0) {
        if (t.verbose)
            TSS_PrintAll("name", name.t.name, name.t.size);
        if (ns) {
            for (uint16_t i = 0; i < name.t.size; i++)
                printf("%02x", name.t.name[i]);
            printf("\n");
        }
    }
    return tool_finish(&t, NULL, rc);
}
