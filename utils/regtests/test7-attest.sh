#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: attestation and audit: quote certify certifycreation certifyx509 nvcertify gettime getcommandauditdigest getsessionauditdigest setcommandcodeauditstatus
#
# Every attestation command signs with an RSA key (RSASSA through IBM's -salg rsa, RSAPSS
# through -scheme) and an ECC P-256 key (-salg ecc), with sha1, sha256 and sha384; OpenSSL
# verifies each signature over the -oa file with the PEM of the key, and the attested fields
# are checked against independent values (pcrread, readpublic, nvreadpublic, digests
# computed here). certifyx509 certificates go through openssl x509 and openssl verify. The
# audit digests are recomputed from the audited commands. The group removes its objects,
# sessions, NV index and command audit settings at the end, also when checks failed.

G7=$WORK/g7
mkdir -p "$G7"
G7_NV=01700001
G7_HANDLES=""
G7_AUDIT_ALG=""
G7_TYPE= G7_EXTRA= G7_CLOCK= G7_BODY= G7_O=0 G7_V=

# ---- helpers --------------------------------------------------------------------------------

g7_handle() { sed -n 's/^Handle \([0-9a-fA-F]\{8\}\).*/\1/p' "$WORK/last.out" | head -n1; }
g7_track() { [ -n "$1" ] && G7_HANDLES="$G7_HANDLES $1"; return 0; }
g7_hex() { od -An -tx1 -v "$1" 2>/dev/null | tr -d ' \n'; }
g7_hex2bin() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
# hex of H(bytes of hex $2) with algorithm $1
g7_hash() { g7_hex2bin "$2" | openssl dgst -"$1" -binary | od -An -tx1 -v | tr -d ' \n'; }
g7_zero() { head -c "$1" /dev/zero | od -An -tx1 -v | tr -d ' \n'; }
# equal and not empty
g7_same() { [ -n "$1" ] && [ "$1" = "$2" ]; }
g7_none() { local f; for f in "$@"; do [ ! -e "$f" ] || return 1; done; }
g7_have_ibm() { command -v tssverifysignature >/dev/null 2>&1; }
g7_ibm() {
    local p=$1; shift
    if [ "${TPM_SERVER_TYPE:-}" = swtpm ]; then TPM_SERVER_TYPE=raw "tss$p" "$@"; else "tss$p" "$@"; fi
}
# randomBytes printed by the last getrandom, as hex
g7_random() { sed -n '2,$p' "$WORK/last.out" | tr -d ' \n'; }
# a 2-byte big-endian size at hex offset $2 of $1, 0 when there is none (a failed command
# leaves no file: the checks then fail, the script goes on)
g7_size() { local x=${1:$2:4}; [[ $x =~ ^[0-9a-f]{4}$ ]] && echo $((16#$x)) || echo 0; }

# g7_att FILE: fields of a TPMS_ATTEST file as hex: G7_TYPE, G7_EXTRA, G7_CLOCK, G7_BODY (the
# attested union); G7_O is the read offset into G7_BODY for g7_2b
g7_att() {
    local h o n
    G7_TYPE= G7_EXTRA= G7_BODY= G7_CLOCK= G7_O=0
    h=$(g7_hex "$1")
    [ ${#h} -ge 16 ] || return 0
    G7_TYPE=${h:8:4}; o=12
    n=$(g7_size "$h" $o); o=$((o + 4 + 2 * n))                        # qualifiedSigner
    n=$(g7_size "$h" $o); G7_EXTRA=${h:o+4:2*n}; o=$((o + 4 + 2 * n)) # extraData
    G7_CLOCK=${h:o:16}
    G7_BODY=${h:o+50}                                               # clockInfo, firmwareVersion
}
# the TPM2B at G7_O in G7_BODY into G7_V
g7_2b() {
    local n
    n=$(g7_size "$G7_BODY" "$G7_O")
    G7_V=${G7_BODY:G7_O+4:2*n}; G7_O=$((G7_O + 4 + 2 * n))
}
g7_derint() {
    local v=$1
    [[ $v =~ ^[0-9a-f]+$ ]] || v=00
    while [ ${#v} -gt 2 ] && [ "${v:0:2}" = 00 ]; do v=${v:2}; done
    [ $((16#${v:0:1})) -ge 8 ] && v=00$v
    printf '02%02x%s' $((${#v} / 2)) "$v"
}
# a TPMT_SIGNATURE file to the form openssl takes: RSA bytes, ECDSA DER SEQUENCE {r, s}
g7_sigraw() {
    local h n o r s
    h=$(g7_hex "$1")
    case ${h:0:4} in
    0014|0016) n=$(g7_size "$h" 8); g7_hex2bin "${h:12:2*n}" > "$2" ;;
    0018)
        n=$(g7_size "$h" 8); r=$(g7_derint "${h:12:2*n}"); o=$((12 + 2 * n))
        n=$(g7_size "$h" $o); s=$(g7_derint "${h:o+4:2*n}")
        g7_hex2bin "30$(printf %02x $(((${#r} + ${#s}) / 2)))$r$s" > "$2" ;;
    *) return 1 ;;
    esac
}
# g7_verify SCHEME HALG PEM DATA SIG: OpenSSL verifies SIG over DATA
g7_verify() {
    local opts=()
    [ "$1" = rsapss ] && opts=(-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:-2)
    g7_sigraw "$5" "$G7/sig.raw" && openssl dgst -"$2" "${opts[@]}" -verify "$3" -signature "$G7/sig.raw" "$4"
}

g7_cleanup() {
    local h
    for h in $G7_HANDLES; do u flushcontext -ha "$h" >/dev/null 2>&1; done
    G7_HANDLES=""
    u nvundefinespace -hi o -ha $G7_NV >/dev/null 2>&1
    u setcommandcodeauditstatus -hi p -clr 0000017b >/dev/null 2>&1
    [ -n "$G7_AUDIT_ALG" ] && u setcommandcodeauditstatus -hi p -halg "$G7_AUDIT_ALG" >/dev/null 2>&1
    true
}
g7_loaded() { u getcapability -cap 1 -pr 80000000 2>&1; u getcapability -cap 1 -pr 02000000 2>&1; }
g7_loaded > "$G7/before.txt"

# ---- keys: a storage primary (with creation data), an RSA and an ECC signing key ------------

printf 'g7 nonce 0123456789' > "$G7/qd.bin"
QD=$(g7_hex "$G7/qd.bin")
run "createprimary with -tk -ch" u createprimary -hi o -opu "$G7/p.pub" -tk "$G7/p.tk" -ch "$G7/p.ch"
P=$(g7_handle); g7_track "$P"
run "create RSA signing key (password)" u create -hp "$P" -si -pwdk rsapw -opu "$G7/rsa.pub" -opr "$G7/rsa.priv" -opem "$G7/rsa.pem"
run "load RSA signing key" u load -hp "$P" -ipu "$G7/rsa.pub" -ipr "$G7/rsa.priv"
KR=$(g7_handle); g7_track "$KR"
run "create ECC P-256 signing key" u create -hp "$P" -ecc nistp256 -si -opu "$G7/ec.pub" -opr "$G7/ec.priv" -opem "$G7/ec.pem"
run "load ECC signing key" u load -hp "$P" -ipu "$G7/ec.pub" -ipr "$G7/ec.priv"
KE=$(g7_handle); g7_track "$KE"
run "readpublic -on of the primary" u readpublic -ho "$P" -on "$G7/p.name"
P_NAME=$(g7_hex "$G7/p.name")

# scheme -> key handle, password, PEM, signing flags (IBM's -salg, and -scheme for RSAPSS)
g7_key() {
    case $1 in
    rsassa) K=$KR; KPW=(-pwdk rsapw); PEM=$G7/rsa.pem; SFL=(-salg rsa) ;;
    rsapss) K=$KR; KPW=(-pwdk rsapw); PEM=$G7/rsa.pem; SFL=(-scheme rsapss) ;;
    ecdsa) K=$KE; KPW=(); PEM=$G7/ec.pem; SFL=(-salg ecc) ;;
    esac
}

# g7_matrix NAME TYPE CMD...: CMD with every scheme and hash, each signature verified by
# OpenSSL over -oa, the attestation type and qualifying data checked. Files stay in
# $G7/NAME-SCHEME-HALG.{att,sig}.
g7_matrix() {
    local name=$1 type=$2 sc h f
    shift 2
    for sc in rsassa rsapss ecdsa; do
        g7_key $sc
        for h in sha1 sha256 sha384; do
            f=$G7/$name-$sc-$h
            run "$name $sc $h" "$@" -hk "$K" "${KPW[@]}" "${SFL[@]}" -halg $h -qd "$G7/qd.bin" -oa "$f.att" -os "$f.sig"
            check "$name $sc $h: OpenSSL verifies the signature over -oa" g7_verify $sc $h "$PEM" "$f.att" "$f.sig"
            g7_att "$f.att"
            check "$name $sc $h: attestation type $type and -qd in extraData" \
                [ "$G7_TYPE" = "$type" -a "$G7_EXTRA" = "$QD" ]
        done
    done
}

# ---- quote ----------------------------------------------------------------------------------

for p in 0 17 23; do
    for b in sha1 sha256; do u pcrread -ha $p -halg $b -of "$G7/pcr$p-$b.bin" >/dev/null 2>&1; done
done
g7_matrix quote 8018 u quote -hp 0 -hp 17 -hp 23
PCRS=$(cat "$G7"/pcr0-sha256.bin "$G7"/pcr17-sha256.bin "$G7"/pcr23-sha256.bin | od -An -tx1 -v | tr -d ' \n')
check "pcrread of PCRs 0 17 23" [ ${#PCRS} -eq 192 ]
for sc in rsassa ecdsa; do
    for h in sha1 sha256 sha384; do
        g7_att "$G7/quote-$sc-$h.att"
        # TPML_PCR_SELECTION count 1, sha256, 3 bytes 01 00 82, then the pcrDigest
        G7_O=20; g7_2b
        check "quote $sc $h: selection is sha256 PCRs 0 17 23" [ "${G7_BODY:0:20}" = 00000001000b03010082 ]
        check "quote $sc $h: pcrDigest is $h over the pcrread values" g7_same "$G7_V" "$(g7_hash $h "$PCRS")"
    done
done
run "quote -palg sha1" u quote -hp 0 -hp 17 -hp 23 -palg sha1 -hk "$KE" -salg ecc -oa "$G7/q1.att" -os "$G7/q1.sig"
g7_att "$G7/q1.att"; G7_O=20; g7_2b
PCRS1=$(cat "$G7"/pcr0-sha1.bin "$G7"/pcr17-sha1.bin "$G7"/pcr23-sha1.bin | od -An -tx1 -v | tr -d ' \n')
check "quote -palg sha1: sha1 bank selected" [ "${G7_BODY:0:20}" = 00000001000403010082 ]
check "quote -palg sha1: pcrDigest over the sha1 PCR values" g7_same "$G7_V" "$(g7_hash sha256 "$PCRS1")"
run "quote -ipu verifies with the signing key's public area" u quote -hp 0 -hk "$KE" -salg ecc -ipu "$G7/ec.pub" -v
expect "quote -ipu reports the signature verified" "signature verified"
if g7_have_ibm; then
    check "IBM's tssverifysignature -ipem accepts our quote -oa/-os (RSASSA)" \
        g7_ibm verifysignature -ipem "$G7/rsa.pem" -if "$G7/quote-rsassa-sha256.att" -is "$G7/quote-rsassa-sha256.sig" -halg sha256
    check "IBM's tssverifysignature -ipem accepts our quote -oa/-os (ECDSA)" \
        g7_ibm verifysignature -ipem "$G7/ec.pem" -ecc -if "$G7/quote-ecdsa-sha384.att" -is "$G7/quote-ecdsa-sha384.sig" -halg sha384
fi

# ---- certify, certifycreation ---------------------------------------------------------------

g7_matrix certify 8017 u certify -ho "$P"
g7_att "$G7/certify-rsapss-sha256.att"; g7_2b
check "certify: certified Name equals readpublic -on" g7_same "$G7_V" "$P_NAME"
g7_att "$G7/certify-ecdsa-sha1.att"; g7_2b
check "certify (ECDSA): certified Name equals readpublic -on" g7_same "$G7_V" "$P_NAME"
run "certify the RSA key with itself (object password)" u certify -ho "$KR" -pwdo rsapw -hk "$KR" -pwdk rsapw -oa "$G7/cself.att" -os "$G7/cself.sig"
run "readpublic -on of the RSA key" u readpublic -ho "$KR" -on "$G7/rsa.name"
g7_att "$G7/cself.att"; g7_2b
check "certify: Name of the RSA key equals readpublic -on" g7_same "$G7_V" "$(g7_hex "$G7/rsa.name")"

g7_matrix certifycreation 801a u certifycreation -ho "$P" -tk "$G7/p.tk" -ch "$G7/p.ch"
g7_att "$G7/certifycreation-rsassa-sha384.att"; g7_2b; CC_NAME=$G7_V; g7_2b
check "certifycreation: objectName equals readpublic -on" g7_same "$CC_NAME" "$P_NAME"
check "certifycreation: creationHash equals createprimary -ch" g7_same "$G7_V" "$(g7_hex "$G7/p.ch")"

# ---- nvcertify ------------------------------------------------------------------------------

NVDATA="attested nv data"   # 16 bytes
run "nvdefinespace $G7_NV" u nvdefinespace -hi o -ha $G7_NV -sz 16 -pwdn nvpw
run "nvwrite $G7_NV" u nvwrite -ha $G7_NV -pwdn nvpw -ic "$NVDATA"
run "nvreadpublic -on" u nvreadpublic -ha $G7_NV -on "$G7/nv.name"
g7_matrix nvcertify 8014 u nvcertify -ha $G7_NV -pwdn nvpw -sz 16
g7_att "$G7/nvcertify-ecdsa-sha256.att"; g7_2b
check "nvcertify: indexName equals nvreadpublic -on" g7_same "$G7_V" "$(g7_hex "$G7/nv.name")"
G7_O=$((G7_O + 4)); g7_2b
check "nvcertify: nvContents equal the written data" g7_same "$G7_V" "$(printf %s "$NVDATA" | od -An -tx1 -v | tr -d ' \n')"
run "nvcertify -off 4 -sz 8 -od" u nvcertify -ha $G7_NV -pwdn nvpw -hk "$KE" -salg ecc -sz 8 -off 4 -oa "$G7/nvp.att" -od "$G7/nvp.od"
check "nvcertify -od holds the 8 certified bytes" [ "$(cat "$G7/nvp.od")" = "${NVDATA:4:8}" ]
g7_att "$G7/nvp.att"; g7_2b
check "nvcertify -off 4: offset 0004 in the attestation" [ "${G7_BODY:G7_O:4}" = 0004 ]
run "nvcertify -sz 0 (digest of the index)" u nvcertify -ha $G7_NV -pwdn nvpw -hk "$KR" -pwdk rsapw -halg sha256 -sz 0 -oa "$G7/nvd.att" -od "$G7/nvd.od"
g7_att "$G7/nvd.att"; g7_2b; g7_2b
check "nvcertify -sz 0: TPM_ST_ATTEST_NV_DIGEST with the sha256 of the data" \
    [ "$G7_TYPE" = 801c -a "$G7_V" = "$(printf %s "$NVDATA" | openssl dgst -sha256 -r | cut -c1-64)" ]
check "nvcertify -sz 0: -od holds that digest" g7_same "$(g7_hex "$G7/nvd.od")" "$G7_V"
rm -f "$G7/bad."*
fails_with "nvcertify with a wrong -pwdn fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u nvcertify -ha $G7_NV -pwdn wrong -hk "$KE" -salg ecc -sz 16 -oa "$G7/bad.att" -od "$G7/bad.od"
check "wrong -pwdn wrote no file" g7_none "$G7/bad.att" "$G7/bad.od"

# ---- gettime --------------------------------------------------------------------------------

g7_matrix gettime 8019 u gettime
g7_att "$G7/gettime-rsassa-sha256.att"
check "gettime: attested clock equals the clock of the attestation's clockInfo" g7_same "${G7_BODY:16:16}" "$G7_CLOCK"

# ---- session audit --------------------------------------------------------------------------

run "startauthsession HMAC session for audit" u startauthsession -se h
S=$(g7_handle); g7_track "$S"
run "getrandom in the audit session (-se0 $S 81)" u getrandom -by 8 -se0 "$S" 81
R1=$(g7_random)
CP=$(g7_hash sha256 0000017b0008)
D1=$(g7_hash sha256 "$(g7_zero 32)$CP$(g7_hash sha256 000000000000017b0008"$R1")")
run "getsessionauditdigest -od" u getsessionauditdigest -hs "$S" -hk "$KR" -pwdk rsapw -oa "$G7/sa1.att" -os "$G7/sa1.sig" -od "$G7/sa1.od"
check "session digest is H(zero || cpHash || rpHash) of the audited getrandom" g7_same "$(g7_hex "$G7/sa1.od")" "$D1"
g7_att "$G7/sa1.att"; G7_O=2; g7_2b
check "-od equals the sessionDigest of the attestation" g7_same "$G7_V" "$D1"
run "a second getrandom in the audit session" u getrandom -by 8 -se0 "$S" 81
D2=$(g7_hash sha256 "$D1$CP$(g7_hash sha256 000000000000017b0008"$(g7_random)")")
# a command with a handle: the session authorizes the quote (HMAC) and audits it
run "readpublic -on of the ECC key" u readpublic -ho "$KE" -on "$G7/ec.name"
run "quote authorized and audited by the HMAC session (-se0 $S 81)" \
    u quote -hp 0 -hk "$KE" -salg ecc -qd "$G7/qd.bin" -oa "$G7/aq.att" -os "$G7/aq.sig" -se0 "$S" 81
ATT=$(g7_hex "$G7/aq.att")
CPQ=$(g7_hash sha256 "00000158$(g7_hex "$G7/ec.name")$(printf %04x $((${#QD} / 2)))${QD}0018000b00000001000b03010000")
RPQ=$(g7_hash sha256 "0000000000000158$(printf %04x $((${#ATT} / 2)))$ATT$(g7_hex "$G7/aq.sig")")
D3=$(g7_hash sha256 "$D2$CPQ$RPQ")
g7_matrix getsessionauditdigest 8016 u getsessionauditdigest -hs "$S"
g7_att "$G7/getsessionauditdigest-ecdsa-sha384.att"; G7_O=2; g7_2b
check "session digest extended by the getrandom and the quote (cpHash with the key's Name)" g7_same "$G7_V" "$D3"
run "getsessionauditdigest without -hk (unsigned)" u getsessionauditdigest -hs "$S" -oa "$G7/su.att" -os "$G7/su.sig"
check "unsigned: the signature is TPM_ALG_NULL" [ "$(g7_hex "$G7/su.sig")" = 0010 ]

# ---- command audit --------------------------------------------------------------------------

run "getcommandauditdigest: the audit algorithm in use" u getcommandauditdigest -hk "$KE" -salg ecc -oa "$G7/ca0.att"
g7_att "$G7/ca0.att"
case ${G7_BODY:16:4} in 0004) G7_AUDIT_ALG=sha1 ;; 000b) G7_AUDIT_ALG=sha256 ;; 000c) G7_AUDIT_ALG=sha384 ;; 000d) G7_AUDIT_ALG=sha512 ;; esac
run "setcommandcodeauditstatus -halg sha256" u setcommandcodeauditstatus -hi p -halg sha256
run "setcommandcodeauditstatus -set 0000017b (GetRandom)" u setcommandcodeauditstatus -hi p -set 0000017b
run "getcommandauditdigest resets the audit digest" u getcommandauditdigest -hk "$KE" -salg ecc
run "getrandom, audited" u getrandom -by 8
RG=$(g7_random)
run "getcommandauditdigest after one audited command" u getcommandauditdigest -hk "$KR" -pwdk rsapw -qd "$G7/qd.bin" -oa "$G7/ca1.att" -os "$G7/ca1.sig"
check "OpenSSL verifies the command audit signature" g7_verify rsassa sha256 "$G7/rsa.pem" "$G7/ca1.att" "$G7/ca1.sig"
g7_att "$G7/ca1.att"; G7_O=20; g7_2b; AUD=$G7_V; g7_2b
check "command audit: digestAlg sha256" [ "${G7_BODY:16:4}" = 000b ]
check "command audit: commandDigest is H(SetCommandCodeAuditStatus || GetRandom)" \
    g7_same "$G7_V" "$(g7_hash sha256 000001400000017b)"
check "command audit: auditDigest is H(zero || cpHash || rpHash) of the getrandom" \
    g7_same "$AUD" "$(g7_hash sha256 "$(g7_zero 32)$CP$(g7_hash sha256 000000000000017b0008"$RG")")"
g7_matrix getcommandauditdigest 8015 u getcommandauditdigest
run "setcommandcodeauditstatus -clr 0000017b" u setcommandcodeauditstatus -hi p -clr 0000017b
run "getcommandauditdigest after -clr" u getcommandauditdigest -hk "$KE" -salg ecc -oa "$G7/ca2.att"
g7_att "$G7/ca2.att"; G7_O=20; g7_2b; g7_2b
check "after -clr: commandDigest is H(SetCommandCodeAuditStatus)" g7_same "$G7_V" "$(g7_hash sha256 00000140)"
fails_with "setcommandcodeauditstatus -halg with -set in one command fails" "-halg other than null and -set / -clr take separate commands" u setcommandcodeauditstatus -halg sha1 -set 0000017b
fails_with "setcommandcodeauditstatus -set of a bad code fails" "bad command code 'zz'" u setcommandcodeauditstatus -set zz
if [ -n "$G7_AUDIT_ALG" ]; then
    run "setcommandcodeauditstatus restores the audit algorithm ($G7_AUDIT_ALG)" u setcommandcodeauditstatus -hi p -halg "$G7_AUDIT_ALG"
fi

# ---- certifyx509 ----------------------------------------------------------------------------

RATTR=$(g7_hex "$G7/rsa.pub" | cut -c13-20)
run "certifyx509 self-signed RSA root (-sub -iob)" u certifyx509 -ho "$KR" -pwdo rsapw -hk "$KR" -pwdk rsapw -rsa 2048 -sub \
    -iob "$RATTR" -opc "$G7/x.pc" -oa "$G7/x.add" -otbs "$G7/x.tbs" -os "$G7/x.sig" -ocert "$G7/rroot.der"
check "openssl x509 -text reads the RSA root" sh -c 'openssl x509 -inform der -in "$1" -text -noout > "$2"' sh "$G7/rroot.der" "$G7/rroot.txt"
check "RSA root: subject equals issuer, key usage and TPMA_OBJECT extensions" \
    sh -c 'grep -q "Key Usage: critical" "$1" && grep -q "2.23.133.10.1.1.1" "$1" && [ "$(openssl x509 -inform der -in "$2" -noout -subject | cut -d= -f2-)" = "$(openssl x509 -inform der -in "$2" -noout -issuer | cut -d= -f2-)" ]' sh "$G7/rroot.txt" "$G7/rroot.der"
openssl x509 -inform der -in "$G7/rroot.der" -out "$G7/rroot.pem" 2>/dev/null
check "openssl verify: RSA root against itself" openssl verify -CAfile "$G7/rroot.pem" "$G7/rroot.pem"
check "certifyx509 -os verifies over -otbs" g7_verify rsassa sha256 "$G7/rsa.pem" "$G7/x.tbs" "$G7/x.sig"
check "certifyx509 -opc and -oa are DER" sh -c 'openssl asn1parse -inform der -in "$1" >/dev/null && openssl asn1parse -inform der -in "$2" >/dev/null' sh "$G7/x.pc" "$G7/x.add"
run "certifyx509 ECC key by the RSA root" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -rsa 2048 -ku critical,digitalSignature -ocert "$G7/eleaf.der"
openssl x509 -inform der -in "$G7/eleaf.der" -out "$G7/eleaf.pem" 2>/dev/null
check "openssl verify -CAfile: ECC leaf against the RSA root" openssl verify -CAfile "$G7/rroot.pem" "$G7/eleaf.pem"
check "openssl verify -partial_chain: ECC leaf" openssl verify -partial_chain -trusted "$G7/rroot.pem" "$G7/eleaf.pem"
check "ECC leaf certifies the ECC key's public key" \
    sh -c '[ -s "$1" ] && [ -s "$2" ] && [ "$(openssl x509 -in "$1" -noout -pubkey)" = "$(cat "$2")" ]' sh "$G7/eleaf.pem" "$G7/ec.pem"
run "certifyx509 self-signed ECC root sha384" u certifyx509 -ho "$KE" -hk "$KE" -ecc nistp256 -halg sha384 -sub -ocert "$G7/eroot.der"
openssl x509 -inform der -in "$G7/eroot.der" -out "$G7/eroot.pem" 2>/dev/null
run "certifyx509 RSA key by the ECC root (-ipu)" u certifyx509 -ho "$KR" -pwdo rsapw -hk "$KE" -ecc nistp256 -ocert "$G7/rleaf.der" -ipu "$G7/ec.pub"
openssl x509 -inform der -in "$G7/rleaf.der" -out "$G7/rleaf.pem" 2>/dev/null
check "openssl verify: RSA leaf against the ECC root" openssl verify -CAfile "$G7/eroot.pem" "$G7/rleaf.pem"
run "certifyx509 by the RSA key with RSAPSS sha384" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -scheme rsapss -halg sha384 -ocert "$G7/pss.der"
openssl x509 -inform der -in "$G7/pss.der" -out "$G7/pss.pem" 2>/dev/null
check "openssl verify: RSAPSS certificate against the RSA root" openssl verify -CAfile "$G7/rroot.pem" "$G7/pss.pem"
run "certifyx509 of the storage primary, -ku keyEncipherment" u certifyx509 -ho "$P" -hk "$KR" -pwdk rsapw -ku critical,keyEncipherment -ocert "$G7/st.der"
openssl x509 -inform der -in "$G7/st.der" -out "$G7/st.pem" 2>/dev/null
check "openssl verify: storage key certificate" openssl verify -CAfile "$G7/rroot.pem" "$G7/st.pem"
rm -f "$G7/bad."*
fails_with "certifyx509 -iob not matching the key's attributes fails" "TPM_RC_ATTRIBUTES" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -iob ffffffff -ocert "$G7/bad.der" -opc "$G7/bad.pc"
fails_with "certifyx509 signing key usage for a decryption key fails" "TPM_RC_VALUE" u certifyx509 -ho "$P" -hk "$KR" -pwdk rsapw -ocert "$G7/bad.der"
fails_with "certifyx509 -ku keyEncipherment for a signing key fails" "TPM_RC_VALUE" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -ku critical,keyEncipherment -ocert "$G7/bad.der"
fails_with "certifyx509 -bit 5 (breaks the outer SEQUENCE tag) fails" "TPM_RC_SIZE" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -bit 5 -ocert "$G7/bad.der"
fails_with "certifyx509 with an unknown -ku word fails" "bad -ku key usage 'critical,bogus'" u certifyx509 -ho "$KE" -hk "$KR" -pwdk rsapw -ku critical,bogus -ocert "$G7/bad.der"
check "failed certifyx509 runs wrote no file" g7_none "$G7/bad.der" "$G7/bad.pc"

# ---- bad input: exit 1, no output file ------------------------------------------------------

rm -f "$G7/bad."*
mkdir -p "$G7/ok"
fails_with "quote without -hk fails" "missing -hk" u quote -hp 0 -oa "$G7/bad.att" -os "$G7/bad.sig"
fails_with "quote without -hp fails" "missing -hp" u quote -hk "$KE" -salg ecc -oa "$G7/bad.att" -os "$G7/bad.sig"
fails_with "quote with a wrong key password fails" "rc 000009a2" u quote -hp 0 -hk "$KR" -pwdk wrong -oa "$G7/bad.att" -os "$G7/bad.sig"
expect "wrong password: the decoded TPM error" "TPM_RC_BAD_AUTH"
fails_with "quote with a missing -qd file fails" "cannot read .*no/such.qd" u quote -hp 0 -hk "$KE" -salg ecc -qd "$G7/no/such.qd" -oa "$G7/bad.att"
head -c 100 /dev/zero > "$G7/big.qd"
fails_with "quote with 100 bytes of -qd fails" "TPM_RC_SIZE" u quote -hp 0 -hk "$KE" -salg ecc -qd "$G7/big.qd" -oa "$G7/bad.att"
fails_with "quote with a PCR number out of range fails" "bad PCR number '99' for -hp" u quote -hp 0 -hp 99 -hk "$KE" -salg ecc -oa "$G7/bad.att"
fails_with "quote RSA scheme with the ECC key fails" "TPM_RC_SCHEME" u quote -hp 0 -hk "$KE" -oa "$G7/bad.att" -os "$G7/bad.sig"
fails_with "quote -ipu of another key fails" "-ipu key type does not match the signature" u quote -hp 0 -hk "$KE" -salg ecc -ipu "$G7/rsa.pub" -oa "$G7/bad.att" -os "$G7/bad.sig"
fails_with "quote -ipu of a truncated file fails" "cannot read .*p.ch" u quote -hp 0 -hk "$KE" -salg ecc -ipu "$G7/p.ch" -oa "$G7/bad.att"
check "failed quote runs wrote no file" g7_none "$G7/bad.att" "$G7/bad.sig"
fails_with "quote -oa into a missing directory fails" "cannot write .*no/dir.att" u quote -hp 0 -hk "$KE" -salg ecc -oa "$G7/no/dir.att" -os "$G7/ok/q.sig"
fails_with "quote -os into a missing directory fails" "cannot write .*no/dir.sig" u quote -hp 0 -hk "$KE" -salg ecc -oa "$G7/ok/q.att" -os "$G7/no/dir.sig"
# (the quote reached the TPM and failed writing -os, as the check before asserts)
check "a failed output leaves none of the other outputs" \
    sh -c 'grep -q "^quote: cannot write /.*/no/dir\.sig$" "$1" && [ ! -e "$2" ] && [ ! -e "$3" ]' sh "$WORK/last.out" "$G7/ok/q.sig" "$G7/ok/q.att"
head -c 10 "$G7/p.tk" > "$G7/trunc.tk"
fails_with "certifycreation with a truncated -tk fails" "cannot read .*trunc.tk" u certifycreation -ho "$P" -hk "$KE" -salg ecc -tk "$G7/trunc.tk" -ch "$G7/p.ch" -oa "$G7/bad.att"
fails_with "certifycreation with the ticket of another object fails" "rc 000004e0" u certifycreation -ho "$KE" -hk "$KE" -salg ecc -tk "$G7/p.tk" -ch "$G7/p.ch" -oa "$G7/bad.att"
expect "wrong ticket: TPM_RC_TICKET" "TPM_RC_TICKET"
fails_with "certifycreation without -ch fails" "missing -ch" u certifycreation -ho "$P" -hk "$KE" -salg ecc -tk "$G7/p.tk" -oa "$G7/bad.att"
fails_with "certify with a wrong object password fails" "TPM_RC_BAD_AUTH|TPM_RC_AUTH_FAIL" u certify -ho "$KR" -pwdo wrong -hk "$KE" -salg ecc -oa "$G7/bad.att"
fails_with "getsessionauditdigest without -hs fails" "missing -hs" u getsessionauditdigest -hk "$KE" -salg ecc -oa "$G7/bad.att"
fails_with "gettime with a bad -halg fails" "bad value 'md5' for -halg" u gettime -hk "$KE" -salg ecc -halg md5 -oa "$G7/bad.att"
check "the failed runs wrote no file" g7_none "$G7/bad.att" "$G7/bad.sig"
for p in quote certify certifycreation certifyx509 nvcertify gettime getcommandauditdigest getsessionauditdigest setcommandcodeauditstatus; do
    fails_with "$p -h exits 1" "Runs TPM2_" u $p -h
done

# ---- clean up -------------------------------------------------------------------------------

g7_cleanup
g7_loaded > "$G7/after.txt"
# (the TPM answered both listings: "N handles")
check "no objects or sessions left behind" \
    sh -c '[ "$(grep -cE "^[0-9]+ handles$" "$2")" -eq 2 ] && cmp "$1" "$2"' sh "$G7/before.txt" "$G7/after.txt"
fails_with "the NV index of the group is gone" "TPM_RC_HANDLE" u nvreadpublic -ha $G7_NV
rm -rf "$G7"
unset -f g7_handle g7_track g7_hex g7_hex2bin g7_hash g7_zero g7_same g7_none g7_have_ibm g7_ibm g7_random \
    g7_att g7_2b g7_derint g7_sigraw g7_verify g7_cleanup g7_loaded g7_key g7_matrix
unset G7 G7_NV G7_HANDLES G7_AUDIT_ALG G7_TYPE G7_EXTRA G7_CLOCK G7_BODY G7_O G7_V K KPW PEM SFL
