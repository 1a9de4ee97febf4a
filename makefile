# SPDX-License-Identifier: BSD-3-Clause
# GNU make entry point for Linux (gcc or clang). Shared rules: utils/rules.mk.
PLATFORM_CFLAGS :=
PLATFORM_LIBS   :=
include utils/rules.mk
