#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Command-line checks around the regression, run by make check against the TPM it started
# (TPM_* set): the flag check (flags.sh) can fail, --help is -h, reg.sh runs from any
# directory, utils/policies/ is what mkpolicies.sh and policymaker make and its files work
# with the TPM as IBM's examples use them; it removes the TPM objects and NV indexes it makes.
# Utilities are run as ${PREFIX}name (default: the utils/ directory above this script).
# Ends with "N passed, M failed"; REG_TOTALS=file gets "passed failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
UTILS=$(dirname "$HERE")
PREFIX=${PREFIX:-$UTILS/}
REG_PASSED=0 REG_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tss-cli.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
. "$HERE/lib.sh"

# ---- flags.sh finds what is missing (a made-up list: a flag, two words, a utility)
cat >"$WORK/list" <<'LIST'
getrandom: -by [-of] -zz -se[0-2]
create: -hp -ecc curve {nistp256|nistp999} [-halg {sha1|sha3}]
nosuchutility: -x
LIST
fails "flags.sh fails on a list the utilities do not match" \
    env FLAGS_LIST="$WORK/list" PREFIX="$PREFIX" bash "$HERE/flags.sh"
check "flags.sh names a missing flag" grep -q '| no -zz;' "$WORK/last.out"
check "flags.sh names words an option does not take" \
    grep -q -- '-ecc does not take nistp999; -halg does not take sha3;' "$WORK/last.out"
check "flags.sh passes the words an option takes" \
    bash -c '! grep -q "does not take nistp256\|does not take sha1;" "$1"' _ "$WORK/last.out"
check "flags.sh fails a utility that does not exist" \
    grep -q 'FAIL  flags of nosuchutility' "$WORK/last.out"
expect "flags.sh counts the three failures" 'flags: 0 passed, 3 failed'

# ---- --help is -h: the same usage on stderr, the same exit status 1
for name in getrandom create nvsetbits nvreadlock policymaker getcapability startauthsession; do
    "${PREFIX}$name" -h >"$WORK/h.out" 2>"$WORK/h.err"; hst=$?
    fails "$name --help exits non-zero" u "$name" --help
    "${PREFIX}$name" --help >"$WORK/help.out" 2>"$WORK/help.err"; st=$?
    check "$name --help exits 1 as -h does" [ "$st" -eq 1 -a "$hst" -eq 1 ]
    check "$name --help prints -h's usage" cmp "$WORK/h.err" "$WORK/help.err"
    check "$name --help prints nothing else" cmp "$WORK/h.out" "$WORK/help.out"
    expect "$name --help prints its usage" "^$name\$"
done
"${PREFIX}getrandom" -by 8 -h >"$WORK/h.err" 2>&1
fails "--help after other options: getrandom -by 8 --help" u getrandom -by 8 --help
check "getrandom -by 8 --help is the usage, not random bytes" cmp "$WORK/h.err" "$WORK/last.out"
fails "--helpx is not --help" u getrandom --helpx
expect "--helpx is an unknown option" '^--helpx is not a valid option'

# ---- reg.sh -N from another directory, PREFIX unset: it runs the utilities beside it
mkdir "$WORK/elsewhere"
if [ "$PREFIX" -ef "$UTILS/" ]; then
    (cd "$WORK/elsewhere" && env -u PREFIX bash "$UTILS/reg.sh" -1) >"$WORK/reg.out" 2>&1
else # another build (make asan): the default would run utils/'s, so name the tested ones
    (cd "$WORK/elsewhere" && bash "$UTILS/reg.sh" -1) >"$WORK/reg.out" 2>&1
fi
st=$?
check "reg.sh -1 run from another directory with PREFIX unset passes" [ "$st" -eq 0 ]
check "reg.sh -1 from another directory ran its checks" \
    grep -qE '^reg: [1-9][0-9]* passed, 0 failed$' "$WORK/reg.out"
(cd "$UTILS/.." && PREFIX=./utils/ bash utils/reg.sh -1) >"$WORK/reg.out" 2>&1
st=$?
check "reg.sh -1 with a relative PREFIX (./utils/ from the top) passes" [ "$st" -eq 0 ]
(cd "$WORK/elsewhere" && PREFIX=nosuch- bash "$UTILS/reg.sh" -1) >"$WORK/reg.out" 2>&1
check "reg.sh with PREFIX=nosuch- looks the utilities up on PATH (and fails)" \
    grep -q 'nosuch-getrandom: command not found' "$WORK/reg.out"

# ---- utils/policies/
P=$UTILS/policies
cp -a "$P" "$WORK/pol"
run "mkpolicies.sh remakes utils/policies/ (keys kept)" env PREFIX="$PREFIX" bash "$WORK/pol/mkpolicies.sh"
check "utils/policies/ is what mkpolicies.sh and policymaker make" diff -r "$P" "$WORK/pol"
# digests IBM's regression documents for these statements
g_hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
check "policyccsign.bin is IBM's cc6918b2..." \
    [ "$(g_hex "$P/policyccsign.bin")" = cc6918b226273b08f5bd406d7f10cf160f0a7d13dfd83b7770ccbcd1aa80d811 ]
check "policyccquote.bin is IBM's a039cad5..." \
    [ "$(g_hex "$P/policyccquote.bin")" = a039cad5fe68870688f8233c3e3ee3cf27aac9e2efe3486aeb4e304c0e90cd27 ]
check "policyor.bin (sign | quote) is IBM's 6bfec23a..." \
    [ "$(g_hex "$P/policyor.bin")" = 6bfec23abe57b02ace39dd13bb60fa394dac7b3896565784b373fc61929429db ]
# keys and certificates
fails "rsaprivkey.pem needs its password" openssl pkey -in "$P/rsaprivkey.pem" -passin pass:wrong -noout
run "rsaprivkey.pem opens with rrrr" openssl pkey -in "$P/rsaprivkey.pem" -passin pass:rrrr -pubout -out "$WORK/rsapub.pem"
check "rsapubkey.pem is rsaprivkey.pem's public key" cmp "$WORK/rsapub.pem" "$P/rsapubkey.pem"
for k in p256 p384; do
    run "$k""privkey.pem is a key" openssl pkey -in "$P/${k}privkey.pem" -pubout -out "$WORK/$k.pem"
    check "$k""pubkey.pem is its public key" cmp "$WORK/$k.pem" "$P/${k}pubkey.pem"
done
for c in cacert:cakey cacertecc:cakeyecc; do
    run "${c%%:*}.pem is a self-signed CA certificate" \
        openssl verify -CAfile "$P/${c%%:*}.pem" "$P/${c%%:*}.pem"
    openssl x509 -in "$P/${c%%:*}.pem" -noout -pubkey > "$WORK/cert.pub" 2>&1
    openssl pkey -in "$P/${c#*:}.pem" -passin pass:rrrr -pubout > "$WORK/key.pub" 2>&1
    check "${c%%:*}.pem certifies ${c#*:}.pem (password rrrr)" cmp "$WORK/cert.pub" "$WORK/key.pub"
done
# with the TPM, as IBM's examples use them
run "pcrreset 16" u pcrreset -ha 16
run "pcrextend 16 with policies/aaa (zero padded)" u pcrextend -ha 16 -halg sha256 -if "$P/aaa"
run "pcrread 16" u pcrread -ha 16 -halg sha256 -of "$WORK/pcr16.bin"
check "PCR 16 is policies/sha256extaaa0.bin" cmp "$WORK/pcr16.bin" "$P/sha256extaaa0.bin"
run "trial session for policypcr" u startauthsession -se t
S=$(sed -n 's/^Handle //p' "$WORK/last.out")
run "policypcr PCR 16 in the trial session" u policypcr -ha "$S" -halg sha256 -bm 10000
run "policygetdigest" u policygetdigest -ha "$S" -of "$WORK/pcrpol.bin"
check "the TPM's digest is policies/policypcr16aaasha256.bin" cmp "$WORK/pcrpol.bin" "$P/policypcr16aaasha256.bin"
run "flush the trial session" u flushcontext -ha "$S"
run "pcrreset 16 again" u pcrreset -ha 16
run "loadexternal -ipem policies/rsapubkey.pem" u loadexternal -halg sha256 -nalg sha256 -ipem "$P/rsapubkey.pem"
K=$(sed -n 's/^Handle //p' "$WORK/last.out")
printf 'a message' > "$WORK/msg.bin"
run "openssl signs with policies/rsaprivkey.pem -passin pass:rrrr" \
    openssl dgst -sha256 -sign "$P/rsaprivkey.pem" -passin pass:rrrr -out "$WORK/sig.bin" "$WORK/msg.bin"
run "verifysignature -raw of openssl's signature by the loaded rsapubkey.pem" \
    u verifysignature -hk "$K" -halg sha256 -if "$WORK/msg.bin" -is "$WORK/sig.bin" -raw
run "flush the external key" u flushcontext -ha "$K"
for c in rsa:cakey:cacert:"-rsa 2048" ecc:cakeyecc:cacertecc:"-ecc nistp256 -caalg ec"; do
    IFS=: read -r alg key crt how <<<"$c"
    # shellcheck disable=SC2086
    run "createekcert $alg with policies/$key.pem -capwd rrrr" \
        u createekcert $how -cakey "$P/$key.pem" -capwd rrrr -of "$WORK/ek.der"
    openssl x509 -inform der -in "$WORK/ek.der" -out "$WORK/ek.pem" 2>/dev/null
    check "openssl verifies the $alg EK certificate against policies/$crt.pem" \
        openssl verify -CAfile "$P/$crt.pem" "$WORK/ek.pem"
done
for h in 01c00002 01c0000a; do # the EK certificate indexes, whatever failed above
    u nvundefinespace -hi p -ha "$h" >/dev/null 2>&1
done

[ -n "${REG_TOTALS:-}" ] && echo "$REG_PASSED $REG_FAILED" >"$REG_TOTALS"
echo "cli: $REG_PASSED passed, $REG_FAILED failed"
[ "$REG_FAILED" -eq 0 ]
