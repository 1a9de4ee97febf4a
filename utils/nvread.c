/* SPDX-License-Identifier: BSD-3-Clause */
/* nvread: TPM2_NV_Read of -sz bytes at -off (default: the whole index, which costs one
 * NV_ReadPublic), in chunks the TPM accepts. A read of 0 bytes is still sent: the TPM's answer
 * (e.g. TPM_RC_NV_UNINITIALIZED) is the utility's. -cert prints the data as an X.509
 * certificate (DER), -ocert saves it as PEM; -id pinCount pinLimit checks a PIN index. */
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "tool/nv.h"
#include "tss2/tssprint.h"

static uint32_t ha, off, sz = UINT32_MAX, pin[2];
static int hia = -1, cert, id;
static const char *pwdn, *of, *ocert;
static const tool_opt opts[] = {
    {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
    {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
    {"-pwdn", T_STR, &pwdn, "password", "authorization password (default empty)", 0, NULL},
    {"-sz", T_U32, &sz, "bytes", "data size (default the whole index)", 0, NULL},
    {"-cert", T_FLAG, &cert, NULL, "print the data as an X.509 certificate (DER)", 0, NULL},
    {"-ocert", T_STR, &ocert, "file", "save the X.509 certificate read, PEM", 0, NULL},
    {"-off", T_U32, &off, "offset", "offset (default 0)", 0, NULL},
    {"-of", T_STR, &of, "file", "output data file", 0, NULL},
    NV_OPT_ID("expected PIN index values (decimal): fails when the index holds others"),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}};
static tool t = {"nvread", "Runs TPM2_NV_Read", opts, 3, 0, {0}, {0}, {0}};

/* -cert / -ocert: the data is a DER certificate (an index may be larger than it) */
static TPM_RC x509_out(const unsigned char *buf, uint32_t len)
{
    const unsigned char *p = buf;
    X509 *x = d2i_X509(NULL, &p, len);
    BIO *bio = NULL;
    char *pem = NULL;
    long n = 0;
    TPM_RC rc = 0;
    if (x == NULL) {
        tool_error(&t, "the data is not an X.509 certificate (DER)");
        rc = TSS_RC_X509_ERROR;
    }
    if (rc == 0 && cert)
        X509_print_fp(stdout, x);
    if (rc == 0 && ocert != NULL) {
        bio = BIO_new(BIO_s_mem());
        if (bio == NULL || !PEM_write_bio_X509(bio, x) || (n = BIO_get_mem_data(bio, &pem)) <= 0) {
            tool_error(&t, "cannot encode the certificate as PEM");
            rc = TSS_RC_X509_ERROR;
        }
    }
    if (rc == 0 && ocert != NULL)
        rc = tool_write_bytes(&t, ocert, pem, (size_t)n);
    BIO_free(bio);
    X509_free(x);
    ERR_clear_error();
    return rc;
}

/* -id: a PIN index's pinCount and pinLimit must be the ones given; 0, or 1 after a message */
static int pin_differs(const unsigned char *buf, uint32_t len)
{
    uint8_t want[8];
    uint32_t got[2] = {0, 0};
    nv_pin_bytes(pin, want);
    if (len != 8)
        return tool_error(&t, "-id: %u bytes read, a PIN index holds 8", len) != 0;
    if (memcmp(buf, want, 8) == 0)
        return 0;
    for (int i = 0; i < 8; i++)
        got[i / 4] = got[i / 4] << 8 | buf[i];
    return tool_error(&t, "-id: the index holds pinCount %u pinLimit %u, expected %u %u", got[0],
                      got[1], pin[0], pin[1]) != 0;
}

int main(int argc, char **argv)
{
    TSS_CONTEXT *ctx = NULL;
    if (nv_take_id(&t, &argc, argv, pin, &id) != 0 || tool_parse(&t, argc, argv) != 0)
        return EXIT_FAILURE;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0 && sz == UINT32_MAX) {
        NV_ReadPublic_In pi = {.nvIndex = ha};
        NV_ReadPublic_Out po;
        /* no -se sessions here: they belong to the NV_Read that follows */
        rc = TSS_Execute(ctx, (RESPONSE_PARAMETERS *)&po, (COMMAND_PARAMETERS *)&pi, NULL,
                         TPM_CC_NV_ReadPublic, TPM_RH_NULL, NULL, 0);
        sz = rc == 0 && po.nvPublic.nvPublic.dataSize > off ? po.nvPublic.nvPublic.dataSize - off : 0;
    }
    if (rc == 0 && sz > 0xffff)
        rc = tool_error(&t, "-sz is larger than any NV index") ? TSS_RC_BAD_ARGUMENT : 0;
    unsigned char *buf = rc == 0 ? malloc(sz + 1) : NULL;
    uint32_t chunk = 0, done = 0;
    if (rc == 0 && buf == NULL)
        rc = TSS_RC_OUT_OF_MEMORY;
    if (rc == 0)
        rc = nv_chunk(&t, ctx, sz, &chunk);
    while (rc == 0) { /* an empty read is still one command */
        NV_Read_In in = {.authHandle = nv_auth_handle(hia, ha), .nvIndex = ha,
                         .size = (UINT16)(sz - done < chunk ? sz - done : chunk), .offset = (UINT16)(off + done)};
        NV_Read_Out out;
        rc = tool_execute(&t, ctx, &out, &in, TPM_CC_NV_Read, 1, pwdn, NULL);
        if (rc == 0 && out.data.t.size != in.size)
            rc = TSS_RC_MALFORMED_RESPONSE;
        if (rc == 0 && in.size > 0)
            memcpy(buf + done, out.data.t.buffer, out.data.t.size);
        done += in.size;
        if (done >= sz)
            break;
    }
    if (rc == 0 && of != NULL)
        rc = tool_write_bytes(&t, of, buf, sz);
    if (rc == 0 && !cert)
        TSS_PrintAll("nvread: data", buf, sz);
    if (rc == 0 && (cert || ocert != NULL))
        rc = x509_out(buf, sz);
    int differs = rc == 0 && id && pin_differs(buf, sz);
    free(buf);
    if (differs) { /* the command worked: no TPM failure to print */
        TSS_Delete(ctx);
        return EXIT_FAILURE;
    }
    return tool_finish(&t, ctx, rc);
}
