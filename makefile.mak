# SPDX-License-Identifier: BSD-3-Clause
# Windows (mingw-w64 with GNU make): `mingw32-make -f makefile.mak`.
# Placeholder: the TBS transport and Windows socket code are not written yet, so this
# entry point stops with a message instead of half-building.
all:
	@echo "makefile.mak: the Windows build (TBS transport, winsock) is not implemented yet" && exit 1
