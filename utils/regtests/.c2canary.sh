#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# make check-canary: the whole regression with NO TPM reachable (a closed port, and the
# platform port closed too). Every check that still passes must be one that needs no TPM
# (usage errors, bad flags, file and offline checks), listed by name, one a line, in
# regtests/canary/<group>.txt (a group's checks are listed in its own file; names are
# matched whole, whichever group ran them: group 14 runs groups 1 and 5 again through
# tpmproxy). A check that passes without a TPM and is not listed asserts
# nothing about the TPM: make it say why it expects what it expects (fails_with, or an
# expect on the response code), or, if it truly needs no TPM, list it. Prints the unlisted
# passes; exit status 1 if there is any.
# usage: canary.sh UTILS_DIR [GROUP ...]   (groups by number; default: all)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
utils=$(cd "${1:-$top/utils}" && pwd)
shift
groups=("$@")
allowed=$(mktemp)
cat "$top"/utils/regtests/canary/*.txt 2>/dev/null | grep -v '^#' | sed '/^$/d' >"$allowed"
log=$(mktemp); data=$(mktemp -d)
trap 'rm -f "$log" "$log.got" "$allowed"; rm -rf "$data"' EXIT
closed=
for p in $(seq 20001 20400); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null; then
        closed=$p; break
    fi
done
[ -n "$closed" ] || { echo "canary: no closed port found"; exit 1; }
env -u TPM_TRANSPORT -u TPM_DEVICE TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=swtpm TPM_SERVER_NAME=127.0.0.1 \
    TPM_COMMAND_PORT=$closed TPM_PLATFORM_PORT=$((closed + 1)) TPM_DATA_DIR="$data" \
    TPM_CONNECT_TIMEOUT=2000 TPM_TIMEOUT=5000 G13_CRASH_ITER=5 G13_ITER=1 \
    REG_CANARY_LOG="$log" PREFIX="$utils/" bash -c '
        top=$1; shift
        if [ $# -eq 0 ]; then bash "$top/utils/reg.sh" -a; else for g in "$@"; do bash "$top/utils/reg.sh" -"$g"; done; fi
    ' _ "$top" "${groups[@]}" >"$log.out" 2>&1
cut -f2- "$log" | sort -u >"$log.got"
total=$(wc -l <"$log.got")
unlisted=$(if [ -s "$allowed" ]; then grep -vxF -f "$allowed" "$log.got"; else cat "$log.got"; fi)
n=$(printf '%s' "$unlisted" | grep -c .)
echo "canary: $total checks passed with no TPM reachable; $n of them are not listed as needing no TPM"
if [ "$n" -gt 0 ]; then
    printf '%s\n' "$unlisted" | sed 's/^/  unlisted  /'
    cp "$log.out" /tmp/c2canary.out
    exit 1
fi
cp "$log.out" /tmp/c2canary.out
