// SPDX-License-Identifier: BSD-3-Clause
// C++ programs include IBM's headers too: every API header of this project's IBM set, in
// one C++ translation unit, linked -libmtss -libmtssutils. No TPM: it checks a digest size,
// a hex scan and that a context is created and deleted.
#include <cstdio>
#include <cstdlib>

#include <ibmtss/tss.h>
#include <ibmtss/tssutils.h>
#include <ibmtss/tssfile.h>
#include <ibmtss/tsscrypto.h>
#include <ibmtss/tsscryptoh.h>
#include <ibmtss/tssmarshal.h>
#include <ibmtss/tssprint.h>
#include <ibmtss/tssresponsecode.h>
#include <ibmtss/tsstransmit.h>
#include <ibmtss/Unmarshal_fp.h>

int main()
{
    TSS_CONTEXT *ctx = nullptr;
    unsigned char *bytes = nullptr;
    size_t n = 0;
    if (TSS_GetDigestSize(TPM_ALG_SHA384) != 48 || TSS_Array_Scan(&bytes, &n, "0a0b") != 0 ||
        n != 2 || bytes[1] != 0x0b || TSS_Create(&ctx) != 0 || TSS_Delete(ctx) != 0) {
        std::printf("headers.cc: FAILED\n");
        return EXIT_FAILURE;
    }
    std::free(bytes);
    std::printf("C++ program ok\n");
    return EXIT_SUCCESS;
}
