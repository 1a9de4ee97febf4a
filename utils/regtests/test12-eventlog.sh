#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: event logs (eventextend, imaextend)
# Sourced by reg.sh from its scratch directory ($WORK); uses run / fails / check / u.
# mklog.py writes the logs (a SHA-1 format and a crypto-agile firmware log, IMA ima-ng,
# ima-sig, legacy ima, ima-buf, ima-ngv2 and custom field-list templates, and broken
# variants) together with the PCR values (and imaextend -sim output) they must
# give, computed in Python independently of the utilities. The logs extend PCRs 16 and 23
# (resettable), and PCR 10 for the comparison with IBM's imaextend.

G12=$WORK/g12
g12_pcrs() { grep '^PCR' "$WORK/last.out" > "$WORK/g12.pcrs"; cmp "$WORK/g12.pcrs" "$1"; }
# the TPM's PCR equals the expect file's line "PCR NN alg hex"
g12_tpm_is() { # pcr alg expectfile
    local want got
    want=$(sed -n "s/^PCR $(printf %02d "$1") $2 *\([0-9a-f]*\)$/\1/p" "$3")
    got=$(u pcrread -ha "$1" -halg "$2" -ns 2>/dev/null)
    [ -n "$want" ] && [ "$got" = "$want" ]
}
g12_reset() { u pcrreset -ha 16 >/dev/null 2>&1 && u pcrreset -ha 23 >/dev/null 2>&1; }

if ! command -v python3 >/dev/null; then
    check "python3 is installed (the group writes its logs with it)" false
    return 0 2>/dev/null || exit 0
fi
run "mklog.py writes the logs" python3 "$REGDIR/regtests/mklog.py" "$G12"

# ---- firmware logs, in software --------------------------------------------------------
run "eventextend -sim of the SHA-1 format log" u eventextend -if "$G12/bios.log" -sim
check "SHA-1 log: the computed PCRs equal the independent computation" g12_pcrs "$G12/bios.expect"
expect "events are printed with their type names" "event 3: PCR 16 type EV_SEPARATOR"
run "eventextend -sim -checkhash of the crypto-agile log" u eventextend -if "$G12/agile.log" -sim -checkhash
check "agile log: three banks equal the independent computation" g12_pcrs "$G12/agile.expect"
expect "the Spec ID event is shown" "event 0: PCR 0 type EV_NO_ACTION"
run "eventextend -v prints event data" u eventextend -if "$G12/agile.log" -v
expect "event data as text" "event data: Calling INT 19h"
run "eventextend -sim -ns -pcrmax 16" u eventextend -if "$G12/agile.log" -sim -ns -pcrmax 16
check "-ns -pcrmax 16: bare hex of PCR 16 only" \
    grep -qx "$(sed -n 's/^PCR 16 sha256 *//p' "$G12/agile.expect")" "$WORK/last.out"
check "-pcrmax 16 leaves PCR 23 out" \
    bash -c "! grep -q '$(sed -n 's/^PCR 23 sha256 *//p' "$G12/agile.expect")' '$WORK/last.out'"

run "a log whose EV_SEPARATOR digest is wrong replays without -checkhash" u eventextend -if "$G12/badhash.log"
fails "-checkhash finds the digest that is not the hash of its data" u eventextend -if "$G12/badhash.log" -checkhash
expect "the mismatch names the event" "event 5: sha1 digest is not the hash of the event data"
fails "a log cut inside an event" u eventextend -if "$G12/trunc.log" -sim
expect "the truncated event is named" "event 4: truncated"
fails "an event whose size runs past the end" u eventextend -if "$G12/liesize.log"
expect "the lying size is named" "event 2: event size 1048576, only 9 bytes left"
fails "a digest of an algorithm the header does not list" u eventextend -if "$G12/unknownalg.log"
expect "the unlisted algorithm is named" "event 2: digest 0 has algorithm 0x0012"
fails "a Spec ID event listing 200 algorithms" u eventextend -if "$G12/badspec.log"
expect "the bad header is named" "event 0: Spec ID event lists 200 algorithms"
: > "$G12/empty.log"
run "an empty log has no events" u eventextend -if "$G12/empty.log" -sim
fails_with "eventextend of a missing file" "cannot read .*/none\.log" u eventextend -if "$G12/none.log"
fails_with "eventextend -pcrmax 24" "-pcrmax must be a PCR number from 0 to 23" u eventextend -if "$G12/agile.log" -pcrmax 24
# an EV_NO_ACTION event extends nothing: its PCR index (here 0xffffffff) is not range-checked
python3 - "$G12/agile.log" "$G12/noaction.log" <<'PY'
import struct, sys
log = open(sys.argv[1], 'rb').read()
digests = struct.pack('<I', 3) + b''.join(struct.pack('<H', a) + bytes(n) for a, n in ((4, 20), (11, 32), (12, 48)))
data = b'an informational event'
open(sys.argv[2], 'wb').write(log + struct.pack('<II', 0xffffffff, 3) + digests + struct.pack('<I', len(data)) + data)
PY
run "an EV_NO_ACTION event with PCR index 0xffffffff is accepted" u eventextend -if "$G12/noaction.log" -sim
expect "...and listed" "PCR 4294967295 type EV_NO_ACTION"
fails_with "eventextend without -if" "eventextend: missing -if" u eventextend -sim

# ---- firmware logs into the TPM ---------------------------------------------------------
g12_reset
run "eventextend -tpm of the crypto-agile log" u eventextend -if "$G12/agile.log" -tpm
check "its StartupLocality 3 event power-cycled the TPM and started it at locality 3 (PCR 0 = 00..03)" \
    [ "$(u pcrread -ha 0 -halg sha256 -ns)" = "$(printf '%062d' 0)03" ]
for alg in sha1 sha256 sha384; do
    check "PCR 16 $alg after the replay equals the log" g12_tpm_is 16 $alg "$G12/agile.expect"
    check "PCR 23 $alg after the replay equals the log" g12_tpm_is 23 $alg "$G12/agile.expect"
done
run "eventextend -checkpcr: the TPM matches the log" u eventextend -if "$G12/agile.log" -checkpcr
run "pcrextend changes PCR 16" u pcrextend -ha 16 -halg sha256 -ic tampered
fails_with "eventextend -checkpcr after PCR 16 changed" "PCR [0-9]+ sha[0-9]+ differs from the log" u eventextend -if "$G12/agile.log" -checkpcr
expect "the differing PCR is named" "PCR 16 sha256 differs from the log"
g12_reset
run "eventextend -tpm -checkpcr of the SHA-1 format log" u eventextend -if "$G12/bios.log" -tpm -checkpcr
check "PCR 16 sha1 after the SHA-1 log equals the log" g12_tpm_is 16 sha1 "$G12/bios.expect"
g12_reset
fails_with "eventextend -tpm of a truncated log fails" "event 4: truncated" u eventextend -if "$G12/trunc.log" -tpm
check "...and extended nothing past the last good event (PCR 23 untouched)" \
    [ "$(u pcrread -ha 23 -halg sha256 -ns)" = "0000000000000000000000000000000000000000000000000000000000000000" ]
if command -v tsseventextend >/dev/null; then
    g12_reset
    run "IBM's tsseventextend replays the same crypto-agile log" \
        env TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw tsseventextend -if "$G12/agile.log"
    check "IBM's replay gives the PCR 16 sha256 we compute" g12_tpm_is 16 sha256 "$G12/agile.expect"
    check "IBM's replay gives the PCR 23 sha384 we compute" g12_tpm_is 23 sha384 "$G12/agile.expect"
else
    echo "  skip  IBM comparison (Debian package tss2 not installed)"
fi
g12_reset

# ---- IMA ---------------------------------------------------------------------------------
# -sim prints every PCR of every bank as IBM's imaextend does; the expect files hold that
# output, computed by mklog.py (sha1 bank: the template hash; other banks: the template data
# hashed with the bank's algorithm, as the kernel extends them)
g12_ibm() { sed -n '/^algorithmId/,$p' "$WORK/last.out" | cmp - "$1"; }
run "imaextend -sim of ima-ng (default banks sha1 and sha256)" \
    u imaextend -if "$G12/ima-ng.log" -sim -checkhash -checkdata
check "ima-ng: IBM's -sim output, equal to the independent computation" g12_ibm "$G12/ima-ng.expect"
expect "-sim prints IBM's bank header" "^algorithmId TPM_ALG_SHA256$"
run "imaextend -sim -halg sha384 -halg sha256 -halg sha1 (repeated -halg)" \
    u imaextend -if "$G12/ima-ng.log" -sim -halg sha384 -halg sha256 -halg sha1
check "three banks in -halg order, each extended with its own hash of the template data" \
    g12_ibm "$G12/ima-ng.multi.expect"
run "imaextend -le of a little-endian list" u imaextend -if "$G12/ima-ng-le.log" -le -sim -checkhash
check "little-endian list: equals the independent computation" g12_ibm "$G12/ima-ng-le.expect"
fails_with "a little-endian list read as big-endian" "entry 0: template name length 100663296" u imaextend -if "$G12/ima-ng-le.log" -sim
run "imaextend of ima-sig entries, -l" u imaextend -if "$G12/ima-sig.log" -sim -checkhash -checkdata -l
check "ima-sig: equals the independent computation" g12_ibm "$G12/ima-sig.expect"
expect "-l shows the signed file" "sha512 /usr/bin/signed \(signed\)"
run "imaextend of templates named by their fields (d-ng|sig, d-ng|n-ng|sig), ima-buf, ima-ngv2" \
    u imaextend -if "$G12/ima-tmpl.log" -sim -checkhash -checkdata -l -halg sha384 -halg sha256 -halg sha1
check "custom templates: equals the independent computation" g12_ibm "$G12/ima-tmpl.multi.expect"
expect "d-ng|sig: the digest field without a name, signed" "^  sha256 \(none\) \(signed\)$"
expect "d-ng|n-ng|sig: the name field" "^  sha1 /custom$"
expect "ima-ngv2: the algorithm after the digest type" "^  sha384 /v2$"
fails "-checkdata: ima-ng data with a third field" u imaextend -if "$G12/ima-badfields.log" -sim -checkdata
expect "the fields mismatch is named" "entry 0: template ima-ng: the data does not match its fields d-ng\|n-ng"
fails "-checkdata: d-ng|sig data without its sig field" u imaextend -if "$G12/ima-shortfields.log" -sim -checkdata
expect "the missing field is named" "entry 0: template d-ng\|sig: the data does not match its fields"
fails "-halg twice with the same bank" u imaextend -if "$G12/ima-ng.log" -sim -halg sha1 -halg sha1
expect "the repeated bank is named" "-halg sha1 given twice"
fails_with "-halg with a bad algorithm" "bad parameter md5 for -halg" u imaextend -if "$G12/ima-ng.log" -sim -halg md5
fails_with "-tpm with -sim" "-tpm and -sim exclude each other" u imaextend -if "$G12/ima-ng.log" -sim -tpm
run "imaextend -b 1 -e 2" u imaextend -if "$G12/ima-ng.log" -sim -b 1 -e 2
check "-b 1 -e 2 prints entries 1 and 2 only" \
    bash -c "grep -c '^entry' '$WORK/last.out' | grep -qx 2 && ! grep -q '^entry 0:' '$WORK/last.out'"
rm -f "$G12/ima.pcr" "$G12/ima256.pcr"
run "imaextend -sim -of writes PCR 10 of the first bank" u imaextend -if "$G12/ima-pcr10.log" -le -sim -of "$G12/ima.pcr"
check "-of: the 20-byte sha1 PCR 10" \
    [ "$(od -An -tx1 -v "$G12/ima.pcr" | tr -d ' \n')" = "$(sed -n 's/^PCR 10 sha1 *//p' "$G12/ima-pcr10.lines")" ]
run "imaextend -sim -halg sha256 -of" u imaextend -if "$G12/ima-pcr10.log" -le -sim -halg sha256 -of "$G12/ima256.pcr"
check "-of: the 32-byte sha256 PCR 10 of -halg sha256" \
    [ "$(od -An -tx1 -v "$G12/ima256.pcr" | tr -d ' \n')" = "$(sed -n 's/^PCR 10 sha256 *//p' "$G12/ima-pcr10.lines")" ]
fails "a truncated IMA list" u imaextend -if "$G12/ima-trunc.log" -sim
expect "the truncated entry is named" "entry 4: "
fails "a template name length of 5000" u imaextend -if "$G12/ima-badname.log" -sim
expect "the bad name length is named" "entry 5: template name length 5000"
fails "a template data length past the end" u imaextend -if "$G12/ima-badlen.log" -sim
expect "the lying length is named" "entry 0: template data length 16777216"
fails "-checkhash finds a template hash that is not the hash of its data" \
    u imaextend -if "$G12/ima-badhash.log" -sim -checkhash
expect "the bad template hash is named" "entry 5: the template hash is not the hash of its data"
fails "-checkdata finds a 31-byte sha256 file digest" u imaextend -if "$G12/ima-baddata.log" -sim -checkdata
expect "the bad file digest is named" "entry 0: sha256 file digest of 31 bytes"
fails_with "imaextend -b after -e" "-b is after -e" u imaextend -if "$G12/ima-ng.log" -sim -b 3 -e 1

# into the TPM: the default (as IBM's), the default banks sha1 and sha256, or the -halg banks
g12_reset
run "imaextend (TPM by default)" u imaextend -if "$G12/ima-ng.log"
check "PCR 16 sha1 after the IMA replay equals the list" g12_tpm_is 16 sha1 "$G12/ima-ng.lines"
check "PCR 16 sha256 after the IMA replay equals the list" g12_tpm_is 16 sha256 "$G12/ima-ng.lines"
g12_reset
run "imaextend -tpm -halg sha256 -halg sha384" u imaextend -if "$G12/ima-ng.log" -tpm -halg sha256 -halg sha384
check "PCR 16 sha256 (-halg) equals the list" g12_tpm_is 16 sha256 "$G12/ima-ng.lines"
check "PCR 16 sha384 (-halg) equals the list" g12_tpm_is 16 sha384 "$G12/ima-ng.lines"
check "PCR 16 sha1, not a -halg bank, is untouched" \
    [ "$(u pcrread -ha 16 -halg sha1 -ns)" = "0000000000000000000000000000000000000000" ]
g12_reset

# PCR 10 cannot be reset: fold its current value with what the list extends.
# (IBM's 1.4.5 reads only little-endian lists correctly, with -le, and extends the sha256
# bank with the zero-padded template hash, as kernels before per-bank digests did: its
# replay is compared in the sha1 bank, which both extend with the template hash.)
g12_fold() { # alg start digest...: the PCR after extending the digests
    python3 -c 'import hashlib, sys
v = bytes.fromhex(sys.argv[2])
for d in sys.argv[3:]:
    v = hashlib.new(sys.argv[1], v + bytes.fromhex(d)).digest()
print(v.hex())' "$@"
}
run "imaextend -sim lists the PCR 10 entries" u imaextend -if "$G12/ima-pcr10.log" -le -sim
G12_TH=$(sed -n 's/^entry [0-9]*: PCR 10 template ima-ng hash \([0-9a-f]*\)$/\1/p' "$WORK/last.out")
G12_A=$(u pcrread -ha 10 -halg sha256 -ns)
G12_A1=$(u pcrread -ha 10 -halg sha1 -ns)
run "imaextend -tpm into PCR 10" u imaextend -if "$G12/ima-pcr10.log" -le -tpm
check "PCR 10 sha256 moved by the sha256 hashes of the template data" \
    [ "$(u pcrread -ha 10 -halg sha256 -ns)" = "$(g12_fold sha256 "$G12_A" $(cat "$G12/ima-pcr10.sha256"))" ]
check "PCR 10 sha1 moved by the template hashes" \
    [ "$(u pcrread -ha 10 -halg sha1 -ns)" = "$(g12_fold sha1 "$G12_A1" $G12_TH)" ]
if command -v tssimaextend >/dev/null; then
    G12_A1=$(u pcrread -ha 10 -halg sha1 -ns)
    run "IBM's tssimaextend replays the same list" \
        env TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw tssimaextend -le -if "$G12/ima-pcr10.log"
    check "IBM's replay moves PCR 10 sha1 as ours does" \
        [ "$(u pcrread -ha 10 -halg sha1 -ns)" = "$(g12_fold sha1 "$G12_A1" $G12_TH)" ]
fi
unset G12 G12_TH G12_A G12_A1
unset -f g12_pcrs g12_tpm_is g12_reset g12_fold g12_ibm
