#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make run: a real TPM workflow against a private swtpm this script starts and stops:
# create a primary storage key, create and load a signing key under it, sign a message,
# have the TPM verify the signature, verify it again with OpenSSL, clean up.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin="$top/${1:-utils}"
. "$top/utils/regtests/swtpm.sh"
work=$(mktemp -d)
trap 'swtpm_stop; rm -rf "$work"' EXIT
cd "$work" || exit 1
export TPM_DATA_DIR=$work

step() { echo; echo "== $*"; }
die() { echo "demo: FAILED at: $*"; exit 1; }

step "starting a private swtpm"
swtpm_start || die "swtpm"
echo "swtpm pid $SWTPM_PID, command port $TPM_COMMAND_PORT, control port $TPM_PLATFORM_PORT"

step "powerup + startup"
"$bin/powerup" || die powerup
"$bin/startup" || die startup

step "createprimary: RSA-2048 storage key in the owner hierarchy"
out=$("$bin/createprimary" -hi o -pwdk sto -rsa 2048 -opu primary.pub) || die createprimary
echo "$out"
hp=$(echo "$out" | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
[ -n "$hp" ] || die "no primary handle"

step "create: an RSA-2048 signing key under it"
"$bin/create" -hp "$hp" -pwdp sto -rsa 2048 -si -kt f -kt p -pwdk sig \
    -opr sign.priv -opu sign.pub || die create
ls -l sign.priv sign.pub

step "load the signing key"
out=$("$bin/load" -hp "$hp" -pwdp sto -ipr sign.priv -ipu sign.pub) || die load
echo "$out"
hk=$(echo "$out" | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
[ -n "$hk" ] || die "no key handle"

step "sign a message (RSASSA, SHA-256)"
echo "hello from the TSS demo" > msg.txt
"$bin/sign" -hk "$hk" -pwdk sig -halg sha256 -salg rsa -if msg.txt -os sig.bin || die sign
ls -l sig.bin

step "the TPM verifies the signature"
"$bin/verifysignature" -hk "$hk" -halg sha256 -if msg.txt -is sig.bin || die verifysignature

step "OpenSSL verifies it too"
"$bin/tpm2pem" -ipu sign.pub -opem sign.pem || die tpm2pem
# a TPMT_SIGNATURE for RSASSA is sigAlg(2) hashAlg(2) size(2) then the signature
tail -c +7 sig.bin > sig.raw
openssl dgst -sha256 -verify sign.pem -signature sig.raw msg.txt || die "openssl verify"

step "flush the keys"
"$bin/flushcontext" -ha "$hk" || die flushcontext
"$bin/flushcontext" -ha "$hp" || die flushcontext
echo; echo "demo: success"
