#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Regression suite: drives the utilities against a running TPM (make check starts a private
# swtpm and sets TPM_* for it).
#   reg.sh -a          every group
#   reg.sh -N          group N only (reg.sh -h lists them)
# Utilities are run as ${PREFIX}name: by default those beside this script (its utils/
# directory, whatever the current directory), PREFIX=tss for installed ones (found on PATH).
# A relative PREFIX with a slash is taken from the current directory. Every check prints one
# line; the run ends with "N passed, M failed" and exits non-zero on any failure.
# REG_TOTALS=file also receives "passed failed". Groups find IBM-style policy files, keys and
# certificates in $POLICIES (utils/policies/).
set -u
REGDIR=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX-$REGDIR/}
case "$PREFIX" in /*) ;; */*) PREFIX=$PWD/$PREFIX ;; esac
export PREFIX POLICIES=$REGDIR/policies
export REG_PASSED=0 REG_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tss-reg.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export TPM_DATA_DIR=${TPM_DATA_DIR:-$WORK}

. "$REGDIR/regtests/lib.sh"

GROUPS_LIST=$(ls "$REGDIR"/regtests/test[0-9]*.sh 2>/dev/null | sort -V)

usage() {
    echo "usage: reg.sh -a | -N"
    for f in $GROUPS_LIST; do
        n=$(basename "$f" .sh); n=${n#test}; n=${n%%-*}
        echo "  -$n  $(sed -n 's/^# GROUP: //p' "$f")"
    done
}

run_group() {
    local f=$1
    echo "==== $(sed -n 's/^# GROUP: //p' "$f") ($(basename "$f"))"
    REG_GROUP=$(basename "$f" .sh)
    . "$f"
}

case "${1:-}" in
    -a) for f in $GROUPS_LIST; do run_group "$f"; done ;;
    -[0-9]*)
        n=${1#-}; f=$(ls "$REGDIR"/regtests/test"$n"-*.sh 2>/dev/null | head -n1)
        [ -n "$f" ] || { usage; exit 2; }
        run_group "$f" ;;
    *) usage; exit 2 ;;
esac

[ -n "${REG_TOTALS:-}" ] && echo "$REG_PASSED $REG_FAILED" > "$REG_TOTALS"
echo "reg: $REG_PASSED passed, $REG_FAILED failed"
[ "$REG_FAILED" -eq 0 ]
