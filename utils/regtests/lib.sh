#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the regression groups. Each check names what it asserts.
#   run NAME CMD...        CMD must succeed
#   fails NAME CMD...      CMD must fail (non-zero exit) and must not crash (exit < 128);
#                          follow it with expect (the reason), or use fails_with
#   fails_with NAME RE CMD...  CMD must fail, with output matching RE (why it fails)
#   check NAME CMD...      a test command (e.g. cmp, grep, [ ]) must succeed; its own output
#                          goes to $WORK/check.out, so it may read $WORK/last.out
#   expect NAME REGEX      the output of the last run/fails matches REGEX (grep -E)
# Output of the last run/fails command is in $WORK/last.out (stdout+stderr).

_report() {
    if [ "$1" -eq 0 ]; then
        REG_PASSED=$((REG_PASSED + 1)); printf '  ok    %s\n' "$2"
        # make check-canary: which checks pass with no TPM reachable
        [ -n "${REG_CANARY_LOG:-}" ] && printf '%s\t%s\n' "${REG_GROUP:-?}" "$2" >>"$REG_CANARY_LOG"
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

# fails_with NAME REGEX CMD...: CMD must fail (exit 1..127) AND its output must match REGEX
# (the response code or message that says WHY): one check that cannot pass when the failure
# has another cause, such as an unreachable TPM
fails_with() {
    local name=$1 re=$2 st
    shift 2
    "$@" >"$WORK/last.out" 2>&1
    st=$?
    if [ "$st" -ne 0 ] && [ "$st" -lt 128 ] && grep -qE -- "$re" "$WORK/last.out"; then
        _report 0 "$name"
    else
        # the note goes to its own file: an expect after this must not match the regex in it
        { cat "$WORK/last.out"; echo "(exit status $st; expected a failure matching: $re)"; } >"$WORK/fails_with.out"
        _report 1 "$name" "$WORK/fails_with.out"
    fi
}

# the utilities, by their IBM names
u() { local p=$1; shift; "${PREFIX}$p" "$@"; }
