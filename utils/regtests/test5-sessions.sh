#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: HMAC, bound, salted and policy sessions; parameter encryption; session state files
#
# HMAC sessions of every kind (unbound, bound to a key with a password, salted with an RSA and
# an ECC primary key) and hash, with XOR and AES parameter encryption both ways; on the wire
# (TPM_TRACE_LEVEL=3) the plaintext must be absent exactly when a session encrypts it. One
# session shared by several processes; tampered state and a wrong TPM_SESSION_ENCKEY. Policy
# sessions authorizing unseal for objects whose policy a trial session built; trial digests
# are checked against digests computed with openssl. Everything made is removed at the end,
# also when checks failed.

G5=$WORK/g5
mkdir -p "$G5"
G5_NV=01500051
G5_HANDLES=""
G5_K1=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
G5_K2=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100

# ---- helpers --------------------------------------------------------------------------------

g5_handle() { sed -n 's/^Handle \([0-9a-fA-F]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
g5_track() { [ -n "$1" ] && G5_HANDLES="$G5_HANDLES $1"; return 0; }
g5_flush() {
    local h
    for h in "$@"; do
        [ -n "$h" ] || continue
        u flushcontext -ha "$h" >/dev/null 2>&1
        G5_HANDLES=$(echo "$G5_HANDLES" | sed "s/ $h//g")
    done
    return 0
}
g5_hex() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }
g5_bin2hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
g5_hex2bin() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
# hex of H(bytes of hex $2) with algorithm $1
g5_hash() { g5_hex2bin "$2" | openssl dgst -"$1" -binary | od -An -tx1 -v | tr -d ' \n'; }
g5_zero() { head -c "$1" /dev/zero | od -An -tx1 -v | tr -d ' \n'; }
# the command (c) or response (r) bytes, in hex, of the last run under TPM_TRACE_LEVEL=3
g5_wire() {
    awk -v want="$1" '/^command \(/ { m = "c"; next } /^response \(/ { m = "r"; next }
        /^  [0-9a-f][0-9a-f]( |$)/ { if (m == want) printf "%s", $0; next } { m = "" }' \
        "$WORK/last.out" | tr -d ' '
}
# a utility with the library tracing the bytes it sends and receives
g5_traced() { local p=$1; shift; env TPM_TRACE_LEVEL=3 "${PREFIX}$p" "$@"; }
# g5_fails1_with NAME REGEX CMD...: the exit status must be exactly 1 and the output must
# match REGEX (why it fails)
g5_fails1_with() {
    local name=$1 re=$2 st ok=1
    shift 2
    "$@" >"$WORK/last.out" 2>&1
    st=$?
    if [ "$st" -eq 1 ] && grep -qE -- "$re" "$WORK/last.out"; then ok=0; else
        echo "(exit status $st, expected 1 and output matching: $re)" >>"$WORK/last.out"; fi
    _report $ok "$name"
}
# g5_start NAME ARGS...: startauthsession ARGS; the handle goes to S
g5_start() {
    local name=$1
    shift
    run "$name" u startauthsession "$@"
    S=$(g5_handle)
    g5_track "$S"
}
g5_loaded() {
    u getcapability -cap 1 -pr 80000000 2>&1
    u getcapability -cap 1 -pr 02000000 2>&1
    u getcapability -cap 1 -pr 03000000 2>&1
}
g5_cleanup() {
    local h
    for h in $G5_HANDLES; do u flushcontext -ha "$h" >/dev/null 2>&1; done
    G5_HANDLES=""
    u nvundefinespace -hi o -ha "$G5_NV" >/dev/null 2>&1
    return 0
}

g5_cleanup
g5_loaded > "$G5/before.txt"

# ---- keys and an NV index -------------------------------------------------------------------

run "createprimary RSA storage key with a password (salt and bind)" u createprimary -hi o -pwdk ppw
PR=$(g5_handle); g5_track "$PR"
run "createprimary ECC P-256 storage key (salt)" u createprimary -hi o -ecc nistp256
PE=$(g5_handle); g5_track "$PE"
run "nvdefinespace with a password" u nvdefinespace -hi o -ha $G5_NV -pwdn npw -sz 64
printf 'blob' > "$G5/blob.in"

# ---- every kind of HMAC session, each hash ---------------------------------------------------

i=0
for kind in plain bound salt-rsa salt-ecc; do
    for h in sha1 sha256 sha384 sha512; do
        sym=aes; [ $((i % 2)) -eq 1 ] && sym=xor; i=$((i + 1))
        case $kind in
            plain) extra=() ;;
            bound) extra=(-bi "$PR" -pwdb ppw) ;;
            salt-rsa) extra=(-hs "$PR") ;;
            salt-ecc) extra=(-hs "$PE") ;;
        esac
        k="$kind $h $sym"
        g5_start "startauthsession ($k)" -se h -halg $h -sym $sym "${extra[@]}"
        expect "it prints the handle as IBM's ($k)" "^Handle 02[0-9a-f]{6}$"
        data="data $k"
        run "nvwrite, command encrypted ($k)" u nvwrite -ha $G5_NV -pwdn npw -ic "$data" -se0 "$S" 21
        rm -f "$G5/rd.bin"
        run "nvread, response encrypted ($k)" u nvread -ha $G5_NV -pwdn npw -sz ${#data} -of "$G5/rd.bin" -se0 "$S" 41
        check "data read equals data written ($k)" test "$(cat "$G5/rd.bin")" = "$data"
        run "create under the password key through the session ($k)" \
            u create -hp "$PR" -pwdp ppw -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 01
        g5_fails1_with "a wrong password through the session fails with exit 1 ($k)" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" \
            u nvread -ha $G5_NV -pwdn wrong -sz 4 -se0 "$S" 01
        if [ $kind = bound ]; then
            # on its bind entity the session key already holds the auth value (Part 1 19.6.11)
            run "the bound session on its bind key needs no password ($h)" \
                u create -hp "$PR" -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 01
            # but parameter encryption keys hold it even there (the TPM's reference code)
            run "the bound session on its bind key, inSensitive encrypted ($h)" \
                u create -hp "$PR" -pwdp ppw -bl -if "$G5/blob.in" -pwdk bpw -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 21
            run "load what it created ($h)" u load -hp "$PR" -pwdp ppw -ipr "$G5/b.priv" -ipu "$G5/b.pub"
            BK=$(g5_handle); g5_track "$BK"
            rm -f "$G5/b.out"
            run "unseal it with the encrypted password ($h)" u unseal -ha "$BK" -pwd bpw -of "$G5/b.out"
            check "the encrypted inSensitive arrived intact ($h)" cmp "$G5/blob.in" "$G5/b.out"
            g5_flush "$BK"
        fi
        g5_had=$([ -n "$S" ] && [ -s "$TPM_DATA_DIR/h$S.bin" ] && echo yes)
        run "flushcontext ($k)" u flushcontext -ha "$S"
        check "flushcontext removes the session state file ($k)" test "$g5_had" = yes -a ! -e "$TPM_DATA_DIR/h$S.bin"
        g5_flush "$S"
    done
done
g5_start "startauthsession salted and bound, AES" -se h -hs "$PE" -bi "$PR" -pwdb ppw -sym aes
run "nvwrite through the salted bound session" u nvwrite -ha $G5_NV -pwdn npw -ic "salted+bound" -se0 "$S" 21
run "nvread through the salted bound session" u nvread -ha $G5_NV -pwdn npw -sz 12 -of "$G5/rd.bin" -se0 "$S" 41
check "salted bound session: data read equals data written" test "$(cat "$G5/rd.bin")" = "salted+bound"
g5_flush "$S"
g5_start "startauthsession bound with a wrong -pwdb" -se h -bi "$PR" -pwdb wrong
g5_fails1_with "a session bound with the wrong -pwdb cannot authorize on its bind key" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" \
    u create -hp "$PR" -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 01
g5_flush "$S"

# ---- the TPM's session rules ----------------------------------------------------------------
# A bound session on its own bind entity: the TPM keys parameter encryption with the entity's
# auth value itself, whatever password the command gives (none, or a wrong one): the TSS keeps
# the -pwdb value in the session state for it.
g5_start "startauthsession bound to the NV index, AES" -se h -bi $G5_NV -pwdb npw -sym aes
for pw in none wrong; do
    a=(); [ $pw = wrong ] && a=(-pwdn wrong)
    data="bound-$pw-0123456789"
    run "nvwrite through the session bound to the index, password $pw, encrypted" \
        u nvwrite -ha $G5_NV "${a[@]}" -ic "$data" -se0 "$S" 21
    rm -f "$G5/rd.bin"
    run "nvread with the index password (password session, password $pw)" \
        u nvread -ha $G5_NV -pwdn npw -sz ${#data} -of "$G5/rd.bin"
    check "the TPM stored the data, not garbage (password $pw)" test "$(cat "$G5/rd.bin")" = "$data"
    rm -f "$G5/rd.bin"
    run "nvread through the bound session, password $pw, response encrypted" \
        u nvread -ha $G5_NV "${a[@]}" -sz ${#data} -of "$G5/rd.bin" -se0 "$S" 41
    check "the response decrypts to the data (password $pw)" test "$(cat "$G5/rd.bin")" = "$data"
done
g5_flush "$S"
g5_start "startauthsession bound to the storage key, AES" -se h -bi "$PR" -pwdb ppw -sym aes
run "create through the session bound to its parent, no -pwdp, inSensitive encrypted" \
    u create -hp "$PR" -bl -if "$G5/blob.in" -pwdk bpw -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 21
run "load what it created (bound, no -pwdp)" u load -hp "$PR" -pwdp ppw -ipr "$G5/b.priv" -ipu "$G5/b.pub"
BK=$(g5_handle); g5_track "$BK"
rm -f "$G5/b.out"
run "unseal it with the password sent encrypted" u unseal -ha "$BK" -pwd bpw -of "$G5/b.out"
check "the TPM decrypted inSensitive with the key's own auth value" cmp "$G5/blob.in" "$G5/b.out"
g5_flush "$BK"
# An audit use unbinds a session (the TPM's InitAuditSession): from then on its HMACs include
# the entity's auth value, also on the entity it was bound to.
run "create through the bound session, no password (bound)" \
    u create -hp "$PR" -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 01
run "create through the bound session with audit (81), no password" \
    u create -hp "$PR" -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 81
run "after the audit use the session is unbound: create with -pwdp succeeds" \
    u create -hp "$PR" -pwdp ppw -bl -if "$G5/blob.in" -opr "$G5/b.priv" -opu "$G5/b.pub" -se0 "$S" 01
g5_flush "$S"

# ---- parameter encryption seen on the wire ---------------------------------------------------

plain="wire-plaintext-0123"
ph=$(g5_hex "$plain")
for sym in xor aes; do
    g5_start "startauthsession -sym $sym" -se h -hs "$PR" -sym $sym
    run "nvwrite without encryption, traced ($sym)" g5_traced nvwrite -ha $G5_NV -pwdn npw -ic "$plain" -se0 "$S" 01
    check "without decrypt the data is on the wire ($sym)" sh -c 'case "$1" in *"$2"*) exit 0;; esac; exit 1' sh "$(g5_wire c)" "$ph"
    run "nvwrite with decrypt (21), traced ($sym)" g5_traced nvwrite -ha $G5_NV -pwdn npw -ic "$plain" -se0 "$S" 21
    check "with decrypt the command has bytes but not the data ($sym)" sh -c '[ ${#1} -gt 100 ] && case "$1" in *"$2"*) exit 1;; esac' sh "$(g5_wire c)" "$ph"
    run "nvread without encryption, traced ($sym)" g5_traced nvread -ha $G5_NV -pwdn npw -sz ${#plain} -se0 "$S" 01
    check "without encrypt the data is in the response ($sym)" sh -c 'case "$1" in *"$2"*) exit 0;; esac; exit 1' sh "$(g5_wire r)" "$ph"
    rm -f "$G5/rd.bin"
    run "nvread with encrypt (41), traced ($sym)" g5_traced nvread -ha $G5_NV -pwdn npw -sz ${#plain} -of "$G5/rd.bin" -se0 "$S" 41
    check "with encrypt the response has bytes but not the data ($sym)" sh -c '[ ${#1} -gt 50 ] && case "$1" in *"$2"*) exit 1;; esac' sh "$(g5_wire r)" "$ph"
    check "and the utility still gets the data ($sym)" test "$(cat "$G5/rd.bin")" = "$plain"
    g5_fails1_with "61 on nvread is refused: NV_Read has no parameter to encrypt ($sym)" "TSS_RC_NO_DECRYPT_PARAMETER" \
        u nvread -ha $G5_NV -pwdn npw -sz 4 -se0 "$S" 61
    expect "the message says why ($sym)" "no parameter"
    g5_flush "$S"
done

# create (the sealed data and password in inSensitive) and unseal (the data in the response)
printf 'sealed via an encrypting session' > "$G5/seal.in"
sh=$(g5_bin2hex "$G5/seal.in")
for sym in xor aes; do
    g5_start "startauthsession for create and unseal ($sym)" -se h -hs "$PR" -sym $sym
    run "create, inSensitive encrypted (21), traced ($sym)" g5_traced create -hp "$PR" -pwdp ppw -bl -if "$G5/seal.in" \
        -pwdk spw -opr "$G5/s.priv" -opu "$G5/s.pub" -se0 "$S" 21
    check "the sealed data is not on the wire ($sym)" sh -c '[ ${#1} -gt 100 ] && case "$1" in *"$2"*) exit 1;; esac' sh "$(g5_wire c)" "$sh"
    run "load it ($sym)" u load -hp "$PR" -pwdp ppw -ipr "$G5/s.priv" -ipu "$G5/s.pub"
    K=$(g5_handle); g5_track "$K"
    rm -f "$G5/seal.out"
    run "unseal, response encrypted (41), traced ($sym)" g5_traced unseal -ha "$K" -pwd spw -of "$G5/seal.out" -se0 "$S" 41
    check "the unsealed data is not on the wire ($sym)" sh -c '[ ${#1} -gt 50 ] && case "$1" in *"$2"*) exit 1;; esac' sh "$(g5_wire r)" "$sh"
    check "unsealed data equals the sealed data ($sym)" cmp "$G5/seal.in" "$G5/seal.out"
    g5_flush "$K"
    run "create with decrypt and encrypt (61) ($sym)" u create -hp "$PR" -pwdp ppw -bl -if "$G5/seal.in" \
        -pwdk spw -opr "$G5/s.priv" -opu "$G5/s.pub" -se0 "$S" 61
    run "load the 61 object ($sym)" u load -hp "$PR" -pwdp ppw -ipr "$G5/s.priv" -ipu "$G5/s.pub"
    K=$(g5_handle); g5_track "$K"
    run "unseal it ($sym)" u unseal -ha "$K" -pwd spw -of "$G5/seal.out"
    check "the 61 object holds the sealed data ($sym)" cmp "$G5/seal.in" "$G5/seal.out"
    g5_flush "$K" "$S"
done

# ---- one session, several processes; its state file -----------------------------------------

g5_start "startauthsession for consecutive runs" -se h -hs "$PE"
check "its state file exists" test -s "$TPM_DATA_DIR/h$S.bin"
run "run 1 with the shared session" u nvwrite -ha $G5_NV -pwdn npw -ic one -se0 "$S" 01
run "run 2 with the shared session" u nvwrite -ha $G5_NV -pwdn npw -ic two -se0 "$S" 01
rm -f "$G5/s3.bin"
run "run 3 with the shared session" u nvread -ha $G5_NV -pwdn npw -sz 3 -of "$G5/s3.bin" -se0 "$S" 01
check "run 3 read what run 2 wrote, all through the one session" test "$(cat "$G5/s3.bin")" = "two"
cp "$TPM_DATA_DIR/h$S.bin" "$G5/state.bak"
python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[len(b)//2]^=1; open(sys.argv[2],"wb").write(b)' \
    "$G5/state.bak" "$TPM_DATA_DIR/h$S.bin"
g5_fails1_with "a tampered session state file is refused with exit 1" "TSS_RC_STATE_FILE" u nvread -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
expect "the error says the state file was damaged or altered" "damaged or altered"
cp "$G5/state.bak" "$TPM_DATA_DIR/h$S.bin"
run "the restored state file works again" u nvread -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
g5_had=$([ -n "$S" ] && [ -s "$TPM_DATA_DIR/h$S.bin" ] && echo yes)
run "flushcontext the shared session" u flushcontext -ha "$S"
check "its state file is gone" test "$g5_had" = yes -a ! -e "$TPM_DATA_DIR/h$S.bin"
g5_flush "$S"

run "startauthsession with TPM_SESSION_ENCKEY set" env TPM_SESSION_ENCKEY=$G5_K1 "${PREFIX}startauthsession" -se h
S=$(g5_handle); g5_track "$S"
run "the same key reads the state" env TPM_SESSION_ENCKEY=$G5_K1 "${PREFIX}nvread" -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
g5_fails1_with "a wrong TPM_SESSION_ENCKEY is refused with exit 1" "TSS_RC_STATE_FILE" \
    env TPM_SESSION_ENCKEY=$G5_K2 "${PREFIX}nvread" -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
expect "the error names the state file problem" "damaged or altered|TPM_SESSION_ENCKEY"
g5_fails1_with "no TPM_SESSION_ENCKEY (the per-user key) is refused too" "TSS_RC_STATE_FILE" u nvread -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
run "the right key still works after the refusals" env TPM_SESSION_ENCKEY=$G5_K1 "${PREFIX}nvread" -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
g5_fails1_with "a malformed TPM_SESSION_ENCKEY is refused" "TSS_RC_BAD_PROPERTY_VALUE" env TPM_SESSION_ENCKEY=xyz "${PREFIX}nvread" -ha $G5_NV -pwdn npw -sz 3 -se0 "$S" 01
expect "the error names the variable" "TPM_SESSION_ENCKEY has an invalid value"
g5_flush "$S"
g5_flush "$PE"

# ---- policy sessions ------------------------------------------------------------------------

# g5_seal NAME POLICY: a sealed object under PR that only POLICY can unseal (userWithAuth
# clear), password spw; loaded, its handle in K
g5_seal() {
    run "create sealed object: $1" u create -hp "$PR" -pwdp ppw -bl -if "$G5/seal.in" -pwdk spw -uwa \
        -pol "$2" -opr "$G5/p.priv" -opu "$G5/p.pub"
    run "load sealed object: $1" u load -hp "$PR" -pwdp ppw -ipr "$G5/p.priv" -ipu "$G5/p.pub"
    K=$(g5_handle); g5_track "$K"
}
g5_unsealed() { check "$1" cmp "$G5/seal.in" "$G5/un.out"; }
g5_unseal() { rm -f "$G5/un.out"; run "$1" u unseal -ha "$K" -of "$G5/un.out" "${@:2}"; }
Z32=$(g5_zero 32)

# PolicyCommandCode(Unseal) + PolicyAuthValue, and PolicyPassword (the same digest)
g5_start "trial session" -se t
expect "a trial session is a policy session handle" "^Handle 03[0-9a-f]{6}$"
T=$S
run "trial policycommandcode Unseal" u policycommandcode -ha "$T" -cc 15e
run "trial policyauthvalue" u policyauthvalue -ha "$T"
run "trial policygetdigest" u policygetdigest -ha "$T" -of "$G5/ccav.bin"
expect "policygetdigest prints the digest as IBM's" "^ policyDigest length 32$"
d_cc=$(g5_hash sha256 "${Z32}0000016c0000015e")
d_ccav=$(g5_hash sha256 "${d_cc}0000016b")
check "trial digest equals H(H(0 || CC_PolicyCommandCode || Unseal) || CC_PolicyAuthValue)" \
    test "$(g5_bin2hex "$G5/ccav.bin")" = "$d_ccav"
run "policyrestart the trial session" u policyrestart -ha "$T"
run "policygetdigest after policyrestart" u policygetdigest -ha "$T" -of "$G5/zero.bin"
check "policyrestart sets the digest to zeros" test "$(g5_bin2hex "$G5/zero.bin")" = "$Z32"
run "trial policycommandcode Unseal again" u policycommandcode -ha "$T" -cc 15e
run "trial policygetdigest (command code only)" u policygetdigest -ha "$T" -of "$G5/cc.bin"
check "command-code-only digest" test "$(g5_bin2hex "$G5/cc.bin")" = "$d_cc"
run "trial policypassword" u policypassword -ha "$T"
run "trial policygetdigest (policypassword)" u policygetdigest -ha "$T" -of "$G5/ccpw.bin"
check "PolicyPassword gives the PolicyAuthValue digest" cmp "$G5/ccav.bin" "$G5/ccpw.bin"
g5_flush "$T"

g5_seal "policycommandcode + policyauthvalue" "$G5/ccav.bin"
g5_fails1_with "the password alone cannot unseal (userWithAuth clear)" "TPM_RC_AUTH_UNAVAILABLE" u unseal -ha "$K" -pwd spw
g5_start "policy session" -se p
expect "a policy session handle" "^Handle 03[0-9a-f]{6}$"
PS=$S
run "policycommandcode Unseal" u policycommandcode -ha "$PS" -cc 15e
run "policyauthvalue" u policyauthvalue -ha "$PS"
g5_unseal "unseal through policyauthvalue, response encrypted" -pwd spw -se0 "$PS" 41
g5_unsealed "policyauthvalue: unsealed data equals the sealed data"
check "unseal -of writes the secret 0600 (umask 022 or stricter)" bash -c '[ "$(stat -c %a "$1")" = 600 ]' _ "$G5/un.out"
run "policycommandcode Unseal (again)" u policycommandcode -ha "$PS" -cc 15e
run "policyauthvalue (again)" u policyauthvalue -ha "$PS"
g5_fails1_with "policyauthvalue: a wrong password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u unseal -ha "$K" -pwd wrong -se0 "$PS" 01
run "policyrestart after the failure" u policyrestart -ha "$PS"
run "policycommandcode Unseal (password)" u policycommandcode -ha "$PS" -cc 15e
run "policypassword" u policypassword -ha "$PS"
g5_unseal "unseal through policypassword" -pwd spw -se0 "$PS" 01
g5_unsealed "policypassword: unsealed data equals the sealed data"
run "policycommandcode Unseal (password, encrypted response)" u policycommandcode -ha "$PS" -cc 15e
run "policypassword (encrypted response)" u policypassword -ha "$PS"
g5_unseal "unseal through policypassword, response encrypted" -pwd spw -se0 "$PS" 41
g5_unsealed "policypassword: encrypted response decrypts to the sealed data"
run "policycommandcode Unseal (password again)" u policycommandcode -ha "$PS" -cc 15e
run "policypassword (again)" u policypassword -ha "$PS"
g5_fails1_with "policypassword: a wrong password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u unseal -ha "$K" -pwd wrong -se0 "$PS" 01
run "policyrestart" u policyrestart -ha "$PS"
run "policycommandcode only" u policycommandcode -ha "$PS" -cc 15e
g5_fails1_with "a policy digest that does not match refuses the unseal" "TPM_RC_POLICY_FAIL" u unseal -ha "$K" -pwd spw -se0 "$PS" 01
g5_flush "$PS" "$K"

# policyrestart makes the TSS forget PolicyAuthValue: the HMAC must then leave the password out
g5_seal "policycommandcode only" "$G5/cc.bin"
g5_start "policy session for policyrestart" -se p
PS=$S
run "policyauthvalue, to be undone" u policyauthvalue -ha "$PS"
run "policyrestart" u policyrestart -ha "$PS"
run "policycommandcode Unseal" u policycommandcode -ha "$PS" -cc 15e
g5_unseal "unseal after policyrestart: the HMAC key holds no auth value" -pwd spw -se0 "$PS" 01
g5_unsealed "policyrestart: unsealed data equals the sealed data"
# the parameter encryption key of any session that authorizes an entity holds the entity's
# auth value, also a policy session without PolicyAuthValue (as the TPM and IBM's TSS do)
run "policycommandcode Unseal (encrypted response)" u policycommandcode -ha "$PS" -cc 15e
g5_unseal "unseal through a policy session without PolicyAuthValue, response encrypted" -pwd spw -se0 "$PS" 41
g5_unsealed "policy session without PolicyAuthValue: encrypted response decrypts to the sealed data"
g5_flush "$PS" "$K"

# PolicyPCR, and PolicyOR over it and PolicyCommandCode + PolicyAuthValue
g5_start "trial session for policypcr" -se t
run "trial policypcr PCR 16" u policypcr -ha "$S" -halg sha256 -bm 010000
run "trial policygetdigest (pcr)" u policygetdigest -ha "$S" -of "$G5/pcr.bin"
g5_flush "$S"
g5_seal "policypcr" "$G5/pcr.bin"
g5_start "policy session for policypcr" -se p
run "policypcr PCR 16" u policypcr -ha "$S" -halg sha256 -bm 010000
g5_unseal "unseal through policypcr" -se0 "$S" 00
g5_unsealed "policypcr: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session for another PCR" -se p
run "policypcr PCR 17" u policypcr -ha "$S" -halg sha256 -bm 020000
g5_fails1_with "policypcr over another PCR refuses the unseal" "TPM_RC_POLICY_FAIL" u unseal -ha "$K" -se0 "$S" 00
g5_flush "$S" "$K"

g5_start "trial session for policyor" -se t
run "trial policyor of the two policies" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
run "trial policygetdigest (or)" u policygetdigest -ha "$S" -of "$G5/or.bin"
check "trial digest equals H(0 || CC_PolicyOR || digest1 || digest2)" \
    test "$(g5_bin2hex "$G5/or.bin")" = "$(g5_hash sha256 "${Z32}00000171$(g5_bin2hex "$G5/ccav.bin")$(g5_bin2hex "$G5/pcr.bin")")"
g5_flush "$S"
g5_seal "policyor" "$G5/or.bin"
g5_start "policy session, first branch" -se p
run "policycommandcode Unseal (branch 1)" u policycommandcode -ha "$S" -cc 15e
run "policyauthvalue (branch 1)" u policyauthvalue -ha "$S"
run "policyor (branch 1)" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_unseal "unseal through policyor, first branch" -pwd spw -se0 "$S" 00
g5_unsealed "policyor branch 1: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session, second branch" -se p
run "policypcr (branch 2)" u policypcr -ha "$S" -bm 010000
run "policyor (branch 2)" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_unseal "unseal through policyor, second branch (session continues)" -se0 "$S" 01
g5_unsealed "policyor branch 2: unsealed data equals the sealed data"
# the TPM resets a policy session after each use: PolicyAuthValue counted for the first use
# only, so the second (through PolicyPCR) leaves the password out of the HMAC, given or not
run "policycommandcode Unseal (used twice)" u policycommandcode -ha "$S" -cc 15e
run "policyauthvalue (used twice)" u policyauthvalue -ha "$S"
run "policyor (used twice)" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_unseal "first use, through policyauthvalue (session continues)" -pwd spw -se0 "$S" 01
run "policypcr (second use)" u policypcr -ha "$S" -bm 010000
run "policyor (second use)" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_unseal "second use through policypcr with -pwd given: the password does not count" -pwd spw -se0 "$S" 01
g5_unsealed "policy reset: unsealed data equals the sealed data"
run "policyrestart (branch 2)" u policyrestart -ha "$S"
run "policycommandcode only (no branch)" u policycommandcode -ha "$S" -cc 15e
g5_fails1_with "policyor refuses a digest in neither branch" "TPM_RC_VALUE" u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_flush "$S"
run "pcrextend PCR 16" u pcrextend -ha 16 -ic "g5 changes PCR 16"
g5_start "policy session after the PCR changed" -se p
run "policypcr PCR 16 (changed)" u policypcr -ha "$S" -bm 010000
g5_fails1_with "a changed PCR is in neither branch of the policyor" "TPM_RC_VALUE" \
    u policyor -ha "$S" -if "$G5/ccav.bin" -if "$G5/pcr.bin"
g5_flush "$S" "$K"
u pcrreset -ha 16 >/dev/null 2>&1

# PolicySecret with the owner hierarchy, its ticket, PolicyTicket
g5_start "trial session for policysecret" -se t
run "trial policysecret owner" u policysecret -ha 40000001 -hs "$S"
run "trial policygetdigest (secret)" u policygetdigest -ha "$S" -of "$G5/sec.bin"
check "trial digest equals H(H(0 || CC_PolicySecret || TPM_RH_OWNER) || empty policyRef)" \
    test "$(g5_bin2hex "$G5/sec.bin")" = "$(g5_hash sha256 "$(g5_hash sha256 "${Z32}0000015140000001")")"
run "policyrestart (secret)" u policyrestart -ha "$S"
printf 'g5 policy reference' > "$G5/pref.bin"
run "trial policysecret owner -pref" u policysecret -ha 40000001 -hs "$S" -pref "$G5/pref.bin"
run "trial policygetdigest (secret, policyRef)" u policygetdigest -ha "$S" -of "$G5/secref.bin"
check "trial digest equals H(H(0 || CC_PolicySecret || TPM_RH_OWNER) || policyRef)" \
    test "$(g5_bin2hex "$G5/secref.bin")" = "$(g5_hash sha256 "$(g5_hash sha256 "${Z32}0000015140000001")$(g5_bin2hex "$G5/pref.bin")")"
g5_flush "$S"
g5_seal "policysecret owner" "$G5/sec.bin"
g5_start "policy session for policysecret" -se p
run "policysecret owner (password)" u policysecret -ha 40000001 -hs "$S"
g5_unseal "unseal through policysecret (session continues)" -se0 "$S" 01
g5_unsealed "policysecret: unsealed data equals the sealed data"
g5_fails1_with "policysecret with a wrong owner password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u policysecret -ha 40000001 -hs "$S" -pwde wrong
g5_flush "$S"
g5_start "policy session for policysecret via HMAC" -se p
PS=$S
g5_start "HMAC session for the owner" -se h -hs "$PR" -sym aes
HS=$S
run "policysecret owner authorized by an HMAC session" u policysecret -ha 40000001 -hs "$PS" -se0 "$HS" 01
g5_unseal "unseal after policysecret via an HMAC session" -se0 "$PS" 00
g5_unsealed "policysecret via HMAC: unsealed data equals the sealed data"
g5_flush "$HS" "$PS"
g5_start "policy session for a ticket" -se p -on "$G5/nonce.bin"
check "-on saved a nonceTPM as long as the session's digest" test "$(wc -c < "$G5/nonce.bin")" -eq 32
run "policysecret -exp -200 writes a timeout and a ticket" \
    u policysecret -ha 40000001 -hs "$S" -in "$G5/nonce.bin" -exp -200 -to "$G5/to.bin" -tk "$G5/tk.bin"
check "the ticket and timeout files are not empty" test -s "$G5/tk.bin" -a -s "$G5/to.bin"
g5_flush "$S"
g5_start "policy session for policyticket" -se p
run "policyticket with the owner's ticket" u policyticket -ha "$S" -to "$G5/to.bin" -tk "$G5/tk.bin" -hi o
g5_unseal "unseal through policyticket" -se0 "$S" 00
g5_unsealed "policyticket: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session for a wrong ticket" -se p
g5_fails1_with "policyticket with the wrong hierarchy fails" "TPM_RC_TICKET" u policyticket -ha "$S" -to "$G5/to.bin" -tk "$G5/tk.bin" -hi p
g5_flush "$S" "$K"

# PolicySigned: a key that lives outside the TPM signs (here, or offline with openssl)
# (the RSA key pair of utils/policies/: rsaprivkey.pem has the password rrrr)
openssl pkey -in "$POLICIES/rsaprivkey.pem" -passin pass:rrrr -out "$G5/rsa.pem" 2>/dev/null
run "loadexternal the RSA verification key" u loadexternal -ipem "$POLICIES/rsapubkey.pem" -ns
LK=$(g5_handle); g5_track "$LK"
lkname=$(grep -E '^[0-9a-f]{68}$' "$WORK/last.out" | head -n1)
g5_start "trial session for policysigned" -se t
run "trial policysigned" u policysigned -hk "$LK" -ha "$S" -sk "$G5/rsa.pem"
run "trial policygetdigest (signed)" u policygetdigest -ha "$S" -of "$G5/sig.bin"
check "trial digest equals H(H(0 || CC_PolicySigned || key Name) || empty policyRef)" \
    test "$(g5_bin2hex "$G5/sig.bin")" = "$(g5_hash sha256 "$(g5_hash sha256 "${Z32}00000160$lkname")")"
g5_flush "$S"
g5_seal "policysigned" "$G5/sig.bin"
g5_start "policy session for policysigned -sk" -se p -on "$G5/n1.bin"
run "policysigned, signed here with -sk over nonceTPM and -exp" \
    u policysigned -hk "$LK" -ha "$S" -sk "$G5/rsa.pem" -in "$G5/n1.bin" -exp 100
g5_unseal "unseal through policysigned -sk" -se0 "$S" 00
g5_unsealed "policysigned -sk: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session for a policysigned ticket" -se p -on "$G5/n4.bin"
run "policysigned -exp -100 writes a timeout and a ticket" \
    u policysigned -hk "$LK" -ha "$S" -sk "$G5/rsa.pem" -in "$G5/n4.bin" -exp -100 -to "$G5/sto.bin" -tk "$G5/stk.bin"
g5_flush "$S"
g5_hex2bin "$lkname" > "$G5/lkname.bin"
g5_start "policy session for policyticket -na" -se p
run "policyticket -na with the key's Name" u policyticket -ha "$S" -to "$G5/sto.bin" -tk "$G5/stk.bin" -na "$G5/lkname.bin"
g5_unseal "unseal through policyticket -na" -se0 "$S" 00
g5_unsealed "policyticket -na: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session for an offline signature" -se p -on "$G5/n2.bin"
# aHash = H(nonceTPM || expiration 0 (INT32) || empty cpHash || empty policyRef), RSASSA
{ cat "$G5/n2.bin"; printf '\0\0\0\0'; } | openssl dgst -sha256 -sign "$G5/rsa.pem" -out "$G5/offline.sig"
run "policysigned -is with the openssl signature" u policysigned -hk "$LK" -ha "$S" -in "$G5/n2.bin" -is "$G5/offline.sig"
g5_unseal "unseal through the offline signature" -se0 "$S" 00
g5_unsealed "policysigned -is: unsealed data equals the sealed data"
g5_flush "$S"
g5_start "policy session for bad signatures" -se p -on "$G5/n3.bin"
g5_fails1_with "a signature over another session's nonce fails" "TPM_RC_SIGNATURE" \
    u policysigned -hk "$LK" -ha "$S" -in "$G5/n3.bin" -is "$G5/offline.sig"
{ cat "$G5/n3.bin"; printf '\0\0\0\0'; } | openssl dgst -sha256 -sign "$G5/rsa.pem" -out "$G5/n3.sig"
python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[10]^=1; open(sys.argv[1],"wb").write(b)' "$G5/n3.sig"
g5_fails1_with "a tampered signature fails" "TPM_RC_SIGNATURE" u policysigned -hk "$LK" -ha "$S" -in "$G5/n3.bin" -is "$G5/n3.sig"
g5_flush "$S" "$K"
g5_start "policy session for an encrypted signing key" -se p
run "policysigned -sk with an encrypted PEM and -pwdk" u policysigned -hk "$LK" -ha "$S" -sk "$POLICIES/rsaprivkey.pem" -pwdk rrrr
g5_fails1_with "policysigned with a wrong -pwdk fails (and does not prompt)" "is not a PEM private key, or -pwdk is wrong" \
    u policysigned -hk "$LK" -ha "$S" -sk "$POLICIES/rsaprivkey.pem" -pwdk wrong </dev/null
expect "the message names the key file" "rsaprivkey.pem"
g5_flush "$S" "$LK"
run "loadexternal an ECC P-256 verification key" u loadexternal -ecc -ipem "$POLICIES/p256pubkey.pem"
LK=$(g5_handle); g5_track "$LK"
g5_start "policy session for an ECDSA policysigned" -se p
run "policysigned -sk with an EC key: the TPM verifies the ECDSA signature" \
    u policysigned -hk "$LK" -ha "$S" -sk "$POLICIES/p256privkey.pem" -halg sha256
g5_flush "$S" "$LK"

# PolicyCpHash and PolicyNameHash: trial digests against openssl
g5_hex2bin "$(g5_hash sha256 "$(g5_hex cp)")" > "$G5/cp.bin"
g5_hex2bin "$(g5_hash sha256 "$(g5_hex nh)")" > "$G5/nh.bin"
g5_start "trial session for policycphash" -se t
run "trial policycphash" u policycphash -ha "$S" -cp "$G5/cp.bin"
run "trial policygetdigest (cphash)" u policygetdigest -ha "$S" -of "$G5/pcp.bin"
check "trial digest equals H(0 || CC_PolicyCpHash || cpHash)" \
    test "$(g5_bin2hex "$G5/pcp.bin")" = "$(g5_hash sha256 "${Z32}0000016e$(g5_bin2hex "$G5/cp.bin")")"
run "policyrestart (cphash)" u policyrestart -ha "$S"
run "trial policynamehash" u policynamehash -ha "$S" -nh "$G5/nh.bin"
run "trial policygetdigest (namehash)" u policygetdigest -ha "$S" -of "$G5/pnh.bin"
check "trial digest equals H(0 || CC_PolicyNameHash || nameHash)" \
    test "$(g5_bin2hex "$G5/pnh.bin")" = "$(g5_hash sha256 "${Z32}00000170$(g5_bin2hex "$G5/nh.bin")")"
head -c 20 /dev/zero > "$G5/short.bin"
run "policyrestart (short cpHash)" u policyrestart -ha "$S"
g5_fails1_with "a cpHash of the wrong size is refused" "TPM_RC_SIZE" u policycphash -ha "$S" -cp "$G5/short.bin"
g5_flush "$S"

# ---- bad input ------------------------------------------------------------------------------

g5_loaded > "$G5/mid.txt"
g5_fails1_with "startauthsession: bad session type" "bad value 'x' for -se" u startauthsession -se x
g5_fails1_with "startauthsession: bad hash algorithm" "bad value 'md5' for -halg" u startauthsession -se h -halg md5
g5_fails1_with "startauthsession: bad -sym" "bad value 'des' for -sym" u startauthsession -se h -sym des
g5_fails1_with "startauthsession: a salt key that is not loaded" "TPM_RC_VALUE|TPM_RC_HANDLE" u startauthsession -se h -hs 80ffffff
g5_fails1_with "startauthsession: -on into a missing directory" "cannot write .*none/n.bin" u startauthsession -se p -on "$G5/none/n.bin"
g5_loaded > "$G5/mid2.txt"
# (the TPM answered all three listings: "N handles")
check "the failed startauthsessions left no session loaded" \
    sh -c '[ "$(grep -cE "^[0-9]+ handles$" "$2")" -eq 3 ] && cmp "$1" "$2"' sh "$G5/mid.txt" "$G5/mid2.txt"
g5_fails1_with "policyor with one -if" "2 to 8 -if policy digest files are required" u policyor -ha 03000000 -if "$G5/ccav.bin"
g5_fails1_with "policyor with nine -if" "at most 8 -if" u policyor -ha 03000000 -if "$G5/ccav.bin" -if "$G5/ccav.bin" -if "$G5/ccav.bin" \
    -if "$G5/ccav.bin" -if "$G5/ccav.bin" -if "$G5/ccav.bin" -if "$G5/ccav.bin" -if "$G5/ccav.bin" -if "$G5/ccav.bin"
g5_fails1_with "policyor with a missing file" "cannot read .*none.bin" u policyor -ha 03000000 -if "$G5/ccav.bin" -if "$G5/none.bin"
g5_fails1_with "policysigned with both -sk and -is" "give one of -sk and -is" u policysigned -hk 80000000 -ha 03000000 -sk "$G5/rsa.pem" -is "$G5/offline.sig"
g5_fails1_with "policysigned with neither -sk nor -is" "give one of -sk and -is" u policysigned -hk 80000000 -ha 03000000
g5_fails1_with "policysigned with a key file that is not PEM" "seal.in is not a PEM private key" u policysigned -hk 80000000 -ha 03000000 -sk "$G5/seal.in"
g5_fails1_with "policyticket without -na or -hi" "give one of -na and -hi" u policyticket -ha 03000000 -to "$G5/to.bin" -tk "$G5/tk.bin"
g5_fails1_with "policyticket with a ticket file that is not a ticket" "cannot read .*seal.in" u policyticket -ha 03000000 -to "$G5/to.bin" -tk "$G5/seal.in" -hi o
head -c 65 /dev/zero > "$G5/long.bin"
g5_fails1_with "policysecret with a policyRef file too long" "at most 64 allowed" u policysecret -ha 40000001 -hs 03000000 -pref "$G5/long.bin"
expect "the message names the file" "long.bin has 65 bytes"
g5_start "trial session for -of errors" -se t
g5_fails1_with "policygetdigest -of into a missing directory" "cannot write .*none/d.bin" u policygetdigest -ha "$S" -of "$G5/none/d.bin"
g5_flush "$S"
for p in startauthsession policyrestart policygetdigest policycommandcode policyauthvalue policypassword \
    policypcr policyor policysecret policyticket policysigned policycphash policynamehash; do
    g5_fails1_with "$p -h prints the usage and exits 1" "^$p\$" u $p -h
    expect "$p -h: usage names the command" "Runs TPM2_"
done

# ---- clean up ------------------------------------------------------------------------------

g5_cleanup
u pcrreset -ha 16 >/dev/null 2>&1
g5_loaded > "$G5/after.txt"
check "no objects or sessions left behind" \
    sh -c '[ "$(grep -cE "^[0-9]+ handles$" "$2")" -eq 3 ] && cmp "$1" "$2"' sh "$G5/before.txt" "$G5/after.txt"
u getcapability -cap 1 -pr 01000000 > "$G5/nv.txt" 2>&1
check "the NV index of the group is gone" sh -c 'grep -qE "^[0-9]+ handles$" "$1" && ! grep -qi "$2" "$1"' sh "$G5/nv.txt" "$G5_NV"
rm -rf "$G5"
unset -f g5_handle g5_track g5_flush g5_hex g5_bin2hex g5_hex2bin g5_hash g5_zero g5_wire g5_traced \
    g5_fails1_with g5_start g5_loaded g5_cleanup g5_seal g5_unsealed g5_unseal
