#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: ECC, HMAC, sequences, contexts: ecephemeral commit zgen2phase eccparameters eccencrypt eccdecrypt tpmpublic2eccpoint hmac hmacstart hashsequencestart sequenceupdate sequencecomplete eventsequencecomplete contextsave contextload
# Sourced by reg.sh from $WORK. Uses the transient handles and the HMAC session its utilities
# print, PCR 16 (resettable debug PCR), and flushes everything it created at the end.
# An expect after fails_with anchors its regex at a line start: when fails_with fails, lib.sh
# appends the regex it wanted to last.out, which an unanchored expect would then find.

# the handle printed by the last run ("Handle XXXXXXXX" or "<name>: handle XXXXXXXX")
t9_handle() { sed -n 's/^\(Handle\|[a-z]*: handle\) \([0-9a-f]\{8\}\)$/\2/p' "$WORK/last.out" | head -n1; }
t9_flush() { [ -n "$1" ] && u flushcontext -ha "$1" >/dev/null 2>&1; return 0; }
t9_hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
t9_have_ibm() { command -v tsseccparameters >/dev/null 2>&1; }
t9_ibm() {
    local p=$1; shift
    if [ "${TPM_SERVER_TYPE:-}" = swtpm ]; then TPM_SERVER_TYPE=raw "tss$p" "$@"; else "tss$p" "$@"; fi
}
# hex on stdin to bytes on stdout (no xxd on a bare Debian)
t9_unhex() { local h; h=$(cat); printf '%b' "$(printf '%s' "$h" | sed 's/../\\x&/g')"; }
# A P-256 TPM2B_ECC_POINT file (coordinates of 32 bytes) is a point on the curve: OpenSSL
# refuses to decode a SubjectPublicKeyInfo whose point is not on it.
t9_on_p256() {
    [ "$(od -An -tx1 -v -N 4 "$1" | tr -d ' \n')" = 00440020 ] || return 1
    [ "$(od -An -tx1 -v -j 36 -N 2 "$1" | tr -d ' \n')" = 0020 ] || return 1
    { printf 3059301306072a8648ce3d020106082a8648ce3d03010703420004
      od -An -tx1 -v -j 4 -N 32 "$1"; od -An -tx1 -v -j 38 -N 32 "$1"; } |
        tr -d ' \n' | t9_unhex > "$1.der"
    openssl pkey -pubin -inform DER -in "$1.der" -noout
}
# x || y of a point file and of a PEM public key (P-256)
t9_point_xy() { { od -An -tx1 -v -j 4 -N 32 "$1"; od -An -tx1 -v -j 38 -N 32 "$1"; } | tr -d ' \n'; }
t9_pem_xy() { openssl pkey -pubin -in "$1" -outform DER 2>/dev/null | tail -c 64 | od -An -tx1 -v | tr -d ' \n'; }
# hex of a field printed by eccparameters -v ("  p length 32" then rows of bytes)
t9_field() {
    awk -v c="$1" '$1 == c && $2 == "length" {on = 1; next}
        on && /^ *([0-9a-f][0-9a-f] )+$/ {gsub(/ /, ""); printf "%s", $0; next}
        on {exit}' "$2"
}
# hex of a field of "openssl ecparam -text" (caption line, then indented "xx:xx:" rows)
t9_ossl() {
    awk -v c="$1" 'index($0, c) == 1 {on = 1; next}
        on && /^    / {gsub(/[ :]/, ""); printf "%s", $0; next}
        on {exit}' "$2"
}
# the same number with its leading zero digits dropped (OpenSSL pads with 00)
t9_num() { sed 's/^0*//'; }
# the command bytes of the last run traced at TPM_TRACE_LEVEL=3
t9_cmd_bytes() { sed -n '/^command (/,/^response (/p' "$WORK/last.out" | sed '1d;$d' | tr -d ' \n'; }
t9_hmac() { openssl dgst "-$1" -mac HMAC -macopt "hexkey:$2" -r | cut -d' ' -f1; }
t9_dgst() { openssl dgst "-$1" -r | cut -d' ' -f1; }

head -c 3000 /dev/urandom > big.dat
head -c 1024 /dev/urandom > k1024.dat
printf 'the quick brown fox' > small.dat
printf 'hmac-key-0123456789abcdef' > hkey.dat
HKEY=$(t9_hex hkey.dat)

run "createprimary ECC storage parent" u createprimary -hi o -ecc nistp256
P=$(t9_handle)

# ---- two-phase key exchange: ecephemeral + zgen2phase between two TPM keys ---------------
run "create ECC decryption key A" u create -hp "$P" -ecc nistp256 -den -opu ka.pub -opr ka.priv -opem ka.pem
run "create ECC decryption key B" u create -hp "$P" -ecc nistp256 -den -opu kb.pub -opr kb.priv -pwdk bpw
run "load key A" u load -hp "$P" -ipu ka.pub -ipr ka.priv
KA=$(t9_handle)
run "load key B" u load -hp "$P" -ipu kb.pub -ipr kb.priv
KB=$(t9_handle)
run "tpmpublic2eccpoint of key A" u tpmpublic2eccpoint -ipu ka.pub -pt qsa.pt
run "tpmpublic2eccpoint of key B" u tpmpublic2eccpoint -ipu kb.pub -pt qsb.pt
T9_XY=$(t9_point_xy qsa.pt 2>/dev/null)
check "tpmpublic2eccpoint point equals the key's PEM point" [ ${#T9_XY} -eq 128 -a "$T9_XY" = "$(t9_pem_xy ka.pem)" ]
run "ecephemeral for A" u ecephemeral -ecc nistp256 -oq qea.pt -cf ca.cnt
expect "ecephemeral prints the counter" '^counter is [0-9]+$'
run "ecephemeral for B" u ecephemeral -ecc nistp256 -oq qeb.pt -cf cb.cnt
check "ecephemeral counter file is a UINT16" [ "$(stat -c %s ca.cnt)" = 2 ]
check "ecephemeral counters differ" [ "$(t9_hex ca.cnt)" != "$(t9_hex cb.cnt)" ]
check "ecephemeral Q is on P-256" t9_on_p256 qea.pt
run "zgen2phase on A's side" u zgen2phase -hk "$KA" -qsb qsb.pt -qeb qeb.pt -cf ca.cnt -scheme ecdh -z1 za1.pt -z2 za2.pt
run "zgen2phase on B's side" u zgen2phase -hk "$KB" -pwdk bpw -qsb qsa.pt -qeb qea.pt -cf cb.cnt -z1 zb1.pt -z2 zb2.pt
check "both sides compute the same Z1" cmp za1.pt zb1.pt
check "both sides compute the same Z2" cmp za2.pt zb2.pt
check "Z1 differs from Z2" [ "$(t9_hex za1.pt)" != "$(t9_hex za2.pt)" ]
check "Z1 is on P-256" t9_on_p256 za1.pt
rm -f bad.pt
fails_with "zgen2phase with a used counter fails" "TPM_RC_VALUE.*parameter 4" \
    u zgen2phase -hk "$KA" -qsb qsb.pt -qeb qeb.pt -cf ca.cnt -z1 bad.pt
expect "used counter is rejected as TPM_RC_VALUE of the counter" '^TPM_RC_VALUE.*parameter 4'
check "failed zgen2phase wrote no file" [ ! -e bad.pt ]
fails_with "zgen2phase with a wrong key password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u zgen2phase -hk "$KB" -pwdk wrong -qsb qsa.pt -qeb qea.pt -cf cb.cnt
expect "zgen2phase wrong password is decoded" '^(TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH) '
fails_with "zgen2phase without -qeb fails" "zgen2phase: missing -qeb" u zgen2phase -hk "$KA" -qsb qsb.pt -cf ca.cnt
expect "zgen2phase names the missing flag" '^zgen2phase: missing -qeb'
head -c 20 qsb.pt > trunc.pt
fails_with "zgen2phase of a truncated point file fails" "cannot read trunc\\.pt" \
    u zgen2phase -hk "$KA" -qsb trunc.pt -qeb qeb.pt -cf ca.cnt
fails_with "tpmpublic2eccpoint of a file that is no public key fails" "cannot read hkey\\.dat" \
    u tpmpublic2eccpoint -ipu hkey.dat -pt bad.pt
check "tpmpublic2eccpoint of a bad file wrote no file" [ ! -e bad.pt ]
t9_flush "$KA"; t9_flush "$KB"

# ---- commit: K, L, E on the curve ---------------------------------------------------------
run "create ECDAA key" u create -hp "$P" -ecc nistp256 -dau -opu kd.pub -opr kd.priv -pwdk dpw
run "load ECDAA key" u load -hp "$P" -ipu kd.pub -ipr kd.priv
KD=$(t9_handle)
# P2 = (H(s2) mod p, y2) must be on the curve: pick s2 until the x has a square root
python3 - <<'EOF'
import hashlib, os
p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
b = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b
while True:
    s2 = os.urandom(16)
    x = int.from_bytes(hashlib.sha256(s2).digest(), 'big') % p
    rhs = (x ** 3 - 3 * x + b) % p
    y = pow(rhs, (p + 1) // 4, p)
    if y * y % p == rhs:
        break
open('s2.dat', 'wb').write(s2)
open('y2.dat', 'wb').write(y.to_bytes(32, 'big'))
EOF
run "commit with P1, s2, y2" u commit -hk "$KD" -pwdk dpw -pt qea.pt -s2 s2.dat -y2 y2.dat -Kf K.pt -Lf L.pt -Ef E.pt -cf cc.cnt
check "commit K is on P-256" t9_on_p256 K.pt
check "commit L is on P-256" t9_on_p256 L.pt
check "commit E is on P-256" t9_on_p256 E.pt
check "commit counter file written" [ "$(stat -c %s cc.cnt)" = 2 ]
run "commit without P2" u commit -hk "$KD" -pwdk dpw -Kf K0.pt -Ef E0.pt
check "commit without P2 returns an empty K" [ "$(t9_hex K0.pt)" = 000400000000 ]
check "commit without P2: E is on P-256" t9_on_p256 E0.pt
printf 'not-a-coordinate-of-the-curve!!!' > y2bad.dat
rm -f bad.pt
fails_with "commit with P2 off the curve fails" "TPM_RC_ECC_POINT" \
    u commit -hk "$KD" -pwdk dpw -s2 s2.dat -y2 y2bad.dat -Kf bad.pt
expect "commit off-curve error is decoded" '^TPM_RC_ECC_POINT '
check "failed commit wrote no file" [ ! -e bad.pt ]
fails_with "commit with s2 but no y2 fails" "-s2 and -y2 go together" u commit -hk "$KD" -pwdk dpw -s2 s2.dat
fails_with "commit with a wrong key password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" u commit -hk "$KD" -pwdk wrong
fails_with "commit without -hk fails" "commit: missing -hk" u commit -pwdk dpw
expect "commit names the missing flag" '^commit: missing -hk'
t9_flush "$KD"

# ---- eccparameters against OpenSSL's explicit curve parameters ---------------------------
for cv in nistp256:prime256v1 nistp384:secp384r1; do
    tc=${cv%%:*}; oc=${cv#*:}
    run "eccparameters $tc" u eccparameters -cv "$tc" -of "ep_$tc.bin" -v
    cp "$WORK/last.out" "ep_$tc.txt"
    openssl ecparam -name "$oc" -param_enc explicit -text -noout > "os_$tc.txt" 2>&1
    for f in p:Prime: a:A: b:B: n:Order:; do
        tv=$(t9_field "${f%%:*}" "ep_$tc.txt" | t9_num); ov=$(t9_ossl "${f#*:}" "os_$tc.txt" | t9_num)
        check "eccparameters $tc ${f%%:*} equals OpenSSL's ${f#*:}" [ -n "$tv" -a "$tv" = "$ov" ]
    done
    check "eccparameters $tc generator equals OpenSSL's" \
        [ "04$(t9_field gX "ep_$tc.txt")$(t9_field gY "ep_$tc.txt")" = "$(t9_ossl Generator "os_$tc.txt")" ]
    if t9_have_ibm; then
        t9_ibm eccparameters -cv "$tc" -of "ibm_ep_$tc.bin" >"$WORK/last.out" 2>&1
        check "eccparameters $tc -of equals IBM's tsseccparameters -of" cmp "ep_$tc.bin" "ibm_ep_$tc.bin"
    fi
done
fails_with "eccparameters with an unknown curve fails" "bad value 'nistp999' for -cv" u eccparameters -cv nistp999
fails_with "eccparameters without -cv fails" "eccparameters: missing -cv" u eccparameters

# ---- ECC_Encrypt / ECC_Decrypt (TPM 1.83): the command bytes, swtpm lacks the commands ----
printf 'hello' > plain.dat
printf 'abc' > c2.dat
printf '0123456789abcdef0123456789abcdef' > c3.dat
rm -f bad.c1 bad.od
TPM_TRACE_LEVEL=3 fails_with "eccencrypt against a TPM without ECC_Encrypt fails" "TPM_RC_COMMAND_CODE" \
    u eccencrypt -hk "$P" -id plain.dat -oc1 bad.c1
check "eccencrypt command bytes: handle, plainText, KDF2 sha256" \
    [ "$(t9_cmd_bytes)" = "80010000001900000199${P}000568656c6c6f0021000b" ]
expect "eccencrypt reports TPM_RC_COMMAND_CODE" '^TPM_RC_COMMAND_CODE '
check "failed eccencrypt wrote no file" [ ! -e bad.c1 ]
TPM_TRACE_LEVEL=3 fails_with "eccdecrypt against a TPM without ECC_Decrypt fails" "TPM_RC_COMMAND_CODE" \
    u eccdecrypt -hk "$P" -pwdk kpw -halg sha384 -ic1 qea.pt -ic2 c2.dat -ic3 c3.dat -od bad.od
T9_BODY="0000019a${P}0000000c40000009000000""00036b7077$(t9_hex qea.pt)0003616263""0020$(t9_hex c3.dat)0021000c"
check "eccdecrypt command bytes: handle, password auth, C1 C2 C3, KDF2 sha384" \
    [ "$(t9_cmd_bytes)" = "$(printf '8002%08x' $(( 6 + ${#T9_BODY} / 2 )))$T9_BODY" ]
expect "eccdecrypt reports TPM_RC_COMMAND_CODE" '^TPM_RC_COMMAND_CODE '
check "failed eccdecrypt wrote no file" [ ! -e bad.od ]
fails_with "eccencrypt without -id fails" "eccencrypt: missing -id" u eccencrypt -hk "$P"
fails_with "eccdecrypt without -ic3 fails" "eccdecrypt: missing -ic3" \
    u eccdecrypt -hk "$P" -ic1 qea.pt -ic2 c2.dat -od bad.od

# ---- hmac: an HMAC key with a known secret ------------------------------------------------
run "create HMAC key from a known secret" u create -hp "$P" -kh -if hkey.dat -pwdk kpw -opu kh.pub -opr kh.priv
run "load HMAC key" u load -hp "$P" -ipu kh.pub -ipr kh.priv
KH=$(t9_handle)
fails_with "tpmpublic2eccpoint of a keyed-hash public fails" "not an ECC public key" \
    u tpmpublic2eccpoint -ipu kh.pub -pt bad.pt
run "hmac of a file" u hmac -hk "$KH" -pwdk kpw -if small.dat -os h1.bin
check "hmac -if equals openssl HMAC-SHA256" [ "$(t9_hex h1.bin)" = "$(t9_hmac sha256 "$HKEY" < small.dat)" ]
run "hmac of a string" u hmac -hk "$KH" -pwdk kpw -ic 'the quick brown fox' -os h2.bin
check "hmac -ic equals hmac -if of the same bytes" cmp h1.bin h2.bin
run "hmac of 1024 bytes" u hmac -hk "$KH" -pwdk kpw -if k1024.dat -os h3.bin
check "hmac of 1024 bytes equals openssl" [ "$(t9_hex h3.bin)" = "$(t9_hmac sha256 "$HKEY" < k1024.dat)" ]
fails_with "hmac with a wrong key password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u hmac -hk "$KH" -pwdk wrong -if small.dat
fails_with "hmac with both -if and -ic fails" "hmac: one of -ic and -if" \
    u hmac -hk "$KH" -pwdk kpw -if small.dat -ic x
fails_with "hmac without -hk fails" "hmac: missing -hk" u hmac -pwdk kpw -if small.dat

# ---- HMAC sequence: several chunks, one larger than the TPM's input buffer ----------------
run "hmacstart" u hmacstart -hk "$KH" -pwdk kpw -pwda spw
SQ=$(t9_handle)
expect "hmacstart prints the sequence handle" '^hmacstart: handle 80'
run "sequenceupdate 3000 bytes (three TPM commands)" u sequenceupdate -hs "$SQ" -pwds spw -if big.dat
fails_with "sequenceupdate with a wrong sequence password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u sequenceupdate -hs "$SQ" -pwds wrong -if small.dat
expect "wrong sequence password is decoded" '^(TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH) '
run "sequenceupdate small chunk" u sequenceupdate -hs "$SQ" -pwds spw -if small.dat
run "sequencecomplete with the last chunk" u sequencecomplete -hs "$SQ" -pwds spw -if k1024.dat -of hs.bin
check "HMAC sequence equals openssl HMAC of all chunks" \
    [ "$(t9_hex hs.bin)" = "$(cat big.dat small.dat k1024.dat | t9_hmac sha256 "$HKEY")" ]
fails_with "sequencecomplete of the completed sequence fails" "TPM_RC_REFERENCE_H0" \
    u sequencecomplete -hs "$SQ" -pwds spw

# ---- hash sequences for every bank --------------------------------------------------------
for a in sha1 sha256 sha384 sha512; do
    run "hashsequencestart $a" u hashsequencestart -halg "$a" -pwda "p$a"
    SQ=$(t9_handle)
    run "sequenceupdate $a" u sequenceupdate -hs "$SQ" -pwds "p$a" -if small.dat
    run "sequenceupdate $a 3000 bytes" u sequenceupdate -hs "$SQ" -pwds "p$a" -if big.dat
    run "sequencecomplete $a with 3000 more bytes" u sequencecomplete -hs "$SQ" -pwds "p$a" -if big.dat -of "d_$a.bin" -hi o -tk "tk_$a.bin"
    check "hash sequence $a equals openssl dgst" \
        [ "$(t9_hex "d_$a.bin")" = "$(cat small.dat big.dat big.dat | t9_dgst "$a")" ]
    t9_flush "$SQ"
done
check "sequencecomplete -hi o ticket names the owner hierarchy" [ "$(od -An -tx1 -N 6 tk_sha256.bin | tr -d ' \n')" = 802440000001 ]
run "hashsequencestart for an empty sequence" u hashsequencestart
SQ=$(t9_handle)
run "sequencecomplete of no data" u sequencecomplete -hs "$SQ" -of d_empty.bin
check "empty sequence is sha256 of nothing" [ "$(t9_hex d_empty.bin)" = "$(printf '' | t9_dgst sha256)" ]
fails_with "sequenceupdate without -hs fails" "sequenceupdate: missing -hs" u sequenceupdate -if small.dat
expect "sequenceupdate names the missing flag" '^sequenceupdate: missing -hs'
fails_with "sequenceupdate of a missing file fails" "cannot read no/such\\.file" \
    u sequenceupdate -hs 80000002 -if no/such.file
fails_with "sequenceupdate in several commands refuses a session without continue" "needs the continue attribute" \
    u sequenceupdate -hs 80000002 -if big.dat -se0 02000000 00
expect "the refusal names the continue attribute" '^sequenceupdate: .*needs the continue attribute'

# ---- event sequence extends a PCR ---------------------------------------------------------
run "pcrreset 16" u pcrreset -ha 16
run "pcrread 16 before" u pcrread -ha 16 -halg sha256 -of pcr_before.bin
run "hashsequencestart event sequence" u hashsequencestart -halg null -pwda epw
SQ=$(t9_handle)
run "sequenceupdate event sequence 3000 bytes" u sequenceupdate -hs "$SQ" -pwds epw -if big.dat
run "eventsequencecomplete extends PCR 16" u eventsequencecomplete -ha 16 -hs "$SQ" -pwds epw -if small.dat \
    -of1 ev1.bin -of2 ev2.bin -of3 ev3.bin -of5 ev5.bin
for a in 1:sha1 2:sha256 3:sha384 5:sha512; do
    check "eventsequencecomplete -of${a%%:*} equals openssl ${a#*:}" \
        [ "$(t9_hex "ev${a%%:*}.bin")" = "$(cat big.dat small.dat | t9_dgst "${a#*:}")" ]
done
run "pcrread 16 after" u pcrread -ha 16 -halg sha256 -of pcr_after.bin
check "PCR 16 = sha256(old PCR || event digest)" \
    [ "$(t9_hex pcr_after.bin)" = "$(cat pcr_before.bin ev2.bin | t9_dgst sha256)" ]
run "hashsequencestart event sequence, no PCR" u hashsequencestart -halg null
SQ=$(t9_handle)
run "eventsequencecomplete without a PCR" u eventsequencecomplete -hs "$SQ" -if big.dat -of2 ev2n.bin
run "pcrread 16 again" u pcrread -ha 16 -halg sha256 -of pcr_again.bin
check "eventsequencecomplete without -ha leaves PCR 16 alone" cmp pcr_after.bin pcr_again.bin
check "eventsequencecomplete of 3000 bytes equals openssl" [ "$(t9_hex ev2n.bin)" = "$(t9_dgst sha256 < big.dat)" ]
u pcrreset -ha 16 >/dev/null 2>&1

# ---- contexts across processes: a key, a hash sequence, an HMAC session -------------------
run "contextsave HMAC key" u contextsave -ha "$KH" -of kh.ctx
expect "contextsave prints the saved handle" '^TPMS_CONTEXT.savedHandle 80000000$'
run "flushcontext HMAC key" u flushcontext -ha "$KH"
fails_with "hmac with the flushed key fails" "TPM_RC_REFERENCE_H0" u hmac -hk "$KH" -pwdk kpw -if small.dat
expect "flushed key is not loaded" '^TPM_RC_REFERENCE_H0 '
run "contextload HMAC key" u contextload -if kh.ctx
KH=$(t9_handle)
cp "$TPM_DATA_DIR/h$KH.bin" reloaded.name 2>/dev/null
run "readpublic of the reloaded key" u readpublic -ho "$KH" -on tpm.name
check "the reloaded key's Name came with its saved context, equal to the TPM's" cmp reloaded.name tpm.name
run "hmac with the reloaded key" u hmac -hk "$KH" -pwdk kpw -if small.dat -os h4.bin
check "reloaded key gives the same HMAC" cmp h1.bin h4.bin

run "hashsequencestart for contextsave" u hashsequencestart -halg sha384 -pwda cpw
SQ=$(t9_handle)
run "sequenceupdate before contextsave" u sequenceupdate -hs "$SQ" -pwds cpw -if big.dat
run "contextsave hash sequence" u contextsave -ha "$SQ" -of seq.ctx
run "flushcontext hash sequence" u flushcontext -ha "$SQ"
run "contextload hash sequence" u contextload -if seq.ctx
SQ=$(t9_handle)
run "startauthsession for the reloaded sequence" u startauthsession -se h
T9_SS=$(t9_handle)
run "sequenceupdate after contextload under an HMAC session (the sequence's empty Name travels)" \
    u sequenceupdate -hs "$SQ" -pwds cpw -if small.dat -se0 "$T9_SS" 00
run "sequenceupdate after contextload" u sequenceupdate -hs "$SQ" -pwds cpw -if small.dat
run "sequencecomplete after contextload" u sequencecomplete -hs "$SQ" -pwds cpw -of dctx.bin
check "reloaded hash sequence continues the digest" [ "$(t9_hex dctx.bin)" = "$(cat big.dat small.dat small.dat | t9_dgst sha384)" ]

run "startauthsession HMAC session" u startauthsession -se h
SE=$(t9_handle)
run "hmac authorized by the HMAC session" u hmac -hk "$KH" -pwdk kpw -if small.dat -os h5.bin -se0 "$SE" 01
check "HMAC session authorizes the same HMAC" cmp h1.bin h5.bin
run "contextsave HMAC session" u contextsave -ha "$SE" -of se.ctx
fails_with "the saved session cannot authorize before contextload" "TPM_RC_REFERENCE_S0" \
    u hmac -hk "$KH" -pwdk kpw -if small.dat -se0 "$SE" 01
expect "saved session is not loaded" '^TPM_RC_REFERENCE_S0 '
run "contextload HMAC session" u contextload -if se.ctx
check "the session gets its handle back" [ -n "$SE" -a "$(t9_handle)" = "$SE" ]
run "hmac authorized by the reloaded session" u hmac -hk "$KH" -pwdk kpw -if small.dat -os h6.bin -se0 "$SE" 01
check "reloaded session authorizes the same HMAC" cmp h1.bin h6.bin
fails_with "reloaded session with a wrong key password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u hmac -hk "$KH" -pwdk wrong -if small.dat -se0 "$SE" 01
run "reloaded session authorizes once more, then ends" u hmac -hk "$KH" -pwdk kpw -if small.dat -se0 "$SE" 00
fails_with "contextsave of the ended session fails" "TPM_RC_REFERENCE_H0" u contextsave -ha "$SE" -of bad.ctx

# bad context files: a flipped byte in the blob, a truncated file, no file, no flag
run "contextsave HMAC key again" u contextsave -ha "$KH" -of kh2.ctx
cp kh2.ctx flip.ctx
# invert one byte near the end of the blob (inside the encrypted, integrity-protected part)
T9_OFF=$(( $(stat -c %s flip.ctx) - 5 ))
T9_B=$(od -An -tu1 -j "$T9_OFF" -N 1 flip.ctx | tr -d ' ')
printf "\\$(printf %03o $(( T9_B ^ 255 )))" | dd of=flip.ctx bs=1 seek="$T9_OFF" conv=notrunc 2>/dev/null
check "the corrupted context differs from the saved one" [ "$(t9_hex flip.ctx)" != "$(t9_hex kh2.ctx)" ]
fails_with "contextload of a corrupted context fails" "TPM_RC_INTEGRITY" u contextload -if flip.ctx
expect "corrupted context is rejected by the integrity check" '^TPM_RC_INTEGRITY '
head -c 30 kh2.ctx > trunc.ctx
fails_with "contextload of a truncated context fails" "cannot read trunc\\.ctx" u contextload -if trunc.ctx
expect "truncated context is refused before the TPM" '^contextload: cannot read trunc\.ctx'
fails_with "contextload of a missing file fails" "cannot read no/such\\.ctx" u contextload -if no/such.ctx
fails_with "contextload without -if fails" "contextload: missing -if" u contextload
fails_with "contextsave without -ha fails" "contextsave: missing -ha" u contextsave -of bad.ctx
check "contextsave without -ha wrote no file" [ ! -e bad.ctx ]
fails_with "contextload -h exits 1" "Runs TPM2_ContextLoad" u contextload -h

# leave the TPM clean whatever failed above
[ -n "${SE:-}" ] && t9_flush "$SE"
for h in 80000000 80000001 80000002 80000003 80000004 80000005 02000000 02000001 02000002 03000000 03000001 03000002; do
    t9_flush $h
done
u pcrreset -ha 16 >/dev/null 2>&1
unset P KA KB KD KH SQ SE HKEY T9_XY T9_BODY T9_OFF T9_B tv ov
