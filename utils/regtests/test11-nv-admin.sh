#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: NV administration (types, locks, tracked Names), PCR allocation, raw commands, Nuvoton
# Every NV type and lock, and the Name change each causes: after each state change a command
# through an HMAC session must succeed (its cpHash holds the Name the library tracked), and the
# TPM's Name must equal the one computed offline. Ends with a PCR bank allocation round trip
# (skipped with REG_NOPOWER=1), which power-cycles the TPM.

g11_hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
G11_IDX="01501101 01501102 01501104 01501105 01501106 01501107 01501108 01501109 0150110a 0150110b"
G11_POLD=0150110c
G11_S=
G11_PREV=
# a wrong password through session 1: TPM_RC_AUTH_FAIL, or TPM_RC_BAD_AUTH (no DA consequence)
G11_AUTH='rc 000009(8e|a2)'

# the session handle "startauthsession" printed
g11_handle() { sed -n 's/^Handle \([0-9a-f]*\).*/\1/p' "$WORK/last.out"; }

# the Name now, as the baseline for the next g11_track; the library's copy is taken first,
# since nvreadpublic refreshes it
g11_base() {
    cp "$TPM_DATA_DIR/h$2.bin" g11cached.name 2>/dev/null || : >g11cached.name
    run "$1: nvreadpublic" u nvreadpublic -ha "$2" -on g11.name
    G11_PREV=$(g11_hex g11.name)
    check "$1: the library cached the Name at definition" cmp g11.name g11cached.name
}

# g11_track changed|same LABEL IDX CMD...: after a state change of IDX, CMD (which must not
# change the Name) runs through the HMAC session; the library's cached Name (taken before CMD,
# since nvreadpublic refreshes it) equals the TPM's, which equals publicname's offline Name of
# the public area nvreadpublic returned; and the Name changed, or not, from the previous one.
g11_track() {
    local how=$1 label=$2 idx=$3; shift 3
    cp "$TPM_DATA_DIR/h$idx.bin" g11cached.name 2>/dev/null || : >g11cached.name
    run "$label: then $1 through an HMAC session" u "$@" -se0 "$G11_S" 01
    run "$label: nvreadpublic -opu -on" u nvreadpublic -ha "$idx" -opu g11.pub -on g11.name
    run "$label: publicname -invpu" u publicname -invpu g11.pub -on g11off.name
    check "$label: the TPM's Name equals publicname's" cmp g11.name g11off.name
    check "$label: the library tracked the new Name" cmp g11cached.name g11.name
    if [ "$how" = changed ]; then
        check "$label: the Name changed" test "$(g11_hex g11.name)" != "$G11_PREV"
    else
        check "$label: the Name did not change" g11_same "$(g11_hex g11.name)" "$G11_PREV"
    fi
    G11_PREV=$(g11_hex g11.name)
}

# g11_same A B: the values are equal and not empty (a failed command leaves them empty)
g11_same() { [ -n "$1" ] && [ "$1" = "$2" ]; }

# g11_u64 HEX N: the 8-byte big-endian counter HEX plus N, in hex (nothing if HEX is empty)
g11_u64() { [ -n "$1" ] && printf '%016x' $((16#$1 + $2)); }

# g11_forgot HAD IDX: the library held IDX's Name file before the undefine (HAD is 1) and
# no longer does
g11_forgot() { [ "$1" = 1 ] && [ ! -e "$TPM_DATA_DIR/h$2.bin" ]; }
g11_has_name() { [ -e "$TPM_DATA_DIR/h$1.bin" ] && echo 1; }

# g11_gone IDX...: the TPM says TPM_RC_HANDLE to nvreadpublic of each index
g11_gone() {
    local i
    for i in "$@"; do
        u nvreadpublic -ha "$i" >"$WORK/g11gone.out" 2>&1 && { echo "$i is still defined"; return 1; }
        grep -q 'rc 0000018b' "$WORK/g11gone.out" || { echo "$i:"; cat "$WORK/g11gone.out"; return 1; }
    done
}

# removes what this group defined (or the indexes in $1), flushes its sessions; quiet, safe
# to repeat
g11_cleanup() {
    local i p
    for i in ${1-$G11_IDX}; do
        u nvundefinespace -hi o -ha "$i" >/dev/null 2>&1 || u nvundefinespace -hi p -ha "$i" >/dev/null 2>&1
    done
    if u nvreadpublic -ha $G11_POLD >/dev/null 2>&1; then
        p=$(u startauthsession -se p 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
        u policycommandcode -ha "$p" -cc 11f >/dev/null 2>&1
        u nvundefinespacespecial -ha $G11_POLD -se0 "$p" 0 >/dev/null 2>&1 ||
            u flushcontext -ha "$p" >/dev/null 2>&1
    fi
    [ -n "$G11_S" ] && u flushcontext -ha "$G11_S" >/dev/null 2>&1
    G11_S=
}
g11_cleanup

run "startauthsession (HMAC session for the Name checks)" u startauthsession -se h
G11_S=$(g11_handle)
check "startauthsession printed a session handle" test -n "$G11_S"

# ---- ordinary index, WRITE_STCLEAR: written, then write-locked
I=01501101
run "nvdefinespace ordinary +at wst" u nvdefinespace -hi o -ha $I -pwdn opw -sz 16 +at wst
g11_base "ordinary" $I
run "ordinary: nvwrite" u nvwrite -ha $I -pwdn opw -ic "ordinary data"
g11_track changed "ordinary written" $I nvread -ha $I -pwdn opw -sz 13 -of g11o.bin
check "ordinary: nvread returns what was written" test "$(cat g11o.bin)" = "ordinary data"
fails_with "ordinary: nvreadlock without READ_STCLEAR" "rc 00000282" u nvreadlock -ha $I -pwdn opw
expect "ordinary: the failure is TPM_RC_ATTRIBUTES" "TPM_RC_ATTRIBUTES"
run "ordinary: nvwritelock (WRITE_STCLEAR)" u nvwritelock -ha $I -pwdn opw
g11_track changed "ordinary write-locked" $I nvread -ha $I -pwdn opw -sz 4
fails_with "ordinary: a write-locked index refuses nvwrite" "rc 00000148" u nvwrite -ha $I -pwdn opw -ic x
expect "ordinary: the failure is TPM_RC_NV_LOCKED" "TPM_RC_NV_LOCKED"
run "ordinary: nvwritelock again is a no-op" u nvwritelock -ha $I -pwdn opw -se0 "$G11_S" 01
g11_track same "ordinary locked twice" $I nvread -ha $I -pwdn opw -sz 4
fails_with "nvwritelock with a wrong password" "$G11_AUTH" u nvwritelock -ha $I -pwdn wrong
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvwritelock without -ha" "nvwritelock: missing -ha" u nvwritelock -pwdn opw

# ---- WRITEDEFINE: the lock is taken through the HMAC session itself
I=01501102
run "nvdefinespace ordinary +at wd" u nvdefinespace -hi o -ha $I -pwdn dpw -sz 8 +at wd
g11_base "writedefine" $I
run "writedefine: nvwrite through the HMAC session" u nvwrite -ha $I -pwdn dpw -ic 12345678 -se0 "$G11_S" 01
g11_track changed "writedefine written" $I nvread -ha $I -pwdn dpw -sz 8
run "writedefine: nvwritelock through the HMAC session" u nvwritelock -ha $I -pwdn dpw -se0 "$G11_S" 01
g11_track changed "writedefine write-locked" $I nvread -ha $I -pwdn dpw -sz 8
fails_with "writedefine: a write-locked index refuses nvwrite" "rc 00000148" u nvwrite -ha $I -pwdn dpw -ic x
expect "writedefine: the failure is TPM_RC_NV_LOCKED" "TPM_RC_NV_LOCKED"

# ---- READ_STCLEAR: read-locked; writes still work
I=01501104
run "nvdefinespace ordinary +at rst" u nvdefinespace -hi o -ha $I -pwdn rpw -sz 8 +at rst
g11_base "readlock" $I
run "readlock: nvwrite" u nvwrite -ha $I -pwdn rpw -ic abcdefgh
g11_track changed "readlock written" $I nvread -ha $I -pwdn rpw -sz 8
fails_with "readlock: nvwritelock without WRITEDEFINE or WRITE_STCLEAR" "rc 00000282" u nvwritelock -ha $I -pwdn rpw
expect "readlock: the failure is TPM_RC_ATTRIBUTES" "TPM_RC_ATTRIBUTES"
fails_with "nvreadlock with a wrong password" "$G11_AUTH" u nvreadlock -ha $I -pwdn wrong
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvreadlock without -ha" "nvreadlock: missing -ha" u nvreadlock -pwdn rpw
run "readlock: nvreadlock through the HMAC session" u nvreadlock -ha $I -pwdn rpw -se0 "$G11_S" 01
g11_track changed "readlock read-locked" $I nvwrite -ha $I -pwdn rpw -ic ABCDEFGH
fails_with "readlock: a read-locked index refuses nvread" "rc 00000148" u nvread -ha $I -pwdn rpw -sz 8
expect "readlock: the failure is TPM_RC_NV_LOCKED" "TPM_RC_NV_LOCKED"

# ---- GLOBALLOCK: nvglobalwritelock locks it
I=01501105
run "nvdefinespace ordinary +at gl" u nvdefinespace -hi o -ha $I -pwdn gpw -sz 8 +at gl
g11_base "globallock" $I
run "globallock: nvwrite" u nvwrite -ha $I -pwdn gpw -ic 87654321
g11_track changed "globallock written" $I nvread -ha $I -pwdn gpw -sz 8
fails_with "nvglobalwritelock with a wrong owner password" "$G11_AUTH" u nvglobalwritelock -pwd wrong
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvglobalwritelock -hia x" "bad value .x. for -hia" u nvglobalwritelock -hia x
run "nvglobalwritelock (owner) through the HMAC session" u nvglobalwritelock -hia o -se0 "$G11_S" 01
g11_track changed "globallock write-locked" $I nvread -ha $I -pwdn gpw -sz 8
fails_with "globallock: a write-locked index refuses nvwrite" "rc 00000148" u nvwrite -ha $I -pwdn gpw -ic x
expect "globallock: the failure is TPM_RC_NV_LOCKED" "TPM_RC_NV_LOCKED"

# ---- owner-authorized index: -hia o for write, lock and the HMAC read
I=01501106
run "nvdefinespace -hia o +at wst" u nvdefinespace -hi o -ha $I -hia o -sz 8 +at wst
g11_base "owner" $I
run "owner: nvwrite -hia o" u nvwrite -ha $I -hia o -ic owner123
g11_track changed "owner written" $I nvread -ha $I -hia o -sz 8
run "owner: nvwritelock -hia o" u nvwritelock -ha $I -hia o
g11_track changed "owner write-locked" $I nvread -ha $I -hia o -sz 8
fails_with "owner: nvwrite -hia o refused" "rc 00000148" u nvwrite -ha $I -hia o -ic x

# ---- counter
I=01501107
run "nvdefinespace counter" u nvdefinespace -hi o -ha $I -pwdn cpw -ty c
g11_base "counter" $I
fails_with "counter: nvread before the first increment" "rc 0000014a" u nvread -ha $I -pwdn cpw -sz 8
expect "counter: the failure is TPM_RC_NV_UNINITIALIZED" "TPM_RC_NV_UNINITIALIZED"
run "counter: first nvincrement through the HMAC session" u nvincrement -ha $I -pwdn cpw -se0 "$G11_S" 01
g11_track changed "counter incremented" $I nvread -ha $I -pwdn cpw -sz 8 -of g11c1.bin
c1=$(g11_hex g11c1.bin)
check "counter: the value is 8 bytes" test "$(stat -c %s g11c1.bin)" -eq 8
run "counter: nvincrement" u nvincrement -ha $I -pwdn cpw
run "counter: nvincrement through the HMAC session" u nvincrement -ha $I -pwdn cpw -se0 "$G11_S" 01
g11_track same "counter incremented twice more" $I nvread -ha $I -pwdn cpw -sz 8 -of g11c3.bin
check "counter: two increments add 2 (big-endian)" g11_same "$(g11_hex g11c3.bin)" "$(g11_u64 "$c1" 2)"
fails_with "counter: nvwrite is refused" "rc 00000082" u nvwrite -ha $I -pwdn cpw -ic 12345678
expect "counter: the failure is TPM_RC_ATTRIBUTES" "TPM_RC_ATTRIBUTES"
fails_with "nvincrement with a wrong password" "$G11_AUTH" u nvincrement -ha $I -pwdn wrong
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvincrement without -ha" "nvincrement: missing -ha" u nvincrement -pwdn cpw
fails_with "nvincrement -ha of a key handle" "-ha 81000001 is not an NV index handle" u nvincrement -ha 81000001
fails_with "nvincrement of an ordinary index" "rc 00000282" u nvincrement -ha 01501104 -pwdn rpw

# ---- bit field
I=01501108
run "nvdefinespace bits" u nvdefinespace -hi o -ha $I -pwdn bpw -ty b
g11_base "bits" $I
run "bits: nvsetbits -bit 0 -bit 3" u nvsetbits -ha $I -pwdn bpw -bit 0 -bit 3
g11_track changed "bits set" $I nvread -ha $I -pwdn bpw -sz 8 -of g11b1.bin
check "bits: the value is 0x9" test "$(g11_hex g11b1.bin)" = 0000000000000009
run "bits: nvsetbits -bit 63 -bit 3 through the HMAC session" u nvsetbits -ha $I -pwdn bpw -bit 63 -bit 3 -se0 "$G11_S" 01
g11_track same "bits set again" $I nvread -ha $I -pwdn bpw -sz 8 -of g11b2.bin
check "bits: setbits ORs (0x8000000000000009)" test "$(g11_hex g11b2.bin)" = 8000000000000009
run "nvsetbits -phash sha256 (does not run the command)" u nvsetbits -ha $I -bit 1 -phash sha256 g11ph.bin
printf '\x00\x00\x01\x35\x00\x00\x00\x00\x00\x00\x00\x02' | openssl dgst -sha256 -binary > g11ph.want
check "nvsetbits -phash is H(TPM_CC_NV_SetBits || bits)" cmp g11ph.bin g11ph.want
expect "nvsetbits -phash prints it in hex" "^$(g11_hex g11ph.want)\$"
run "bits: nvread after -phash" u nvread -ha $I -pwdn bpw -sz 8 -of g11b3.bin
check "bits: -phash left the index alone" cmp g11b2.bin g11b3.bin
fails_with "nvsetbits with a wrong password" "$G11_AUTH" u nvsetbits -ha $I -pwdn wrong -bit 1
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvsetbits without -ha" "nvsetbits: missing -ha" u nvsetbits -pwdn bpw -bit 1
fails_with "nvsetbits -bit 64" "-bit 64 is not a bit number 0 to 63" u nvsetbits -ha $I -pwdn bpw -bit 64
fails_with "nvsetbits -bit x" "-bit x is not a bit number 0 to 63" u nvsetbits -ha $I -pwdn bpw -bit x
fails_with "nvsetbits -phash md5" "bad -phash algorithm .md5." u nvsetbits -ha $I -bit 1 -phash md5 g11ph.bin
fails_with "nvsetbits -phash without a file" "-phash needs 2 values" u nvsetbits -ha $I -bit 1 -phash sha256

# ---- extend: the value is the hash chain, computed with openssl
I=01501109
run "nvdefinespace extend (sha256)" u nvdefinespace -hi o -ha $I -pwdn epw -ty e
g11_base "extend" $I
run "extend: nvextend -ic" u nvextend -ha $I -pwdn epw -ic abc
g11_track changed "extend extended" $I nvread -ha $I -pwdn epw -sz 32 -of g11e1.bin
{ head -c 32 /dev/zero; printf abc; } | openssl dgst -sha256 -binary > g11e1.want
check "extend: value is H(0^32 || abc)" cmp g11e1.bin g11e1.want
head -c 300 /dev/urandom > g11e.dat
run "extend: nvextend -if through the HMAC session" u nvextend -ha $I -pwdn epw -if g11e.dat -se0 "$G11_S" 01
g11_track same "extend extended again" $I nvread -ha $I -pwdn epw -sz 32 -of g11e2.bin
cat g11e1.want g11e.dat | openssl dgst -sha256 -binary > g11e2.want
check "extend: value is H(previous || data)" cmp g11e2.bin g11e2.want
fails_with "nvextend with a wrong password" "$G11_AUTH" u nvextend -ha $I -pwdn wrong -ic x
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
fails_with "nvextend without -ha" "nvextend: missing -ha" u nvextend -pwdn epw -ic x
fails_with "nvextend without data" "one of -ic and -if is required" u nvextend -ha $I -pwdn epw
head -c 5000 /dev/zero > g11big.dat
fails_with "nvextend of more than one command holds" "data is 5000 bytes, at most [0-9]+ fit one command" u nvextend -ha $I -pwdn epw -if g11big.dat
fails_with "nvextend of a missing file" "cannot read .*/no/such/file" u nvextend -ha $I -pwdn epw -if "$WORK/no/such/file"

# ---- PIN pass: each use of the index's password counts; at pinLimit it is refused
I=0150110a
printf '\x00\x00\x00\x00\x00\x00\x00\x02' > g11pin.bin
run "nvdefinespace pin pass +at ow +at or" u nvdefinespace -hi o -ha $I -pwdn ppw -ty p +at ow +at or
g11_base "pin pass" $I
run "pin pass: nvwrite pinCount 0 pinLimit 2 (owner)" u nvwrite -ha $I -hia o -if g11pin.bin
g11_track changed "pin pass written" $I nvread -ha $I -hia o -sz 8 -of g11p0.bin
check "pin pass: pinCount 0 pinLimit 2" test "$(g11_hex g11p0.bin)" = 0000000000000002
run "pin pass: nvread with the pin through the HMAC session" u nvread -ha $I -pwdn ppw -sz 8 -se0 "$G11_S" 01
run "pin pass: nvread with the pin" u nvread -ha $I -pwdn ppw -sz 8
fails_with "pin pass: a third use is refused" "rc 0000012f" u nvread -ha $I -pwdn ppw -sz 8
expect "pin pass: the failure is TPM_RC_AUTH_UNAVAILABLE" "TPM_RC_AUTH_UNAVAILABLE"
g11_track same "pin pass used up" $I nvread -ha $I -hia o -sz 8 -of g11p2.bin
check "pin pass: pinCount 2" test "$(g11_hex g11p2.bin)" = 0000000200000002

# ---- PIN fail: each failure counts, a success resets
I=0150110b
run "nvdefinespace pin fail +at ow +at or" u nvdefinespace -hi o -ha $I -pwdn fpw -ty f +at ow +at or
g11_base "pin fail" $I
run "pin fail: nvwrite pinCount 0 pinLimit 2 (owner)" u nvwrite -ha $I -hia o -if g11pin.bin
g11_track changed "pin fail written" $I nvread -ha $I -hia o -sz 8
fails_with "pin fail: a wrong pin" "$G11_AUTH" u nvread -ha $I -pwdn wrong -sz 8
run "pin fail: nvread -hia o" u nvread -ha $I -hia o -sz 8 -of g11f1.bin
check "pin fail: pinCount 1 after one failure" test "$(g11_hex g11f1.bin)" = 0000000100000002
run "pin fail: the right pin through the HMAC session" u nvread -ha $I -pwdn fpw -sz 8 -se0 "$G11_S" 01
g11_track same "pin fail reset" $I nvread -ha $I -hia o -sz 8 -of g11f2.bin
check "pin fail: a success resets pinCount" test "$(g11_hex g11f2.bin)" = 0000000000000002
fails_with "pin fail: a second wrong pin" "$G11_AUTH" u nvread -ha $I -pwdn wrong -sz 8
fails_with "pin fail: a third wrong pin" "$G11_AUTH" u nvread -ha $I -pwdn wrong -sz 8
fails_with "pin fail: at pinLimit even the right pin is refused" "rc 0000012f" u nvread -ha $I -pwdn fpw -sz 8
expect "pin fail: the failure is TPM_RC_AUTH_UNAVAILABLE" "TPM_RC_AUTH_UNAVAILABLE"

# ---- policy delete: nvundefinespacespecial with PolicyCommandCode(NV_UndefineSpaceSpecial)
I=$G11_POLD
{ head -c 32 /dev/zero; printf '\x00\x00\x01\x6c\x00\x00\x01\x1f'; } | openssl dgst -sha256 -binary > g11pold.pol
run "nvdefinespace -hi p +at pold with the policy" u nvdefinespace -hi p -ha $I -sz 8 -pol g11pold.pol +at pold
fails_with "policy delete: nvundefinespace is refused" "rc 00000282" u nvundefinespace -hi p -ha $I
expect "policy delete: the failure is TPM_RC_ATTRIBUTES" "TPM_RC_ATTRIBUTES"
run "startauthsession (policy)" u startauthsession -se p
P=$(g11_handle)
fails_with "nvundefinespacespecial before the policy is satisfied" "rc 0000099d" u nvundefinespacespecial -ha $I -se0 "$P" 01
expect "the failure is TPM_RC_POLICY_FAIL" "TPM_RC_POLICY_FAIL"
run "policycommandcode NV_UndefineSpaceSpecial" u policycommandcode -ha "$P" -cc 11f
fails_with "nvundefinespacespecial with a wrong platform password" "rc 00000a(8e|a2)" u nvundefinespacespecial -ha $I -pwdp wrong -se0 "$P" 01
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
u flushcontext -ha "$P" >/dev/null 2>&1
run "startauthsession (policy) again" u startauthsession -se p
P=$(g11_handle)
run "policycommandcode NV_UndefineSpaceSpecial" u policycommandcode -ha "$P" -cc 11f
G11_HAD=$(g11_has_name $I)
run "nvundefinespacespecial" u nvundefinespacespecial -ha $I -se0 "$P" 0
u flushcontext -ha "$P" >/dev/null 2>&1 # only if the command failed and left it loaded
fails_with "the index is gone" "rc 0000018b" u nvreadpublic -ha $I
check "the library forgot the Name" g11_forgot "$G11_HAD" $I
# With PolicyAuthValue the response HMAC would hold the index's auth value, but the index is
# gone when the TPM answers (it drops the session's association): the TPM, and so the TSS,
# computes that HMAC with the empty auth value.
{ cat g11pold.pol; printf '\x00\x00\x01\x6b'; } | openssl dgst -sha256 -binary > g11poldav.pol
I=0150110d
run "nvdefinespace +at pold, PolicyCommandCode + PolicyAuthValue, a password" \
    u nvdefinespace -hi p -ha $I -sz 8 -pwdn dpw -pol g11poldav.pol +at pold
run "startauthsession (policy, for PolicyAuthValue)" u startauthsession -se p
P=$(g11_handle)
run "policycommandcode NV_UndefineSpaceSpecial (PolicyAuthValue)" u policycommandcode -ha "$P" -cc 11f
run "policyauthvalue" u policyauthvalue -ha "$P"
G11_HAD=$(g11_has_name $I)
run "nvundefinespacespecial through PolicyAuthValue: the response verifies with the empty auth" \
    u nvundefinespacespecial -ha $I -pwdn dpw -se0 "$P" 0
fails_with "the index defined with PolicyAuthValue is gone" "rc 0000018b" u nvreadpublic -ha $I
expect "...the TPM says TPM_RC_HANDLE" "TPM_RC_HANDLE"
check "the library forgot its Name" g11_forgot "$G11_HAD" $I
u flushcontext -ha "$P" >/dev/null 2>&1 # only if the command failed and left it loaded
if u nvreadpublic -ha $I >/dev/null 2>&1; then # a failed run must not leave the index behind
    P=$(u startauthsession -se p 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
    u policycommandcode -ha "$P" -cc 11f >/dev/null 2>&1
    u policyauthvalue -ha "$P" >/dev/null 2>&1
    u nvundefinespacespecial -ha $I -pwdn dpw -se0 "$P" 0 >/dev/null 2>&1
    u flushcontext -ha "$P" >/dev/null 2>&1
fi
fails_with "nvundefinespacespecial without -ha" "nvundefinespacespecial: missing -ha" u nvundefinespacespecial -se0 "$P" 0
fails_with "nvundefinespacespecial -ha of a key handle" "-ha 81000001 is not an NV index handle" u nvundefinespacespecial -ha 81000001

# ---- -pwdn with -hia o|p (IBM's semantics): the password adds AUTHREAD, and AUTHWRITE but
# for a PIN index; the public area (so the Name) is the one IBM's tssnvdefinespace makes
G11_PW=01501110
g11_undef() { u nvundefinespace -hi o -ha $G11_PW >/dev/null 2>&1 || u nvundefinespace -hi p -ha $G11_PW >/dev/null 2>&1; return 0; }
# g11_pwdn LABEL ATTRIBUTES HIERARCHY ARGS...: nvdefinespace -hi HIERARCHY ARGS gives the
# ATTRIBUTES (hex, as nvreadpublic prints them), and the Name IBM's utility gives
g11_pwdn() {
    local label=$1 attr=$2 hi=$3; shift 3
    g11_undef
    run "$label: nvdefinespace" u nvdefinespace -hi "$hi" -ha $G11_PW "$@"
    run "$label: nvreadpublic" u nvreadpublic -ha $G11_PW -on g11pw.name
    expect "$label: attributes $attr" "attributes $attr\$"
    g11_undef
    if command -v tssnvdefinespace >/dev/null; then
        mkdir -p g11ibm
        env TPM_SERVER_TYPE=raw TPM_DATA_DIR="$WORK/g11ibm" tssnvdefinespace -hi "$hi" -ha $G11_PW "$@" >"$WORK/last.out" 2>&1
        u nvreadpublic -ha $G11_PW -on g11ibm.name >/dev/null 2>&1 || : >g11ibm.name
        check "$label: the Name equals the one IBM's tssnvdefinespace gives" cmp g11pw.name g11ibm.name
        g11_undef
    else
        echo "  skip  $label: IBM comparison (Debian package tss2 not installed)"
    fi
}
g11_pwdn "-hia o -pwdn (ordinary)" 02060006 o -hia o -pwdn g11pw -sz 4
g11_pwdn "-hia p -pwdn (ordinary)" 42050005 p -hia p -pwdn g11pw -sz 4
g11_pwdn "-hia o -pwdn (pin pass: no AUTHWRITE)" 02060092 o -hia o -pwdn g11pw -ty p
g11_pwdn "-hia p -pwdn (pin fail: no AUTHWRITE)" 42050081 p -hia p -pwdn g11pw -ty f
g11_pwdn "-hia o -pwdn -at ar (removal comes after)" 02020006 o -hia o -pwdn g11pw -sz 4 -at ar
g11_pwdn "-hia o without -pwdn (owner only)" 02020002 o -hia o -sz 4
# the password works: the index authorizes with it as well as with the owner
run "-hia o -pwdn: nvdefinespace" u nvdefinespace -hi o -ha $G11_PW -hia o -pwdn g11pw -sz 4
run "-hia o -pwdn: nvwrite with the index password" u nvwrite -ha $G11_PW -pwdn g11pw -ic abcd
run "-hia o -pwdn: nvread with the index password" u nvread -ha $G11_PW -pwdn g11pw -of g11pw.dat
check "-hia o -pwdn: the data read is the data written" test "$(cat g11pw.dat)" = abcd
run "-hia o -pwdn: nvread with owner authorization" u nvread -ha $G11_PW -hia o
fails_with "-hia o -pwdn: nvread with a wrong index password" "$G11_AUTH" u nvread -ha $G11_PW -pwdn wrong
expect "-hia o -pwdn: the wrong password is TPM_RC_AUTH_FAIL" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH"
g11_undef

# ---- tpmcmd and timepacket: raw GetRandom(8)
printf '80 01 00 00 00 0c 00 00 01 7b 00 08 ' > g11gr.hex
printf '80010000000c0000017b0008 ' > g11ibm.hex # IBM's timepacket layout
printf '\x80\x01\x00\x00\x00\x0c\x00\x00\x01\x7b\x00\x08' > g11gr.bin
run "tpmcmd -if (hexascii GetRandom)" u tpmcmd -if g11gr.hex -of g11gr.rsp
expect "tpmcmd prints the 20-byte response" "response length 20"
expect "tpmcmd prints the success header" "80 01 00 00 00 14 00 00 00 00 00 08"
check "tpmcmd -of is the 20-byte response" test "$(stat -c %s g11gr.rsp)" -eq 20
check "the response is a success with 8 bytes" test "$(head -c 12 g11gr.rsp | od -An -tx1 | tr -d ' \n')" = 800100000014000000000008
run "tpmcmd -if (binary GetRandom)" u tpmcmd -if g11gr.bin
expect "tpmcmd prints the binary packet's response" "80 01 00 00 00 14 00 00 00 00 00 08"
printf '80 01 00 00 00 0c 00 00 01 7b 00 ' > g11bad.hex
fails_with "tpmcmd with a packet shorter than its header says" "g11bad.hex is not a command packet" u tpmcmd -if g11bad.hex
printf '80 01 00 00 00 0c 00 00 01 7b 00 0g' > g11bad2.hex
fails_with "tpmcmd with a non-hex packet" "g11bad2.hex is not a command packet" u tpmcmd -if g11bad2.hex
printf '80 01 00 00 00 0a 00 00 01 ff ' > g11unk.hex
fails_with "tpmcmd of an unimplemented command code exits 1" "rc 00000143" u tpmcmd -if g11unk.hex
expect "the TPM's error is decoded" "TPM_RC_COMMAND_CODE"
fails_with "tpmcmd without -if" "one of -if and -stop is required" u tpmcmd
fails_with "tpmcmd of a missing file" "cannot read .*/no/such/file" u tpmcmd -if "$WORK/no/such/file"
if [ "${TPM_SERVER_TYPE:-}" = swtpm ]; then
    fails_with "tpmcmd -stop is refused cleanly by swtpm" "rc 000b000c" u tpmcmd -stop
    expect "the failure is TSS_RC_NOT_IMPLEMENTED" "TSS_RC_NOT_IMPLEMENTED"
fi
run "timepacket -l 2 (IBM's packet layout)" u timepacket -if g11ibm.hex -l 2
expect "timepacket reports both passes" "End Pass 2"
expect "timepacket reports the time" "^Loops 2 time [0-9.]+ time per pass [0-9.]+"
fails_with "timepacket without -if" "timepacket: missing -if" u timepacket
fails_with "timepacket of a bad packet" "g11bad.hex is not a command packet" u timepacket -if g11bad.hex
fails_with "timepacket -l 0" "-l must be at least 1" u timepacket -if g11gr.hex -l 0

# ---- Nuvoton: not in swtpm; never sent to a device (it could reconfigure a real TPM)
run_ntc2=1
[ "${TPM_INTERFACE_TYPE:-}" = dev ] && run_ntc2=0
if [ $run_ntc2 = 1 ]; then
    fails_with "ntc2getconfig" "rc 00000143" u ntc2getconfig
    expect "ntc2getconfig: TPM_RC_COMMAND_CODE decoded" "TPM_RC_COMMAND_CODE"
    fails_with "ntc2getconfig -verify -p9" "rc 00000143" u ntc2getconfig -verify -p9
    fails_with "ntc2preconfig -p8" "rc 00000143" u ntc2preconfig -p8
    expect "ntc2preconfig: TPM_RC_COMMAND_CODE decoded" "TPM_RC_COMMAND_CODE"
    fails_with "ntc2preconfig -override -CFG_A fe" "rc 00000143" u ntc2preconfig -override -CFG_A fe
    expect "ntc2preconfig -override: TPM_RC_COMMAND_CODE decoded" "TPM_RC_COMMAND_CODE"
    fails_with "ntc2lockconfig -lock" "rc 00000143" u ntc2lockconfig -lock
    expect "ntc2lockconfig: TPM_RC_COMMAND_CODE decoded" "TPM_RC_COMMAND_CODE"
else
    echo "  skip  ntc2 commands against a device"
fi
fails_with "ntc2lockconfig without -lock" "ntc2lockconfig: missing -lock" u ntc2lockconfig
fails_with "ntc2preconfig without -p8, -p9 or -override" "exactly one of -p8, -p9 and -override is required" u ntc2preconfig
fails_with "ntc2preconfig -override without a value" "-override requires at least one value" u ntc2preconfig -override
fails_with "ntc2preconfig -p8 with a value" "-p8 and -p9 set every register: no value may be given" u ntc2preconfig -p8 -CFG_A fe
fails_with "ntc2preconfig -CFG_A 1fe (not a byte)" "-CFG_A 1fe is not a byte" u ntc2preconfig -override -CFG_A 1fe
fails_with "ntc2getconfig -p8 -p9" "-p8 and -p9 exclude each other" u ntc2getconfig -p8 -p9

# ---- undefine what this group made, but the three STCLEAR-locked indexes: the power cycle
# below clears their locks, which changes their Names back
G11_KEEP="01501101 01501104 01501105"
g11_others=
for i in $G11_IDX; do case " $G11_KEEP " in *" $i "*) ;; *) g11_others="$g11_others $i" ;; esac; done
g11_cleanup "$g11_others"

# ---- PCR bank allocation: sha256 only, power cycle, then every bank again
fails_with "pcrallocate without a bank" "no PCR bank given" u pcrallocate
fails_with "pcrallocate +md5" "\+md5 is not a valid option" u pcrallocate +md5
fails_with "pcrallocate +sha1 -sha1 (a bank twice)" "sha1: the bank is named twice" u pcrallocate +sha1 -sha1
fails_with "pcrallocate with a wrong platform password" "$G11_AUTH" u pcrallocate -pwdp wrong +sha256
expect "the failure is TPM_RC_BAD_AUTH" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL"
# the banks allocated now: "hash TPM_ALG_SHAx" then three "pcrSelect xx" lines
g11_banks() {
    u getcapability -cap 5 | awk '/hash TPM_ALG_/ {b=$2; sub("TPM_ALG_", "", b)}
        /pcrSelect/ && $NF != "00" {a[b]=1} END {for (k in a) print tolower(k)}' | sort | tr '\n' ' '
}
if [ "${REG_NOPOWER:-0}" = 1 ]; then
    echo "  skip  pcrallocate power cycles (REG_NOPOWER=1: no power signals)"
else
    g11_orig=$(g11_banks)
    check "some PCR banks are allocated" test -n "$g11_orig"
    g11_off=
    for b in $g11_orig; do [ "$b" = sha256 ] || g11_off="$g11_off -$b"; done
    run "pcrallocate +sha256$g11_off" u pcrallocate +sha256 $g11_off
    run "powerup" u powerup
    run "startup" u startup
    check "getcapability -cap 5 shows sha256 only" test "$(g11_banks)" = "sha256 "
    # Startup(CLEAR) ended the WRITE_STCLEAR, READ_STCLEAR and global write locks: the Names
    # lost their lock bits, which the library must follow for HMAC sessions to work
    run "startauthsession (HMAC) after the power cycle" u startauthsession -se h
    G11_S=$(g11_handle)
    run "after Startup(CLEAR): nvwrite through an HMAC session to the formerly write-locked index" \
        u nvwrite -ha 01501101 -pwdn opw -ic again -se0 "$G11_S" 01
    run "after Startup(CLEAR): nvread through an HMAC session of the formerly read-locked index" \
        u nvread -ha 01501104 -pwdn rpw -sz 8 -se0 "$G11_S" 01
    run "after Startup(CLEAR): nvwrite through an HMAC session to the formerly globally locked index" \
        u nvwrite -ha 01501105 -pwdn gpw -ic again -se0 "$G11_S" 01
    g11_cleanup
    g11_on=
    for b in $g11_orig; do g11_on="$g11_on +$b"; done
    run "pcrallocate restores$g11_on" u pcrallocate $g11_on
    run "powerup" u powerup
    run "startup" u startup
    check "getcapability -cap 5 shows the original banks again" g11_same "$(g11_banks)" "$g11_orig"
fi
g11_cleanup
check "every index of the group is gone" g11_gone $G11_IDX $G11_POLD 0150110d $G11_PW
