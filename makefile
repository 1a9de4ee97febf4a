# SPDX-License-Identifier: BSD-3-Clause
# GNU make entry point for Linux (gcc or clang). Shared rules: utils/rules.mk.
PLATFORM_CFLAGS :=
PLATFORM_LIBS   :=
# utility start-up cost is mostly the dynamic loader relocating libcrypto: with libcrypto
# first in the lookup order its ~1,200 references to itself resolve at the first library
# searched (about 10% of a getrandom run); -Bsymbolic binds libtss's own references at link time
UTIL_LDFIRST    := -Wl,--push-state,--no-as-needed -lcrypto -Wl,--pop-state
LIB_LDFLAGS     := -Wl,-Bsymbolic
include utils/rules.mk
