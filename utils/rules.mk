# SPDX-License-Identifier: BSD-3-Clause
# Rules shared by every GNU make platform entry point (makefile, makefile.aix).
# Variables a platform file may set before including: CC, PLATFORM_CFLAGS, PLATFORM_LIBS,
# HARDEN_CFLAGS, HARDEN_LDFLAGS, UTIL_PIE, UTIL_RPATH.
#
#   make              libtss.so / libtss.a, every utility in utils/ and its man page
#   make install      PREFIX=/usr/local ... (utils/install.mk); make uninstall
#   make check        unit tests + regression against a private swtpm; last line "N passed, M failed"
#   make asan         the same under ASan+UBSan (objects and binaries in build/asan)
#   make fuzz         libFuzzer targets (clang), each run for FUZZ_SECONDS
#   make generate     regenerate the committed TDL outputs (needs python3)
#   make bench-marshal  marshal/unmarshal micro-benchmark (not a test)

VARIANT     ?= normal
BUILD       ?= build/$(VARIANT)
# where libraries and utilities go; the normal build puts them in utils/ like IBM's
OUT         ?= utils
SOVERSION   := 2
SONAME      := libtss.so.$(SOVERSION)
# link names IBM's programs use: -libmtss -libmtssutils (2.x), -ltss (1.x); all one library
LINKNAMES   := libtss.so libibmtss.so libibmtssutils.so
# only the documented API is exported (the map lists it); internal tss_* symbols are local
LIB_MAP     := utils/lib/libtss.map

CC          ?= cc
# the API level: IBM's TSS release whose interface this implements (pkg-config, man pages)
VERSION     := 2.4.1
OPENSSL_CFLAGS := -DOPENSSL_API_COMPAT=30000 -DOPENSSL_NO_DEPRECATED

# User flags: CFLAGS (default -O2 -g), CPPFLAGS and LDFLAGS, from the make command line or the
# environment, are added after the project's own. Warnings are errors (STRICT=1) in the
# project's own build (plain make, make check, CI); a build given its own CFLAGS (a release,
# a distribution package: make CFLAGS=-O2) keeps the warnings but not -Werror. STRICT=0|1
# chooses explicitly.
CFLAGS      ?= -O2 -g
ifeq ($(origin CFLAGS),file)
STRICT      ?= 1
else
STRICT      ?= 0
endif
WARN        := -Wall -Wextra -Wshadow -Wformat=2 -Wmissing-prototypes -Wvla $(if $(filter 1,$(STRICT)),-Werror)
# Hardening, on by default: stack protector, fortified libc calls (they need optimization;
# a -D_FORTIFY_SOURCE the user gives wins; make asan turns them off: ASan does not check
# through the fortified variants), full RELRO with immediate binding, PIE utilities
# (every object is built -fPIC).
HARDEN_CFLAGS  ?= -fstack-protector-strong
FORTIFY        ?= $(if $(filter-out -O0,$(filter -O%,$(CFLAGS))),$(if $(findstring _FORTIFY_SOURCE,$(CPPFLAGS) $(CFLAGS)),,-D_FORTIFY_SOURCE=2))
HARDEN_LDFLAGS ?= -Wl,-z,relro,-z,now
UTIL_PIE       ?= -pie
CFLAGS_ALL  := -std=c11 -D_GNU_SOURCE -fPIC $(WARN) $(OPENSSL_CFLAGS) \
               -Iutils -Iutils/lib $(PLATFORM_CFLAGS) $(HARDEN_CFLAGS) $(FORTIFY) $(CPPFLAGS) $(CFLAGS) \
               $(SAN_CFLAGS) $(EXTRA_CFLAGS)
LIBS_ALL    := -lcrypto $(PLATFORM_LIBS) $(SAN_LIBS) $(HARDEN_LDFLAGS) $(LDFLAGS)
# where the utilities look for libtss.so.N: beside themselves, then ../lib (a packaged build
# whose library is on the system path sets UTIL_RPATH=)
UTIL_RPATH  ?= -Wl,-rpath,'$$ORIGIN:$$ORIGIN/../lib'

LIB_SRC     := $(sort $(wildcard utils/lib/*/*.c))
TOOL_SRC    := $(sort $(wildcard utils/tool/*.c))
UTIL_SRC    := $(sort $(wildcard utils/*.c))
UNIT_SRC    := $(sort $(wildcard utils/unit/test_*.c))
UNIT_HELP   := $(sort $(filter-out $(UNIT_SRC),$(wildcard utils/unit/*.c)))
UTILS       := $(patsubst utils/%.c,$(OUT)/%,$(UTIL_SRC))
UNITS       := $(patsubst utils/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRC))

LIB_OBJ     := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRC))
TOOL_OBJ    := $(patsubst %.c,$(BUILD)/%.o,$(TOOL_SRC))
UNIT_HOBJ   := $(patsubst %.c,$(BUILD)/%.o,$(UNIT_HELP))
HEADERS     := $(wildcard utils/tss2/*.h utils/lib/*/*.h utils/tool/*.h utils/unit/*.h)

.PHONY: all lib utilities check check-canary unit asan tsan fuzz fuzz-seed generate check-generate bench bench-marshal clean install run
.DEFAULT_GOAL := all
# keep objects that only feed a binary (no rebuild churn)
.SECONDARY:

all: lib utilities

lib: $(OUT)/libtss.a $(addprefix $(OUT)/,$(LINKNAMES))

utilities: $(UTILS)

# each object depends on the headers it includes (-MMD writes them to the .d beside it;
# -MP keeps a deleted header from breaking the build)
# and on the compiler flags: $(BUILD)/.cflags changes when they do (new CFLAGS, hardening)
$(BUILD)/%.o: %.c $(BUILD)/.cflags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

ifneq ($(strip $(file <$(BUILD)/.cflags)),$(strip $(CFLAGS_ALL)))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/.cflags,$(strip $(CFLAGS_ALL)))
endif
$(BUILD)/.cflags: ;

$(OUT)/libtss.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# -Bsymbolic: the library's references to its own functions and tables (about 1,600) are
# bound at link time instead of being looked up by the dynamic loader in every process
$(OUT)/$(SONAME): $(LIB_OBJ) $(LIB_MAP) $(MAKEFILE_LIST)
	@mkdir -p $(dir $@)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=$(LIB_MAP) $(LIB_LDFLAGS) -o $@ $(LIB_OBJ) $(LIBS_ALL)

$(addprefix $(OUT)/,$(LINKNAMES)): $(OUT)/$(SONAME)
	ln -sf $(SONAME) $@

# the shared utility layer as an archive: each utility pulls in only the pieces it uses
$(BUILD)/libtool.a: $(TOOL_OBJ)
	rm -f $@
	ar rcs $@ $^

# utilities find libtss.so.N beside themselves: no LD_LIBRARY_PATH needed.
# UTIL_LDFIRST (set by the platform file) may put libraries first in the symbol lookup order.
$(OUT)/%: $(BUILD)/utils/%.o $(BUILD)/libtool.a $(OUT)/$(SONAME)
	$(CC) $(UTIL_PIE) -o $@ $< $(BUILD)/libtool.a $(UTIL_LDFIRST) -L$(OUT) -l:$(SONAME) $(UTIL_RPATH) $(LIBS_ALL)

# unit tests link the static library so they can reach internal interfaces
$(BUILD)/unit/%: $(BUILD)/utils/unit/%.o $(UNIT_HOBJ) $(OUT)/libtss.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $< $(UNIT_HOBJ) $(OUT)/libtss.a -lcmocka $(LIBS_ALL) -lpthread

unit: $(UNITS) lib utilities
	@bash utils/unit/run.sh $(UNITS)

check: all $(UNITS) $(BUILD)/ptybridge
	@PTYBRIDGE=$(BUILD)/ptybridge bash utils/check.sh "$(BUILD)" "$(OUT)" $(UNITS)

# the regression with no TPM reachable: only the checks listed as needing no TPM may pass
check-canary: all
	@bash utils/regtests/canary.sh "$(OUT)"

# test tool: a pseudo-terminal relaying to swtpm, for the serial-device transport
$(BUILD)/ptybridge: utils/regtests/ptybridge.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(SAN_LIBS)

run: all
	@bash utils/regtests/demo.sh "$(OUT)"


asan:
	$(MAKE) VARIANT=asan OUT=build/asan/bin \
	  SAN_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" FORTIFY= \
	  SAN_LIBS="-fsanitize=address,undefined" check

# one context per thread: the thread test (8 threads: sessions, Names, context save/load)
# under ThreadSanitizer; any data race in the library fails it
tsan:
	$(MAKE) VARIANT=tsan OUT=build/tsan/bin SAN_CFLAGS="-fsanitize=thread -fno-omit-frame-pointer" FORTIFY= \
	  SAN_LIBS="-fsanitize=thread" build/tsan/unit/test_threads
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" build/tsan/unit/test_threads

# ---- generated code -------------------------------------------------------------
GEN_OUT := utils/tss2/TPM_Types_gen.h utils/tss2/Parameters.h utils/tss2/tssprintcmd.h utils/lib/print/printcmd_gen.c utils/tss2/tssmarshal_gen.h \
           utils/tss2/Unmarshal_gen.h utils/lib/marshal/desc_gen.c utils/lib/marshal/entry_gen.c utils/lib/marshal/signed_gen.c \
           utils/lib/core/cmdtable_gen.c $(filter-out utils/tss2/Unmarshal_fp.h,$(wildcard utils/tss2/*_fp.h))
generate:
	python3 utils/lib/marshal/gen.py utils/lib/marshal/types.tdl utils/lib/marshal/commands.tdl

check-generate: generate
	git diff --exit-code -- $(GEN_OUT)

# ---- fuzzing ---------------------------------------------------------------------
FUZZ_SECONDS ?= 60
FUZZ_SRC  := $(sort $(wildcard utils/fuzz/fuzz_*.c))
FUZZ_BIN  := $(patsubst utils/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_FLAGS := -std=c11 -D_GNU_SOURCE -O1 -g -Iutils -Iutils/lib $(OPENSSL_CFLAGS) \
              -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIBOBJ := $(patsubst %.c,build/fuzz/%.o,$(LIB_SRC))
# the utility layer as an archive, for targets that fuzz its parsers (policymaker's text ...)
FUZZ_TOOLLIB := build/fuzz/libtool.a

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -MMD -MP -c $< -o $@

$(FUZZ_TOOLLIB): $(patsubst %.c,build/fuzz/%.o,$(TOOL_SRC))
	rm -f $@
	ar rcs $@ $^

build/fuzz/fuzz_%: utils/fuzz/fuzz_%.c $(FUZZ_LIBOBJ) $(FUZZ_TOOLLIB)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer $< $(FUZZ_LIBOBJ) $(FUZZ_TOOLLIB) -o $@ -lcrypto

fuzz: $(FUZZ_BIN)
	@set -e; for f in $(FUZZ_BIN); do \
	  n=$$(basename $$f); mkdir -p build/fuzz/corpus/$$n; \
	  if [ -d utils/fuzz/corpus/$$n ]; then cp -n utils/fuzz/corpus/$$n/* build/fuzz/corpus/$$n/ 2>/dev/null || true; fi; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  st=0; $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -close_fd_mask=3 -artifact_prefix=build/fuzz/ build/fuzz/corpus/$$n \
	    > build/fuzz/$$n.log 2>&1 || st=$$?; tail -n 12 build/fuzz/$$n.log; \
	  if [ $$st -ne 0 ]; then echo "fuzz: $$n FAILED (exit $$st), see build/fuzz/$$n.log"; exit 1; fi; \
	done

# seed corpora from the regression's real swtpm traffic (recorded through tpmproxy -record)
fuzz-seed: all $(FUZZ_BIN)
	@bash utils/fuzz/record.sh "$(OUT)"

# ---- benchmarks (never tests) -------------------------------------------------------
bench: all $(BUILD)/bench/bench_inproc $(BUILD)/bench/bench_floor
	@BENCH_BIN="$(BUILD)/bench" bash utils/bench/bench.sh "$(OUT)"

# in-process loops over the static library, and the floor: the same bytes with no TSS
$(BUILD)/bench/bench_inproc: utils/bench/bench_inproc.c $(OUT)/libtss.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libtss.a $(LIBS_ALL)

$(BUILD)/bench/bench_floor: utils/bench/bench_floor.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $<

bench-marshal: $(BUILD)/bench/bench_marshal
	$(BUILD)/bench/bench_marshal

$(BUILD)/bench/bench_marshal: utils/bench/bench_marshal.c $(OUT)/libtss.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libtss.a $(LIBS_ALL)

include utils/install.mk

clean:
	rm -rf build $(OUT)/libtss.a $(addprefix $(OUT)/,$(LINKNAMES)) $(OUT)/$(SONAME) $(UTILS) $(OUT)/man/man1

# the header dependencies the compiler wrote (none before the first build: then all is built).
# Objects of a tree built before -MMD have no .d: they are removed once, so they are rebuilt.
MMD_STAMP := $(shell for d in $(BUILD) build/fuzz; do [ ! -d $$d ] || [ -f $$d/.mmd ] || \
                 find $$d -name '*.o' -delete; mkdir -p $$d && touch $$d/.mmd; done)
-include $(wildcard $(BUILD)/utils/*.d $(BUILD)/utils/*/*.d $(BUILD)/utils/*/*/*.d \
                    build/fuzz/utils/*/*.d build/fuzz/utils/*/*/*.d)
