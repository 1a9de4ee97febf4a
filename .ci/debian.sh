#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds the Debian packages (debian/) in a scratch copy of the tree, checks them with lintian
# (no error allowed) and checks that they hold no file of Debian's own IBM TSS packages
# (libtss0, libtss-dev, tss2) except the utilities, which conflict with tss2 by declaration.
# With INSTALL_CHECK=1 (root: CI) it also installs libibmtss2 + libibmtss-dev, builds the
# README's outside program with pkg-config, runs it against a private swtpm and removes them.
# Slow (a full build): run by .ci/run, not by make check.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tss-deb.XXXXXX")
installed=
cleanup() {
    if [ -n "$installed" ]; then dpkg -r libibmtss-dev libibmtss2 >/dev/null || true; fi
    if [ -n "${KEEP_SCRATCH:-}" ]; then echo "debian: kept $scratch"; else rm -rf "$scratch"; fi
}
trap cleanup EXIT
fail() { echo "debian: FAIL: $*" >&2; exit 1; }

version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
src="$scratch/ibmtss-$version"
mkdir -p "$src"
(cd "$top" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$src"

echo "debian: dpkg-buildpackage -us -uc -b (log: $scratch/build.log)"
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$scratch/build.log" 2>&1 || { tail -n 40 "$scratch/build.log"; fail "dpkg-buildpackage"; }
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
debs=()
for p in libibmtss2 libibmtss-dev ibmtss-utils; do
    f="$scratch/${p}_${version}_${arch}.deb"
    [ -f "$f" ] || fail "no package $p"
    debs+=("$f")
done
changes="$scratch/ibmtss_${version}_${arch}.changes"

echo "debian: lintian"
lintian --fail-on error --tag-display-limit 0 "$changes" | tee "$scratch/lintian.log" || fail "lintian reports errors"

contents() { dpkg-deb -c "$1" | awk '{ print $6 }' | sed 's|^\./|/|; s|/$||'; }
multi=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
lib=$(contents "${debs[0]}"); dev=$(contents "${debs[1]}"); utl=$(contents "${debs[2]}")
echo "$lib" | grep -qx "/usr/lib/$multi/libtss.so.2" || fail "libibmtss2 lacks libtss.so.2"
echo "$dev" | grep -qx "/usr/include/ibmtss/tss.h" || fail "libibmtss-dev lacks include/ibmtss/tss.h"
echo "$dev" | grep -qx "/usr/lib/$multi/libibmtss.so" || fail "libibmtss-dev lacks libibmtss.so"
echo "$dev" | grep -qx "/usr/lib/$multi/pkgconfig/ibmtss.pc" || fail "libibmtss-dev lacks ibmtss.pc"
echo "$utl" | grep -qx "/usr/bin/tssgetrandom" || fail "ibmtss-utils lacks tssgetrandom"
echo "$utl" | grep -qx "/usr/share/man/man1/tssgetrandom.1.gz" || fail "ibmtss-utils lacks its man pages"
# Debian's files (libtss0: libtss.so.0*; libtss-dev: libtss.so, include/<multiarch>/tss2;
# libtss2-dev (tpm2-tss): include/tss2)
clash=$(printf '%s\n%s\n' "$lib" "$dev" | grep -E "^/usr/lib/$multi/libtss\.so(\.0.*)?$|^/usr/include/($multi/)?tss2(/|$)" || true)
[ -z "$clash" ] || fail "files of Debian's packages: $clash"
dpkg-deb -f "${debs[2]}" Conflicts | grep -qw tss2 || fail "ibmtss-utils does not conflict with tss2"
for d in "${debs[@]}"; do
    if [ -n "$(contents "$d" | grep '^/usr/bin/.')" ] && ! dpkg-deb -f "$d" Conflicts | grep -qw tss2; then
        fail "$(basename "$d") has programs but no Conflicts: tss2"
    fi
done
# the packaged utilities find the library on the system path: no rpath
dpkg-deb -x "${debs[2]}" "$scratch/utils"
readelf -d "$scratch/utils/usr/bin/tssgetrandom" > "$scratch/dyn.txt" || fail "readelf tssgetrandom"
if grep -qiE 'rpath|runpath' "$scratch/dyn.txt"; then fail "tssgetrandom carries an rpath"; fi
grep -qE 'FLAGS.*(BIND_NOW| NOW)' "$scratch/dyn.txt" || fail "tssgetrandom is not linked with -z now"

if [ "${INSTALL_CHECK:-0}" = 1 ]; then
    echo "debian: install libibmtss2 libibmtss-dev, build and run an outside program"
    installed=1
    dpkg -i "${debs[0]}" "${debs[1]}" >/dev/null
    cc -o "$scratch/random" "$top/utils/regtests/outside/random.c" $(pkg-config --cflags --libs ibmtss)
    # merged /usr: the loader may name it /lib/<multiarch>/...: compare the files themselves
    used=$(ldd "$scratch/random" | sed -n 's/.*libtss\.so\.2 => \([^ ]*\).*/\1/p')
    [ -n "$used" ] && [ "$(readlink -f "$used")" = "$(readlink -f "/usr/lib/$multi/libtss.so.2")" ] ||
        fail "outside program: not the packaged library (${used:-none})"
    . "$top/utils/regtests/swtpm.sh"
    swtpm_start || fail "swtpm"
    out=$("$scratch/random") || { swtpm_stop; fail "outside program failed: $out"; }
    swtpm_stop
    echo "$out" | grep -qE '^[0-9a-f]{16}$' || fail "outside program printed '$out'"
fi
echo "debian: ok ($(basename -a "${debs[@]}" | tr '\n' ' '))"
