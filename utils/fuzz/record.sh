#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make fuzz-seed: records the regression's real swtpm traffic through tpmproxy -record and
# turns it into seed corpora under utils/fuzz/corpus/ (seed.py). Run it after changing the
# command table; the seeds are committed so that make fuzz starts from real traffic.
# usage: record.sh OUT_DIR (where the utilities are); needs the fuzz binaries (make fuzz-seed)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin="$top/${1:-utils}"
. "$top/utils/regtests/swtpm.sh"
rec=$(mktemp -d)
trap 'kill "${PROXY:-}" 2>/dev/null; swtpm_stop; rm -rf "$rec"' EXIT
swtpm_start || { echo "record: cannot start swtpm"; exit 1; }
q=$(( TPM_COMMAND_PORT + 2 ))
"$bin/tpmproxy" -port "$q" -record "$rec" > "$rec/proxy.log" 2>&1 &
PROXY=$!
for i in $(seq 1 100); do grep -q listening "$rec/proxy.log" && break; sleep 0.05; done
for g in 1 2 3 4 5 6 7 8 9 11; do
    TPM_SERVER_TYPE=mssim TPM_COMMAND_PORT=$q TPM_PLATFORM_PORT=$((q + 1)) PREFIX="$bin/" \
        bash "$top/utils/reg.sh" -"$g" > "$rec/reg$g.log" 2>&1
    tail -n 1 "$rec/reg$g.log"
done
python3 "$top/utils/fuzz/seed.py" "$rec" "$top" "$rec/seeds"
# keep only the seeds that add coverage (libFuzzer's merge), beside the committed ones
for d in "$rec"/seeds/*; do
    n=$(basename "$d"); mkdir -p "$top/utils/fuzz/corpus/$n"
    before=$(ls "$top/utils/fuzz/corpus/$n" | wc -l)
    "$top/build/fuzz/$n" -merge=1 "$top/utils/fuzz/corpus/$n" "$d" > "$rec/merge-$n.log" 2>&1 ||
        { echo "record: merge for $n failed, see below"; tail -n 5 "$rec/merge-$n.log"; exit 1; }
    echo "record: $n: $(( $(ls "$top/utils/fuzz/corpus/$n" | wc -l) - before )) seeds added"
done
