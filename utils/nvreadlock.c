/* SPDX-License-Identifier: BSD-3-Clause */
/* nvreadlock: TPM2_NV_ReadLock with the index's authorization or -hia owner / platform. */
#include "tool/nvadmin.h"

int main(int argc, char **argv)
{
    return nva_lock_main("nvreadlock", TPM_CC_NV_ReadLock, argc, argv);
}
