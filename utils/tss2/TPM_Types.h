/* SPDX-License-Identifier: BSD-3-Clause */
/* All TPM 2.0 Part 2 constants and types. The typedefs come from utils/lib/marshal/types.tdl
 * (generated into TPM_Types_gen.h), the constants are written out in TpmConstants.h and
 * Implementation.h. */
#ifndef TSS_TPM_TYPES_H
#define TSS_TPM_TYPES_H

#include "TpmBuildSwitches.h"
#include "BaseTypes.h"
#include "TPMB.h"
#include "Implementation.h"
#include "TpmConstants.h"
#include "TPM_Types_gen.h"

#endif
