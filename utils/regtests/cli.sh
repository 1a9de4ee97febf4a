#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Command-line checks around the regression, run by make check against the TPM it started
# (TPM_* set): the flag check (flags.sh) can fail, --help is -h, reg.sh runs from any
# directory, utils/policies/ is what mkpolicies.sh and policymaker make.
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
(cd "$WORK/elsewhere" && env -u PREFIX bash "$UTILS/reg.sh" -1) >"$WORK/reg.out" 2>&1
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

[ -n "${REG_TOTALS:-}" ] && echo "$REG_PASSED $REG_FAILED" >"$REG_TOTALS"
echo "cli: $REG_PASSED passed, $REG_FAILED failed"
[ "$REG_FAILED" -eq 0 ]
