#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: the per-user session key directory (squatted /tmp, fallbacks, no leaked session)
#
# Without TPM_SESSION_ENCKEY, session state is sealed with a per-user key kept in the first
# private directory of: $XDG_RUNTIME_DIR/tss, ${TMPDIR:-/tmp}/tss-<uid>, $HOME/.tss. A
# directory another user could have made (here: one with mode 0777, as a squatter would
# leave it) is refused; the next is used. With none usable, startauthsession fails with a
# message saying to set TPM_SESSION_ENCKEY, and leaves no session loaded in the TPM.

G16=$WORK/g16
rm -rf "$G16"; mkdir -p "$G16/tmp" "$G16/home" "$G16/data"
chmod 755 "$G16/home"
G16_UID=$(id -u)
# a utility with its own TMPDIR and HOME, no XDG_RUNTIME_DIR and no TPM_SESSION_ENCKEY
g16_u() { local p=$1; shift; env -u XDG_RUNTIME_DIR -u TPM_SESSION_ENCKEY TMPDIR="$G16/tmp" \
    HOME="$G16/home" TPM_DATA_DIR="$G16/data" "${PREFIX}$p" "$@"; }
g16_handle() { sed -n 's/^Handle \([0-9a-fA-F]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
g16_sessions() { u getcapability -cap 1 -pr 02000000 2>&1; u getcapability -cap 1 -pr 03000000 2>&1; }

run "startauthsession with a private TMPDIR" g16_u startauthsession -se h
S=$(g16_handle)
check "the key is made in \$TMPDIR/tss-<uid>, 0700, key 0600" \
    bash -c "[ \"\$(stat -c %a '$G16/tmp/tss-$G16_UID')\" = 700 ] && [ \"\$(stat -c %a '$G16/tmp/tss-$G16_UID/session.key')\" = 600 ]"
run "another process continues the session with that key" g16_u getrandom -by 8 -se0 "$S" 41
g16_u flushcontext -ha "$S" >/dev/null 2>&1

# squatted: the /tmp directory exists and others may write in it
rm -rf "$G16/tmp/tss-$G16_UID"; mkdir -m 777 "$G16/tmp/tss-$G16_UID"; chmod 777 "$G16/tmp/tss-$G16_UID"
run "startauthsession with \$TMPDIR/tss-<uid> squatted" g16_u startauthsession -se h
S=$(g16_handle)
check "...the key went to \$HOME/.tss (0700), not to the squatted directory" \
    bash -c "[ -s '$G16/home/.tss/session.key' ] && [ \"\$(stat -c %a '$G16/home/.tss')\" = 700 ] && [ ! -e '$G16/tmp/tss-$G16_UID/session.key' ]"
run "another process continues the session through the fallback too" g16_u getrandom -by 8 -se0 "$S" 41
g16_u flushcontext -ha "$S" >/dev/null 2>&1

# nothing usable: a home others may write in is not used either
rm -rf "$G16/home/.tss"; chmod 777 "$G16/home"
g16_sessions >"$G16/before"
fails_with "with no private directory startauthsession fails, saying to set TPM_SESSION_ENCKEY" \
    "no private directory for the session state key.*TPM_SESSION_ENCKEY" g16_u startauthsession -se h
g16_sessions >"$G16/after"
check "...and leaves no session loaded in the TPM" \
    bash -c "grep -q '^[0-9]* handles\$' '$G16/before' && cmp '$G16/before' '$G16/after'"
run "TPM_SESSION_ENCKEY works where no directory does" \
    env -u XDG_RUNTIME_DIR TPM_SESSION_ENCKEY=000102030405060708090a0b0c0d0e0f TMPDIR="$G16/tmp" \
    HOME="$G16/home" TPM_DATA_DIR="$G16/data" "${PREFIX}startauthsession" -se h
S=$(g16_handle)
env TPM_DATA_DIR="$G16/data" TPM_SESSION_ENCKEY=000102030405060708090a0b0c0d0e0f \
    "${PREFIX}flushcontext" -ha "$S" >/dev/null 2>&1
chmod 755 "$G16/home"
rm -rf "$G16"
