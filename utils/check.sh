#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make check: unit tests, every utility's flags against IBM's list (regtests/flags.sh), then
# the regression (reg.sh -a) against a private swtpm it starts and always stops, the
# command-line checks (regtests/cli.sh), then one group again over a pseudo-terminal bridged
# to swtpm (the serial-device transport). Last line: "N passed, M failed".
# usage: check.sh BUILD_DIR OUT_DIR unit-binaries...
set -u
build=$1; out=$2; shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
totals=$(mktemp)
passed=0; failed=0

UNIT_TOTALS=$totals bash "$top/utils/unit/run.sh" "$@"
read -r p f k < "$totals" || { p=0; f=1; k=0; }
passed=$((passed + p)); failed=$((failed + f)); skipped=${k:-0}

# no TPM needed: secrets are wiped with tss_wipe (no unlisted memset in the library)
: > "$totals"
REG_TOTALS=$totals bash "$top/utils/regtests/wipes.sh"
read -r p f < "$totals" || { p=0; f=1; }
passed=$((passed + p)); failed=$((failed + f))

# no TPM needed: the utilities' -h against IBM's flag list
: > "$totals"
PREFIX="$top/$out/" REG_TOTALS=$totals bash "$top/utils/regtests/flags.sh"
read -r p f < "$totals" || { p=0; f=1; }
passed=$((passed + p)); failed=$((failed + f))

. "$top/utils/regtests/swtpm.sh"
cleanup() { [ -n "${BRIDGE_PID:-}" ] && kill "$BRIDGE_PID" 2>/dev/null; swtpm_stop; rm -f "$totals"; rm -rf "${datadir:-}"; }
trap cleanup EXIT INT TERM

if swtpm_start; then
    datadir=$(mktemp -d)
    export TPM_DATA_DIR=$datadir
    : > "$totals"
    PREFIX="$top/$out/" REG_TOTALS=$totals bash "$top/utils/reg.sh" -a
    read -r p f < "$totals" || { p=0; f=1; }
    passed=$((passed + p)); failed=$((failed + f))
    : > "$totals"; REG_TOTALS=$totals bash "$top/utils/compat/run.sh" "$top" "$out"; read -r p f < "$totals" || { p=0; f=1; }; passed=$((passed + p)); failed=$((failed + f))

    : > "$totals"
    PREFIX="$top/$out/" REG_TOTALS=$totals bash "$top/utils/regtests/cli.sh"
    read -r p f < "$totals" || { p=0; f=1; }
    passed=$((passed + p)); failed=$((failed + f))

    # serial device transport: a pseudo-terminal relaying to the swtpm command port
    tty="$datadir/tpmtty"
    "$top/$PTYBRIDGE" "$tty" 127.0.0.1 "$TPM_COMMAND_PORT" &
    BRIDGE_PID=$!
    for i in $(seq 1 50); do [ -e "$tty" ] && break; sleep 0.1; done
    : > "$totals"
    TPM_INTERFACE_TYPE=dev TPM_DEVICE="$tty" PREFIX="$top/$out/" REG_TOTALS=$totals \
        REG_NOPOWER=1 bash "$top/utils/reg.sh" -1
    read -r p f < "$totals" || { p=0; f=1; }
    passed=$((passed + p)); failed=$((failed + f))
else
    echo "check: cannot start swtpm: the regression did not run"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed${skipped:+, $skipped skipped unit tests}"
[ "$failed" -eq 0 ]
