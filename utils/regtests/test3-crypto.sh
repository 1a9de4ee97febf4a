#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: signing, verification, hashing, RSA and symmetric encryption, unseal

g3_handle() { sed -n 's/^Handle \([0-9a-f]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
g3_flush() { for h in "$@"; do [ -n "$h" ] && u flushcontext -ha "$h" >/dev/null 2>&1; done; }
g3_sha() { openssl dgst -"$1" -binary "$2" | od -An -tx1 -v | tr -d ' \n'; }

printf 'message to sign and hash\n' > msg.txt
run "createprimary RSA storage key" u createprimary -hi o -pwdk sto
P=$(g3_handle)

# ---- RSA signing: each scheme and hash; the TPM and OpenSSL both verify
run "create RSA signing key" u create -hp "$P" -pwdp sto -rsa 2048 -si -kt f -kt p -pwdk sig -opr rs.priv -opu rs.pub
run "load RSA signing key" u load -hp "$P" -pwdp sto -ipr rs.priv -ipu rs.pub
K=$(g3_handle)
run "tpm2pem of the signing key" u tpm2pem -ipu rs.pub -opem rs.pem
for scheme in rsassa rsapss; do
    for h in sha1 sha256 sha384 sha512; do
        run "sign $scheme $h" u sign -hk "$K" -pwdk sig -halg "$h" -scheme "$scheme" -if msg.txt -os "sig-$scheme-$h.bin"
        run "verifysignature $scheme $h (TPM)" u verifysignature -hk "$K" -halg "$h" -if msg.txt -is "sig-$scheme-$h.bin"
        tail -c +7 "sig-$scheme-$h.bin" > raw.sig # sigAlg, hashAlg, size, then the signature
        if [ $scheme = rsapss ]; then pss="-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:auto"; else pss=""; fi
        check "OpenSSL verifies $scheme $h" openssl dgst -"$h" -verify rs.pem $pss -signature raw.sig msg.txt
    done
done
printf 'another message\n' > other.txt
fails "verifysignature of another message fails" u verifysignature -hk "$K" -halg sha256 -if other.txt -is sig-rsassa-sha256.bin
head -c 100 sig-rsassa-sha256.bin > trunc.sig
fails "verifysignature with a truncated signature file" u verifysignature -hk "$K" -if msg.txt -is trunc.sig
fails "sign with a wrong key password" u sign -hk "$K" -pwdk wrong -if msg.txt -os bad.sig
check "no signature file after a failure" test ! -e bad.sig
fails "sign without -if" u sign -hk "$K" -pwdk sig -os bad.sig
run "hash the message with the TPM" u hash -hi o -halg sha256 -if msg.txt -oh msg.hash -tk msg.tk
run "sign with a hashcheck ticket" u sign -hk "$K" -pwdk sig -if msg.txt -tk msg.tk -os sig-tk.bin
run "verifysignature with a verified ticket out" u verifysignature -hk "$K" -if msg.txt -is sig-tk.bin -tk ver.tk
check "the verified ticket was written" test -s ver.tk
g3_flush "$K"

# ---- ECC signing
run "create ECC P-256 signing key" u create -hp "$P" -pwdp sto -ecc nistp256 -si -kt f -kt p -opr es.priv -opu es.pub
run "load ECC signing key" u load -hp "$P" -pwdp sto -ipr es.priv -ipu es.pub
K=$(g3_handle)
run "sign ecdsa sha256" u sign -hk "$K" -salg ecc -halg sha256 -if msg.txt -os ecc.sig
run "verifysignature ecdsa (TPM)" u verifysignature -hk "$K" -halg sha256 -if msg.txt -is ecc.sig
g3_flush "$K"

# ---- hash
run "hash -if sha256 -ns" u hash -halg sha256 -if msg.txt -ns
check "hash equals openssl sha256" grep -qx "$(g3_sha sha256 msg.txt)" "$WORK/last.out"
for h in sha1 sha384 sha512; do
    run "hash -ic $h" u hash -halg "$h" -ic "abc" -oh "abc.$h"
    printf abc > abc.txt
    check "hash $h equals openssl" test "$(od -An -tx1 -v "abc.$h" | tr -d ' \n')" = "$(g3_sha "$h" abc.txt)"
done
fails "hash without input" u hash -halg sha256

# ---- RSA encryption
run "create RSA OAEP decryption key" u create -hp "$P" -pwdp sto -rsa 2048 -deo -kt f -kt p -pwdk dec -opr rd.priv -opu rd.pub
run "load RSA decryption key" u load -hp "$P" -pwdp sto -ipr rd.priv -ipu rd.pub
K=$(g3_handle)
printf 'secret for RSA' > plain.bin
run "rsaencrypt" u rsaencrypt -hk "$K" -id plain.bin -oe enc.bin
check "ciphertext is 256 bytes" test "$(stat -c %s enc.bin)" -eq 256
run "rsadecrypt" u rsadecrypt -hk "$K" -pwdk dec -ie enc.bin -od dec.bin
check "rsadecrypt round trip" cmp plain.bin dec.bin
fails "rsadecrypt with a wrong password" u rsadecrypt -hk "$K" -pwdk wrong -ie enc.bin -od dec2.bin
check "no output after the failure" test ! -e dec2.bin
g3_flush "$K"

# ---- symmetric encryption
run "create AES key" u create -hp "$P" -pwdp sto -des -kt f -kt p -pwdk aes -opr sy.priv -opu sy.pub
run "load AES key" u load -hp "$P" -pwdp sto -ipr sy.priv -ipu sy.pub
K=$(g3_handle)
head -c 100 /dev/urandom > sym.in
run "encryptdecrypt encrypt" u encryptdecrypt -hk "$K" -pwdk aes -if sym.in -of sym.enc
check "ciphertext differs from plaintext" bash -c '! cmp -s sym.in sym.enc'
run "encryptdecrypt decrypt" u encryptdecrypt -hk "$K" -pwdk aes -d -if sym.enc -of sym.out
check "encryptdecrypt round trip" cmp sym.in sym.out
g3_flush "$K"

# ---- sealed data
printf 'sealed secret' > seal.in
run "create a sealed data object" u create -hp "$P" -pwdp sto -bl -if seal.in -pwdk sea -opr se.priv -opu se.pub
run "load the sealed object" u load -hp "$P" -pwdp sto -ipr se.priv -ipu se.pub
K=$(g3_handle)
run "unseal" u unseal -ha "$K" -pwd sea -of seal.out
check "unsealed data equals the sealed data" cmp seal.in seal.out
fails "unseal with a wrong password" u unseal -ha "$K" -pwd wrong -of seal2.out
check "no output after the failure" test ! -e seal2.out
g3_flush "$K" "$P"
