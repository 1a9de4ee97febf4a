#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: PCR read, extend, reset, event; NV define, write, read, public, undefine

g4_hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
g4_unhex() { printf '%s' "$1" | sed 's/../\\x&/g' | xargs -0 printf '%b'; }
NV=01500010

# ---- PCRs: new = H(old || digest), computed with openssl
run "pcrreset 16" u pcrreset -ha 16
for h in sha1 sha256; do
    run "pcrread 16 $h after reset" u pcrread -ha 16 -halg "$h" -ns
    old=$(tr -d '\n' < "$WORK/last.out")
    check "PCR 16 $h is zero after reset" test -z "$(printf '%s' "$old" | tr -d 0)"
    run "pcrextend 16 $h" u pcrextend -ha 16 -halg "$h" -ic "digest data"
    size=$( [ "$h" = sha1 ] && echo 20 || echo 32 )
    { g4_unhex "$old"; printf 'digest data'; head -c $((size - 11)) /dev/zero; } > ext.bin
    want=$(openssl dgst -"$h" -binary ext.bin | od -An -tx1 -v | tr -d ' \n')
    run "pcrread 16 $h after extend" u pcrread -ha 16 -halg "$h" -of pcr.bin
    check "PCR 16 $h equals H(old || digest)" test "$(g4_hex pcr.bin)" = "$want"
done
printf 'event data' > event.bin
run "pcrreset 16 again" u pcrreset -ha 16
run "pcrevent 16" u pcrevent -ha 16 -if event.bin -of1 ev1.bin -of2 ev2.bin
check "pcrevent sha1 digest equals openssl" test "$(g4_hex ev1.bin)" = "$(openssl dgst -sha1 -binary event.bin | od -An -tx1 -v | tr -d ' \n')"
check "pcrevent sha256 digest equals openssl" test "$(g4_hex ev2.bin)" = "$(openssl dgst -sha256 -binary event.bin | od -An -tx1 -v | tr -d ' \n')"
{ head -c 32 /dev/zero; cat ev2.bin; } > chain.bin
run "pcrread 16 sha256 after the event" u pcrread -ha 16 -halg sha256 -of pcr2.bin
check "PCR 16 equals H(zero || H(event))" test "$(g4_hex pcr2.bin)" = "$(openssl dgst -sha256 -binary chain.bin | od -An -tx1 -v | tr -d ' \n')"
fails_with "pcrreset of PCR 0 is refused" "TPM_RC_LOCALITY" u pcrreset -ha 0
fails_with "pcrread -ha 24" "-ha must be a PCR number from 0 to 23" u pcrread -ha 24
fails_with "pcrextend without data" "one of -ic and -if is required" u pcrextend -ha 16

# ---- several banks in one command (-halg repeats, as IBM's 2.4.1)
run "pcrreset 16 for the bank checks" u pcrreset -ha 16
TPM_TRACE_LEVEL=2 run "pcrextend 16 sha1 + sha256 + sha384 (one command)" u pcrextend -ha 16 -halg sha1 -halg sha256 -halg sha384 -ic "three banks"
check "pcrextend sent one PCR_Extend for the three banks" test "$(grep -c 'TSS_Execute: PCR_Extend' "$WORK/last.out")" -eq 1
TPM_TRACE_LEVEL=2 run "pcrread 16 sha1 + sha256 + sha384 (one command)" u pcrread -ha 16 -halg sha1 -halg sha256 -halg sha384
check "pcrread sent one PCR_Read for the three banks" test "$(grep -c 'TSS_Execute: PCR_Read' "$WORK/last.out")" -eq 1
expect "pcrread prints IBM's count line for three banks" "^count 3 pcrUpdateCounter [0-9]+ $"
check "pcrread prints a digest per bank" test "$(grep -c '^ digest length' "$WORK/last.out")" -eq 3
run "pcrread -ns of sha1 + sha256" u pcrread -ha 16 -halg sha1 -halg sha256 -ns
declare -A G4_W
for h in sha1 sha256 sha384; do
    size=$(case $h in sha1) echo 20 ;; sha256) echo 32 ;; *) echo 48 ;; esac)
    { head -c "$size" /dev/zero; printf 'three banks'; head -c $((size - 11)) /dev/zero; } > ext.bin
    G4_W[$h]=$(openssl dgst -$h -binary ext.bin | od -An -tx1 -v | tr -d ' \n')
done
check "pcrread -ns prints the sha1 then the sha256 bank, each H(zero || digest)" \
    test "$(tr '\n' ' ' < "$WORK/last.out")" = "${G4_W[sha1]} ${G4_W[sha256]} "
run "pcrread 16 sha384 alone" u pcrread -ha 16 -halg sha384 -ns
check "the sha384 bank was extended by the same command" test "$(cat "$WORK/last.out")" = "${G4_W[sha384]}"
run "pcrread -of with two banks" u pcrread -ha 16 -halg sha256 -halg sha1 -of pcrfirst.bin
check "-of holds the first bank named (sha256)" test "$(g4_hex pcrfirst.bin)" = "${G4_W[sha256]}"
# IBM's tsspcrextend (1.4.5 takes -halg more than once too) leaves the same values
if command -v tsspcrextend >/dev/null; then
    mkdir -p "$WORK/g4ibm"
    u pcrreset -ha 16 >/dev/null 2>&1
    env TPM_SERVER_TYPE=raw TPM_DATA_DIR="$WORK/g4ibm" tsspcrextend -ha 16 -halg sha1 -halg sha256 -halg sha384 -ic "three banks" >"$WORK/last.out" 2>&1
    run "pcrread 16 after IBM's tsspcrextend of three banks" u pcrread -ha 16 -halg sha1 -halg sha256 -halg sha384 -ns
    check "IBM's tsspcrextend gives the values ours gave" \
        test "$(tr '\n' ' ' < "$WORK/last.out")" = "${G4_W[sha1]} ${G4_W[sha256]} ${G4_W[sha384]} "
else
    echo "  skip  IBM comparison (Debian package tss2 not installed)"
fi
# data longer than a bank's digest is cut to it (IBM): 40 bytes into sha1 use the first 20
g4_40=0123456789abcdefghijABCDEFGHIJ0123456789
run "pcrreset 16 for the long data" u pcrreset -ha 16
run "pcrextend sha1 with 40 bytes of data" u pcrextend -ha 16 -halg sha1 -ic "$g4_40"
{ head -c 20 /dev/zero; printf '%s' "${g4_40:0:20}"; } > ext.bin
run "pcrread sha1 after the long data" u pcrread -ha 16 -halg sha1 -ns
check "the sha1 bank took the first 20 bytes" test "$(cat "$WORK/last.out")" = "$(openssl dgst -sha1 -binary ext.bin | od -An -tx1 -v | tr -d ' \n')"
fails_with "pcrextend with 65 bytes of data" "-ic: 65 bytes" u pcrextend -ha 16 -ic "$(head -c 65 /dev/zero | tr '\0' x)"
expect "more than the largest digest (64 bytes) is refused" "65 bytes is more than the 64 allowed"
g4_many=(); for i in $(seq 16); do g4_many+=(-halg sha1); done
fails_with "pcrread with 17 -halg" "16 permitted" u pcrread -ha 16 "${g4_many[@]}" -halg sha1
expect "the 17th -halg is refused as IBM's" "Too many -halg specifiers"
fails_with "pcrextend with 17 -halg" "16 permitted" u pcrextend -ha 16 "${g4_many[@]}" -halg sha1 -ic x
expect "the 17th -halg is refused as IBM's (pcrextend)" "Too many -halg specifiers"
u pcrread -ha 16 "${g4_many[@]}" >"$WORK/last.out" 2>&1
# swtpm's own bound on the selection count is smaller: it answers TPM_RC_SIZE
expect "16 -halg pass the parser and reach the TPM" "^count 16 |TPM_RC_SIZE"
fails_with "pcrread -halg md5" "pcrread: bad value" u pcrread -ha 16 -halg md5
expect "a bad -halg is named" "bad value 'md5' for -halg"

# ---- pcrread -iosad: the session audit digest the TPM should hold, checked against the TPM
S4=$(u startauthsession -se h 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
check "startauthsession (HMAC, sha256) for pcrread audit" test -n "$S4"
head -c 32 /dev/zero > sad.bin
run "pcrread two banks in an audit session (-iosad)" u pcrread -ha 16 -halg sha1 -halg sha256 -se0 "$S4" 81 -ahalg sha256 -iosad sad.bin
check "-iosad file is no longer zero" test -n "$(g4_hex sad.bin | tr -d 0)"
run "pcrread again in the audit session" u pcrread -ha 3 -se0 "$S4" 81 -iosad sad.bin
run "getsessionauditdigest -od" u getsessionauditdigest -hs "$S4" -od sad.tpm
check "pcrread's session audit digest equals the TPM's" cmp sad.bin sad.tpm
cp sad.bin sad.keep
fails_with "pcrread -ahalg sha1 with a sha256 digest file" "-ahalg digest size" u pcrread -ha 16 -se0 "$S4" 81 -ahalg sha1 -iosad sad.bin
expect "the size mismatch is named" "digest size 20 does not match the 32 bytes"
# (sad.bin is not zero: the audit session extended it)
check "the -iosad file is unchanged after the failure" sh -c 'cmp "$1" "$2" && [ -n "$(od -An -tx1 -v "$1" | tr -d " 0\n")" ]' sh sad.bin sad.keep
u getsessionauditdigest -hs "$S4" -od sad.tpm2 >/dev/null 2>&1
check "the refused pcrread was not sent (the TPM's audit digest did not move)" cmp sad.tpm2 sad.keep
fails_with "pcrread -iosad of a missing file" "pcrread: cannot read" u pcrread -ha 16 -iosad "$WORK/no/such.bin"
expect "the missing file is named" "cannot read .*no/such.bin"
[ -n "$S4" ] && u flushcontext -ha "$S4" >/dev/null 2>&1

# ---- NV ordinary index
u nvundefinespace -hi o -ha $NV >/dev/null 2>&1
run "nvdefinespace 2000 bytes with an index password" u nvdefinespace -hi o -ha $NV -pwdn nvpw -sz 2000
fails_with "nvread before any write" "rc 0000014a" u nvread -ha $NV -pwdn nvpw -sz 4
expect "the failure is TPM_RC_NV_UNINITIALIZED" "TPM_RC_NV_UNINITIALIZED"
run "nvwrite a string" u nvwrite -ha $NV -pwdn nvpw -ic "hello nv"
run "nvread it back" u nvread -ha $NV -pwdn nvpw -sz 8 -of nv1.bin
check "nvread returns what nvwrite wrote" test "$(cat nv1.bin)" = "hello nv"
run "nvwrite at an offset" u nvwrite -ha $NV -pwdn nvpw -ic "XY" -off 6
run "nvread at an offset" u nvread -ha $NV -pwdn nvpw -sz 4 -off 4 -of nv2.bin
check "the offset write landed" test "$(cat nv2.bin)" = "o XY"
head -c 1800 /dev/urandom > big.bin
run "nvwrite 1800 bytes (several chunks)" u nvwrite -ha $NV -pwdn nvpw -if big.bin -off 100
run "nvread 1800 bytes (several chunks)" u nvread -ha $NV -pwdn nvpw -sz 1800 -off 100 -of big.out
check "large data round trip" cmp big.bin big.out
fails_with "nvread with a wrong password" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u nvread -ha $NV -pwdn wrong -sz 4
fails_with "nvwrite with a wrong password" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u nvwrite -ha $NV -pwdn wrong -ic x
run "nvreadpublic" u nvreadpublic -ha $NV -opu nv.pub -on nv.name
expect "nvreadpublic shows the size" "data size 2000"
run "publicname of the NV public area" u publicname -invpu nv.pub -on nv.name2
check "the offline Name equals the TPM's" cmp nv.name nv.name2
check "the TSS tracked the Name (written bit) in TPM_DATA_DIR" cmp nv.name "$TPM_DATA_DIR/h$NV.bin"
g4_named=$([ -s "$TPM_DATA_DIR/h$NV.bin" ] && echo yes)
run "nvundefinespace" u nvundefinespace -hi o -ha $NV
fails_with "nvread after undefine" "TPM_RC_HANDLE" u nvread -ha $NV -sz 4
check "the TSS forgot the Name" test "$g4_named" = yes -a ! -e "$TPM_DATA_DIR/h$NV.bin"
fails_with "nvdefinespace without -ha" "missing -ha" u nvdefinespace -hi o -sz 8
fails_with "nvdefinespace with an unknown +at" "\+at needs one of the attribute names" u nvdefinespace -hi o -ha $NV +at nonsense
fails_with "nvwrite without -ha" "missing -ha" u nvwrite -ic x

# ---- nvread: a 0 byte read is still sent (no client-side shortcut: the TPM answers)
NVE=01500011
u nvundefinespace -hi o -ha $NVE >/dev/null 2>&1
run "nvdefinespace of a 0 byte index" u nvdefinespace -hi o -ha $NVE
fails_with "nvread of the 0 byte index (never written)" "rc 0000014a" u nvread -ha $NVE
expect "the TPM's answer is reported: TPM_RC_NV_UNINITIALIZED" "TPM_RC_NV_UNINITIALIZED"
u nvundefinespace -hi o -ha $NVE >/dev/null 2>&1
run "nvdefinespace 8 bytes" u nvdefinespace -hi o -ha $NVE -sz 8
fails_with "nvread -sz 0 before any write" "rc 0000014a" u nvread -ha $NVE -sz 0
expect "-sz 0 is sent too: TPM_RC_NV_UNINITIALIZED" "TPM_RC_NV_UNINITIALIZED"
run "nvwrite of the 8 byte index" u nvwrite -ha $NVE -ic 12345678
run "nvread -sz 0 after the write" u nvread -ha $NVE -sz 0 -of empty.bin
check "nvread -sz 0 writes an empty -of" test -f empty.bin -a ! -s empty.bin

# ---- nvread -cert / -ocert: the data as an X.509 certificate (IBM prints it with OpenSSL)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout g4key.pem \
    -subj "/CN=g4 nvread certificate" -days 1 -outform DER -out g4cert.der >/dev/null 2>&1
check "openssl made a DER certificate" test -s g4cert.der
u nvundefinespace -hi o -ha $NVE >/dev/null 2>&1
run "nvdefinespace 1000 bytes (larger than the certificate)" u nvdefinespace -hi o -ha $NVE -sz 1000
run "nvwrite the DER certificate" u nvwrite -ha $NVE -if g4cert.der
run "nvread -cert -ocert" u nvread -ha $NVE -cert -ocert g4cert.pem
expect "nvread -cert prints the certificate's subject" "Subject: CN *= *g4 nvread certificate"
expect "nvread -cert prints the public key algorithm" "Public Key Algorithm: id-ecPublicKey"
check "-ocert is PEM" grep -q "^-----BEGIN CERTIFICATE-----" g4cert.pem
openssl x509 -in g4cert.pem -outform DER -out g4cert.back >/dev/null 2>&1
check "-ocert holds the certificate written (PEM of the same DER)" cmp g4cert.der g4cert.back
run "nvread -ocert without -cert" u nvread -ha $NVE -ocert g4cert2.pem
check "-ocert alone also writes the PEM" cmp g4cert.pem g4cert2.pem
fails_with "nvread -cert of data that is not a certificate" "data is not an X\\.509" u nvread -ha $NVE -sz 16 -off 100 -cert -ocert g4bad.pem
expect "the failure says why" "not an X.509 certificate"
check "no -ocert file after the failure" test ! -e g4bad.pem
u nvundefinespace -hi o -ha $NVE >/dev/null 2>&1

# ---- -id pinCount pinLimit: nvwrite writes a PIN index, nvread checks it
run "nvdefinespace PIN pass index (owner authorization)" u nvdefinespace -hi o -ha $NVE -ty p -hia o
run "nvwrite -id 0 5" u nvwrite -ha $NVE -hia o -id 0 5
run "nvread -of the PIN index" u nvread -ha $NVE -hia o -of pin.bin
check "nvwrite -id wrote two big-endian UINT32" test "$(g4_hex pin.bin)" = 0000000000000005
run "nvread -id 0 5 (the values held)" u nvread -ha $NVE -hia o -id 0 5
fails_with "nvread -id 1 5 (pinCount differs)" "the index holds pinCount 0" u nvread -ha $NVE -hia o -id 1 5
expect "the mismatch names both values" "holds pinCount 0 pinLimit 5, expected 1 5"
run "nvwrite -id 70000 4000000000" u nvwrite -ha $NVE -hia o -id 70000 4000000000
run "nvread -id 70000 4000000000" u nvread -ha $NVE -hia o -id 70000 4000000000
if command -v tssnvwrite >/dev/null; then
    mkdir -p "$WORK/g4ibm"
    env TPM_SERVER_TYPE=raw TPM_DATA_DIR="$WORK/g4ibm" tssnvwrite -ha $NVE -hia o -id 3 7 >"$WORK/last.out" 2>&1
    run "nvread -id 3 7 after IBM's tssnvwrite -id 3 7" u nvread -ha $NVE -hia o -id 3 7
else
    echo "  skip  IBM comparison (Debian package tss2 not installed)"
fi
fails_with "nvread -id with one value" "nvread: -id needs" u nvread -ha $NVE -hia o -id 1
expect "nvread -id needs two values" "-id needs 2 values"
fails_with "nvwrite -id with -ic" "-ic, -if and -id exclude" u nvwrite -ha $NVE -hia o -id 0 5 -ic x
expect "-id excludes -ic" "exclude each other"
fails_with "nvwrite -id x 5" "are decimal numbers" u nvwrite -ha $NVE -hia o -id x 5
expect "a bad -id value is named" "-id x: pinCount and pinLimit are decimal"
u nvundefinespace -hi o -ha $NVE >/dev/null 2>&1
