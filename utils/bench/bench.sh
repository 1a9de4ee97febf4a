#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make bench: client cost per utility run, ours next to IBM's TSS 1.4.5 (Debian tss2:
# tssgetrandom, tsssign), on one private swtpm. A benchmark, never a test: it prints numbers.
#   median wall time per run (N runs each, interleaved so both see the same machine state)
#   client instructions per run (valgrind callgrind, repeatable), when valgrind is installed
#   TPM commands our TSS sent per run (counted from its flow trace)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin="$top/${1:-utils}"
N=${BENCH_RUNS:-200}
NS=${BENCH_SIGN_RUNS:-100}
. "$top/utils/regtests/swtpm.sh"
work=$(mktemp -d)
trap 'swtpm_stop; rm -rf "$work"' EXIT
cd "$work" || exit 1
export TPM_DATA_DIR=$work
swtpm_start || { echo "bench: cannot start swtpm"; exit 1; }
have_ibm=0; command -v tssgetrandom >/dev/null && have_ibm=1

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print 0; else print a[int((NR+1)/2)]}'; }

# time_runs N cmd... : prints the median ns of N runs
time_runs() {
    local n=$1; shift
    for _ in $(seq "$n"); do
        local t0; t0=$(now); "$@" >/dev/null 2>&1; echo $(( $(now) - t0 ))
    done | median
}

instructions() {
    command -v valgrind >/dev/null || { echo "n/a"; return; }
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" >/dev/null 2>"$work/cg.err"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.err" | tail -n1
}

commands_sent() {
    TPM_TRACE_LEVEL=2 "$@" 2>/dev/null | grep -c '^TSS_Execute: [A-Za-z_0-9]* with'
}

report() { # name ours_ns ibm_ns ours_instr ibm_instr cmds
    local ratio="n/a"
    [ "$3" != 0 ] && ratio=$(awk -v a="$2" -v b="$3" 'BEGIN {printf "%.2f", a / b}')
    printf '%-28s ours %7.2f ms   IBM %7.2f ms   ratio %5s   instr ours %10s IBM %10s   TPM cmds %s\n' \
        "$1" "$(awk -v x="$2" 'BEGIN{print x/1e6}')" "$(awk -v x="$3" 'BEGIN{print x/1e6}')" "$ratio" "$4" "$5" "$6"
}

echo "bench: swtpm on port $TPM_COMMAND_PORT; $N getrandom runs, $NS sign runs per TSS"

ours=$(time_runs "$N" "$bin/getrandom" -by 16)
ibm=0; [ $have_ibm = 1 ] && ibm=$(TPM_SERVER_TYPE=raw time_runs "$N" tssgetrandom -by 16)
oi=$(instructions "$bin/getrandom" -by 16)
ii="n/a"; [ $have_ibm = 1 ] && ii=$(TPM_SERVER_TYPE=raw instructions tssgetrandom -by 16)
report "getrandom -by 16" "$ours" "$ibm" "$oi" "$ii" "$(commands_sent "$bin/getrandom" -by 16)"

# a signing key: ours creates it, both sign with it (the files are the same format)
hp=$("$bin/createprimary" -hi o -rsa 2048 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
"$bin/create" -hp "$hp" -rsa 2048 -si -kt f -kt p -opr k.priv -opu k.pub -pwdk sig >/dev/null 2>&1
hk=$("$bin/load" -hp "$hp" -ipr k.priv -ipu k.pub 2>/dev/null | sed -n 's/^Handle \([0-9a-f]*\).*/\1/p')
echo "message" > msg
if [ -n "$hk" ]; then
    ours=$(time_runs "$NS" "$bin/sign" -hk "$hk" -pwdk sig -if msg -os sig.bin)
    ibm=0; [ $have_ibm = 1 ] && ibm=$(TPM_SERVER_TYPE=raw time_runs "$NS" tsssign -hk "$hk" -pwdk sig -if msg -os sig2.bin)
    oi=$(instructions "$bin/sign" -hk "$hk" -pwdk sig -if msg -os sig.bin)
    ii="n/a"; [ $have_ibm = 1 ] && ii=$(TPM_SERVER_TYPE=raw instructions tsssign -hk "$hk" -pwdk sig -if msg -os sig2.bin)
    report "sign (password)" "$ours" "$ibm" "$oi" "$ii" "$(commands_sent "$bin/sign" -hk "$hk" -pwdk sig -if msg -os sig.bin)"
    "$bin/flushcontext" -ha "$hk" >/dev/null 2>&1
else
    echo "sign: skipped (could not create a signing key with our utilities)"
fi
[ -n "$hp" ] && "$bin/flushcontext" -ha "$hp" >/dev/null 2>&1
[ $have_ibm = 1 ] || echo "(IBM's TSS not installed: apt-get install tss2 for the comparison)"
