/* SPDX-License-Identifier: BSD-3-Clause */
/* nvwritelock: TPM2_NV_WriteLock with the index's authorization or -hia owner / platform. */
#include "tool/nvadmin.h"

int main(int argc, char **argv)
{
    return nva_lock_main("nvwritelock", TPM_CC_NV_WriteLock, argc, argv);
}
