#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Compares every utility's -h with IBM's flag list (ibm-flags.txt beside this script, the
# team's copy of shared/reference/ibm-cli-flags.txt): each flag of the list must appear in
# the usage, and each word of a {a|b|c} choice must be accepted by the utility. Needs no TPM.
#   flags.sh [name...]     (default: every utility of the list)
# Utilities are run as ${PREFIX}name (default: the utils/ directory above this script).
# One check line per utility; ends with "N passed, M failed"; REG_TOTALS=file gets "passed failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$(dirname "$HERE")/}
LIST=${FLAGS_LIST:-$HERE/ibm-flags.txt}   # FLAGS_LIST: another list, for the self-test
SHARED=$(dirname "$(dirname "$HERE")")/../shared/reference/ibm-cli-flags.txt
REG_PASSED=0 REG_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tss-flags.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
. "$HERE/lib.sh"

# Nothing here should reach a TPM: a utility that got past its parser meets a closed port.
export TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw TPM_SERVER_NAME=127.0.0.1
export TPM_COMMAND_PORT=1 TPM_PLATFORM_PORT=1

# Flags a branch in progress is adding ("utility:-flag ..."): their absence is reported,
# not failed. Empty on main.
PENDING=" "

# The list was made from IBM's usage text, and a few of its entries are words of that text,
# not of IBM's parser (checked against IBM's source):
# - {..} that are no argument words (name:flag) or one word that is none (name:flag:word):
#   -kh/-khr take no value ("keyed hash, unrestricted, hmac"); evictcontrol -hp and
#   nvdefinespace -ha take a hex handle ("owner", "01xxxxxx" are hints); getcapability's {01|80}
#   are session attributes; nvdefinespace -pol takes a file (the words are +at/-at's) and its
#   -hia is o or p, "default" meaning the option left out.
NOT_CHOICES=" create:-kh create:-khr createloaded:-kh createloaded:-khr createprimary:-kh
 createprimary:-khr evictcontrol:-hp getcapability:-se2 nvdefinespace:-ha nvdefinespace:-pol
 nvdefinespace:-hia:default "
# - flags IBM's parser does not have: publicname's usage says "-pem and -ider optional
#   arguments" of -ipem.
NOT_FLAGS=" publicname:-pem "

# a utility, bounded in time: a parser that waits for something is a failure, not a hang
ut() { timeout 20 "${PREFIX}$1" "${@:2}"; }

in_list() { case "$2" in *" $1 "* | *" $1"$'\n'* | *$'\n'"$1 "*) return 0 ;; esac; return 1; }

# the flag appears in the usage as a word; -seN also as "-se[0-M]" with M >= N
in_usage() {
    local flag=$1 usage=$2
    if [[ $flag =~ ^-se([0-2])$ ]]; then
        local n=${BASH_REMATCH[1]} m
        for m in 2 1 0; do
            [ "$m" -ge "$n" ] && grep -qF -- "-se[0-$m]" <<<"$usage" && return 0
        done
    fi
    grep -qE -- "(^|[^A-Za-z0-9-])$flag([^A-Za-z0-9]|\$)" <<<"$usage"
}

# the word is accepted for the flag: "name FLAG WORD -h" gives exactly the usage (the parser
# took the pair without a message); a flag with two values (nvsetbits -phash alg file) gets
# a second one. Where the parser takes any value for the flag (a made-up
# word passes as well) the word is checked later by the utility: then the usage must name it.
accepts() {
    local name=$1 flag=$2 word=$3 usage=$4 out extra=
    out=$(ut "$name" "$flag" "$word" -h 2>&1)
    if [ $? -ne 1 ] || [ "$out" != "$usage" ]; then
        extra=$WORK/value2
        out=$(ut "$name" "$flag" "$word" "$extra" -h 2>&1)
        [ $? -eq 1 ] && [ "$out" == "$usage" ] || return 1
    fi
    out=$(ut "$name" "$flag" zz-not-a-word $extra -h 2>&1)
    [ "$out" == "$usage" ] || return 0
    grep -qwF -- "$word" <<<"$usage"
}

check_one() {
    local name=$1 spec=$2 usage st tok flag="" problems="" pend="" w
    if ! command -v "${PREFIX}$name" >/dev/null; then
        echo "${PREFIX}$name: no such utility" >"$WORK/last.out"; _report 1 "flags of $name match IBM's list"
        return
    fi
    usage=$(ut "$name" -h 2>&1); st=$?
    [ "$st" -eq 1 ] || problems+="-h exits $st, not 1; "
    grep -qw -- "$name" <<<"$usage" || problems+="-h does not print the usage; "
    for tok in $spec; do
        case "$tok" in *-se\[0-2\]*) tok="-se[0-2]" ;; *) tok=${tok#[}; tok=${tok%]} ;; esac
        case "$tok" in
            -se\[0-2\]) set -- -se0 -se1 -se2 ;;
            -*) set -- "$tok" ;;
            \{*\})
                [ -n "$flag" ] || continue
                in_list "$name:$flag" "$NOT_CHOICES" && continue
                in_list "$name:$flag" "$PENDING" && continue
                for w in $(tr '{|}' '   ' <<<"$tok"); do
                    in_list "$name:$flag:$w" "$NOT_CHOICES" && continue
                    accepts "$name" "$flag" "$w" "$usage" || problems+="$flag does not take $w; "
                done
                continue ;;
            *) continue ;;   # argument names (keybits, curve)
        esac
        for flag in "$@"; do
            in_list "$name:$flag" "$NOT_FLAGS" && continue
            in_usage "$flag" "$usage" && continue
            if in_list "$name:$flag" "$PENDING"; then pend+=" $flag"; else problems+="no $flag; "; fi
        done
    done
    { echo "$problems"; } >"$WORK/last.out"
    _report "$([ -z "$problems" ] && echo 0 || echo 1)" \
        "flags of $name match IBM's list${pend:+ (pending elsewhere:$pend)}"
}

if [ -z "${FLAGS_LIST:-}" ] && [ -e "$SHARED" ]; then
    check "our ibm-flags.txt equals shared/reference/ibm-cli-flags.txt" cmp "$LIST" "$SHARED"
fi
while IFS= read -r line; do
    name=${line%%:*}; spec=${line#*:}
    [ $# -eq 0 ] || in_list "$name" " $* " || continue
    check_one "$name" "$spec"
done <"$LIST"

[ -n "${REG_TOTALS:-}" ] && echo "$REG_PASSED $REG_FAILED" >"$REG_TOTALS"
echo "flags: $REG_PASSED passed, $REG_FAILED failed"
[ "$REG_FAILED" -eq 0 ]
