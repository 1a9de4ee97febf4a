#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: policy maker, policy commands, auth changes, sample applications
#
# For each policy command swtpm runs, the digest of a trial session (policygetdigest) must
# equal what policymaker computes offline from the text file, for sha1 and sha256; then real
# authorizations through policy sessions; the TPM 1.83 commands swtpm lacks are checked by
# the command bytes they send. Everything the group makes is removed at the end, and the
# owner hierarchy's auth and policy are put back, also when checks failed.

G6=$WORK/g6
mkdir -p "$G6"
G6_NV="01600001 01600002 01600003 01600004 01600005 01600006 01600007 01600008 01600009"
G6_HANDLES=""
G6_OWNERPW=g6ownerpw

# ---- helpers --------------------------------------------------------------------------------

# handle printed by the last command ("Handle 80000000")
g6_handle() { sed -n 's/^Handle \([0-9a-fA-F]\{8\}\).*/\1/p' "$WORK/last.out" | head -n1; }
g6_track() { [ -n "$1" ] && G6_HANDLES="$G6_HANDLES $1"; }
g6_flush() {
    [ -n "$1" ] || return 0
    u flushcontext -ha "$1" >/dev/null 2>&1
    G6_HANDLES=$(echo "$G6_HANDLES" | sed "s/ $1//g")
}
g6_hex2bin() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
g6_bin2hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
# hex of H(bytes of hex $2) with algorithm $1
g6_hash() { g6_hex2bin "$2" | openssl dgst -"$1" -binary | od -An -tx1 -v | tr -d ' \n'; }
# Name of a key from its TPM2B_PUBLIC file (sha256 name algorithm)
g6_keyname() { tail -c +3 "$1" | openssl dgst -sha256 -binary > "$G6/kn.bin"; { g6_hex2bin 000b; cat "$G6/kn.bin"; } > "$2"; }
g6_zero() { head -c "$1" /dev/zero | od -An -tx1 -v | tr -d ' \n'; }

# start a session of type $1 (t|p) with hash $2; the handle goes to G6_S
g6_session() {
    G6_S=
    u startauthsession -se "$1" -halg "$2" >"$WORK/last.out" 2>&1 && G6_S=$(g6_handle)
    g6_track "$G6_S"
    [ -n "$G6_S" ]
}

# g6_trial NAME HALG TEXTFILE CMD...: runs CMD (the word @S becomes the trial session) and
# checks the trial digest against policymaker's digest of TEXTFILE. The digest is kept in
# $G6/NAME-HALG.bin for policies used later.
g6_trial() {
    local name=$1 h=$2 txt=$3 a args=()
    shift 3
    if ! g6_session t "$h"; then run "$name ($h): start a trial session" false; return; fi
    for a in "$@"; do [ "$a" = @S ] && args+=("$G6_S") || args+=("$a"); done
    run "$name ($h): on a trial session" "${args[@]}"
    run "$name ($h): policygetdigest" u policygetdigest -ha "$G6_S" -of "$G6/$name-$h.bin"
    run "$name ($h): policymaker" u policymaker -halg "$h" -if "$txt" -of "$G6/$name-$h.pm"
    check "$name ($h): trial digest equals policymaker's" cmp "$G6/$name-$h.bin" "$G6/$name-$h.pm"
    g6_flush "$G6_S"
}

g6_cleanup() {
    local h
    for h in $G6_HANDLES; do u flushcontext -ha "$h" >/dev/null 2>&1; done
    G6_HANDLES=""
    for h in $G6_NV; do u nvundefinespace -hi o -ha "$h" >/dev/null 2>&1; done
}

# the owner hierarchy back to an empty password and an empty policy, whatever state a failed
# check left it in
g6_restore_owner() {
    u hierarchychangeauth -hi o -pwda "$G6_OWNERPW" >/dev/null 2>&1
    u hierarchychangeauth -hi o -pwdai "$G6/ownerpw.txt" >/dev/null 2>&1
    u setprimarypolicy -hi o >/dev/null 2>&1
    true
}

g6_cleanup
# what is loaded before the group, to check it leaves nothing behind
g6_loaded() { u getcapability -cap 1 -pr 80000000 2>&1; u getcapability -cap 1 -pr 02000000 2>&1; }
g6_loaded > "$WORK/g6-before.txt"

# ---- policymaker and policymakerpcr offline -------------------------------------------------

printf '0000016c0000014e\n' > "$G6/cc.txt"
run "policymaker -pr" u policymaker -if "$G6/cc.txt" -pr
expect "policymaker -pr prints the sha256 digest" "policy digest length 32"
run "policymaker -ns" u policymaker -halg sha1 -if "$G6/cc.txt" -ns
expect "policymaker -ns prints the digest on one line" "^$(g6_hash sha1 "$(g6_zero 20)0000016c0000014e")\$"
printf '0000016c0000014e\n\n0000016b\n' > "$G6/three.txt"
run "policymaker with an empty line" u policymaker -if "$G6/three.txt" -of "$G6/three.bin"
d=$(g6_hash sha256 "$(g6_zero 32)0000016c0000014e"); d=$(g6_hash sha256 "$d"); d=$(g6_hash sha256 "${d}0000016b")
check "an empty line extends an empty string" [ "$(g6_bin2hex "$G6/three.bin")" = "$d" ]
run "policymaker -nz" u policymaker -nz -if "$G6/three.txt" -of "$G6/nz.bin"
check "-nz hashes the last line alone" [ "$(g6_bin2hex "$G6/nz.bin")" = "$(g6_hash sha256 0000016b)" ]

printf '0000016c0000014e\n000016b\n' > "$G6/odd.txt"
fails_with "policymaker rejects an odd number of hex digits" "odd number of hex digits" u policymaker -if "$G6/odd.txt" -of "$G6/bad.bin"
expect "the message names line 2" "odd.txt line 2"
printf '0000016c\n0000016b\n00x0\n' > "$G6/nonhex.txt"
fails_with "policymaker rejects a non-hex character" "non-hex character" u policymaker -if "$G6/nonhex.txt" -of "$G6/bad.bin"
expect "the message names line 3" "nonhex.txt line 3.*'x'"
check "no output file after bad input" [ ! -e "$G6/bad.bin" ]
fails_with "policymaker without -if" "missing -if" u policymaker -pr
fails_with "policymaker with a missing file" "cannot read .*none.txt" u policymaker -if "$G6/none.txt"
fails_with "policymakerpcr: more selected PCRs than values" "cc.txt line 1: a PCR value of 8 bytes, 32 expected" u policymakerpcr -bm 030000 -if "$G6/cc.txt"
fails_with "policymakerpcr: a mask beyond PCR 23" "selects beyond PCR 23" u policymakerpcr -bm 1000000
printf '%s\n' "$(g6_zero 32)" > "$G6/pcr0.txt"
run "policymakerpcr -halg sha256 -bm 000001" u policymakerpcr -bm 000001 -if "$G6/pcr0.txt" -pr
expect "policymakerpcr prints the PolicyPCR line" \
    "^0000017f00000001000b0301000066687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925$"
fails_with "policymakerpcr: value of the wrong size" "pcr0.txt line 1: a PCR value of 32 bytes, 20 expected" u policymakerpcr -halg sha1 -bm 000001 -if "$G6/pcr0.txt"

# ---- trial digests equal policymaker's --------------------------------------------------------

# NV index A (operand A of PolicyNV, written) and P (holds a policy for PolicyAuthorizeNV)
run "nvdefinespace A" u nvdefinespace -hi o -ha 01600001 -pwdn apw -sz 8 +at or
run "nvwrite A" u nvwrite -ha 01600001 -pwdn apw -ic abcdefgh
run "nvreadpublic A -on" u nvreadpublic -ha 01600001 -on "$G6/nameA.bin"
nameA=$(g6_bin2hex "$G6/nameA.bin")

for h in sha1 sha256; do
    case $h in sha1) ds=20 ;; *) ds=32 ;; esac
    printf '0000016c0000014e\n' > "$G6/pcc.txt"
    g6_trial pcc "$h" "$G6/pcc.txt" u policycommandcode -ha @S -cc 0000014e

    printf '0000016b\n' > "$G6/pav.txt"
    g6_trial pav "$h" "$G6/pav.txt" u policyauthvalue -ha @S

    printf '00000149%s%s\n' "$(g6_hash "$h" "$(printf cd | od -An -tx1 | tr -d ' \n')00020000")" "$nameA" > "$G6/pnv.txt"
    g6_trial pnv "$h" "$G6/pnv.txt" u policynv -ha 01600001 -pwda apw -hs @S -ic cd -off 2 -op 0

    printf '00000149%s%s\n' "$(g6_hash "$h" "000000000000000500000003")" "$nameA" > "$G6/pnv2.txt"
    g6_hex2bin 0000000000000005 > "$G6/five.bin"
    g6_trial pnv2 "$h" "$G6/pnv2.txt" u policynv -hi o -ha 01600001 -hs @S -if "$G6/five.bin" -off 0 -op 3

    printf '0000018f00\n' > "$G6/pwn.txt"
    g6_trial pwn "$h" "$G6/pwn.txt" u policynvwritten -hs @S -ws n
    printf '0000018f01\n' > "$G6/pwy.txt"
    g6_trial pwy "$h" "$G6/pwy.txt" u policynvwritten -hs @S -ws y

    # clock (offset 8 of TPMS_TIME_INFO) unsigned greater than 0
    printf '0000016d%s\n' "$(g6_hash "$h" "$(g6_zero 8)00080003")" > "$G6/pct.txt"
    g6_hex2bin "$(g6_zero 8)" > "$G6/zero8.bin"
    g6_trial pct "$h" "$G6/pct.txt" u policycountertimer -ha @S -if "$G6/zero8.bin" -off 8 -op 3

    tdig=$(g6_hash "$h" 0123456789)
    g6_hex2bin "$tdig" > "$G6/tmpl-$h.bin"
    printf '00000190%s\n' "$tdig" > "$G6/ptm.txt"
    g6_trial ptm "$h" "$G6/ptm.txt" u policytemplate -ha @S -te "$G6/tmpl-$h.bin"

    on=000b$(g6_hash sha256 0a); np=000b$(g6_hash sha256 0b)
    g6_hex2bin "$on" > "$G6/on.bin"; g6_hex2bin "$np" > "$G6/np.bin"
    printf '00000188%s%s01\n' "$on" "$np" > "$G6/pds1.txt"
    g6_trial pds1 "$h" "$G6/pds1.txt" u policyduplicationselect -ha @S -ion "$G6/on.bin" -inpn "$G6/np.bin" -io
    printf '00000188%s00\n' "$np" > "$G6/pds0.txt"
    g6_trial pds0 "$h" "$G6/pds0.txt" u policyduplicationselect -ha @S -ion "$G6/on.bin" -inpn "$G6/np.bin"

    # PolicyPCR: policymakerpcr's line, fed to policymaker
    run "pcrread 16 ($h)" u pcrread -ha 16 -halg "$h" -ns
    tr -d ' \r' < "$WORK/last.out" | grep -E "^[0-9a-f]{$((2 * ds))}\$" | head -n1 > "$G6/pcr16-$h.txt"
    run "policymakerpcr ($h)" u policymakerpcr -halg "$h" -bm 010000 -if "$G6/pcr16-$h.txt" -of "$G6/ppcr-$h.txt"
    g6_trial ppcr "$h" "$G6/ppcr-$h.txt" u policypcr -ha @S -halg "$h" -bm 010000

    # two commands in one policy: the lines in order
    printf '0000016c0000013b\n0000016b\n' > "$G6/pca.txt"
    if g6_session t "$h"; then
        run "pca ($h): policycommandcode" u policycommandcode -ha "$G6_S" -cc 0000013b
        run "pca ($h): policyauthvalue" u policyauthvalue -ha "$G6_S"
        run "pca ($h): policygetdigest" u policygetdigest -ha "$G6_S" -of "$G6/pca-$h.bin"
        run "pca ($h): policymaker" u policymaker -halg "$h" -if "$G6/pca.txt" -of "$G6/pca-$h.pm"
        check "pca ($h): two lines equal the two commands" cmp "$G6/pca-$h.bin" "$G6/pca-$h.pm"
        g6_flush "$G6_S"
    fi
done

# ---- real authorizations through policy sessions -----------------------------------------

# g6_policy_nv INDEX POLICY: an index readable only through POLICY, written with a password
# g6_policy_nv INDEX POLICY w: an index read and written only through POLICY, left unwritten
g6_policy_nv() {
    if [ "${3:-}" = w ]; then
        run "nvdefinespace $1 with a policy" u nvdefinespace -hi o -ha "$1" -sz 8 -pol "$2" -at ar -at aw
    else
        run "nvdefinespace $1 with a policy" u nvdefinespace -hi o -ha "$1" -pwdn ipw -sz 8 -pol "$2" -at ar
        run "nvwrite $1 with its password" u nvwrite -ha "$1" -pwdn ipw -ic 01234567
        fails_with "nvread $1 with its password is refused" "TPM_RC_AUTH_UNAVAILABLE" u nvread -ha "$1" -pwdn ipw -sz 8
    fi
}
# g6_policy_read INDEX ok|no CMD... ";" ...: starts a policy session, runs the policy CMDs (@S = session),
# then nvread INDEX through it; the session is flushed whatever happened
g6_policy_read() {
    local idx=$1 want=$2 a args=()
    shift 2
    g6_session p sha256 || { run "start a policy session" false; return; }
    for a in "$@"; do
        if [ "$a" = ";" ]; then run "policy step: ${args[*]}" "${args[@]}"; args=(); continue; fi
        [ "$a" = @S ] && args+=("$G6_S") || args+=("$a")
    done
    if [ "$want" = ok ]; then run "nvread $idx through the policy session" u nvread -ha "$idx" -sz 8 -se0 "$G6_S" 0
    else fails_with "nvread $idx without satisfying its policy" "TPM_RC_POLICY_FAIL" u nvread -ha "$idx" -sz 8 -se0 "$G6_S" 0; fi
    g6_flush "$G6_S"
}

# PolicyCommandCode(NV_Read)
g6_policy_nv 01600003 "$G6/pcc-sha256.bin"
g6_session p sha256 && { u policycommandcode -ha "$G6_S" -cc 00000137 >/dev/null 2>&1
    fails_with "nvwrite with PolicyCommandCode(NV_Write) does not match the index policy" "TPM_RC_POLICY_FAIL" \
        u nvwrite -ha 01600003 -ic 12345678 -se0 "$G6_S" 0; g6_flush "$G6_S"; }
g6_policy_read 01600003 ok u policycommandcode -ha @S -cc 0000014e ";"

# PolicyNV: index A holds "abcdefgh"; the policy wants "cd" at offset 2
g6_policy_nv 01600004 "$G6/pnv-sha256.bin"
g6_policy_read 01600004 ok u policynv -ha 01600001 -pwda apw -hs @S -ic cd -off 2 ";"
g6_session p sha256 && {
    fails_with "policynv with operandB that differs from the index" "TPM_RC_POLICY -" u policynv -ha 01600001 -pwda apw -hs "$G6_S" -ic xx -off 2
    g6_flush "$G6_S"; }

# PolicyCounterTimer: clock > 0
g6_policy_nv 01600005 "$G6/pct-sha256.bin"
g6_policy_read 01600005 ok u policycountertimer -ha @S -if "$G6/zero8.bin" -off 8 -op 3 ";"
g6_session p sha256 && {
    fails_with "policycountertimer: clock < 0 is false" "TPM_RC_POLICY -" u policycountertimer -ha "$G6_S" -if "$G6/zero8.bin" -off 8 -op 5
    g6_flush "$G6_S"; }

# PolicyNvWritten(NO): a write-once index
g6_policy_nv 01600006 "$G6/pwn-sha256.bin" w
g6_session p sha256 && { u policynvwritten -hs "$G6_S" -ws n >/dev/null 2>&1
    run "nvwrite through PolicyNvWritten(NO): the first write" u nvwrite -ha 01600006 -ic 12345678 -se0 "$G6_S" 0
    g6_flush "$G6_S"; }
g6_session p sha256 && { u policynvwritten -hs "$G6_S" -ws n >/dev/null 2>&1
    fails_with "nvwrite through PolicyNvWritten(NO): a second write is refused" "TPM_RC_POLICY_FAIL" u nvwrite -ha 01600006 -ic 12345678 -se0 "$G6_S" 0
    g6_flush "$G6_S"; }

# PolicyAuthorizeNV: index 01600002 holds the TPMT_HA of PolicyCommandCode(NV_Read)
run "nvdefinespace the policy index" u nvdefinespace -hi o -ha 01600002 -pwdn ppw -sz 34
{ g6_hex2bin 000b; cat "$G6/pcc-sha256.bin"; } > "$G6/policyha.bin"
run "nvwrite the approved policy" u nvwrite -ha 01600002 -pwdn ppw -if "$G6/policyha.bin"
run "nvreadpublic the policy index" u nvreadpublic -ha 01600002 -on "$G6/nameP.bin"
printf '00000192%s\n' "$(g6_bin2hex "$G6/nameP.bin")" > "$G6/pan.txt"
g6_trial pan sha256 "$G6/pan.txt" u policyauthorizenv -ha 01600002 -pwda ppw -hs @S
g6_policy_nv 01600007 "$G6/pan-sha256.bin"
g6_policy_read 01600007 ok u policycommandcode -ha @S -cc 0000014e ";" u policyauthorizenv -ha 01600002 -pwda ppw -hs @S ";"
g6_session p sha256 && {
    u policyauthvalue -ha "$G6_S" >/dev/null 2>&1
    fails_with "policyauthorizenv when the session digest is not the stored policy" "TPM_RC_VALUE" \
        u policyauthorizenv -ha 01600002 -pwda ppw -hs "$G6_S"
    g6_flush "$G6_S"; }

# PolicyAuthorize: a signing key approves PolicyCommandCode(NV_Read)
run "createprimary (storage)" u createprimary -hi o -pwdk sto -ecc nistp256
G6_P=$(g6_handle); g6_track "$G6_P"
run "create a signing key" u create -hp "$G6_P" -pwdp sto -ecc nistp256 -si -pwdk sig \
    -opr "$G6/sig.priv" -opu "$G6/sig.pub"
run "load the signing key" u load -hp "$G6_P" -pwdp sto -ipr "$G6/sig.priv" -ipu "$G6/sig.pub"
G6_K=$(g6_handle); g6_track "$G6_K"
g6_keyname "$G6/sig.pub" "$G6/signame.bin"
cp "$G6/pcc-sha256.bin" "$G6/approved.bin"
run "sign the approved policy" u sign -hk "$G6_K" -pwdk sig -halg sha256 -salg ecc -if "$G6/approved.bin" -os "$G6/appr.sig"
run "verifysignature makes the ticket" u verifysignature -hk "$G6_K" -halg sha256 -if "$G6/approved.bin" \
    -is "$G6/appr.sig" -tk "$G6/appr.tk"
printf '0000016a%s\n\n' "$(g6_bin2hex "$G6/signame.bin")" > "$G6/pa.txt"
g6_trial pa sha256 "$G6/pa.txt" u policyauthorize -ha @S -appr "$G6/approved.bin" -skn "$G6/signame.bin" -tk "$G6/appr.tk"
printf g6ref > "$G6/pref.bin"
printf '0000016a%s\n%s\n' "$(g6_bin2hex "$G6/signame.bin")" "$(g6_bin2hex "$G6/pref.bin")" > "$G6/paref.txt"
g6_trial paref sha256 "$G6/paref.txt" u policyauthorize -ha @S -appr "$G6/approved.bin" -pref "$G6/pref.bin" \
    -skn "$G6/signame.bin" -tk "$G6/appr.tk"
g6_policy_nv 01600008 "$G6/pa-sha256.bin"
g6_policy_read 01600008 ok u policycommandcode -ha @S -cc 0000014e ";" \
    u policyauthorize -ha @S -appr "$G6/approved.bin" -skn "$G6/signame.bin" -tk "$G6/appr.tk" ";"
g6_session p sha256 && {
    fails_with "policyauthorize of a policy the key did not approve" "TPM_RC_VALUE" \
        u policyauthorize -ha "$G6_S" -appr "$G6/approved.bin" -skn "$G6/signame.bin" -tk "$G6/appr.tk"
    g6_flush "$G6_S"; }
g6_flush "$G6_K"

# a key created with -pol (PolicyPCR from policymakerpcr + policymaker), used through a session
run "create a key with a PolicyPCR policy" u create -hp "$G6_P" -pwdp sto -ecc nistp256 -si -uwa \
    -pol "$G6/ppcr-sha256.pm" -opr "$G6/pk.priv" -opu "$G6/pk.pub"
run "load the policy key" u load -hp "$G6_P" -pwdp sto -ipr "$G6/pk.priv" -ipu "$G6/pk.pub"
G6_K=$(g6_handle); g6_track "$G6_K"
if g6_session p sha256; then
    run "policypcr on a policy session" u policypcr -ha "$G6_S" -halg sha256 -bm 010000
    run "sign through the PolicyPCR session" u sign -hk "$G6_K" -halg sha256 -salg ecc -if "$G6/cc.txt" -se0 "$G6_S" 0
    g6_flush "$G6_S"
fi
if g6_session p sha256; then
    fails_with "sign through a session without PolicyPCR" "TPM_RC_POLICY_FAIL" u sign -hk "$G6_K" -halg sha256 -salg ecc -if "$G6/cc.txt" -se0 "$G6_S" 0
    g6_flush "$G6_S"
fi
fails_with "sign with a password (userWithAuth clear)" "TPM_RC_AUTH_UNAVAILABLE" u sign -hk "$G6_K" -halg sha256 -salg ecc -if "$G6/cc.txt"
g6_flush "$G6_K"

# ---- TPM 1.83 commands swtpm lacks: the bytes sent -------------------------------------------

# the command bytes from the trace (TPM_TRACE_LEVEL=3) of the previous command
g6_bytes() { sed -n '/^command (/,/^response/p' "$WORK/last.out" | grep -v ':$\|^response' | tr -d ' \n'; }
TPM_TRACE_LEVEL=3 fails_with "policycapability (TPM_RC_COMMAND_CODE on swtpm)" "TPM_RC_COMMAND_CODE" \
    u policycapability -hs 03000000 -ic abc -off 4 -op 3 -cap 6 -pr 100
expect "policycapability answered TPM_RC_COMMAND_CODE" "rc 00000143"
# handle, operandB "abc", offset 4, operation 3, capability 6, property 0x100
check "policycapability command bytes" [ "$(g6_bytes)" = \
    "80010000001f0000019b030000000003616263000400030000000600000100" ]
g6_hex2bin "$(g6_hash sha256 01)" > "$G6/phash.bin"
TPM_TRACE_LEVEL=3 fails_with "policyparameters (TPM_RC_COMMAND_CODE on swtpm)" "TPM_RC_COMMAND_CODE" \
    u policyparameters -ha 03000001 -ph "$G6/phash.bin"
expect "policyparameters answered TPM_RC_COMMAND_CODE" "rc 00000143"
check "policyparameters command bytes" [ "$(g6_bytes)" = \
    "8001000000300000019c030000010020$(g6_hash sha256 01)" ]
fails_with "policycapability: -op out of range" "-op c is not an operation" u policycapability -hs 03000000 -ic a -op c -cap 6 -pr 100
fails_with "policynv: no operandB" "operandB is required" u policynv -ha 01600001 -hs 03000000
fails_with "policynv: both -ic and -if" "-ic and -if cannot both be given" u policynv -ha 01600001 -hs 03000000 -ic a -if "$G6/five.bin"

# ---- auth changes -------------------------------------------------------------------------

# objectchangeauth: a new private with a new password
run "create a key with password old" u create -hp "$G6_P" -pwdp sto -ecc nistp256 -si -pwdk old \
    -opr "$G6/oc.priv" -opu "$G6/oc.pub"
run "load it" u load -hp "$G6_P" -pwdp sto -ipr "$G6/oc.priv" -ipu "$G6/oc.pub"
G6_K=$(g6_handle); g6_track "$G6_K"
run "objectchangeauth old -> new" u objectchangeauth -hp "$G6_P" -ho "$G6_K" -pwdo old -pwdn new -opr "$G6/ocnew.priv"
g6_flush "$G6_K"
run "load the new private" u load -hp "$G6_P" -pwdp sto -ipr "$G6/ocnew.priv" -ipu "$G6/oc.pub"
G6_K=$(g6_handle); g6_track "$G6_K"
run "sign with the new password" u sign -hk "$G6_K" -pwdk new -halg sha256 -salg ecc -if "$G6/cc.txt"
fails_with "sign with the old password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u sign -hk "$G6_K" -pwdk old -halg sha256 -salg ecc -if "$G6/cc.txt"
printf 'filepw\0' > "$G6/keypw.txt"
run "objectchangeauth -ipwdn file" u objectchangeauth -hp "$G6_P" -ho "$G6_K" -pwdo new -ipwdn "$G6/keypw.txt" \
    -opr "$G6/ocfile.priv"
g6_flush "$G6_K"
run "load the file-password private" u load -hp "$G6_P" -pwdp sto -ipr "$G6/ocfile.priv" -ipu "$G6/oc.pub"
G6_K=$(g6_handle); g6_track "$G6_K"
run "sign with the password from the file" u sign -hk "$G6_K" -pwdk filepw -halg sha256 -salg ecc -if "$G6/cc.txt"
g6_flush "$G6_K"
g6_flush "$G6_P"

# nvchangeauth: the ADMIN role needs PolicyCommandCode(NV_ChangeAuth) + PolicyAuthValue
run "nvdefinespace with an NV_ChangeAuth policy" u nvdefinespace -hi o -ha 01600009 -pwdn old -sz 8 -pol "$G6/pca-sha256.bin"
run "nvwrite with the old password" u nvwrite -ha 01600009 -pwdn old -ic 87654321
if g6_session p sha256; then
    u policycommandcode -ha "$G6_S" -cc 0000013b >/dev/null 2>&1
    u policyauthvalue -ha "$G6_S" >/dev/null 2>&1
    run "nvchangeauth old -> new" u nvchangeauth -ha 01600009 -pwdo old -pwdn new -se0 "$G6_S" 0
    g6_flush "$G6_S"
fi
run "nvread with the new password" u nvread -ha 01600009 -pwdn new -sz 8
fails_with "nvread with the old password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u nvread -ha 01600009 -pwdn old -sz 8
fails_with "nvchangeauth with a password session is refused" "TPM_RC_AUTH_TYPE" u nvchangeauth -ha 01600009 -pwdo new -pwdn x

# hierarchychangeauth: owner to a password and back
run "hierarchychangeauth owner -> password" u hierarchychangeauth -hi o -pwdn "$G6_OWNERPW"
fails_with "createprimary without the owner password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u createprimary -hi o -ecc nistp256
g6_track "$(g6_handle)"; g6_flush "$(g6_handle)"
run "createprimary with the owner password" u createprimary -hi o -pwdp "$G6_OWNERPW" -ecc nistp256
g6_track "$(g6_handle)"; g6_flush "$(g6_handle)"
run "hierarchychangeauth owner back to empty" u hierarchychangeauth -hi o -pwda "$G6_OWNERPW"
printf 'g6filepw\0' > "$G6/ownerpw.txt"
run "hierarchychangeauth -pwdni file" u hierarchychangeauth -hi o -pwdni "$G6/ownerpw.txt"
run "createprimary with the password from the file" u createprimary -hi o -pwdp g6filepw -ecc nistp256
g6_track "$(g6_handle)"; g6_flush "$(g6_handle)"
run "hierarchychangeauth -pwdai file back to empty" u hierarchychangeauth -hi o -pwdai "$G6/ownerpw.txt"
g6_restore_owner
run "createprimary with an empty owner password again" u createprimary -hi o -ecc nistp256
g6_track "$(g6_handle)"; g6_flush "$(g6_handle)"

# setprimarypolicy: the owner hierarchy authorized by PolicyCommandCode(CreatePrimary)
printf '0000016c00000131\n' > "$G6/pcp.txt"
run "policymaker PolicyCommandCode(CreatePrimary)" u policymaker -if "$G6/pcp.txt" -of "$G6/pcp.bin"
run "setprimarypolicy owner" u setprimarypolicy -hi o -pol "$G6/pcp.bin" -halg sha256
if g6_session p sha256; then
    run "policycommandcode CreatePrimary" u policycommandcode -ha "$G6_S" -cc 00000131
    run "createprimary through the owner policy" u createprimary -hi o -ecc nistp256 -se0 "$G6_S" 0
    g6_track "$(g6_handle)"; g6_flush "$(g6_handle)"
    g6_flush "$G6_S"
fi
run "setprimarypolicy owner back to empty" u setprimarypolicy -hi o
fails_with "setprimarypolicy with a bad hierarchy" "bad value 'x' for -hi" u setprimarypolicy -hi x

# ---- the sample applications ----------------------------------------------------------------

run "signapp (HMAC session, parameter encryption)" u signapp -ic "sample message"
run "signapp -pwsess" u signapp -ic "sample message" -pwsess
run "writeapp (salted, bound HMAC session, AES-CFB)" u writeapp
run "writeapp -pwsess" u writeapp -pwsess

# ---- clean up ------------------------------------------------------------------------------

g6_restore_owner
g6_cleanup
run "owner auth restored (createprimary with no password)" u createprimary -hi o -ecc nistp256
g6_flush "$(g6_handle)"
g6_loaded > "$G6/after.txt"
# (the TPM answered both listings: "N handles")
check "no objects or sessions left behind" \
    sh -c '[ "$(grep -cE "^[0-9]+ handles$" "$2")" -eq 2 ] && cmp "$1" "$2"' sh "$WORK/g6-before.txt" "$G6/after.txt"
u getcapability -cap 1 -pr 01600000 > "$G6/nv.txt" 2>&1
check "no NV index of the group left behind" sh -c 'grep -qE "^[0-9]+ handles$" "$1" && ! grep -q "0160000[1-9]" "$1"' sh "$G6/nv.txt"
rm -rf "$G6" "$WORK/g6-before.txt"
unset -f g6_loaded g6_handle g6_track g6_flush g6_hex2bin g6_bin2hex g6_hash g6_keyname g6_zero g6_session g6_trial \
    g6_cleanup g6_restore_owner g6_policy_nv g6_policy_read g6_bytes
