/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <string.h>

#include "tss2/tssutils.h"
#include "tss2/tsserror.h"

TPM_RC TSS_Malloc(unsigned char **buffer, uint32_t size)
{
    if (buffer == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (*buffer != NULL)
        return TSS_RC_ALLOC_INPUT;
    if (size == 0 || size > 0xffff * 256u)
        return TSS_RC_MALLOC_SIZE;
    *buffer = malloc(size);
    return *buffer != NULL ? 0 : TSS_RC_OUT_OF_MEMORY;
}

TPM_RC TSS_Realloc(unsigned char **buffer, uint32_t size)
{
    if (buffer == NULL)
        return TSS_RC_NULL_PARAMETER;
    if (size == 0 || size > 0xffff * 256u)
        return TSS_RC_MALLOC_SIZE;
    unsigned char *p = realloc(*buffer, size);
    if (p == NULL)
        return TSS_RC_OUT_OF_MEMORY; /* *buffer is still valid and owned by the caller */
    *buffer = p;
    return 0;
}

TPM_RC TSS_Structure_Marshal(uint8_t **buffer, uint16_t *written, void *structure,
                             MarshalFunction_t marshalFunction)
{
    if (buffer == NULL || written == NULL || structure == NULL || marshalFunction == NULL)
        return TSS_RC_NULL_PARAMETER;
    *buffer = NULL;
    uint16_t n = 0;
    TPM_RC rc = marshalFunction(structure, &n, NULL, NULL); /* count */
    if (rc != 0)
        return rc;
    rc = TSS_Malloc(buffer, n > 0 ? n : 1);
    if (rc != 0)
        return rc;
    uint8_t *p = *buffer;
    uint32_t room = n;
    *written = 0;
    rc = marshalFunction(structure, written, &p, &room);
    if (rc != 0) {
        free(*buffer);
        *buffer = NULL;
    }
    return rc;
}

TPM_RC TSS_TPM2B_Copy(TPM2B *target, const TPM2B *source, uint16_t targetSize)
{
    if (source->size > targetSize)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memmove(target->buffer, source->buffer, source->size);
    target->size = source->size;
    return 0;
}

TPM_RC TSS_TPM2B_Append(TPM2B *target, const TPM2B *source, uint16_t targetSize)
{
    if ((uint32_t)target->size + source->size > targetSize)
        return TSS_RC_INSUFFICIENT_BUFFER;
    memmove(target->buffer + target->size, source->buffer, source->size);
    target->size = (uint16_t)(target->size + source->size);
    return 0;
}

TPM_RC TSS_TPM2B_Create(TPM2B *target, const uint8_t *buffer, uint16_t size, uint16_t targetSize)
{
    if (size > targetSize)
        return TSS_RC_INSUFFICIENT_BUFFER;
    if (size > 0)
        memmove(target->buffer, buffer, size);
    target->size = size;
    return 0;
}

TPM_RC TSS_TPM2B_CreateUint32(TPM2B *target, uint32_t source, uint16_t targetSize)
{
    uint8_t b[4] = {(uint8_t)(source >> 24), (uint8_t)(source >> 16), (uint8_t)(source >> 8), (uint8_t)source};
    return TSS_TPM2B_Create(target, b, 4, targetSize);
}

TPM_RC TSS_TPM2B_StringCopy(TPM2B *target, const char *source, uint16_t targetSize)
{
    size_t n = source != NULL ? strlen(source) : 0;
    if (n > targetSize)
        return TSS_RC_INSUFFICIENT_BUFFER;
    return TSS_TPM2B_Create(target, (const uint8_t *)source, (uint16_t)n, targetSize);
}

BOOL TSS_TPM2B_Compare(const TPM2B *expect, const TPM2B *actual)
{
    return expect->size == actual->size && memcmp(expect->buffer, actual->buffer, expect->size) == 0;
}

uint16_t TSS_GetDigestSize(TPM_ALG_ID hashAlg)
{
    switch (hashAlg) {
    case TPM_ALG_SHA1: return 20;
    case TPM_ALG_SHA256: return 32;
    case TPM_ALG_SHA384: return 48;
    case TPM_ALG_SHA512: return 64;
    case TPM_ALG_SM3_256: return 32;
    case TPM_ALG_SHA3_256: return 32;
    case TPM_ALG_SHA3_384: return 48;
    case TPM_ALG_SHA3_512: return 64;
    default: return 0;
    }
}

uint16_t TSS_GetDigestBlockSize(TPM_ALG_ID hashAlg)
{
    switch (hashAlg) {
    case TPM_ALG_SHA1:
    case TPM_ALG_SHA256:
    case TPM_ALG_SM3_256: return 64;
    case TPM_ALG_SHA384:
    case TPM_ALG_SHA512: return 128;
    case TPM_ALG_SHA3_256: return 136;
    case TPM_ALG_SHA3_384: return 104;
    case TPM_ALG_SHA3_512: return 72;
    default: return 0;
    }
}
