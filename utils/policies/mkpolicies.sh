#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Makes the files of utils/policies/ under the names IBM's regression and manual use: data
# files, keys and certificates (openssl), policy statements (*.txt, hex ascii) and their
# digests (*.bin, made by our policymaker). ibmtss.doc ("utils/policies") lists them.
#   mkpolicies.sh          makes what is missing of the keys and certificates (they are random:
#                          the committed ones stay), and remakes every data and policy file
#   mkpolicies.sh -keys    makes new keys and certificates too
# Utilities are run as ${PREFIX}name (default: the utils/ directory above this one).
set -eu
cd "$(dirname "$0")"
PREFIX=${PREFIX:-$(cd .. && pwd)/}
PW=rrrr   # the password of the encrypted private keys, as IBM's examples use
newkeys=0
[ "${1:-}" = -keys ] && newkeys=1

hex() { od -An -tx1 -v | tr -d ' \n'; }
# hash ALG of stdin, in hex
h() { openssl dgst -"$1" -binary | hex; }

# ---- keys and certificates (made once; -keys makes new ones)
key() { # key FILE ALGOPTS... : a private key, encrypted with $PW when FILE is rsa or ca
    [ $newkeys -eq 0 ] && [ -s "$1" ] && return 0
    local f=$1; shift
    case "$f" in
        p256* | p384*) openssl genpkey -quiet "$@" -out "$f" ;;
        *) openssl genpkey -quiet "$@" -aes256 -pass pass:$PW -out "$f" ;;
    esac
    echo "made $f"
}
key rsaprivkey.pem -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key p256privkey.pem -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve
key p384privkey.pem -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve
key cakey.pem -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key cakeyecc.pem -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve
openssl pkey -in rsaprivkey.pem -passin pass:$PW -pubout -out rsapubkey.pem
openssl pkey -in rsaprivkey.pem -passin pass:$PW -outform der -out rsaprivkey.der
openssl pkey -in p256privkey.pem -pubout -out p256pubkey.pem
openssl pkey -in p384privkey.pem -pubout -out p384pubkey.pem
cert() { # cert KEY CERT CN: a self-signed CA certificate (20 years) with the Name of IBM's
         # test EK CA (createekcert names it as the issuer: EK CA, or EK EC CA for an EC key)
    [ $newkeys -eq 0 ] && [ -s "$2" ] && return 0
    openssl req -new -x509 -key "$1" -passin pass:$PW -out "$2" -days 7300 -sha256 \
        -subj "/C=US/ST=NY/L=Yorktown/O=IBM/CN=$3" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign
    echo "made $2"
}
cert cakey.pem cacert.pem "EK CA"
cert cakeyecc.pem cacertecc.pem "EK EC CA"

# ---- data
printf aaa > aaa
head -c 8 /dev/zero > zero8.bin
for a in sha1 sha256 sha384; do
    n=$(printf aaa | openssl dgst -$a -binary | wc -c)
    printf aaa | openssl dgst -$a -binary > ${a}aaa.bin
    # PCR extend of aaa zero padded to the digest size (pcrextend -if aaa), from a zero PCR
    { head -c "$n" /dev/zero; printf aaa; head -c $((n - 3)) /dev/zero; } |
        openssl dgst -$a -binary > ${a}extaaa0.bin
    # PCR extend of the hash of aaa
    { head -c "$n" /dev/zero; cat ${a}aaa.bin; } | openssl dgst -$a -binary > ${a}exthaaa.bin
done

# ---- policy statements: one hex ascii line per command (code || arguments)
CC_PolicyCommandCode=0000016c CC_PolicyAuthValue=0000016b CC_PolicyPassword=0000018c
CC_PolicyOR=00000171 CC_PolicyPCR=0000017f CC_PolicyNvWritten=0000018f
CC_Sign=0000015d CC_Quote=00000158 CC_Create=00000153 CC_NV_ChangeAuth=0000013b
echo "$CC_PolicyCommandCode$CC_Sign" > policyccsign.txt
echo "$CC_PolicyCommandCode$CC_Quote" > policyccquote.txt
printf '%s\n' "$CC_PolicyCommandCode$CC_Sign" "$CC_PolicyAuthValue" > policyccsign-auth.txt
printf '%s\n' "$CC_PolicyCommandCode$CC_Create" "$CC_PolicyAuthValue" > policycccreate-auth.txt
printf '%s\n' "$CC_PolicyCommandCode$CC_NV_ChangeAuth" "$CC_PolicyAuthValue" \
    > policyccnvchangeauth-auth.txt
echo "$CC_PolicyAuthValue" > policyauthvalue.txt
echo "$CC_PolicyPassword" > policypassword.txt
echo "${CC_PolicyNvWritten}01" > policywrittenset.txt
echo "${CC_PolicyNvWritten}00" > policywrittenclear.txt
# PolicyPCR: code || TPML_PCR_SELECTION (one bank, 3 bytes, PCR 16) || H(PCR 16 value)
declare -A ALGID=([sha1]=0004 [sha256]=000b [sha384]=000c)
for a in sha1 sha256 sha384; do
    sel=00000001${ALGID[$a]}03000001
    echo "$CC_PolicyPCR$sel$(h $a < ${a}extaaa0.bin)" > policypcr16aaa$a.txt
    echo "$CC_PolicyPCR$sel$(head -c "$(wc -c < ${a}aaa.bin)" /dev/zero | h $a)" > policypcr16zero$a.txt
done

# ---- digests (sha256 unless the name says otherwise), then what is built on them
for f in policy*.txt; do
    case "$f" in policyor.txt) continue ;; esac
    a=sha256
    case "$f" in *sha1.txt) a=sha1 ;; *sha384.txt) a=sha384 ;; esac
    "${PREFIX}policymaker" -halg $a -if "$f" -of "${f%.txt}.bin"
done
# PolicyOR of sign | quote: code || the two digests
echo "$CC_PolicyOR$(hex < policyccsign.bin)$(hex < policyccquote.bin)" > policyor.txt
"${PREFIX}policymaker" -if policyor.txt -of policyor.bin
