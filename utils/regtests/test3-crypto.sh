#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: signing, verification, hashing, RSA and symmetric encryption, unseal
# Every signature the TPM makes is checked three ways: by the TPM (verifysignature -hk), by
# OpenSSL's command line over the message, and by verifysignature -ipem / sign -ipu.

g3_handle() { sed -n 's/^Handle \([0-9a-f]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
g3_flush() { for h in "$@"; do [ -n "$h" ] && u flushcontext -ha "$h" >/dev/null 2>&1; done; }
g3_hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
g3_unhex() { printf "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
g3_sha() { openssl dgst -"$1" -binary "$2" | od -An -tx1 -v | tr -d ' \n'; }
# a DER INTEGER from big-endian hex: no leading zero bytes, a zero byte before a high bit
g3_derint() {
    local v=$1
    while [ ${#v} -gt 2 ] && [ "${v:0:2}" = 00 ]; do v=${v:2}; done
    case ${v:0:1} in [89a-f]) v=00$v ;; esac
    printf '02%02x%s' $((${#v} / 2)) "$v"
}
# TPMT_SIGNATURE (ECDSA: sigAlg, hash, r, s) -> DER ECDSA-Sig-Value for openssl
g3_ecdsa_der() {
    local h rl r o sl s body
    h=$(g3_hex "$1")
    rl=$((16#${h:8:4})); r=${h:12:$((rl * 2))}
    o=$((12 + rl * 2)); sl=$((16#${h:$o:4})); s=${h:$((o + 4)):$((sl * 2))}
    body=$(g3_derint "$r")$(g3_derint "$s")
    g3_unhex "30$(printf '%02x' $((${#body} / 2)))$body" > "$2"
}
# g3_refused NAME OUT REGEX CMD...: CMD fails for the reason REGEX names (fails_with), and so
# leaves no output file OUT behind
g3_refused() {
    local name=$1 out=$2 re=$3
    shift 3
    rm -f "$out"
    fails_with "$name" "$re" "$@"
    check "$name: no $out" test ! -e "$out"
}
# the loaded key of the last run (a load), or "" when it failed
g3_load() { run "$1" u load -hp "$P" -pwdp sto -ipr "$2.priv" -ipu "$2.pub"; K=$(g3_handle); }

printf 'message to sign and hash\n' > msg.txt
printf 'another message\n' > other.txt
run "createprimary RSA storage key" u createprimary -hi o -pwdk sto
P=$(g3_handle)

# ---- RSA signing: each scheme and hash
run "create RSA signing key" u create -hp "$P" -pwdp sto -rsa 2048 -si -kt f -kt p -pwdk sig -opr rs.priv -opu rs.pub
run "create a second RSA signing key (not loaded)" u create -hp "$P" -pwdp sto -rsa 2048 -si -kt f -kt p -opr r2.priv -opu r2.pub
g3_load "load RSA signing key" rs
run "tpm2pem of the RSA signing key" u tpm2pem -ipu rs.pub -opem rs.pem
for scheme in rsassa rsapss; do
    if [ $scheme = rsapss ]; then pss="-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:auto"; else pss=""; fi
    for h in sha1 sha256 sha384 sha512; do
        sig=sig-$scheme-$h.bin
        run "sign $scheme $h, -ipu verifies" u sign -hk "$K" -pwdk sig -halg "$h" -scheme "$scheme" -if msg.txt -ipu rs.pub -os "$sig"
        check "$scheme $h: signature algorithm in the file" test "$(g3_hex "$sig" | cut -c1-4)" = "$([ $scheme = rsassa ] && echo 0014 || echo 0016)"
        run "verifysignature $scheme $h by the TPM" u verifysignature -hk "$K" -halg "$h" -if msg.txt -is "$sig"
        run "verifysignature $scheme $h with -ipem" u verifysignature -ipem rs.pem -halg "$h" -if msg.txt -is "$sig"
        tail -c +7 "$sig" > raw.sig # sigAlg, hashAlg, size, then the signature
        check "openssl dgst -verify $scheme $h" openssl dgst -"$h" -verify rs.pem $pss -signature raw.sig msg.txt
    done
done
fails_with "TPM refuses the signature over another message" TPM_RC_SIGNATURE u verifysignature -hk "$K" -if other.txt -is sig-rsassa-sha256.bin
fails_with "-ipem refuses the signature over another message" TSS_RC_RSA_SIGNATURE u verifysignature -ipem rs.pem -if other.txt -is sig-rsassa-sha256.bin
openssl dgst -sha256 -binary msg.txt > msg.sha256
run "verifysignature -ih (a digest) by the TPM and -ipem" u verifysignature -hk "$K" -ipem rs.pem -ih msg.sha256 -is sig-rsapss-sha256.bin
tail -c +7 sig-rsassa-sha256.bin > raw.sig
run "verifysignature -raw RSA signature by the TPM and -ipem" u verifysignature -hk "$K" -ipem rs.pem -raw -rsa -if msg.txt -is raw.sig
g3_refused "sign -ipu with another key's public area" bad.sig TSS_RC_RSA_SIGNATURE u sign -hk "$K" -pwdk sig -if msg.txt -ipu r2.pub -os bad.sig
g3_refused "sign with a wrong key password" bad.sig "TPM_RC_(BAD_AUTH|AUTH_FAIL)" u sign -hk "$K" -pwdk wrong -if msg.txt -os bad.sig
g3_refused "sign without -if" bad.sig "missing -if" u sign -hk "$K" -pwdk sig -os bad.sig
g3_refused "sign with an unreadable -if" bad.sig "cannot read missing.txt" u sign -hk "$K" -pwdk sig -if missing.txt -os bad.sig
head -c 100 sig-rsassa-sha256.bin > trunc.sig
g3_refused "verifysignature -hk of a truncated signature file" ver.tk "cannot read trunc.sig" u verifysignature -hk "$K" -if msg.txt -is trunc.sig -tk ver.tk
fails_with "verifysignature -ipem of a truncated signature file" "cannot read trunc.sig" u verifysignature -ipem rs.pem -if msg.txt -is trunc.sig
fails_with "verifysignature without -hk, -ipem or -ihmac" "one of -hk, -ipem, -ihmac must be specified" u verifysignature -if msg.txt -is sig-rsassa-sha256.bin
fails_with "verifysignature -ipem of a file that is not PEM" "msg.txt is not a PEM public key" u verifysignature -ipem msg.txt -if msg.txt -is sig-rsassa-sha256.bin
run "hash the message with the TPM for a ticket" u hash -hi o -halg sha256 -if msg.txt -oh msg.hash -tk msg.tk
run "sign with a hashcheck ticket" u sign -hk "$K" -pwdk sig -if msg.txt -tk msg.tk -os sig-tk.bin
rm -f ver.tk
run "verifysignature writes a verified ticket" u verifysignature -hk "$K" -if msg.txt -is sig-tk.bin -tk ver.tk
check "the ticket is a TPM_ST_VERIFIED ticket" test "$(g3_hex ver.tk | cut -c1-4)" = 8022
g3_flush "$K"

# ---- ECDSA
run "create ECC P-256 signing key" u create -hp "$P" -pwdp sto -ecc nistp256 -si -kt f -kt p -opr es.priv -opu es.pub
g3_load "load ECC signing key" es
run "tpm2pem of the ECC signing key" u tpm2pem -ipu es.pub -opem es.pem
for h in sha1 sha256 sha384 sha512; do
    run "sign ecdsa $h, -ipu verifies" u sign -hk "$K" -salg ecc -halg "$h" -if msg.txt -ipu es.pub -os "ecc-$h.sig"
    check "ecdsa $h: signature algorithm in the file" test "$(g3_hex "ecc-$h.sig" | cut -c1-4)" = 0018
    run "verifysignature ecdsa $h by the TPM" u verifysignature -hk "$K" -halg "$h" -if msg.txt -is "ecc-$h.sig"
    run "verifysignature ecdsa $h with -ipem" u verifysignature -ipem es.pem -halg "$h" -if msg.txt -is "ecc-$h.sig"
    g3_ecdsa_der "ecc-$h.sig" ecc.der
    check "openssl dgst -verify ecdsa $h" openssl dgst -"$h" -verify es.pem -signature ecc.der msg.txt
done
fails_with "TPM refuses the ECDSA signature over another message" TPM_RC_SIGNATURE u verifysignature -hk "$K" -if other.txt -is ecc-sha256.sig
fails_with "-ipem refuses the ECDSA signature over another message" TSS_RC_EC_SIGNATURE u verifysignature -ipem es.pem -if other.txt -is ecc-sha256.sig
fails_with "-ipem with the RSA key refuses an ECDSA signature" "an ECDSA signature needs an EC key" u verifysignature -ipem rs.pem -if msg.txt -is ecc-sha256.sig
g3_flush "$K"
# a signature OpenSSL made, checked by -ipem and by the TPM through a loaded external key
# (the P-256 key pair of utils/policies/)
ext_pem=$POLICIES/p256pubkey.pem
openssl dgst -sha256 -sign "$POLICIES/p256privkey.pem" -out ext.der msg.txt
run "verifysignature -raw -ecc of an OpenSSL signature with -ipem" u verifysignature -ipem "$ext_pem" -ecc -raw -if msg.txt -is ext.der
fails_with "verifysignature -raw -ecc of an OpenSSL signature over another message" TSS_RC_EC_SIGNATURE u verifysignature -ipem "$ext_pem" -ecc -raw -if other.txt -is ext.der
run "loadexternal the OpenSSL public key" u loadexternal -hi n -ipem "$ext_pem" -ecc
K=$(g3_handle)
run "verifysignature -raw -ecc of an OpenSSL signature by the TPM" u verifysignature -hk "$K" -ecc -raw -if msg.txt -is ext.der
fails_with "verifysignature -raw -ecc of a non-DER file" "not a DER ECDSA signature" u verifysignature -hk "$K" -ecc -raw -if msg.txt -is msg.txt
g3_flush "$K"

# ---- HMAC and ECDAA signatures
head -c 32 /dev/urandom > hmac.key
run "create HMAC key from a key file" u create -hp "$P" -pwdp sto -kh -if hmac.key -kt f -kt p -opr hm.priv -opu hm.pub
g3_load "load HMAC key" hm
run "sign hmac sha256" u sign -hk "$K" -salg hmac -if msg.txt -os hmac.sig
check "the HMAC equals openssl's HMAC of the digest" test "$(g3_hex hmac.sig | cut -c9-)" = \
    "$(openssl dgst -sha256 -mac HMAC -macopt hexkey:"$(g3_hex hmac.key)" -binary msg.sha256 | od -An -tx1 -v | tr -d ' \n')"
run "verifysignature hmac by the TPM" u verifysignature -hk "$K" -if msg.txt -is hmac.sig
run "verifysignature hmac with -ihmac" u verifysignature -ihmac hmac.key -if msg.txt -is hmac.sig
head -c 32 /dev/urandom > hmac2.key
fails_with "-ihmac with another key fails" TSS_RC_HMAC_VERIFY u verifysignature -ihmac hmac2.key -if msg.txt -is hmac.sig
g3_refused "sign hmac -ipu (no public-key check for HMAC)" bad.sig "-ipu verifies only rsassa, rsapss and ecdsa" u sign -hk "$K" -salg hmac -if msg.txt -ipu hm.pub -os bad.sig
g3_flush "$K"
run "create ECDAA key (BN P-256)" u create -hp "$P" -pwdp sto -ecc bnp256 -dau -kt f -kt p -opr da.priv -opu da.pub
g3_load "load ECDAA key" da
run "commit writes the counter" u commit -hk "$K" -cf counter.bin
g3_refused "sign ecdaa without -cf" bad.sig "needs the commit counter file -cf" u sign -hk "$K" -scheme ecdaa -if msg.txt -os bad.sig
run "sign ecdaa with the commit counter" u sign -hk "$K" -scheme ecdaa -cf counter.bin -if msg.txt -os ecdaa.sig
check "ecdaa: signature algorithm in the file" test "$(g3_hex ecdaa.sig | cut -c1-4)" = 001a
g3_refused "sign ecdaa with a used counter" bad.sig TPM_RC_VALUE u sign -hk "$K" -scheme ecdaa -cf counter.bin -if msg.txt -os bad.sig
g3_flush "$K"

# ---- hash
run "hash -if sha256 -ns" u hash -halg sha256 -if msg.txt -ns
check "hash -ns prints openssl's sha256" grep -qx "$(g3_sha sha256 msg.txt)" "$WORK/last.out"
check "hash -oh (the ticket run) equals openssl sha256" cmp msg.hash msg.sha256
printf abc > abc.txt
for h in sha1 sha384 sha512; do
    rm -f "abc.$h"
    run "hash -ic $h" u hash -halg "$h" -ic "abc" -oh "abc.$h"
    check "hash $h equals openssl" test "$(g3_hex "abc.$h")" = "$(g3_sha "$h" abc.txt)"
done
run "hash without -ns or -v" u hash -if msg.txt
check "prints no hash, as IBM's" bash -c '! grep -q . "$1"' sh "$WORK/last.out"
fails_with "hash without input" "one of -ic and -if is required" u hash -halg sha256
fails_with "hash with both -if and -ic" "one of -ic and -if is required" u hash -if msg.txt -ic abc
head -c 5000 /dev/urandom > big.bin
g3_refused "hash of more than a TPM buffer" big.hash "5000 bytes is more than the 2048 allowed" u hash -if big.bin -oh big.hash

# ---- RSA encryption
run "create RSA OAEP decryption key" u create -hp "$P" -pwdp sto -rsa 2048 -deo -kt f -kt p -pwdk dec -opr rd.priv -opu rd.pub
g3_load "load RSA decryption key" rd
printf 'secret for RSA' > plain.bin
run "rsaencrypt" u rsaencrypt -hk "$K" -id plain.bin -oe enc.bin
check "ciphertext is 256 bytes" test "$(stat -c %s enc.bin)" -eq 256
run "rsadecrypt" u rsadecrypt -hk "$K" -pwdk dec -ie enc.bin -od dec.bin
check "rsadecrypt round trip" cmp plain.bin dec.bin
run "tpm2pem of the decryption key" u tpm2pem -ipu rd.pub -opem rd.pem
openssl pkeyutl -encrypt -pubin -inkey rd.pem -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 \
    -in plain.bin -out ossl.enc
rm -f dec.bin
run "rsadecrypt of an OpenSSL OAEP ciphertext" u rsadecrypt -hk "$K" -pwdk dec -ie ossl.enc -od dec.bin
check "it decrypts to the plaintext" cmp plain.bin dec.bin
printf 'dec\0' > dec.pw
rm -f dec.bin
run "rsadecrypt -ipwdk (password file)" u rsadecrypt -hk "$K" -ipwdk dec.pw -ie enc.bin -od dec.bin
check "rsadecrypt -ipwdk round trip" cmp plain.bin dec.bin
g3_refused "rsadecrypt with a wrong password" dec2.bin "TPM_RC_(BAD_AUTH|AUTH_FAIL)" u rsadecrypt -hk "$K" -pwdk wrong -ie enc.bin -od dec2.bin
g3_refused "rsadecrypt of a corrupted ciphertext" dec2.bin TPM_RC_SIZE u rsadecrypt -hk "$K" -pwdk dec -ie plain.bin -od dec2.bin
g3_flush "$K"
run "create RSA NULL-scheme decryption key" u create -hp "$P" -pwdp sto -rsa 2048 -den -kt f -kt p -pwdk dec -opr rn.priv -opu rn.pub
g3_load "load RSA NULL-scheme key" rn
run "tpm2pem of the NULL-scheme key" u tpm2pem -ipu rn.pub -opem rn.pem
for h in sha1 sha256 sha384 sha512; do
    openssl dgst -"$h" -binary msg.txt > "msg.$h"
    run "rsadecrypt -oid $h signs a digest" u rsadecrypt -hk "$K" -pwdk dec -ie "msg.$h" -oid "$h" -od "oid-$h.sig"
    check "openssl dgst -verify the -oid $h signature" openssl dgst -"$h" -verify rn.pem -signature "oid-$h.sig" msg.txt
done
g3_refused "rsadecrypt -oid with a digest of the wrong size" bad.sig "holds 20 bytes, not a 32 byte digest" u rsadecrypt -hk "$K" -pwdk dec -ie msg.sha1 -oid sha256 -od bad.sig
g3_flush "$K"

# ---- symmetric encryption (AES-128 CFB, zero IV), checked against openssl enc
head -c 16 /dev/urandom > aes.key
run "create AES key from a key file" u create -hp "$P" -pwdp sto -des -if aes.key -kt f -kt p -pwdk aes -opr sy.priv -opu sy.pub
g3_load "load AES key" sy
head -c 100 /dev/urandom > sym.in
run "encryptdecrypt encrypt" u encryptdecrypt -hk "$K" -pwdk aes -if sym.in -of sym.enc
openssl enc -aes-128-cfb -K "$(g3_hex aes.key)" -iv 00000000000000000000000000000000 -in sym.in -out sym.ossl
check "ciphertext equals openssl aes-128-cfb" cmp sym.enc sym.ossl
run "encryptdecrypt -d decrypt" u encryptdecrypt -hk "$K" -pwdk aes -d -if sym.enc -of sym.out
check "encryptdecrypt round trip" cmp sym.in sym.out
run "encryptdecrypt -2 encrypt" u encryptdecrypt -hk "$K" -pwdk aes -2 -if sym.in -of sym2.enc
check "-2 gives the same ciphertext" cmp sym.enc sym2.enc
g3_refused "encryptdecrypt with a wrong password" sym3.enc "TPM_RC_(BAD_AUTH|AUTH_FAIL)" u encryptdecrypt -hk "$K" -pwdk wrong -if sym.in -of sym3.enc
g3_refused "encryptdecrypt without -if" sym3.enc "missing -if" u encryptdecrypt -hk "$K" -pwdk aes -of sym3.enc
g3_flush "$K"

# ---- sealed data
printf 'sealed secret' > seal.in
run "create a sealed data object" u create -hp "$P" -pwdp sto -bl -if seal.in -pwdk sea -opr se.priv -opu se.pub
g3_load "load the sealed object" se
run "unseal" u unseal -ha "$K" -pwd sea -of seal.out
check "unsealed data equals the sealed data" cmp seal.in seal.out
run "unseal -v prints the data" u unseal -ha "$K" -pwd sea -v
expect "unseal -v printed the sealed bytes" "$(g3_hex seal.in | sed 's/../& /g; s/ $//')"
g3_refused "unseal with a wrong password" seal2.out "TPM_RC_(BAD_AUTH|AUTH_FAIL)" u unseal -ha "$K" -pwd wrong -of seal2.out
g3_flush "$K" "$P"

# whatever a failed step left loaded goes too, so later groups start clean
for h in $(u getcapability -cap 1 -pr 80000000 2>/dev/null | sed -n 's/^[[:space:]]*\(80[0-9a-f]\{6\}\)$/\1/p'); do
    g3_flush "$h"
done
check "no transient objects left" sh -c '"${PREFIX}getcapability" -cap 1 -pr 80000000 | grep -q "^0 handles"'
