#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The IBM-compatibility test, from utils/check.sh while its private swtpm runs:
#   - libtss.so.N exports the documented API and no internal tss_ symbol; the link names
#     IBM's programs use (-libmtss -libmtssutils, -ltss) are there;
#   - the programs in utils/compat/, written the way IBM TSS users write theirs, build
#     against the tree's headers (<ibmtss/...> and, for the 1.x one, <tss2/...>; never the
#     system's IBM 1.x headers) and link by those names, then run on the swtpm.
# usage: run.sh TOP OUT   (OUT: where the library is, relative to TOP)
# Writes "passed failed" to $REG_TOTALS when set; exits non-zero on a failure.
set -u
top=$1; out=$2
lib="$top/$out"
CC=${CC:-cc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tss-compat.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
REG_PASSED=0; REG_FAILED=0
. "$top/utils/regtests/lib.sh"
echo "== compat: IBM-style programs on the library's exports and link names"

# ---- exports --------------------------------------------------------------------------
so=$(readlink -f "$lib/libtss.so")
nm -D --defined-only "$so" | awk '{print $NF}' > "$WORK/exports"
check "libtss.so exports no internal tss_ symbol" bash -c "! grep -E '^tss_' '$WORK/exports'"
check "libtss.so exports IBM's API names" bash -c "for s in TSS_Create TSS_Execute \
    TSS_File_Open TSS_File_WriteStructure TSS_Array_Scan TSS_PrintAllLogLevel TSS_RsaFree \
    TSS_EccFree TSS_RSAGeneratePublicTokenI TSS_RSAPublicEncrypt TSS_Hash_GetMd \
    TSS_TransmitCommand TSS_GetDigestSize TSS_TPMT_PUBLIC_Marshalu tssUtilsVerbose \
    TSS_SwallowPrintf tssSwallowRc; do \
    grep -qx \"\$s\" '$WORK/exports' || { echo \"missing \$s\"; exit 1; }; done"
for n in libibmtss.so libibmtssutils.so libtss.so; do
    check "link name $n is the library" [ "$(readlink -f "$lib/$n")" = "$so" ]
done

# ---- include root: <ibmtss/X.h> and <tss2/X.h> are the tree's utils/tss2 ----------------
if [ -d "$top/utils/ibmtss" ]; then
    inc="$top/utils"
else
    inc="$WORK/inc"; mkdir -p "$inc"
    ln -s "$top/utils/tss2" "$inc/ibmtss"; ln -s "$top/utils/tss2" "$inc/tss2"
fi
CFLAGS_COMPAT="-std=gnu99 -O1 -Wall -Werror -I$inc"
# a sanitizer build of the library (make asan) needs its runtime in the program too
if readelf -d "$so" | grep -q 'libasan'; then
    CFLAGS_COMPAT="$CFLAGS_COMPAT -fsanitize=address,undefined"
fi
printf '#include <ibmtss/tss.h>\n#include <tss2/tss.h>\n#include <ibmtss/tsscrypto.h>\n' > "$WORK/h.c"
"$CC" $CFLAGS_COMPAT -M "$WORK/h.c" > "$WORK/deps" 2>&1
check "the tree's headers are used, not the system's IBM headers" \
    bash -c "grep -q '$top/utils/tss2/tss.h\|ibmtss/tss.h' '$WORK/deps' && \
             ! grep -q '/usr/include/[^ ]*tss2/' '$WORK/deps'"

# ---- build ----------------------------------------------------------------------------
build() { # name, then link flags
    local name=$1; shift
    run "build $name ($*)" "$CC" $CFLAGS_COMPAT -o "$WORK/$name" "$top/utils/compat/$name.c" \
        -L"$lib" "$@" -Wl,-rpath,"$lib"
}
build getrandom -libmtss -libmtssutils
build signverify -libmtss -libmtssutils -lcrypto
build hmacnv -libmtss -libmtssutils
build marshalfile -libmtss -libmtssutils
build v1getcap -ltss
build v1print -ltss
run "build v1print as C++ (both printer forms through the macros)" "${CXX:-c++}" \
    ${CFLAGS_COMPAT/-std=gnu99/} -x c++ -o "$WORK/v1print-cxx" "$top/utils/compat/v1print.c" -L"$lib" -ltss \
    -Wl,-rpath,"$lib"
build helperapi -libmtss -libmtssutils
build members -libmtss -libmtssutils
# TPM_TSS_NO_PRINT (1.x: TPM_NO_PRINT): printf compiled out through tssprint.h
run "build noprint (-DTPM_TSS_NO_PRINT)" "$CC" $CFLAGS_COMPAT -DTPM_TSS_NO_PRINT -o "$WORK/noprint" \
    "$top/utils/compat/noprint.c" -L"$lib" -libmtss -libmtssutils -Wl,-rpath,"$lib"
run "build noprint-v1 (<tss2/...>, -DTPM_NO_PRINT, -ltss)" "$CC" $CFLAGS_COMPAT -DCOMPAT_V1 \
    -DTPM_NO_PRINT -o "$WORK/noprint-v1" "$top/utils/compat/noprint.c" -L"$lib" -ltss -Wl,-rpath,"$lib"
run "build noprint-plain (no flag)" "$CC" $CFLAGS_COMPAT -o "$WORK/noprint-plain" \
    "$top/utils/compat/noprint.c" -L"$lib" -libmtss -libmtssutils -Wl,-rpath,"$lib"
run "build headers.cc (C++, every IBM API header)" "${CXX:-c++}" ${CFLAGS_COMPAT/-std=gnu99/} \
    -o "$WORK/headers" "$top/utils/compat/headers.cc" -L"$lib" -libmtss -libmtssutils -Wl,-rpath,"$lib"
check "an IBM-style program needs the tree's libtss.so.2 only" \
    bash -c "readelf -d '$WORK/getrandom' | grep NEEDED | grep -q 'libtss.so.2' && \
             ! readelf -d '$WORK/getrandom' | grep NEEDED | grep -q 'libtss.so.0' && \
             ldd '$WORK/getrandom' | grep 'libtss.so.2' | grep -q '$lib'"

# ---- run ------------------------------------------------------------------------------
cd "$WORK" || exit 1
run "getrandom: 24 bytes from the TPM" ./getrandom 24
expect "getrandom: printed 24 bytes" "randomBytes length 24"
fails "getrandom: a TPM that is not there is an error" \
    env TPM_COMMAND_PORT=1 TPM_PLATFORM_PORT=2 ./getrandom 8
expect "getrandom: the error names the connection" "rc 000b0008|TSS_RC_NO_CONNECTION"
run "signverify: TPM signature verified with TSS_RSAGeneratePublicTokenI + OpenSSL" ./signverify
expect "signverify: a changed digest is rejected" "changed digest rejected"
run "hmacnv: NV through an HMAC session with parameter encryption" ./hmacnv 01500a2c
expect "hmacnv: read back matches" "read back matches"
expect "hmacnv: a wrong password is TPM_RC_BAD_AUTH (NO_DA index)" "wrong password: rc 000009a2"
run "hmacnv: the same, session salted with an ECC key" ./hmacnv 01500a2c ecc
expect "hmacnv ecc: read back matches" "read back matches"
fails "hmacnv: a bad index is refused" ./hmacnv 81000001
expect "hmacnv: usage for a bad index" "usage: hmacnv"
run "marshalfile: TPMT_PUBLIC file round trip" ./marshalfile "$WORK/pub.bin"
expect "marshalfile: round trip ok" "round trip ok"
expect "marshalfile: LOGLEVEL_INFO prints the bytes on one line" "^ marshaled 00 23 00 0b "
expect "marshalfile: a truncated file does not read" "truncated file: rc [0-9a-f]{8}"
check "marshalfile: the file was deleted" [ ! -e "$WORK/pub.bin" ]
run "v1getcap: an IBM 1.x program linked -ltss" ./v1getcap
expect "v1getcap: the TPM's manufacturer" "manufacturer [0-9a-f]{8}"
run "helperapi: the library as IBM's helper sources call it, no TPM" ./helperapi "$WORK"
expect "helperapi: a TPM2B_PRIVATE made from a TPMT_SENSITIVE reads back" "private holds the sensitive area"
expect "helperapi: TSS_HMAC_Verify rejects a changed message" "changed message rejected"
expect "helperapi: event line round trip and PCR extend" "event line round trip, PCR extended"
run "helperapi: with the TPM (ekutils.c's calls)" ./helperapi "$WORK" tpm
expect "helperapi: TPM_PT_NV_BUFFER_MAX read" "nv buffer max [0-9]+ \\(TSS side [0-9]+\\)"
expect "helperapi: an absent EK index is TPM_RC_HANDLE" "absent index: TPM_RC_HANDLE"
expect "helperapi: the IWG RSA EK template made a 2048-bit key" "EK modulus 256 bytes"
fails_with "helperapi: a bad argument is a usage error" "usage: helperapi" ./helperapi "$WORK" x
run "v1print: IBM 1.x's two-argument printers and 2.x's three-argument ones" ./v1print
expect "v1print: 1.x TPM_ALG_ID line" "^  TPM_ALG_ID TPM_ALG_SHA256$"
expect "v1print: 1.x unknown algorithm line" "^ TPM_ALG_ID algorithm 7777 unknown$"
expect "v1print: 1.x TPMA_OBJECT bit names" "^  TPMA_OBJECT: fixedTpm$"
expect "v1print: 1.x TPMI_ALG_PUBLIC line" "^  TPMI_ALG_PUBLIC: TPM_ALG_RSA$"
expect "v1print: 1.x TPMI_ECC_CURVE line" "^  TPMI_ECC_CURVE TPM_ECC_NIST_P256$"
expect "v1print: 1.x TPMI_ST_ATTEST unknown line" "^ TPMI_ST_ATTEST_Print: selection 7777 not implemented$"
expect "v1print: 2.x form in the same program" "^  hashAlg TPM_ALG_SHA384$"
expect "v1print: 2.x form through a function pointer" "^  nameAlg TPM_ALG_SHA1$"
run "members: the _In/_Out members IBM's sources use, by their names" ./members
expect "members: all inside their structures" "^members ok$"
for v in noprint noprint-v1; do
    run "$v: runs" "./$v"
    expect "$v: printf was swallowed, its arguments not evaluated" "^swallowed$"
    check "$v: nothing printf wrote reached stdout" bash -c "! grep -q 'printf reached' '$WORK/last.out'"
done
run "noprint-plain: without the flag printf prints" ./noprint-plain
expect "noprint-plain: printf reached stdout" "^printf reached stdout$"
run "headers.cc: the C++ program runs" ./headers
expect "headers.cc: its checks passed" "C\+\+ program ok"

# ---- an installed layout: include/ibmtss (include/tss2 -> ibmtss) and lib/ hold all a
# program needs (the headers include each other by file name only)
root="$WORK/root"
mkdir -p "$root/include/ibmtss" "$root/lib"
cp "$top"/utils/tss2/*.h "$root/include/ibmtss/" && ln -s ibmtss "$root/include/tss2"
cp "$so" "$root/lib/"
for n in libtss.so libibmtss.so libibmtssutils.so; do ln -s "$(basename "$so")" "$root/lib/$n"; done
CFLAGS_INST=${CFLAGS_COMPAT/-I$inc/-I$root/include}
run "installed layout: getrandom builds from it" "$CC" $CFLAGS_INST -o "$WORK/getrandom-inst" \
    "$top/utils/compat/getrandom.c" -L"$root/lib" -libmtss -libmtssutils -Wl,-rpath,"$root/lib"
run "installed layout: v1getcap builds from it" "$CC" $CFLAGS_INST -o "$WORK/v1getcap-inst" \
    "$top/utils/compat/v1getcap.c" -L"$root/lib" -ltss -Wl,-rpath,"$root/lib"
check "installed layout: the program loads the installed library" \
    bash -c "ldd '$WORK/getrandom-inst' | grep 'libtss.so.2' | grep -q '$root/lib/'"
run "installed layout: getrandom runs" ./getrandom-inst 8
expect "installed layout: getrandom printed 8 bytes" "randomBytes length 8"

echo "compat: $REG_PASSED passed, $REG_FAILED failed"
[ -n "${REG_TOTALS:-}" ] && echo "$REG_PASSED $REG_FAILED" > "$REG_TOTALS"
[ "$REG_FAILED" -eq 0 ]
