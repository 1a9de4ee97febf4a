#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make bench: what a TPM operation costs the client, ours beside IBM's TSS 1.4.5 (Debian
# tss2) and tpm2-tools (Debian tpm2-tools), on one private swtpm with the same key (a
# persistent RSA-2048 signing key, 81000001, password "sig"). A benchmark, never a test: it
# prints numbers and says where a target is missed.
#   1. getrandom   2. sign, password   3. sign, HMAC session   4. sign, HMAC session + AES
#      (the Sign response is not a TPM2B, so the session encrypts the command's digest;
#      tpm2-tools' session is configured for encryption, so it has row 4 only)
#   per TSS: median wall time per utility run (runs interleaved across the TSSes), client
#   instructions per run (valgrind callgrind, repeatable), TPM commands per run (counted
#   by tpmproxy -record in front of the swtpm, the same way for all three)
#   4. in-process (bench_inproc, one context) against 5. the floor (bench_floor: the same
#   command bytes over a bare socket), alternating rounds, median of the round medians.
# Environment: BENCH_RUNS (utility runs per TSS and operation, default 100),
# BENCH_LOOP (in-process GetRandom per round, 1000), BENCH_SIGN_LOOP (200), BENCH_ROUNDS (5).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin="$top/${1:-utils}"
bb="$top/${BENCH_BIN:-build/normal/bench}"
N=${BENCH_RUNS:-100}
NL=${BENCH_LOOP:-1000}
NS=${BENCH_SIGN_LOOP:-200}
ROUNDS=${BENCH_ROUNDS:-5}
KEY=81000001
. "$top/utils/regtests/swtpm.sh"
work=$(mktemp -d)
trap 'kill "${PROXY:-}" 2>/dev/null; swtpm_stop; rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir -p ours ibm tools rec
swtpm_start || { echo "bench: cannot start swtpm"; exit 1; }
P=$TPM_COMMAND_PORT
have_ibm=0; command -v tsssign >/dev/null && have_ibm=1
have_t2=0; command -v tpm2_sign >/dev/null && have_t2=1
echo message > msg

# the three TSSes, each with its own state directory, against the TPM on port $1
O() { local port=$1; shift; TPM_DATA_DIR="$work/ours" TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=${OTYPE:-swtpm} \
      TPM_COMMAND_PORT=$port TPM_PLATFORM_PORT=$((port + 1)) "$@"; }
I() { local port=$1; shift; TPM_DATA_DIR="$work/ibm" TPM_SESSION_ENCKEY=00112233445566778899aabbccddeeff \
      TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=${ITYPE:-raw} TPM_COMMAND_PORT=$port "$@"; }
T() { local port=$1; shift; local c=$1; shift; "$c" -T "${TTCTI:-swtpm}:port=$port" "$@"; }

# ---- the key, made persistent with our utilities ------------------------------------------
hp=$(O $P "$bin/createprimary" -hi o -rsa 2048 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
O $P "$bin/create" -hp "$hp" -rsa 2048 -si -opr k.priv -opu k.pub -pwdk sig >/dev/null 2>&1
hk=$(O $P "$bin/load" -hp "$hp" -ipr k.priv -ipu k.pub 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
O $P "$bin/evictcontrol" -ho "$hk" -hp $KEY -hi o >/dev/null 2>&1
O $P "$bin/flushcontext" -ha "$hk" >/dev/null 2>&1; O $P "$bin/flushcontext" -ha "$hp" >/dev/null 2>&1
O $P "$bin/readpublic" -ho $KEY >/dev/null 2>&1 || { echo "bench: could not make the signing key"; exit 1; }
[ $have_ibm = 1 ] && I $P tssreadpublic -ho $KEY >/dev/null 2>&1   # IBM wants the key's Name file

# HMAC sessions (AES-128-CFB), one per TSS, kept for the whole run
se_o=$(O $P "$bin/startauthsession" -se h -sym aes | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
se_i=""; [ $have_ibm = 1 ] && se_i=$(I $P tssstartauthsession -se h -sym aes | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
if [ $have_t2 = 1 ]; then
    T $P tpm2_startauthsession --hmac-session -S tools/s.ctx >/dev/null 2>&1
    T $P tpm2_sessionconfig tools/s.ctx --enable-continuesession --enable-decrypt >/dev/null 2>&1
fi

# the operations, by TSS: cmd_<op>_<tss> PORT
cmd_getrandom_ours() { O "$1" "$bin/getrandom" -by 16; }
cmd_getrandom_ibm() { I "$1" tssgetrandom -by 16; }
cmd_getrandom_tools() { T "$1" tpm2_getrandom 16 -o tools/r.bin; }
cmd_signpw_ours() { O "$1" "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin; }
cmd_signpw_ibm() { I "$1" tsssign -hk $KEY -pwdk sig -if msg -os ibm/s.bin; }
cmd_signpw_tools() { T "$1" tpm2_sign -c 0x$KEY -p sig -g sha256 -o tools/s.bin msg; }
cmd_signhmac_ours() { O "$1" "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin -se0 "$se_o" 01; }
cmd_signhmac_ibm() { I "$1" tsssign -hk $KEY -pwdk sig -if msg -os ibm/s.bin -se0 "$se_i" 01; }
cmd_signaes_ours() { O "$1" "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin -se0 "$se_o" 21; }
cmd_signaes_ibm() { I "$1" tsssign -hk $KEY -pwdk sig -if msg -os ibm/s.bin -se0 "$se_i" 21; }
cmd_signaes_tools() { T "$1" tpm2_sign -c 0x$KEY -p session:tools/s.ctx+sig -g sha256 -o tools/s.bin msg; }
OPS="getrandom signpw signhmac signaes"

# tpm2-tools' session is configured for parameter encryption: it has the AES row only
have() { case $1 in ours) return 0 ;; ibm) [ $have_ibm = 1 ] ;; tools) [ $have_t2 = 1 ] && [ "${2:-}" != signhmac ] ;; esac; }
# nanoseconds from bash's own clock (no process started to read it)
now() { local t=${EPOCHREALTIME/./}; echo "${t}000"; }
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench: needs bash 5 (EPOCHREALTIME)"; exit 1; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print 0; else print a[int((NR + 1) / 2)]}'; }

# ---- TPM commands per run: through tpmproxy -record (mssim for all three) ---------------------
Q=$((P + 2))
"$bin/tpmproxy" -port $Q -record "$work/rec" > proxy.log 2>&1 &
PROXY=$!
for i in $(seq 1 100); do grep -q listening proxy.log && break; sleep 0.05; done
declare -A CMDS
for op in $OPS; do
    for tss in ours ibm tools; do
        have $tss $op || continue
        before=$(ls rec | grep -c '\.cmd$')
        OTYPE=mssim ITYPE=mssim TTCTI=mssim cmd_${op}_${tss} $Q >/dev/null 2>&1 || CMDS[$op.$tss]="failed"
        [ -n "${CMDS[$op.$tss]:-}" ] || CMDS[$op.$tss]=$(( $(ls rec | grep -c '\.cmd$') - before ))
    done
done
kill $PROXY; wait $PROXY 2>/dev/null; PROXY=""

# ---- wall time, interleaved -----------------------------------------------------------------
declare -A WALL INSTR
for op in $OPS; do
    for tss in ours ibm tools; do : > "$work/t.$op.$tss"; done
    for i in $(seq "$N"); do
        for tss in ours ibm tools; do
            have $tss $op || continue
            t0=${EPOCHREALTIME/./}; cmd_${op}_${tss} $P >/dev/null 2>&1; t1=${EPOCHREALTIME/./}
            echo $(( (t1 - t0) * 1000 )) >> "$work/t.$op.$tss"
        done
    done
    for tss in ours ibm tools; do
        have $tss $op && WALL[$op.$tss]=$(median < "$work/t.$op.$tss")
    done
done

# ---- client instructions ----------------------------------------------------------------------
instructions() {
    command -v valgrind >/dev/null || { echo "n/a"; return; }
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" >/dev/null 2>"$work/cg.err"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.err" | tail -n1
}
valgrind_wrap() { instructions "$@"; }
INSTR[getrandom.ours]=$(O $P valgrind_wrap "$bin/getrandom" -by 16)
INSTR[signpw.ours]=$(O $P valgrind_wrap "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin)
INSTR[signhmac.ours]=$(O $P valgrind_wrap "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin -se0 "$se_o" 01)
INSTR[signaes.ours]=$(O $P valgrind_wrap "$bin/sign" -hk $KEY -pwdk sig -if msg -os ours/s.bin -se0 "$se_o" 21)
if [ $have_ibm = 1 ]; then
    INSTR[getrandom.ibm]=$(I $P valgrind_wrap "$(command -v tssgetrandom)" -by 16)
    INSTR[signpw.ibm]=$(I $P valgrind_wrap "$(command -v tsssign)" -hk $KEY -pwdk sig -if msg -os ibm/s.bin)
    INSTR[signhmac.ibm]=$(I $P valgrind_wrap "$(command -v tsssign)" -hk $KEY -pwdk sig -if msg -os ibm/s.bin -se0 "$se_i" 01)
    INSTR[signaes.ibm]=$(I $P valgrind_wrap "$(command -v tsssign)" -hk $KEY -pwdk sig -if msg -os ibm/s.bin -se0 "$se_i" 21)
fi
if [ $have_t2 = 1 ]; then
    INSTR[getrandom.tools]=$(valgrind_wrap "$(command -v tpm2_getrandom)" -T swtpm:port=$P 16 -o tools/r.bin)
    INSTR[signpw.tools]=$(valgrind_wrap "$(command -v tpm2_sign)" -T swtpm:port=$P -c 0x$KEY -p sig -g sha256 -o tools/s.bin msg)
    INSTR[signaes.tools]=$(valgrind_wrap "$(command -v tpm2_sign)" -T swtpm:port=$P -c 0x$KEY -p session:tools/s.ctx+sig -g sha256 -o tools/s.bin msg)
fi

# ---- report ---------------------------------------------------------------------------------------
ms() { awk -v x="${1:-0}" 'BEGIN { if (x == 0) print "    n/a"; else printf "%7.2f", x / 1e6 }'; }
mi() { awk -v x="${1:-}" 'BEGIN { if (x == "" || x == "n/a") print "    n/a"; else printf "%6.2fM", x / 1e6 }'; }
verdict() { # value target what lower-is-better
    awk -v v="$1" -v t="$2" -v w="$3" 'BEGIN {
        if (v == "" || v == "n/a") { printf "%s: n/a", w; exit }
        if (v <= t) printf "%s: met", w; else printf "%s: MISSED by %.0f%%", w, (v / t - 1) * 100 }'
}
label() { case $1 in getrandom) echo "getrandom -by 16" ;; signpw) echo "sign, password" ;;
    signhmac) echo "sign, HMAC session" ;; signaes) echo "sign, HMAC session+AES" ;; esac; }
echo
echo "bench: swtpm port $P; $N utility runs per TSS and operation, interleaved; key $KEY (RSA-2048)"
[ $have_ibm = 1 ] || echo "(IBM's TSS not installed: apt-get install tss2)"
[ $have_t2 = 1 ] || echo "(tpm2-tools not installed: apt-get install tpm2-tools)"
printf '%-24s %-10s %9s %9s %9s\n' "" "" ours IBM tpm2-tools
for op in $OPS; do
    printf '%-24s %-10s %6s ms %6s ms %6s ms\n' "$(label $op)" "wall" "$(ms "${WALL[$op.ours]:-0}")" \
        "$(ms "${WALL[$op.ibm]:-0}")" "$(ms "${WALL[$op.tools]:-0}")"
    printf '%-24s %-10s %9s %9s %9s\n' "" "instr" "$(mi "${INSTR[$op.ours]:-}")" \
        "$(mi "${INSTR[$op.ibm]:-}")" "$(mi "${INSTR[$op.tools]:-}")"
    printf '%-24s %-10s %9s %9s %9s\n' "" "TPM cmds" "${CMDS[$op.ours]:-n/a}" "${CMDS[$op.ibm]:-n/a}" \
        "${CMDS[$op.tools]:-n/a}"
done
echo
echo "targets:"
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (a == 0 || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
for op in $OPS; do
    r=$(ratio "${WALL[$op.ours]:-0}" "${WALL[$op.ibm]:-0}")
    echo "  $(label $op): wall ours/IBM $r ($(verdict "$r" 0.5 "target <= 0.50")); TPM commands ${CMDS[$op.ours]:-n/a} ($(verdict "${CMDS[$op.ours]:-n/a}" 1 "target 1"))"
done
echo "  getrandom instructions $(mi "${INSTR[getrandom.ours]:-}") ($(verdict "${INSTR[getrandom.ours]:-}" 3000000 "target <= 3M"))"
echo "  HMAC-session sign instructions $(mi "${INSTR[signhmac.ours]:-}") ($(verdict "${INSTR[signhmac.ours]:-}" 4000000 "target <= 4M"))"
echo "  HMAC-session sign with AES parameter encryption $(mi "${INSTR[signaes.ours]:-}") ($(verdict "${INSTR[signaes.ours]:-}" 4000000 "target <= 4M"))"

# ---- in-process against the floor -----------------------------------------------------------
O $P "$bin/flushcontext" -ha "$se_o" >/dev/null 2>&1
[ -n "$se_i" ] && O $P "$bin/flushcontext" -ha "$se_i" >/dev/null 2>&1
[ $have_t2 = 1 ] && T $P tpm2_flushcontext tools/s.ctx >/dev/null 2>&1
if [ -x "$bb/bench_inproc" ] && [ -x "$bb/bench_floor" ]; then
    : > inproc.txt; : > floor.txt
    for r in $(seq "$ROUNDS"); do
        O $P "$bb/bench_inproc" $KEY "$NL" "$NS" >> inproc.txt 2>&1 || tail -n 2 inproc.txt
        "$bb/bench_floor" $P $KEY "$NL" "$NS" >> floor.txt 2>&1 || tail -n 2 floor.txt
    done
    med() { grep "^$1 *$2" "$3" | sed 's/.* \([0-9.]*\) us\/op.*/\1/' | sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : 0)}'; }
    gi=$(med inproc getrandom inproc.txt); gf=$(med floor getrandom floor.txt)
    si=$(med inproc "sign (password)" inproc.txt); sf=$(med floor "sign (password)" floor.txt)
    hi=$(med inproc "sign (HMAC" inproc.txt)
    over() { awk -v i="$1" -v f="$2" 'BEGIN { if (f == 0) print "n/a"; else printf "%.1f", (i / f - 1) * 100 }'; }
    echo
    echo "in-process, one context ($ROUNDS rounds alternating with the floor, median of round medians):"
    printf '  %-26s %9.1f us/op   floor %9.1f us/op   overhead %6s%%  (%s)\n' "GetRandom" "$gi" "$gf" \
        "$(over "$gi" "$gf")" "$(verdict "$(over "$gi" "$gf")" 10 "target <= 10%")"
    printf '  %-26s %9.1f us/op   floor %9.1f us/op   overhead %6s%%  (%s)\n' "Sign, password" "$si" "$sf" \
        "$(over "$si" "$sf")" "$(verdict "$(over "$si" "$sf")" 10 "target <= 10%")"
    printf '  %-26s %9.1f us/op   (the floor sends no session: %s%% above the password floor)\n' \
        "Sign, HMAC session + AES" "$hi" "$(over "$hi" "$sf")"
    echo "  TPM commands per operation (library counter, first round):"
    grep -m 3 "TPM commands" inproc.txt | sed 's/^inproc */    /; s/ *[0-9.]* us\/op */  /' 
else
    echo "bench: $bb/bench_inproc or bench_floor missing (make bench builds them)"
fi
