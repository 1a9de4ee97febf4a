#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: install (make install/uninstall, pkg-config, outside programs), hardening, man pages
# Works on what make check built (PREFIX is the directory of the utilities); make install
# runs with -o all, so it only copies. Installs go to DESTDIR staging directories under $WORK.

top=$(cd "$REGDIR/.." && pwd)
out=$(cd "$(dirname "${PREFIX}getrandom")" 2>/dev/null && pwd)
check "the utilities are built (getrandom)" test -x "$out/getrandom"
names=$(cd "$top/utils" && ls *.c | sed 's/\.c$//')
nutil=$(echo "$names" | wc -l)
# libtss built with ASan: outside programs link the sanitizer runtime too
san=; readelf -d "$out/libtss.so.2" 2>/dev/null | grep -q 'libasan' && san="-fsanitize=address,undefined"
# the nested make must not see the outer make's job server or command-line variables
tmake() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u PREFIX make --no-print-directory -C "$top" -o all OUT="$out" "$@"; }
# files and links under a directory, relative, sorted
tree_of() { (cd "$1" && find . \( -type f -o -type l \) | sort); }

# ---- make install DESTDIR=... PREFIX=/usr and make uninstall ----------------------------
d=$WORK/dest1
run "make install DESTDIR PREFIX=/usr" tmake install DESTDIR="$d" PREFIX=/usr
check "library: libtss.so.2 is a file, its soname libtss.so.2" \
    bash -c "test -f '$d/usr/lib/libtss.so.2' && ! test -L '$d/usr/lib/libtss.so.2' && readelf -d '$d/usr/lib/libtss.so.2' | grep -q 'SONAME.*\[libtss.so.2\]'"
for l in libtss.so libibmtss.so libibmtssutils.so; do
    check "link name $l -> libtss.so.2" test "$(readlink "$d/usr/lib/$l")" = libtss.so.2
done
check "static library libtss.a (STATIC=1 default)" test -f "$d/usr/lib/libtss.a"
check "every public header in include/ibmtss" \
    bash -c "cd '$top/utils/tss2' && for h in *.h; do cmp -s \$h '$d/usr/include/ibmtss/'\$h || { echo missing \$h; exit 1; }; done"
check "include/ibmtss/tss2 -> . gives <tss2/tss.h>" \
    bash -c "test \"\$(readlink '$d/usr/include/ibmtss/tss2')\" = . && test -f '$d/usr/include/ibmtss/tss2/tss.h'"
check "include/tss2 -> ibmtss (TSS2_LINK=auto, nothing there)" test "$(readlink "$d/usr/include/tss2")" = ibmtss
check "every utility as bin/tss<name>, executable ($nutil)" \
    bash -c "for n in $(echo $names); do test -x '$d/usr/bin/tss'\$n || { echo missing tss\$n; exit 1; }; done; test \$(ls '$d/usr/bin' | wc -l) -eq $nutil"
check "every utility's man page in share/man/man1 ($nutil)" \
    bash -c "for n in $(echo $names); do test -f '$d/usr/share/man/man1/tss'\$n.1 || { echo missing tss\$n.1; exit 1; }; done"
check "TSS_Execute(3) and its .so links in share/man/man3" \
    bash -c "test -f '$d/usr/share/man/man3/TSS_Execute.3' && grep -qx '.so man3/TSS_Execute.3' '$d/usr/share/man/man3/TSS_Create.3'"
check "pkg-config file lib/pkgconfig/ibmtss.pc with prefix /usr" grep -qx 'prefix=/usr' "$d/usr/lib/pkgconfig/ibmtss.pc"
check "an installed utility runs from bin/ (finds ../lib/libtss.so.2)" \
    bash -c "'$d/usr/bin/tssgetrandom' -by 4 -ns | grep -qE '^[0-9a-f]{8}$'"

# ---- pkg-config and outside programs against the DESTDIR install ------------------------
pc() { PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d" pkg-config "$@"; }
run "pkg-config --cflags --libs ibmtss" pc --cflags --libs ibmtss
expect "pkg-config: -I<sysroot>/usr/include/ibmtss -L<sysroot>/usr/lib -libmtss" \
    "-I$d/usr/include/ibmtss .*-L$d/usr/lib -libmtss"
run "pkg-config --modversion ibmtss" pc --modversion ibmtss
expect "pkg-config: version $(sed -n 's/^VERSION *:= *//p' "$top/utils/rules.mk")" \
    "^$(sed -n 's/^VERSION *:= *//p' "$top/utils/rules.mk")$"
run "outside program (<ibmtss/tss.h>) builds with pkg-config" \
    bash -c "cc $san \$(PKG_CONFIG_PATH='$d/usr/lib/pkgconfig' PKG_CONFIG_SYSROOT_DIR='$d' pkg-config --cflags ibmtss) \
        -o '$WORK/random' '$top/utils/regtests/outside/random.c' \
        \$(PKG_CONFIG_PATH='$d/usr/lib/pkgconfig' PKG_CONFIG_SYSROOT_DIR='$d' pkg-config --libs ibmtss)"
run "outside program runs GetRandom on the TPM" env LD_LIBRARY_PATH="$d/usr/lib" "$WORK/random"
expect "outside program printed 8 random bytes" '^[0-9a-f]{16}$'
run "outside program loads the installed libtss.so.2" env LD_LIBRARY_PATH="$d/usr/lib" ldd "$WORK/random"
expect "outside program: libtss.so.2 from the DESTDIR" "libtss.so.2 => $d/usr/lib/libtss.so.2"
# IBM 1.x: <tss2/tss.h> must be ours (Debian's libtss-dev has a tss2/ on the default path)
run "IBM 1.x program (<tss2/tss.h>, -ltss) builds" \
    cc $san -I"$d/usr/include/ibmtss" -MD -MF "$WORK/random1x.d" -o "$WORK/random1x" \
        "$top/utils/regtests/outside/random1x.c" -L"$d/usr/lib" -ltss
check "IBM 1.x program: <tss2/tss.h> came from the install" \
    bash -c "grep -q '$d/usr/include/ibmtss/tss2/tss.h' '$WORK/random1x.d' && ! grep -q x86_64-linux-gnu/tss2 '$WORK/random1x.d'"
run "IBM 1.x program runs" env LD_LIBRARY_PATH="$d/usr/lib" "$WORK/random1x"
expect "IBM 1.x program got 4 bytes" '^4 random bytes$'

run "make uninstall (same variables)" tmake uninstall DESTDIR="$d" PREFIX=/usr
check "uninstall left no file or link" bash -c "test -z \"\$(cd '$d' && find . \\( -type f -o -type l \\))\""

# ---- every directory variable; TSS2_LINK; an existing include/tss2 is left alone ---------
d2=$WORK/dest2
mkdir -p "$d2/opt/inc/tss2" && echo theirs > "$d2/opt/inc/tss2/keep.h"
run "make install BINDIR LIBDIR INCLUDEDIR MANDIR PKGCONFIGDIR STATIC=0" \
    tmake install DESTDIR="$d2" PREFIX=/opt BINDIR=/opt/b LIBDIR=/opt/l/x86_64 \
        INCLUDEDIR=/opt/inc MANDIR=/opt/m PKGCONFIGDIR=/opt/pc STATIC=0
check "files where the variables say" bash -c "test -x '$d2/opt/b/tssgetrandom' && test -f '$d2/opt/l/x86_64/libtss.so.2' \
    && test -f '$d2/opt/inc/ibmtss/tss.h' && test -f '$d2/opt/m/man1/tssgetrandom.1' && test -f '$d2/opt/pc/ibmtss.pc' \
    && test ! -e '$d2/opt/l/x86_64/libtss.a' && test ! -e '$d2/opt/bin' && test ! -e '$d2/opt/lib'"
check "ibmtss.pc names LIBDIR and INCLUDEDIR" bash -c "grep -qx 'libdir=/opt/l/x86_64' '$d2/opt/pc/ibmtss.pc' && grep -qx 'includedir=/opt/inc' '$d2/opt/pc/ibmtss.pc'"
check "an existing include/tss2 directory is left alone" \
    bash -c "test -d '$d2/opt/inc/tss2' && ! test -L '$d2/opt/inc/tss2' && test \"\$(ls '$d2/opt/inc/tss2')\" = keep.h"
run "make uninstall with the same variables" \
    tmake uninstall DESTDIR="$d2" PREFIX=/opt BINDIR=/opt/b LIBDIR=/opt/l/x86_64 \
        INCLUDEDIR=/opt/inc MANDIR=/opt/m PKGCONFIGDIR=/opt/pc STATIC=0
check "uninstall removed exactly what install put (the other tss2/ stays)" \
    bash -c "test \"\$(cd '$d2' && find . \\( -type f -o -type l \\))\" = ./opt/inc/tss2/keep.h"
d3=$WORK/dest3
run "TSS2_LINK=no installs no include/tss2" tmake install DESTDIR="$d3" PREFIX=/usr TSS2_LINK=no
check "TSS2_LINK=no: no include/tss2, include/ibmtss/tss2 still there" \
    bash -c "test ! -e '$d3/usr/include/tss2' && test -L '$d3/usr/include/ibmtss/tss2'"
run "uninstall after TSS2_LINK=no" tmake uninstall DESTDIR="$d3" PREFIX=/usr TSS2_LINK=no
check "nothing left after TSS2_LINK=no uninstall" bash -c "test -z \"\$(cd '$d3' && find . \\( -type f -o -type l \\))\""
fails "a relative PREFIX is refused" tmake install DESTDIR="$WORK/dest4" PREFIX=usr
expect "relative PREFIX: the message names it" "'usr' is not an absolute directory"
check "relative PREFIX: nothing installed" test ! -e "$WORK/dest4"
fails "TSS2_LINK=maybe is refused" tmake install DESTDIR="$WORK/dest5" PREFIX=/usr TSS2_LINK=maybe
expect "TSS2_LINK=maybe: the message names the values" "TSS2_LINK must be auto, yes or no"
check "TSS2_LINK=maybe: nothing installed" test ! -e "$WORK/dest5"
rm -rf "$d" "$d2" "$d3" "$WORK/dest5"

# ---- compiler flags: user CFLAGS/CPPFLAGS/LDFLAGS, -Werror only in the project's build -----
# make -n into a scratch BUILD/OUT: prints the commands without touching the tree's objects;
# a clean environment (make asan exports SAN_CFLAGS, FORTIFY= ... to its recipes)
fmake() { env -i PATH="$PATH" make --no-print-directory -C "$top" -n BUILD="$WORK/fb" OUT="$WORK/fo" "$@"; }
run "make -n, plain: the compile command" fmake -B "$WORK/fb/utils/getrandom.o"
expect "plain build: -Werror, -O2 -g, stack protector, fortify" \
    "-Werror .*-fstack-protector-strong -D_FORTIFY_SOURCE=2 .*-O2 -g"
run "make -n CFLAGS=-O2: the compile command" fmake -B "$WORK/fb/utils/getrandom.o" CFLAGS=-O2
check "CFLAGS=-O2: no -Werror, the user's -O2, still hardened" \
    bash -c "! grep -q -- -Werror '$WORK/last.out' && grep -q -- '-fstack-protector-strong -D_FORTIFY_SOURCE=2 .*-O2' '$WORK/last.out'"
run "make -n CFLAGS=-O2 STRICT=1" fmake -B "$WORK/fb/utils/getrandom.o" CFLAGS=-O2 STRICT=1
expect "STRICT=1 forces -Werror" "-Werror"
run "make -n CFLAGS=-O0" fmake -B "$WORK/fb/utils/getrandom.o" CFLAGS=-O0
check "CFLAGS=-O0: no _FORTIFY_SOURCE (it needs optimization)" bash -c "! grep -q _FORTIFY_SOURCE '$WORK/last.out'"
run "make -n CPPFLAGS=-D_FORTIFY_SOURCE=3" fmake -B "$WORK/fb/utils/getrandom.o" CPPFLAGS=-D_FORTIFY_SOURCE=3
check "the user's _FORTIFY_SOURCE wins (ours not added)" \
    bash -c "grep -q -- -D_FORTIFY_SOURCE=3 '$WORK/last.out' && ! grep -q -- -D_FORTIFY_SOURCE=2 '$WORK/last.out'"
run "make -n LDFLAGS=-Wl,-O1: a utility's link command" fmake -B "$WORK/fo/getrandom" LDFLAGS=-Wl,-O1
expect "link: PIE, relro/now and the user's LDFLAGS" " -pie -o $WORK/fo/getrandom .*-Wl,-z,relro,-z,now -Wl,-O1"
rm -rf "$WORK/fb" "$WORK/fo"

# ---- hardening: PIE utilities, full RELRO (BIND_NOW), stack protector --------------------
check "every utility is PIE (ELF type DYN)" \
    bash -c "for n in $(echo $names); do readelf -h '$out/'\$n | grep -q 'Type: *DYN' || { echo \$n is not PIE; exit 1; }; done"
check "every utility and libtss.so.2 binds now (BIND_NOW)" \
    bash -c "for f in $(echo $names) libtss.so.2; do readelf -d '$out/'\$f | grep -qE 'FLAGS.*(BIND_NOW| NOW)' || { echo \$f: no BIND_NOW; exit 1; }; done"
check "every utility and libtss.so.2 has a GNU_RELRO segment" \
    bash -c "for f in $(echo $names) libtss.so.2; do readelf -lW '$out/'\$f | grep -q GNU_RELRO || { echo \$f: no RELRO; exit 1; }; done"
check "libtss.so.2 is built with the stack protector" bash -c "readelf --dyn-syms -W '$out/libtss.so.2' | grep -q __stack_chk_fail"
if [ -z "$san" ]; then
    check "libtss.so.2 is fortified (_chk libc calls)" bash -c "readelf --dyn-syms -W '$out/libtss.so.2' | grep -qE '__[a-z]+_chk@'"
fi

# ---- man pages: one per utility, rendered by man without warnings ------------------------
check "every utility has a generated man page ($nutil)" \
    bash -c "for n in $(echo $names); do test -s '$out/man/man1/tss'\$n.1 || { echo missing tss\$n.1; exit 1; }; done"
check "man -l renders every page without warnings" \
    bash -c "for f in '$out'/man/man1/*.1 '$top'/utils/man/man3/TSS_Execute.3; do w=\$(MANWIDTH=80 man --warnings -l \"\$f\" 2>&1 >/dev/null); \
        [ -z \"\$w\" ] || { echo \"\$f: \$w\"; exit 1; }; done"
check "a page lists every flag of its option table (createprimary)" \
    bash -c "'$out/createprimary' --man | awk -F '\t' '\$1 == \"opt\" { print \$2 }' | while read -r f; do \
        MANWIDTH=200 man -l '$out/man/man1/tsscreateprimary.1' 2>/dev/null | grep -qe \"^ *\$f\" || { echo no \$f; exit 1; }; done"
fails "genman.sh refuses a program without --man" sh "$top/utils/man/genman.sh" /bin/true tss 1
expect "genman.sh: the message names the program" "genman.sh: /bin/true --man printed no table"
