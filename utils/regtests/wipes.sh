#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Secrets in the library are wiped with tss_wipe (explicit_bzero: a wipe the compiler cannot
# remove), never with memset, which an optimizing compiler drops before a buffer goes out
# of scope. Every memset left in utils/lib must be on this list of initializations and
# paddings (file and statement); a new one fails until it is made a tss_wipe or listed here
# with its reason. One check per library file. REG_TOTALS=file receives "passed failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# file|statement          (reason)
ALLOWED='
lib/crypto/keys.c|memset(db + hl, 0, dblen - hl - fLen - 1);
lib/crypto/sha.c|memset(c, 0, sizeof(*c));
lib/crypto/sha.c|memset(c->buf + c->fill, 0, c->block - c->fill);
lib/session/session.c|memset(s, 0, sizeof(*s));
lib/session/auth.c|memset(&s, 0, sizeof(s));
lib/store/state.c|memset(&l, 0, sizeof(l));
lib/transport/socket.c|memset(&hints, 0, sizeof hints);
lib/transport/transport.c|memset(t, 0, sizeof *t);
lib/core/tss.c|memset(&c, 0, sizeof(c));
'
# why those are allowed: OAEP padding bytes (keys.c), hash state initialization and block
# padding (sha.c), structures cleared before they are filled (session, auth, the lock
# request, getaddrinfo hints, a transport, the call), none of them a wipe
passed=0; failed=0
cd "$top/utils" || exit 1
for f in $(find lib -name '*.c' ! -path 'lib/marshal/*' | sort); do
    bad=$(grep -n 'memset(' "$f" | while IFS= read -r line; do
        stmt=$(printf '%s' "${line#*:}" | sed 's/^[[:space:]]*//; s/[[:space:]]*\/\*.*$//')
        case "$ALLOWED" in *"
$f|$stmt
"*) ;; *) printf '%s\n' "${line%%:*}: $stmt" ;; esac
    done)
    if [ -z "$bad" ]; then
        passed=$((passed + 1)); printf '  ok    %s wipes with tss_wipe (no unlisted memset)\n' "$f"
    else
        failed=$((failed + 1)); printf '  FAIL  %s wipes with tss_wipe (no unlisted memset)\n' "$f"
        printf '%s\n' "$bad" | sed 's/^/        | /'
    fi
done
# and the wipe itself must survive optimization: tss_wipe is explicit_bzero or volatile
if grep -q 'explicit_bzero(p, n)' lib/crypto/seal.c && grep -q 'volatile uint8_t \*v = p' lib/crypto/seal.c; then
    passed=$((passed + 1)); echo "  ok    tss_wipe cannot be optimized away (explicit_bzero, else volatile stores)"
else
    failed=$((failed + 1)); echo "  FAIL  tss_wipe cannot be optimized away (explicit_bzero, else volatile stores)"
fi
[ -n "${REG_TOTALS:-}" ] && echo "$passed $failed" > "$REG_TOTALS"
echo "wipes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
