#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Runs cmocka unit-test binaries and totals them. Prints "N passed, M failed, K skipped"
# last and exits non-zero if anything failed or a binary crashed (a skipped test is not a
# pass: it is counted apart). Set UNIT_TOTALS=file to also write "passed failed skipped"
# there for check.sh.
passed=0; failed=0; skipped=0
for t in "$@"; do
    out=$("$t" 2>&1); st=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    k=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -n1)
    p=${p:-0}; f=${f:-0}; k=${k:-0}
    if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed or exited badly
    if [ "$f" -ne 0 ]; then printf '%s\n' "$out"; fi
    printf 'unit %-28s %3d passed, %d failed, %d skipped\n' "$(basename "$t")" "$p" "$f" "$k"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
done
[ -n "${UNIT_TOTALS:-}" ] && echo "$passed $failed $skipped" > "$UNIT_TOTALS"
echo "unit: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
