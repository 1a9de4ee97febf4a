#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: credentials, duplication, import, EK: makecredential activatecredential duplicate import importpem rewrap createek createekcert
#
# EK certificates made by createekcert (low and high range, RSA and ECC, CAs generated here
# with the Name of IBM's test EK CA) are validated by createek and by openssl; credentials
# made offline by makecredential are recovered by the TPM's ActivateCredential; duplicates
# with no wrapper, an inner wrapper, an outer wrapper and both are imported and used to sign;
# importpem keys sign what openssl verifies with the original PEM. Sourced by reg.sh from
# $WORK; transient objects, sessions and the EK certificate indexes it made are removed at
# the end whatever failed. An expect after fails_with anchors its regex at a line start: when
# fails_with fails, lib.sh appends the regex it wanted to last.out, which an unanchored expect
# would then find.

G8=$WORK/g8
mkdir -p "$G8"
G8_NV="01c00002 01c00003 01c00004 01c0000a 01c00012 01c00014 01c00016 01c0001c"
G8_CA_DN="/C=US/ST=NY/L=Yorktown/O=IBM/CN=EK CA"
G8_ECCA_DN="/C=US/ST=NY/L=Yorktown/O=IBM/CN=EK EC CA"

# ---- helpers --------------------------------------------------------------------------------

# handle printed by the last command ("Handle 80000000", "Primary key Handle 80000000")
t8_handle() { sed -n 's/^\(Primary key \)\{0,1\}Handle \([0-9a-f]\{8\}\)$/\2/p' "$WORK/last.out" | head -n1; }
t8_flush() { [ -n "$1" ] && u flushcontext -ha "$1" >/dev/null 2>&1; return 0; }
t8_cleanup() {
    local h
    for h in 80000000 80000001 80000002 80000003 80000004 80000005 \
             03000000 03000001 03000002 02000000 02000001 02000002; do t8_flush $h; done
    for h in $G8_NV; do u nvundefinespace -hi p -ha "$h" >/dev/null 2>&1; done
}
t8_have() { command -v "${PREFIX}$1" >/dev/null 2>&1; }
t8_ibm() {
    local p=$1
    shift
    if [ "${TPM_SERVER_TYPE:-}" = swtpm ]; then TPM_SERVER_TYPE=raw "tss$p" "$@"; else "tss$p" "$@"; fi
}
t8_have_ibm() { command -v tsscreateek >/dev/null 2>&1; }
# a policy session that satisfied PolicyCommandCode(Duplicate): handle in T8_S
t8_dup_session() {
    T8_S=
    u startauthsession -se p >"$WORK/last.out" 2>&1 && T8_S=$(t8_handle)
    [ -n "$T8_S" ] && u policycommandcode -ha "$T8_S" -cc 14b >/dev/null 2>&1
}
# TPMT_SIGNATURE (RSASSA or ECDSA) -> the signature openssl dgst -verify takes
t8_sig() {
    local hex rl sl off
    [ -s "$1" ] || return 1
    hex=$(od -An -tx1 -v "$1" | tr -d ' \n')
    if [ "${hex:0:4}" = 0014 ]; then tail -c +7 "$1" > "$2"; return; fi
    rl=$((16#${hex:8:4})); off=$((12 + rl * 2)); sl=$((16#${hex:off:4}))
    printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' \
        "${hex:12:rl*2}" "${hex:off+4:sl*2}" > "$2.cnf"
    openssl asn1parse -genconf "$2.cnf" -out "$2" -noout >/dev/null 2>&1
}
# t8_signverify NAME HANDLE PUBPEM PASSWORD [sign flags]: TPM signs, openssl verifies
t8_signverify() {
    local name=$1 h=$2 pem=$3 pw=$4
    shift 4
    rm -f "$G8/sig.bin" "$G8/sig.der"
    run "$name: sign" u sign -hk "$h" -if "$G8/msg" -pwdk "$pw" -os "$G8/sig.bin" "$@"
    t8_sig "$G8/sig.bin" "$G8/sig.der"
    check "$name: openssl verifies the signature" \
        openssl dgst -sha256 -verify "$pem" -signature "$G8/sig.der" "$G8/msg"
}

printf 'message signed by imported keys' > "$G8/msg"
# CAs: RSA (password rrrr) and ECC (password eeee) with the Names of IBM's test EK CAs; another one
openssl req -x509 -newkey rsa:2048 -keyout "$G8/cakey.pem" -passout pass:rrrr -out "$G8/cacert.pem" \
    -days 30 -subj "$G8_CA_DN" >/dev/null 2>&1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -keyout "$G8/cakeyecc.pem" -passout pass:eeee \
    -out "$G8/cacertecc.pem" -days 30 -subj "$G8_ECCA_DN" >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$G8/otherkey.pem" -out "$G8/othercert.pem" \
    -days 30 -subj "/CN=Some other CA" >/dev/null 2>&1
echo "$G8/cacert.pem" > "$G8/roots.txt"
printf '%s\n\n%s\n' "$G8/othercert.pem" "$G8/cacertecc.pem" > "$G8/rootsecc.txt"
echo "$G8/othercert.pem" > "$G8/badroots.txt"

# ---- EK certificates ---------------------------------------------------------------------

# -cp validates the EK against its certificate: none in NV is an error, -nopub skips the check
u nvundefinespace -hi p -ha 01c00002 >/dev/null 2>&1
fails_with "createek -cp with no EK certificate in NV fails" "TPM_RC_HANDLE" u createek -rsa -cp
expect "createek -cp names the missing certificate" '^createek: no EK certificate at NV index 01c00002'
run "createek -cp -nopub creates the EK without a certificate" u createek -rsa -cp -nopub
expect "createek -cp -nopub says the EK is not validated" "EK not validated against an EK certificate"
run "createek -cp -nopub -noflush leaves the EK loaded" u createek -rsa -cp -nopub -noflush
E=$(t8_handle)
check "the -noflush EK is loaded" u readpublic -ho "${E:-none}"
t8_flush "$E"
run "createekcert RSA 2048 low range (CA key with password)" \
    u createekcert -rsa 2048 -cakey "$G8/cakey.pem" -capwd rrrr -of "$G8/ekrsa.der"
openssl x509 -inform der -in "$G8/ekrsa.der" -out "$G8/ekrsa.pem" 2>/dev/null
check "openssl verifies the RSA EK certificate against the CA" \
    openssl verify -CAfile "$G8/cacert.pem" "$G8/ekrsa.pem"
run "createek -ce prints the RSA EK certificate" u createek -rsa -ce
expect "createek -ce shows the CA as issuer" "Issuer: C ?= ?US, ST ?= ?NY, L ?= ?Yorktown, O ?= ?IBM, CN ?= ?EK CA"
run "createek -cp validates the RSA EK against its certificate and the root" \
    u createek -rsa 2048 -cp -root "$G8/roots.txt"
expect "createek -cp: EK matches the certificate" "EK public key matches the EK certificate at 01c00002"
expect "createek -root: certificate validated" "validated against the root"
fails_with "createek -root with a list without the CA is rejected" "validation against the root failed" \
    u createek -rsa -root "$G8/badroots.txt"
expect "the rejection names the validation failure" '^createek: EK certificate validation against the root failed'
fails_with "createek -root with a missing list file fails" "cannot read .*/none\\.txt" \
    u createek -rsa -root "$G8/none.txt"
echo "$G8/none.pem" > "$G8/missing.txt"
fails_with "createek -root with a list naming a missing file fails" "cannot read the PEM certificate .*/none\\.pem" \
    u createek -rsa -root "$G8/missing.txt"
fails_with "createek -te with no EK template in NV fails" "TPM_RC_HANDLE" u createek -rsa -te
fails_with "createek -no with no EK nonce in NV fails" "TPM_RC_HANDLE" u createek -rsa -no
fails_with "createek -te -cp together fail" "only one of -te, -no, -ce, -cp can be given" u createek -rsa -te -cp
fails_with "createek with nothing to do fails" "missing -te, -no, -ce, -cp or -root" u createek -rsa
fails_with "createek -rsa 1024 fails" "bad RSA key size '1024' for -rsa" u createek -rsa 1024 -cp
# an EK template and nonce in NV: -te and -no print them, -cp uses them
run "createprimary for an EK template" u createprimary -hi o -opu "$G8/tpl.pub"
t8_flush "$(t8_handle)"
tail -c +3 "$G8/tpl.pub" > "$G8/tpl.bin"
printf '\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10' > "$G8/nonce.bin"
run "nvdefinespace EK nonce index 01c00003" u nvdefinespace -hi p -ha 01c00003 -sz 16
run "nvwrite EK nonce" u nvwrite -ha 01c00003 -if "$G8/nonce.bin"
run "createek -no prints the EK nonce" u createek -rsa -no
expect "createek -no shows the nonce bytes" "01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10"
fails_with "createek -cp with the nonce: the EK no longer matches the certificate" "does not match the EK certificate" \
    u createek -rsa -cp
expect "createek -cp names the mismatch" '^createek: the EK does not match the EK certificate'
run "nvdefinespace EK template index 01c00004" u nvdefinespace -hi p -ha 01c00004 -sz "$(stat -c %s "$G8/tpl.bin")"
run "nvwrite EK template" u nvwrite -ha 01c00004 -if "$G8/tpl.bin"
run "createek -te prints the EK template" u createek -rsa -te
expect "createek -te shows the template's attributes" "objectAttributes:? 00030472"
run "nvundefinespace EK nonce" u nvundefinespace -hi p -ha 01c00003
fails_with "createek -cp with the NV template: the EK differs from the certificate" "does not match the EK certificate" \
    u createek -rsa -cp
expect "createek -cp used the NV template" '^EK template from NV index 01c00004'
run "nvundefinespace EK template" u nvundefinespace -hi p -ha 01c00004
run "createek -cp with the default template matches again" u createek -rsa -cp
if t8_have_ibm; then
    t8_ibm createek -alg rsa -root "$G8/roots.txt" >"$WORK/last.out" 2>&1
    check "IBM's tsscreateek validates our EK certificate against the root" grep -q "verified against the root" "$WORK/last.out"
fi

run "createekcert ECC P-256 low range (ECC CA key, -caalg ec)" \
    u createekcert -ecc nistp256 -cakey "$G8/cakeyecc.pem" -capwd eeee -caalg ec -of "$G8/ekecc.der"
openssl x509 -inform der -in "$G8/ekecc.der" -out "$G8/ekecc.pem" 2>/dev/null
check "the ECC EK certificate's issuer is the EC CA's subject (EK EC CA)" \
    [ "$(openssl x509 -in "$G8/ekecc.pem" -noout -issuer -nameopt compat | sed 's/^issuer=//')" = \
      "$(openssl x509 -in "$G8/cacertecc.pem" -noout -subject -nameopt compat | sed 's/^subject=//')" ]
check "the RSA EK certificate's issuer is the RSA CA's subject (EK CA)" \
    [ "$(openssl x509 -in "$G8/ekrsa.pem" -noout -issuer -nameopt compat | sed 's/^issuer=//')" = \
      "$(openssl x509 -in "$G8/cacert.pem" -noout -subject -nameopt compat | sed 's/^subject=//')" ]
check "the EK certificate's subject is IBM's (CN IBM SW TPM)" \
    grep -q "CN=IBM SW TPM" <(openssl x509 -in "$G8/ekecc.pem" -noout -subject -nameopt compat)
if t8_have_ibm; then
    echo "$G8/cacertecc.pem" > "$G8/rootsecc1.txt" # the EC CA alone (1.4.5 rejected rootsecc.txt)
    t8_ibm createek -alg ec -root "$G8/rootsecc1.txt" >"$WORK/last.out" 2>&1
    check "IBM's tsscreateek validates our ECC EK certificate against the EC CA" \
        grep -q "verified against the root" "$WORK/last.out"
fi
check "openssl verifies the ECC EK certificate against the ECC CA" \
    openssl verify -CAfile "$G8/cacertecc.pem" "$G8/ekecc.pem"
run "createek -cp ECC P-256 with a root list of two (and a blank line)" \
    u createek -ecc nistp256 -cp -root "$G8/rootsecc.txt"
expect "createek -cp ECC: EK matches the certificate" "EK public key matches the EK certificate at 01c0000a"
fails_with "createek -root: the RSA EK certificate is not under the ECC CA" "validation against the root failed" \
    u createek -rsa -root "$G8/rootsecc.txt"
check "the two EK certificates differ" \
    bash -c '[ -s "$1" ] && [ -s "$2" ] && ! cmp -s "$1" "$2"' sh "$G8/ekecc.der" "$G8/ekrsa.der"
rm -f "$G8/bad.der"
fails_with "createekcert with a wrong CA password fails" "cakey\\.pem is not a private key OpenSSL can read" \
    u createekcert -rsa -cakey "$G8/cakey.pem" -capwd wrong -of "$G8/bad.der"
fails_with "createekcert -caalg rsa with an ECC CA key fails" "-caalg does not match the CA key" \
    u createekcert -ecc nistp256 -cakey "$G8/cakeyecc.pem" -capwd eeee -caalg rsa -of "$G8/bad.der"
fails_with "createekcert without -cakey fails" "createekcert: missing -cakey" u createekcert -rsa -of "$G8/bad.der"
check "failed createekcert wrote no file" [ ! -e "$G8/bad.der" ]
run "the RSA EK certificate is unchanged after the failures" u createek -rsa -cp -root "$G8/roots.txt"

# ---- credentials: high range EKs (userWithAuth), RSA and ECC -------------------------------

run "createekcert RSA 2048 high range" u createekcert -rsa -high -cakey "$G8/cakey.pem" -capwd rrrr
run "createekcert ECC P-256 high range" u createekcert -ecc nistp256 -high -cakey "$G8/cakeyecc.pem" -capwd eeee
run "createekcert RSA 3072 (high range H-6: SHA-384, AES-256)" u createekcert -rsa 3072 -cakey "$G8/cakey.pem" -capwd rrrr
run "createekcert ECC P-384 (high range H-3: SHA-384, AES-256)" u createekcert -ecc nistp384 -cakey "$G8/cakeyecc.pem" -capwd eeee
run "storage key for the attestation key" u createprimary -hi o
P=$(t8_handle)
run "restricted signing key (the credential's object)" u create -hp "$P" -sir -pwdk akpw -opu "$G8/ak.pub" -opr "$G8/ak.priv"
run "publicname of the AK offline" u publicname -ipu "$G8/ak.pub" -on "$G8/ak.name"
run "getrandom credential" u getrandom -by 32 -of "$G8/cred.bin"
for alg in rsa ecc rsa3072 p384; do
    case $alg in
        rsa) ekflags="-rsa 2048"; idx=01c00012; root=roots.txt ;;
        ecc) ekflags="-ecc nistp256"; idx=01c00014; root=rootsecc.txt ;;
        rsa3072) ekflags="-rsa 3072"; idx=01c0001c; root=roots.txt ;;
        p384) ekflags="-ecc nistp384"; idx=01c00016; root=rootsecc.txt ;;
    esac
    # shellcheck disable=SC2086
    run "createek -cp -noflush $alg high range EK, validated" \
        u createek $ekflags -high -cp -noflush -root "$G8/$root"
    E=$(t8_handle)
    expect "createek $alg high: EK matches the certificate at $idx" "matches the EK certificate at $idx"
    run "load the AK ($alg)" u load -hp "$P" -ipu "$G8/ak.pub" -ipr "$G8/ak.priv"
    AK=$(t8_handle)
    run "readpublic $alg EK" u readpublic -ho "$E" -opu "$G8/ek_$alg.pub" -opem "$G8/ek_$alg.pem"
    rm -f "$G8/c_$alg."*
    # no TPM: the command port points nowhere
    run "makecredential -ipu offline ($alg EK, no TPM reachable)" env -u TPM_TRANSPORT TPM_COMMAND_PORT=1 \
        TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw TPM_SERVER_NAME=127.0.0.1 \
        "${PREFIX}makecredential" -ipu "$G8/ek_$alg.pub" -icred "$G8/cred.bin" -in "$G8/ak.name" \
        -ocred "$G8/c_$alg.blob" -os "$G8/c_$alg.sec"
    fails_with "makecredential -ha cannot reach that TPM (the offline run above really had none)" "TSS_RC_NO_CONNECTION" \
        env -u TPM_TRANSPORT TPM_COMMAND_PORT=1 TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw TPM_SERVER_NAME=127.0.0.1 \
        "${PREFIX}makecredential" -ha "$E" -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/c_$alg.none"
    run "activatecredential recovers the credential ($alg EK)" u activatecredential -ha "$AK" -hk "$E" \
        -pwda akpw -icred "$G8/c_$alg.blob" -is "$G8/c_$alg.sec" -ocred "$G8/c_$alg.out"
    check "recovered credential equals the input ($alg)" cmp "$G8/cred.bin" "$G8/c_$alg.out"
    run "makecredential -ha (public area read from the TPM, $alg)" u makecredential -ha "$E" \
        -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/c_$alg.blob2" -os "$G8/c_$alg.sec2"
    run "activatecredential of the -ha credential ($alg)" u activatecredential -ha "$AK" -hk "$E" \
        -pwda akpw -icred "$G8/c_$alg.blob2" -is "$G8/c_$alg.sec2" -ocred "$G8/c_$alg.out2"
    check "recovered credential equals the input (-ha, $alg)" cmp "$G8/cred.bin" "$G8/c_$alg.out2"
    run "makecredential -ipem of the EK PEM ($alg)" u makecredential -ipem "$G8/ek_$alg.pem" \
        -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/c_$alg.blob3" -os "$G8/c_$alg.sec3"
    run "activatecredential of the -ipem credential ($alg)" u activatecredential -ha "$AK" -hk "$E" \
        -pwda akpw -icred "$G8/c_$alg.blob3" -is "$G8/c_$alg.sec3" -ocred "$G8/c_$alg.out3"
    check "recovered credential equals the input (-ipem, $alg)" cmp "$G8/cred.bin" "$G8/c_$alg.out3"
    if t8_have_ibm && { [ $alg = rsa ] || [ $alg = ecc ]; }; then # IBM 1.4.5 lacks RSA 3072
        t8_ibm makecredential -ha "$E" -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/c_$alg.ibmblob" \
            -os "$G8/c_$alg.ibmsec" >"$WORK/last.out" 2>&1
        run "activatecredential of IBM's tssmakecredential files ($alg)" u activatecredential -ha "$AK" \
            -hk "$E" -pwda akpw -icred "$G8/c_$alg.ibmblob" -is "$G8/c_$alg.ibmsec" -ocred "$G8/c_$alg.ibmout"
        check "recovered credential equals the input (IBM's files, $alg)" cmp "$G8/cred.bin" "$G8/c_$alg.ibmout"
    fi
    # bad input
    cp "$G8/c_$alg.blob" "$G8/c_$alg.bad"
    printf '\x5a' | dd of="$G8/c_$alg.bad" bs=1 seek=40 conv=notrunc 2>/dev/null
    rm -f "$G8/c_$alg.badout"
    fails_with "activatecredential of a corrupted credential blob fails ($alg)" "TPM_RC_INTEGRITY" \
        u activatecredential -ha "$AK" -hk "$E" -pwda akpw \
            -icred "$G8/c_$alg.bad" -is "$G8/c_$alg.sec" -ocred "$G8/c_$alg.badout"
    expect "the corrupted blob fails the integrity check ($alg)" '^TPM_RC_INTEGRITY '
    check "no credential written for a corrupted blob ($alg)" [ ! -e "$G8/c_$alg.badout" ]
    fails_with "activatecredential with the secret of another credential fails ($alg)" "TPM_RC_INTEGRITY" \
        u activatecredential -ha "$AK" -hk "$E" -pwda akpw \
            -icred "$G8/c_$alg.blob" -is "$G8/c_$alg.sec2" -ocred "$G8/c_$alg.badout"
    head -c 20 "$G8/c_$alg.blob" > "$G8/c_$alg.trunc"
    fails_with "activatecredential of a truncated credential file fails ($alg)" "cannot read .*/c_$alg\\.trunc" \
        u activatecredential -ha "$AK" -hk "$E" -pwda akpw \
            -icred "$G8/c_$alg.trunc" -is "$G8/c_$alg.sec" -ocred "$G8/c_$alg.badout"
    fails_with "activatecredential with a wrong AK password fails ($alg)" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
        u activatecredential -ha "$AK" -hk "$E" -pwda wrong \
            -icred "$G8/c_$alg.blob" -is "$G8/c_$alg.sec" -ocred "$G8/c_$alg.badout"
    check "no credential written by the failures ($alg)" [ ! -e "$G8/c_$alg.badout" ]
    t8_flush "$AK"
    t8_flush "$E"
done
head -c 33 /dev/zero > "$G8/cred33.bin"
rm -f "$G8/bad.blob" "$G8/bad.sec"
fails_with "makecredential of a credential longer than the digest fails" "longer than the key's name digest" \
    u makecredential -ipu "$G8/ek_rsa.pub" -icred "$G8/cred33.bin" -in "$G8/ak.name" -ocred "$G8/bad.blob" -os "$G8/bad.sec"
fails_with "makecredential without -icred fails" "makecredential: missing -icred" \
    u makecredential -ipu "$G8/ek_rsa.pub" -in "$G8/ak.name" -ocred "$G8/bad.blob"
fails_with "makecredential with both -ha and -ipu fails" "give exactly one of -ha, -ipu, -ipem" \
    u makecredential -ha 80000000 -ipu "$G8/ek_rsa.pub" -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/bad.blob"
fails_with "makecredential to a signing key fails" "not a restricted decryption" u makecredential -ipu "$G8/ak.pub" \
    -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/bad.blob" -os "$G8/bad.sec"
fails_with "makecredential with a truncated -ipu fails" "cannot read .*/c_rsa\\.trunc" \
    u makecredential -ipu "$G8/c_rsa.trunc" \
    -icred "$G8/cred.bin" -in "$G8/ak.name" -ocred "$G8/bad.blob" -os "$G8/bad.sec"
check "failed makecredential wrote no file" [ ! -e "$G8/bad.blob" -a ! -e "$G8/bad.sec" ]
fails_with "activatecredential without -is fails" "activatecredential: missing -is" \
    u activatecredential -ha 80000001 -hk 80000000 -icred "$G8/c_rsa.blob"
fails_with "activatecredential -h exits 1" "Runs TPM2_ActivateCredential" u activatecredential -h

# low range RSA EK: its policy is PolicySecret(endorsement)
G8_PS=
if t8_have policysecret; then G8_PS=ours; elif t8_have_ibm; then G8_PS=ibm; fi
if [ -n "$G8_PS" ]; then
    run "createek -cp -noflush low range RSA EK" u createek -rsa -cp -noflush -nopub
    E=$(t8_handle)
    run "load the AK (low range EK)" u load -hp "$P" -ipu "$G8/ak.pub" -ipr "$G8/ak.priv"
    AK=$(t8_handle)
    run "makecredential -ha low range EK" u makecredential -ha "$E" -icred "$G8/cred.bin" -in "$G8/ak.name" \
        -ocred "$G8/c_low.blob" -os "$G8/c_low.sec"
    run "policy session for the EK" u startauthsession -se p
    S=$(t8_handle)
    if [ $G8_PS = ours ]; then
        run "policysecret endorsement" u policysecret -ha 4000000b -hs "$S"
    else
        mkdir -p "$G8/ibm"
        run "policysecret endorsement (IBM's tsspolicysecret)" env TPM_DATA_DIR="$G8/ibm" \
            bash -c "$(declare -f t8_ibm); t8_ibm policysecret -ha 4000000b -hs $S"
    fi
    run "activatecredential through the EK's policy (low range RSA EK)" u activatecredential -ha "$AK" \
        -hk "$E" -pwda akpw -icred "$G8/c_low.blob" -is "$G8/c_low.sec" -ocred "$G8/c_low.out" -se1 "$S" 0
    check "recovered credential equals the input (low range EK)" cmp "$G8/cred.bin" "$G8/c_low.out"
    t8_flush "$S"; t8_flush "$AK"; t8_flush "$E"
else
    echo "  skip  low range EK credential: no policysecret utility (ours or IBM's)"
fi

# ---- duplicate / import / rewrap ------------------------------------------------------------

printf '0000016c0000014b\n' > "$G8/pcc.txt"
run "policymaker PolicyCommandCode(Duplicate)" u policymaker -if "$G8/pcc.txt" -of "$G8/pcc.bin"
run "new parent: ECC storage key" u createprimary -hi o -ecc nistp256
NP=$(t8_handle)
run "readpublic new parent Name" u readpublic -ho "$NP" -on "$G8/np.name"
run "duplicable signing key with the Duplicate policy" u create -hp "$P" -si -pol "$G8/pcc.bin" -pwdk dk \
    -opu "$G8/d.pub" -opr "$G8/d.priv"
run "tpm2pem of the duplicable key" u tpm2pem -ipu "$G8/d.pub" -opem "$G8/d.pem"
run "publicname of the duplicable key" u publicname -ipu "$G8/d.pub" -on "$G8/d.name"
run "load the duplicable key" u load -hp "$P" -ipu "$G8/d.pub" -ipr "$G8/d.priv"
K=$(t8_handle)
run "getrandom inner wrapper key" u getrandom -by 16 -of "$G8/ik.bin"
# t8_import NAME PARENT DUPFILE SEEDFILE [import flags]: import, load, sign, verify
t8_import() {
    local name=$1 parent=$2 dup=$3 seed=$4 h
    shift 4
    run "$name: import" u import -hp "$parent" -ipu "$G8/d.pub" -id "$dup" -iss "$seed" -opr "$G8/imp.priv" "$@"
    run "$name: load the imported key" u load -hp "$parent" -ipu "$G8/d.pub" -ipr "$G8/imp.priv"
    h=$(t8_handle)
    t8_signverify "$name" "$h" "$G8/d.pem" dk
    t8_flush "$h"
}
# every duplicate is made while the key is loaded, then imported (swtpm holds 3 objects)
t8_dup_session
run "duplicate without wrappers (new parent TPM_RH_NULL)" u duplicate -ho "$K" -hp 40000007 \
    -od "$G8/d0.dup" -oss "$G8/d0.ss" -se0 "$T8_S" 0
check "no wrapper: the seed is empty" [ -e "$G8/d0.ss" -a ! -s "$G8/d0.ss" ]
check "no wrapper: the duplicate is a bare TPM2B_SENSITIVE" \
    [ $((16#$(od -An -tx1 -N2 "$G8/d0.dup" | tr -d ' \n') + 2)) -eq "$(stat -c %s "$G8/d0.dup")" ]
t8_dup_session
run "duplicate with inner (-ik -salg aes) and outer wrapper to the new parent" u duplicate -ho "$K" -hp "$NP" \
    -ik "$G8/ik.bin" -salg aes -od "$G8/d1.dup" -oss "$G8/d1.ss" -se0 "$T8_S" 0
check "outer wrapper: the seed is an ECC point for the new parent" [ -s "$G8/d1.ss" ]
t8_dup_session
run "duplicate with a TPM-made inner key (-salg aes -oek) and outer wrapper" u duplicate -ho "$K" -hp "$NP" \
    -salg aes -oek "$G8/oek.bin" -od "$G8/d2.dup" -oss "$G8/d2.ss" -se0 "$T8_S" 0
check "the TPM-made inner key is 16 bytes" [ "$(stat -c %s "$G8/oek.bin")" = 16 ]
t8_dup_session
run "duplicate with the outer wrapper only" u duplicate -ho "$K" -hp "$NP" -od "$G8/d3.dup" -oss "$G8/d3.ss" -se0 "$T8_S" 0
rm -f "$G8/bad.dup"
fails_with "duplicate with a password session (no policy) fails" "TPM_RC_AUTH_TYPE" \
    u duplicate -ho "$K" -hp "$NP" -od "$G8/bad.dup" -oss "$G8/bad.ss"
check "failed duplicate wrote no file" [ ! -e "$G8/bad.dup" ]
fails_with "duplicate without -ho fails" "duplicate: missing -ho" u duplicate -hp "$NP" -od "$G8/bad.dup"
fails_with "duplicate -ik without -salg fails" "-ik needs -salg" \
    u duplicate -ho "$K" -hp "$NP" -ik "$G8/ik.bin" -od "$G8/bad.dup"
if t8_have_ibm; then
    t8_dup_session
    run "duplicate for IBM's tssimport" u duplicate -ho "$K" -hp "$NP" -ik "$G8/ik.bin" -salg aes \
        -od "$G8/d4.dup" -oss "$G8/d4.ss" -se0 "$T8_S" 0
fi
t8_flush "$K"; t8_flush "$T8_S"

t8_import "unwrapped duplicate under the ECC parent" "$NP" "$G8/d0.dup" "$G8/d0.ss"
fails_with "import without the inner key fails" "TPM_RC_SIZE|TPM_RC_INTEGRITY" \
    u import -hp "$NP" -ipu "$G8/d.pub" -id "$G8/d1.dup" -iss "$G8/d1.ss" -opr "$G8/bad.priv"
head -c 16 /dev/zero > "$G8/ik0.bin"
fails_with "import with a wrong inner key fails" "TPM_RC_SIZE|TPM_RC_INTEGRITY" \
    u import -hp "$NP" -ipu "$G8/d.pub" -id "$G8/d1.dup" -iss "$G8/d1.ss" -ik "$G8/ik0.bin" -salg aes -opr "$G8/bad.priv"
expect "a wrong inner key is detected (inner integrity or its size)" '^(TPM_RC_INTEGRITY|TPM_RC_SIZE) '
fails_with "import under the wrong parent fails" "TPM_RC_SIZE" u import -hp "$P" -ipu "$G8/d.pub" -id "$G8/d1.dup" \
    -iss "$G8/d1.ss" -ik "$G8/ik.bin" -salg aes -opr "$G8/bad.priv"
fails_with "import -ik without -salg fails" "-ik and -salg go together" \
    u import -hp "$NP" -ipu "$G8/d.pub" -id "$G8/d1.dup" -iss "$G8/d1.ss" -ik "$G8/ik.bin" -opr "$G8/bad.priv"
check "failed imports wrote no file" [ ! -e "$G8/bad.priv" ]
t8_import "inner+outer wrapped duplicate" "$NP" "$G8/d1.dup" "$G8/d1.ss" -ik "$G8/ik.bin" -salg aes
t8_import "TPM-made inner key" "$NP" "$G8/d2.dup" "$G8/d2.ss" -ik "$G8/oek.bin" -salg aes
t8_import "outer wrapped duplicate" "$NP" "$G8/d3.dup" "$G8/d3.ss"
run "rewrap from the ECC parent to the RSA parent" u rewrap -ho "$NP" -hn "$P" -id "$G8/d3.dup" \
    -in "$G8/d.name" -iss "$G8/d3.ss" -od "$G8/r.dup" -oss "$G8/r.ss"
fails_with "the rewrapped duplicate no longer imports under the ECC parent" "TPM_RC_SIZE" \
    u import -hp "$NP" -ipu "$G8/d.pub" -id "$G8/r.dup" -iss "$G8/r.ss" -opr "$G8/bad.priv"
t8_import "rewrapped duplicate under the RSA parent" "$P" "$G8/r.dup" "$G8/r.ss"
fails_with "rewrap with a wrong object Name fails" "TPM_RC_INTEGRITY" u rewrap -ho "$NP" -hn "$P" -id "$G8/d3.dup" \
    -in "$G8/np.name" -iss "$G8/d3.ss" -od "$G8/bad.dup" -oss "$G8/bad.ss"
if t8_have_ibm; then
    t8_ibm import -hp "$NP" -ipu "$G8/d.pub" -id "$G8/d4.dup" -iss "$G8/d4.ss" -ik "$G8/ik.bin" -salg aes \
        -opr "$G8/ibm.priv" >"$WORK/last.out" 2>&1
    check "IBM's tssimport reads our duplicate files" [ -s "$G8/ibm.priv" ]
    run "load of IBM's import output" u load -hp "$NP" -ipu "$G8/d.pub" -ipr "$G8/ibm.priv"
    t8_flush "$(t8_handle)"
fi

# encrypted duplication: only to the new parent the policy names, and only with an inner wrapper
# H(old || TPM_CC_PolicyDuplicationSelect || newParentName || includeObject NO)
printf '00000188%s00\n' "$(od -An -tx1 -v "$G8/np.name" | tr -d ' \n')" > "$G8/pds.txt"
run "policymaker PolicyDuplicationSelect(new parent)" u policymaker -if "$G8/pds.txt" -of "$G8/pds.bin"
run "key with encryptedDuplication and the duplication-select policy" u create -hp "$P" -si -kt ed \
    -pol "$G8/pds.bin" -pwdk dk -opu "$G8/ed.pub" -opr "$G8/ed.priv"
run "publicname of the encrypted-duplication key" u publicname -ipu "$G8/ed.pub" -on "$G8/ed.name"
run "tpm2pem of the encrypted-duplication key" u tpm2pem -ipu "$G8/ed.pub" -opem "$G8/ed.pem"
run "load the encrypted-duplication key" u load -hp "$P" -ipu "$G8/ed.pub" -ipr "$G8/ed.priv"
K=$(t8_handle)
t8_pds_session() {
    T8_S=
    u startauthsession -se p >"$WORK/last.out" 2>&1 && T8_S=$(t8_handle)
    run "policyduplicationselect ($1)" u policyduplicationselect -ha "$T8_S" -inpn "$G8/np.name" -ion "$G8/ed.name"
}
t8_pds_session "no inner wrapper"
fails_with "encrypted duplication without an inner wrapper fails" "TPM_RC_SYMMETRIC" u duplicate -ho "$K" -hp "$NP" \
    -od "$G8/bad.dup" -oss "$G8/bad.ss" -se0 "$T8_S" 0
expect "encrypted duplication needs the inner wrapper (TPM_RC_SYMMETRIC)" '^TPM_RC_SYMMETRIC '
t8_flush "$T8_S"
t8_pds_session "another parent"
fails_with "encrypted duplication to a parent the policy does not name fails" "TPM_RC_POLICY_FAIL" \
    u duplicate -ho "$K" -hp "$P" -ik "$G8/ik.bin" -salg aes -od "$G8/bad.dup" -oss "$G8/bad.ss" -se0 "$T8_S" 0
expect "the other parent fails the policy" '^TPM_RC_POLICY_FAIL '
t8_flush "$T8_S"
t8_pds_session "the named parent"
run "encrypted duplication to the named parent with an inner wrapper" u duplicate -ho "$K" -hp "$NP" \
    -ik "$G8/ik.bin" -salg aes -od "$G8/ed.dup" -oss "$G8/ed.ss" -se0 "$T8_S" 0
run "import of the encrypted duplicate" u import -hp "$NP" -ipu "$G8/ed.pub" -id "$G8/ed.dup" \
    -iss "$G8/ed.ss" -ik "$G8/ik.bin" -salg aes -opr "$G8/edi.priv"
t8_flush "$K"
run "load the imported encrypted-duplication key" u load -hp "$NP" -ipu "$G8/ed.pub" -ipr "$G8/edi.priv"
H=$(t8_handle)
t8_signverify "imported encrypted-duplication key" "$H" "$G8/ed.pem" dk
t8_flush "$H"; t8_flush "$T8_S"

# ---- importpem -----------------------------------------------------------------------------

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$G8/rsa.key" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -aes256 -pass pass:ppp -out "$G8/rsapw.key" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$G8/ec.key" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes128 -pass pass:qqq -out "$G8/ecpw.key" 2>/dev/null
for k in rsa rsapw ec ecpw; do
    case $k in
        rsa) pw=""; flags=""; par=$P ;;
        rsapw) pw=ppp; flags=""; par=$NP ;;
        ec) pw=""; flags="-ecc"; par=$NP ;;
        ecpw) pw=qqq; flags="-ecc"; par=$P ;;
    esac
    openssl pkey -in "$G8/$k.key" -passin "pass:$pw" -pubout -out "$G8/$k.pub.pem" 2>/dev/null
    # shellcheck disable=SC2086
    run "importpem $k key" u importpem -hp "$par" -ipem "$G8/$k.key" $flags ${pw:+-pwdk "$pw"} \
        -opu "$G8/ip_$k.pub" -opr "$G8/ip_$k.priv"
    run "load the imported $k key" u load -hp "$par" -ipu "$G8/ip_$k.pub" -ipr "$G8/ip_$k.priv"
    H=$(t8_handle)
    case $k in
        ec*) t8_signverify "imported $k key" "$H" "$G8/$k.pub.pem" "$pw" -salg ecc ;;
        *) t8_signverify "imported $k key" "$H" "$G8/$k.pub.pem" "$pw" ;;
    esac
    [ -n "$pw" ] && fails_with "sign with the imported $k key and a wrong password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
        u sign -hk "$H" -if "$G8/msg" -pwdk wrong -os "$G8/bad.sig"
    t8_flush "$H"
done
run "HMAC session for command parameter encryption" u startauthsession -se h
S=$(t8_handle)
run "importpem through an HMAC session encrypting the command (-se0 21)" u importpem -hp "$NP" \
    -ipem "$G8/rsapw.key" -pwdk ppp -opu "$G8/ip_se.pub" -opr "$G8/ip_se.priv" -se0 "$S" 21
run "load the key imported through the session" u load -hp "$NP" -ipu "$G8/ip_se.pub" -ipr "$G8/ip_se.priv"
H=$(t8_handle)
t8_signverify "key imported through the session" "$H" "$G8/rsapw.pub.pem" ppp
t8_flush "$H"; t8_flush "$S"
run "importpem -pol" u importpem -hp "$P" -ipem "$G8/ec.key" -pol "$G8/pcc.bin" -opu "$G8/ip_pol.pub" -opr "$G8/ip_pol.priv"
check "importpem -pol: the public area carries the policy" \
    bash -c "od -An -tx1 -v '$G8/ip_pol.pub' | tr -d ' \n' | grep -q $(od -An -tx1 -v "$G8/pcc.bin" | tr -d ' \n')"
fails_with "importpem -pol with a policy of the wrong size fails" "the policy is not a digest of the name algorithm" \
    u importpem -hp "$P" -ipem "$G8/ec.key" -pol "$G8/ik.bin" -opu "$G8/bad.pub" -opr "$G8/bad.priv"
rm -f "$G8/bad.pub" "$G8/bad.priv"
fails_with "importpem of an encrypted PEM with a wrong password fails" "rsapw\\.key is not a private key OpenSSL can read" \
    u importpem -hp "$P" -ipem "$G8/rsapw.key" -pwdk wrong -opu "$G8/bad.pub" -opr "$G8/bad.priv"
fails_with "importpem of an encrypted PEM without a password fails" "ecpw\\.key is not a private key OpenSSL can read" \
    u importpem -hp "$P" -ipem "$G8/ecpw.key" -opu "$G8/bad.pub" -opr "$G8/bad.priv"
fails_with "importpem with a wrong parent password fails" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u importpem -hp "$P" -pwdp wrong -ipem "$G8/rsa.key" -opu "$G8/bad.pub" -opr "$G8/bad.priv"
fails_with "importpem -rsa of an ECC key fails" "-rsa given for an ECC key" \
    u importpem -hp "$P" -ipem "$G8/ec.key" -rsa -opu "$G8/bad.pub" -opr "$G8/bad.priv"
fails_with "importpem of a public key fails" "rsa\\.pub\\.pem is not a private key OpenSSL can read" \
    u importpem -hp "$P" -ipem "$G8/rsa.pub.pem" -opu "$G8/bad.pub" -opr "$G8/bad.priv"
fails_with "importpem without -opr fails" "importpem: missing -opr" \
    u importpem -hp "$P" -ipem "$G8/rsa.key" -opu "$G8/bad.pub"
check "failed importpem wrote no file" [ ! -e "$G8/bad.pub" -a ! -e "$G8/bad.priv" ]

t8_flush "$NP"; t8_flush "$P"
t8_cleanup
unset P NP K H E AK S T8_S G8_PS
