#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the regression groups. Each check names what it asserts.
#   run NAME CMD...        CMD must succeed
#   fails NAME CMD...      CMD must fail (non-zero exit) and must not crash (exit < 128)
#   check NAME CMD...      a test command (e.g. cmp, grep, [ ]) must succeed; its own output
#                          goes to $WORK/check.out, so it may read $WORK/last.out
#   expect NAME REGEX      the output of the last run/fails matches REGEX (grep -E)
# Output of the last run/fails command is in $WORK/last.out (stdout+stderr).

_report() {
    if [ "$1" -eq 0 ]; then
        REG_PASSED=$((REG_PASSED + 1)); printf '  ok    %s\n' "$2"
    else
        REG_FAILED=$((REG_FAILED + 1)); printf '  FAIL  %s\n' "$2"
        sed 's/^/        | /' "${3:-$WORK/last.out}" | tail -n 15
    fi
}

run() {
    local name=$1; shift
    "$@" >"$WORK/last.out" 2>&1
    _report $? "$name"
}

fails() {
    local name=$1; shift
    "$@" >"$WORK/last.out" 2>&1
    local st=$?
    if [ "$st" -ne 0 ] && [ "$st" -lt 128 ]; then _report 0 "$name"; else
        echo "(exit status $st)" >>"$WORK/last.out"; _report 1 "$name"; fi
}

check() {
    local name=$1; shift
    "$@" >"$WORK/check.out" 2>&1
    _report $? "$name" "$WORK/check.out"
}

expect() {
    grep -qE -- "$2" "$WORK/last.out"
    _report $? "$1"
}

# the utilities, by their IBM names
u() { local p=$1; shift; "${PREFIX}$p" "$@"; }
