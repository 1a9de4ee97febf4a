# SPDX-License-Identifier: BSD-3-Clause
# Man pages, make install and make uninstall (included by utils/rules.mk).
#
#   make install [DESTDIR=/staging] [PREFIX=/usr/local] [BINDIR=$(PREFIX)/bin]
#                [LIBDIR=$(PREFIX)/lib] [INCLUDEDIR=$(PREFIX)/include]
#                [MANDIR=$(PREFIX)/share/man] [PKGCONFIGDIR=$(LIBDIR)/pkgconfig]
#                [STATIC=1] [TSS2_LINK=auto|yes|no]
#   make uninstall  with the same variables: removes exactly what install put
#
# Installed:
#   BINDIR       every utility with a tss prefix (tssgetrandom ...), as IBM's packages name them
#   LIBDIR       libtss.so.2 (the soname) and the link names libtss.so (IBM 1.x: -ltss),
#                libibmtss.so and libibmtssutils.so (IBM 2.x: -libmtss -libmtssutils);
#                libtss.a with STATIC=1 (the default)
#   INCLUDEDIR   ibmtss/ with every public header (IBM 2.x: <ibmtss/tss.h>), and ibmtss/tss2, a
#                link to "." so that -I$(INCLUDEDIR)/ibmtss also gives IBM 1.x's <tss2/tss.h>;
#                TSS2_LINK=auto (default) also makes $(INCLUDEDIR)/tss2 a link to ibmtss when
#                nothing is there yet (never over Debian's or tpm2-tss's tss2 directory)
#   PKGCONFIGDIR ibmtss.pc (pkg-config --cflags --libs ibmtss)
#   MANDIR       man1/tss<name>.1 (generated from each utility's option table), man3/TSS_*.3

# PREFIX_DIR: the name earlier versions used
PREFIX       ?= $(or $(PREFIX_DIR),/usr/local)
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
STATIC       ?= 1
TSS2_LINK    ?= auto
UTIL_PREFIX  := tss
INSTALL      ?= install

LINKNAMES    := libtss.so libibmtss.so libibmtssutils.so
MAN1         := $(patsubst utils/%.c,$(OUT)/man/man1/$(UTIL_PREFIX)%.1,$(UTIL_SRC))
MAN3         := $(sort $(wildcard utils/man/man3/*.3))
PUB_HEADERS  := $(sort $(wildcard utils/tss2/*.h))

.PHONY: man install uninstall install-check-dirs

all: man

man: $(MAN1)

# the page is written by running the utility (--man): it follows the option table
$(OUT)/man/man1/$(UTIL_PREFIX)%.1: $(OUT)/% utils/man/genman.sh
	@mkdir -p $(dir $@)
	@sh utils/man/genman.sh $< $(UTIL_PREFIX) $(VERSION) > $@.tmp && mv $@.tmp $@

# a relative directory (PREFIX=./ left in the environment by reg.sh, for one) is refused
install-check-dirs:
	@for d in "$(PREFIX)" "$(BINDIR)" "$(LIBDIR)" "$(INCLUDEDIR)" "$(MANDIR)" "$(PKGCONFIGDIR)"; do \
	  case "$$d" in /*) ;; *) echo "install: '$$d' is not an absolute directory (PREFIX, BINDIR, LIBDIR, INCLUDEDIR, MANDIR, PKGCONFIGDIR)" >&2; exit 1 ;; esac; \
	done
	@case "$(TSS2_LINK)" in auto|yes|no) ;; *) echo "install: TSS2_LINK must be auto, yes or no" >&2; exit 1 ;; esac

install: all install-check-dirs
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/ibmtss \
	  $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	$(INSTALL) -m 0755 $(OUT)/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	for l in $(LINKNAMES); do ln -sfn $(SONAME) $(DESTDIR)$(LIBDIR)/$$l; done
	if [ "$(STATIC)" = 1 ]; then $(INSTALL) -m 0644 $(OUT)/libtss.a $(DESTDIR)$(LIBDIR)/libtss.a; fi
	$(INSTALL) -m 0644 $(PUB_HEADERS) $(DESTDIR)$(INCLUDEDIR)/ibmtss/
	ln -sfn . $(DESTDIR)$(INCLUDEDIR)/ibmtss/tss2
	@t=$(DESTDIR)$(INCLUDEDIR)/tss2; case "$(TSS2_LINK)" in \
	  yes) echo "ln -sfn ibmtss $$t"; ln -sfn ibmtss $$t ;; \
	  auto) if [ -e $$t ] || [ -L $$t ]; then echo "install: $$t exists: left alone (use -I$(INCLUDEDIR)/ibmtss for <tss2/...>)"; \
	        else echo "ln -s ibmtss $$t"; ln -s ibmtss $$t; fi ;; \
	  no) ;; esac
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' utils/ibmtss.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/ibmtss.pc.tmp
	mv $(DESTDIR)$(PKGCONFIGDIR)/ibmtss.pc.tmp $(DESTDIR)$(PKGCONFIGDIR)/ibmtss.pc
	chmod 0644 $(DESTDIR)$(PKGCONFIGDIR)/ibmtss.pc
	@echo "$(INSTALL) -m 0755 $(OUT)/<utility> $(DESTDIR)$(BINDIR)/$(UTIL_PREFIX)<utility> ($(words $(UTILS)) utilities)"
	@for u in $(UTILS); do $(INSTALL) -m 0755 $$u $(DESTDIR)$(BINDIR)/$(UTIL_PREFIX)$${u##*/} || exit 1; done
	@echo "$(INSTALL) -m 0644 $(OUT)/man/man1/$(UTIL_PREFIX)<utility>.1 $(DESTDIR)$(MANDIR)/man1/"
	@for m in $(MAN1); do $(INSTALL) -m 0644 $$m $(DESTDIR)$(MANDIR)/man1/ || exit 1; done
	$(INSTALL) -m 0644 $(MAN3) $(DESTDIR)$(MANDIR)/man3/

uninstall: install-check-dirs
	rm -f $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libtss.a $(addprefix $(DESTDIR)$(LIBDIR)/,$(LINKNAMES))
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/ibmtss/,$(notdir $(PUB_HEADERS))) $(DESTDIR)$(INCLUDEDIR)/ibmtss/tss2
	-rmdir $(DESTDIR)$(INCLUDEDIR)/ibmtss
	@t=$(DESTDIR)$(INCLUDEDIR)/tss2; if [ -L $$t ] && [ "$$(readlink $$t)" = ibmtss ]; then echo "rm -f $$t"; rm -f $$t; fi
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/ibmtss.pc
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/$(UTIL_PREFIX),$(notdir $(UTILS)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) $(addprefix $(DESTDIR)$(MANDIR)/man3/,$(notdir $(MAN3)))
