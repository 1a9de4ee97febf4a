# SPDX-License-Identifier: BSD-3-Clause
# GNU make entry point for Linux (gcc or clang). Shared rules: utils/rules.mk.
# Start-up cost: most of a utility run is the dynamic loader relocating libcrypto.
# TSS_LAZY_CRYPTO: libtss loads libcrypto only when a call needs it (lib/crypto/ossl.h), so
# libtss.so does not link it (--as-needed drops it); utilities that call OpenSSL themselves
# name libcrypto first, where its ~1,200 references to itself resolve at the first library
# searched; -Bsymbolic binds libtss's references to itself at link time.
PLATFORM_CFLAGS := -DTSS_LAZY_CRYPTO
PLATFORM_LIBS   :=
UTIL_LDFIRST    := -Wl,--as-needed -lcrypto
LIB_LDFLAGS     := -Wl,-Bsymbolic -Wl,--as-needed
# Hardening, user CFLAGS/CPPFLAGS/LDFLAGS, STRICT (-Werror) and the install variables
# (PREFIX, BINDIR, LIBDIR, INCLUDEDIR, MANDIR, PKGCONFIGDIR, DESTDIR): utils/rules.mk and
# utils/install.mk; make install / make uninstall.
include utils/rules.mk
