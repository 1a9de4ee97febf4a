#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: basic utilities (powerup, startup, shutdown, getrandom, stirrandom, getcapability, returncode, printattr)
# Sourced by reg.sh from its scratch directory ($WORK); uses run / fails / check / u.
# REG_NOPOWER=1 (serial device transport): no power signals, so the power cycle checks
# are skipped and reported as skipped.

# check truncates last.out before its command runs, so the output of the utility under
# test is kept in g1.out; the g1_* predicates read it and show it when they fail.
G1OUT="$WORK/g1.out"
g1run() { run "$@"; cp "$WORK/last.out" "$G1OUT"; }
# g1fails_with NAME REGEX CMD...: fails, and the output says why (fails_with); g1.out keeps
# the utility's output only, not the note fails_with adds on a mismatch (it quotes REGEX)
g1fails_with() {
    fails_with "$@"
    grep -v '^(exit status [0-9]*; expected a failure matching: ' "$WORK/last.out" >"$G1OUT"
}
g1_show() { sed 's/^/        > /' "$G1OUT" | head -n 20; return 1; }
g1_has() { grep -q -- "$1" "$G1OUT" || g1_show; }
g1_line() { grep -qx -- "$1" "$G1OUT" || g1_show; }
g1_lacks() { ! grep -q -- "$1" "$G1OUT" || g1_show; }
g1_count() { [ "$(grep -c -- "$1" "$G1OUT")" -eq "$2" ] || g1_show; }
g1_size() { [ "$(wc -c < "$1")" -eq "$2" ]; }
# every line given must be in the output, whole
g1_lines() { local l; for l in "$@"; do grep -qx -- "$l" "$G1OUT" || { g1_show; return 1; }; done; }
# the number in the "<N> <what>" header equals the number of lines matching the pattern
g1_header_counts() {
    local n
    n=$(sed -n "s/^\([0-9]*\) $1 *\$/\1/p" "$G1OUT")
    [ -n "$n" ] && [ "$n" -eq "$(grep -c -- "$2" "$G1OUT")" ] || g1_show
}
# the line after the first line matching $1 matches $2
g1_next_line() { grep -A1 -- "$1" "$G1OUT" | sed -n 2p | grep -q -- "$2" || g1_show; }
# the first N bytes of FILE (which has at least N) hold no zero byte
g1_no_zero_byte() { [ "$(wc -c < "$1")" -ge "$2" ] && ! head -c "$2" "$1" | od -An -v -tx1 | grep -qw 00; }
g1_last_byte_zero() { [ "$(tail -c 1 "$1" | od -An -tx1 | tr -d ' \n')" = 00 ]; }
g1_status_is() { local want=$1; shift; "$@" >/dev/null 2>&1; [ $? -eq "$want" ]; }
# g1_status_with STATUS REGEX CMD...: CMD exits with STATUS and its output matches REGEX
g1_status_with() {
    local want=$1 re=$2 st
    shift 2
    "$@" >"$WORK/g1status.out" 2>&1
    st=$?
    [ "$st" -eq "$want" ] && grep -qE -- "$re" "$WORK/g1status.out" ||
        { sed 's/^/        > /' "$WORK/g1status.out" | head -n 20; echo "        > (exit status $st)"; return 1; }
}

# ---- power up and start up ----------------------------------------------------------
if [ "${REG_NOPOWER:-0}" = 1 ]; then
    echo "  skip  powerup / startup after powerup (REG_NOPOWER=1: no power signals)"
else
    # temporary files a killed process left: Startup(CLEAR) removes those a minute old
    : > "$TPM_DATA_DIR/h80000009.bin.tmpOLD123"
    touch -d '5 minutes ago' "$TPM_DATA_DIR/h80000009.bin.tmpOLD123"
    : > "$TPM_DATA_DIR/h80000009.bin.tmpNEW123"
    g1run "powerup" u powerup
    g1run "startup after powerup" u startup
    check "startup removed a stale temporary state file" [ ! -e "$TPM_DATA_DIR/h80000009.bin.tmpOLD123" ]
    # (the stale one gone too: the cleanup ran, and it spared the fresh one)
    check "startup kept a fresh temporary state file (a writer may be at work)" \
        [ -e "$TPM_DATA_DIR/h80000009.bin.tmpNEW123" -a ! -e "$TPM_DATA_DIR/h80000009.bin.tmpOLD123" ]
    rm -f "$TPM_DATA_DIR/h80000009.bin.tmpNEW123"
    # locality (TPM_TRANSMIT_LOCALITY): a startup at locality 3 starts PCR 0 at 3 (PC Client);
    # on swtpm through its control channel, on mssim (group 14: tpmproxy) in the command frame
    g1_pcr0() { od -An -tx1 -v "$WORK/g1pcr0.bin" | tr -d ' \n'; }
    g1run "powerup, for a startup at locality 3" u powerup
    g1run "startup -loc 3" u startup -loc 3
    rm -f "$WORK/g1pcr0.bin"
    g1run "pcrread PCR 0 after startup -loc 3" u pcrread -ha 0 -halg sha256 -of "$WORK/g1pcr0.bin"
    check "after startup -loc 3, PCR 0 is 00..03" [ "$(g1_pcr0)" = "$(printf '%062d' 0)03" ]
    g1run "the next command goes at locality 0 again" u pcrreset -ha 16
    g1run "powerup, back to a startup at locality 0" u powerup
    g1run "startup (locality 0)" u startup
    rm -f "$WORK/g1pcr0.bin"
    g1run "pcrread PCR 0 after startup" u pcrread -ha 0 -halg sha256 -of "$WORK/g1pcr0.bin"
    check "after startup at locality 0, PCR 0 is zero" [ "$(g1_pcr0)" = "$(printf '%064d' 0)" ]
    if [ "${TPM_SERVER_TYPE:-}" = swtpm ] && [ -z "${TPM_TRANSPORT:-}" ]; then
        g1fails_with "the raw transport cannot send at locality 3" "cannot send at locality 3" \
            env TPM_SERVER_TYPE=raw "${PREFIX}startup" -loc 3
        check "...and says so" g1_has "cannot send at locality 3"
    fi
fi
g1fails_with "startup -loc 5 is refused" "a locality is 0 to 4" u startup -loc 5
check "...saying what a locality is" g1_has "a locality is 0 to 4"
# the TPM is started either way: a second startup must be refused
g1fails_with "second startup fails" "TPM_RC_INITIALIZE" u startup
check "second startup reports TPM_RC_INITIALIZE" g1_has "TPM_RC_INITIALIZE"
check "second startup prints rc 00000100" g1_has "rc 00000100"
check "second startup exits with status 1" g1_status_with 1 "rc 00000100" u startup

# ---- getrandom ----------------------------------------------------------------------
for n in 1 32 64 100; do
    g1run "getrandom -by $n -of" u getrandom -by $n -of rnd$n.bin
    check "getrandom -by $n file has $n bytes" g1_size rnd$n.bin $n
done
g1run "getrandom -by 32 again" u getrandom -by 32 -of rnd32b.bin
# libtss loads libcrypto only for what needs it (RSA, ECC, AES): a plain command never maps it
# (the command must succeed: one that fails early proves nothing)
g1_no_libcrypto() {
    LD_DEBUG=files "$@" >"$WORK/g1ld.out" 2>&1 || { tail -n 5 "$WORK/g1ld.out"; return 1; }
    ! grep -q "file=libcrypto" "$WORK/g1ld.out"
}
if ldd "${PREFIX}getrandom" 2>/dev/null | grep -q libtss; then
    check "getrandom runs without loading libcrypto" g1_no_libcrypto "${PREFIX}getrandom" -by 8
fi
check "two 32-byte draws differ" bash -c '[ "$(wc -c < rnd32.bin)" -eq 32 ] && [ "$(wc -c < rnd32b.bin)" -eq 32 ] && ! cmp -s rnd32.bin rnd32b.bin'
g1run "getrandom -by 100 -nz -of" u getrandom -by 100 -nz -of nz.bin
check "-nz file is 100 bytes plus a NUL" g1_size nz.bin 101
check "-nz bytes contain no zero" g1_no_zero_byte nz.bin 100
check "-nz file ends in a NUL" g1_last_byte_zero nz.bin
# output files: a new regular file gets 0666 less the umask and is written whole (rename);
# a device or a FIFO is written in place; a symlink stays a symlink (its target is written)
g1_mode() { stat -c %a "$1"; }
rm -f um022.bin um077.bin um002.bin
g1run "getrandom -of under umask 022" bash -c "umask 022 && exec \"\${PREFIX}getrandom\" -by 8 -of um022.bin"
check "...the file is 644" [ "$(g1_mode um022.bin)" = 644 ]
g1run "getrandom -of under umask 077" bash -c "umask 077 && exec \"\${PREFIX}getrandom\" -by 8 -of um077.bin"
check "...the file is 600" [ "$(g1_mode um077.bin)" = 600 ]
g1run "getrandom -of under umask 002" bash -c "umask 002 && exec \"\${PREFIX}getrandom\" -by 8 -of um002.bin"
check "...the file is 664" [ "$(g1_mode um002.bin)" = 664 ]
chmod 640 um022.bin
g1run "getrandom -of over an existing file" u getrandom -by 8 -of um022.bin
check "...keeps its mode (640)" [ "$(g1_mode um022.bin)" = 640 ]
# devices: as root, private nodes of /dev/null and /dev/full (a broken utility must not be
# able to replace the system's); otherwise the system's, which the user cannot replace
if [ "$(id -u)" = 0 ] && mknod "$WORK/g1null" c 1 3 2>/dev/null && mknod "$WORK/g1full" c 1 7 2>/dev/null &&
    (echo x > "$WORK/g1null") 2>/dev/null; then # (a nodev mount refuses to open them)
    G1_NULL=$WORK/g1null G1_FULL=$WORK/g1full
elif [ "$(id -u)" != 0 ]; then
    G1_NULL=/dev/null G1_FULL=/dev/full
else
    G1_NULL= G1_FULL=
fi
if [ -n "$G1_NULL" ]; then
g1run "getrandom -of a null device" u getrandom -by 8 -of "$G1_NULL"
check "...it is still a character device" test -c "$G1_NULL"
g1fails_with "getrandom -of a full device fails (no space on the device)" "TSS_RC_FILE_WRITE" \
    u getrandom -by 8 -of "$G1_FULL"
check "...naming the file" g1_has "$G1_FULL"
check "...and it is still a character device" test -c "$G1_FULL"
else
    echo "  skip  output to devices (root, and no private device nodes can be made here)"
fi
rm -f "$WORK/g1null" "$WORK/g1full"
rm -f g1fifo g1fifo.got; mkfifo g1fifo
(timeout 20 cat g1fifo > g1fifo.got) &
G1_CAT=$!
g1run "getrandom -of a FIFO" timeout 20 "${PREFIX}getrandom" -by 8 -of g1fifo
wait "$G1_CAT"
check "...the reader got the 8 bytes, the FIFO is still a FIFO" bash -c '[ -p g1fifo ] && [ "$(wc -c < g1fifo.got)" -eq 8 ]'
rm -f g1lnk g1lnk.target; : > g1lnk.target; ln -s g1lnk.target g1lnk
g1run "getrandom -of a symlink" u getrandom -by 8 -of g1lnk
check "...the link is kept and its target holds the 8 bytes" bash -c '[ -L g1lnk ] && [ "$(wc -c < g1lnk.target)" -eq 8 ]'
g1run "getrandom -by 20 -ns" u getrandom -by 20 -ns
check "-ns prints 40 hex digits on one line" bash -c "grep -Eqx '[0-9a-f]{40}' '$G1OUT'"
g1run "getrandom -by 16" u getrandom -by 16
check "getrandom prints the randomBytes caption" g1_has "randomBytes length 16"

# ---- stirrandom ---------------------------------------------------------------------
head -c 32 /dev/urandom > stir32.bin
head -c 300 /dev/urandom > stir300.bin
g1run "stirrandom -if 32-byte file" u stirrandom -if stir32.bin
g1fails_with "stirrandom missing -if" "missing -if" u stirrandom
g1fails_with "stirrandom -if missing file" "cannot read nonexistent.bin" u stirrandom -if nonexistent.bin
g1fails_with "stirrandom -if 300-byte file is refused" "300 bytes, at most 256" u stirrandom -if stir300.bin

# ---- getcapability ------------------------------------------------------------------
g1run "getcapability TPM properties" u getcapability -cap 6 -pr 100
check "TPM_PT_FAMILY_INDICATOR is 322e3000" g1_has "^TPM_PT 00000100 value 322e3000 TPM_PT_FAMILY_INDICATOR"
check "family indicator decodes as \"2.0\"" g1_has '"2.0"'
check "TPM_PT_PCR_COUNT is 24" g1_has "^TPM_PT 00000112 value 00000018 TPM_PT_PCR_COUNT"
check "properties header counts the lines" g1_header_counts properties '^TPM_PT '
total=$(sed -n 's/^TPM_PT 00000129 value \([0-9a-f]*\) .*/\1/p' "$G1OUT")
g1run "getcapability -pc 1" u getcapability -cap 6 -pr 100 -pc 1
check "-pc 1 prints exactly one property" g1_count '^TPM_PT ' 1
check "-pc 1 reports moreData" g1_line "moreData: 1"
g1run "getcapability variable properties" u getcapability -cap 6 -pr 200
check "TPMA_STARTUP_CLEAR is decoded" g1_has "TPMA_STARTUP_CLEAR_PHENABLE"
g1run "getcapability algorithms" u getcapability -cap 0
check "TPM_ALG_SHA256 is listed" g1_line "  TPM_ALG_ID TPM_ALG_SHA256"
check "TPM_ALG_RSA is asymmetric" g1_next_line 'TPM_ALG_ID TPM_ALG_RSA$' 'TPMA_ALGORITHM: asymmetric'
check "TPM_ALG_SHA256 is a hash" g1_next_line 'TPM_ALG_ID TPM_ALG_SHA256$' 'TPMA_ALGORITHM: hash'
check "algorithms header counts the lines" g1_header_counts algorithms 'TPM_ALG_ID'
g1run "getcapability commands" u getcapability -cap 2 -pc 1000
check "TPM_CC_GetRandom is listed" g1_has "TPM_CC_GetRandom cHandles 0"
check "TPM_CC_Startup is listed" g1_has "TPM_CC_Startup cHandles 0"
g1_count_hex() { [ -n "$2" ] && g1_count "$1" "$((0x$2))"; } # (a missing count fails)
check "command count equals TPM_PT_TOTAL_COMMANDS (${total:-missing})" \
    g1_count_hex 'command Attributes' "${total:-}"
g1run "getcapability -cap 2 -pr 17b -pc 1" u getcapability -cap 2 -pr 17b -pc 1
check "-pr 17b starts at GetRandom" g1_has "command Attributes 0000017b"
g1run "getcapability permanent handles" u getcapability -cap 1 -pr 40000000
check "owner and platform hierarchies are listed" g1_lines $'\t40000001' $'\t4000000c'
g1run "getcapability transient handles" u getcapability -cap 1 -pr 80000000
check "transient handle header counts the lines" g1_header_counts handles $'^\t80'
# a loaded key must show up in the transient handle list (scripts find handles this way)
if [ -x "${PREFIX}createprimary" ] && [ -x "${PREFIX}flushcontext" ]; then
    g1run "createprimary for the handle list" u createprimary -hi o
    g1_h=$(sed -n 's/^Handle \(80[0-9a-f]*\)$/\1/p' "$G1OUT")
    g1run "getcapability lists transient handles" u getcapability -cap 1 -pr 80000000
    check "the new key ${g1_h:-(no handle)} is listed" g1_line $'\t'"${g1_h:-none}"
    check "transient handle header counts the lines" g1_header_counts handles $'^\t80'
    [ -n "$g1_h" ] && g1run "flushcontext $g1_h" u flushcontext -ha "$g1_h"
    g1run "getcapability after the flush" u getcapability -cap 1 -pr 80000000
    # (a listing from the TPM: its "N handles" header, without the key)
    g1_gone() { [ -n "$1" ] && g1_has "^[0-9]* handles" && g1_lacks $'\t'"$1"; }
    check "the flushed key is gone" g1_gone "$g1_h"
else
    echo "  skip  transient handle listing of a loaded key (createprimary/flushcontext not built)"
fi
g1run "getcapability PCRs" u getcapability -cap 5
check "a SHA256 PCR bank is allocated" g1_has "hash TPM_ALG_SHA256"
check "PCR 0-7 selection is printed" g1_has "PCR 0-7"
g1run "getcapability PCR properties" u getcapability -cap 7
check "TPM_PT_PCR_RESET_L0 is listed" g1_has "TPM_PT_PCR 00000002 TPM_PT_PCR_RESET_L0"
g1run "getcapability ECC curves" u getcapability -cap 8
check "TPM_ECC_NIST_P256 is listed" g1_has "TPM_ECC_NIST_P256"
g1fails_with "getcapability -cap b (unknown capability)" "unknown -cap 0000000b" u getcapability -cap b
g1fails_with "getcapability -cap zz (not hex)" "bad value 'zz' for -cap" u getcapability -cap zz
g1fails_with "getcapability without -cap" "missing -cap" u getcapability

# ---- shutdown and restart -----------------------------------------------------------
if [ "${REG_NOPOWER:-0}" = 1 ]; then
    echo "  skip  shutdown / powerup / startup cycles (REG_NOPOWER=1: no power signals)"
else
    g1run "shutdown -c" u shutdown -c
    g1run "powerup after shutdown -c" u powerup
    g1fails_with "startup -s after shutdown -c is refused" "rc 000001c4" u startup -s
    check "startup -s after shutdown -c reports TPM_RC_VALUE" g1_has "TPM_RC_VALUE"
    g1run "startup -c after shutdown -c" u startup -c
    g1run "getrandom works after the restart" u getrandom -by 8
    g1run "shutdown -s" u shutdown -s
    g1run "powerup after shutdown -s" u powerup
    g1run "startup -s resumes the saved state" u startup -s
    g1run "startup -sto runs only the self test" u startup -sto
    g1fails_with "powerup over raw (no platform channel) fails" "TSS_RC_NOT_IMPLEMENTED" \
        env TPM_SERVER_TYPE=raw "${PREFIX}powerup"
fi

# ---- returncode, getcryptolibrary, printattr (no TPM) ---------------------------------
g1run "returncode 100" u returncode 100
check "100 is TPM_RC_INITIALIZE" g1_has "^TPM_RC_INITIALIZE"
g1run "returncode 9a2" u returncode 9a2
check "9a2 is TPM_RC_BAD_AUTH" g1_has "^TPM_RC_BAD_AUTH"
check "9a2 names session 1" g1_has "session 1$"
g1run "returncode -rc 1d5" u returncode -rc 1d5
check "1d5 is TPM_RC_SIZE" g1_has "^TPM_RC_SIZE"
check "1d5 names parameter 1" g1_has "parameter 1$"
g1run "returncode 0x000b0008" u returncode 0x000b0008
check "b0008 is TSS_RC_NO_CONNECTION" g1_has "^TSS_RC_NO_CONNECTION"
g1run "returncode 0" u returncode 0
check "0 is TPM_RC_SUCCESS" g1_has "^TPM_RC_SUCCESS"
g1fails_with "returncode xyz (not hex)" "bad value 'xyz' for -rc" u returncode xyz
g1fails_with "returncode -rc xyz (not hex)" "bad value 'xyz' for -rc" u returncode -rc xyz
g1fails_with "returncode without a code" "missing -rc" u returncode
g1run "getcryptolibrary" u getcryptolibrary
check "getcryptolibrary prints openssl" g1_line "openssl"

g1run "printattr -ob 00030072" u printattr -ob 00030072
check "00030072 decodes to its six bits" g1_lines $'\tTPMA_OBJECT_FIXEDTPM' \
    $'\tTPMA_OBJECT_FIXEDPARENT' $'\tTPMA_OBJECT_SENSITIVEDATAORIGIN' \
    $'\tTPMA_OBJECT_USERWITHAUTH' $'\tTPMA_OBJECT_RESTRICTED' $'\tTPMA_OBJECT_DECRYPT'
check "00030072 lists no other bit" g1_count $'^\t' 6
check "00030072 has no sign bit" g1_lacks "TPMA_OBJECT_SIGN"
g1run "printattr -ob 00000001 (reserved bit)" u printattr -ob 00000001
check "reserved bit 00000001 is reported" g1_has "reserved bits 00000001"
g1run "printattr -nv 02040004" u printattr -nv 02040004
check "02040004 is authWrite authRead noDA ordinary" g1_lines $'\tTPMA_NV_AUTHWRITE' \
    $'\tTPMA_NV_AUTHREAD' $'\tTPMA_NV_NO_DA' $'\tTPM_NT_ORDINARY'
g1run "printattr -nv 00000014" u printattr -nv 00000014
check "00000014 is a counter with authWrite" g1_lines $'\tTPM_NT_COUNTER' $'\tTPMA_NV_AUTHWRITE'
g1run "printattr -se 61" u printattr -se 61
check "61 is continueSession decrypt encrypt" g1_lines $'\tTPMA_SESSION_CONTINUESESSION' \
    $'\tTPMA_SESSION_DECRYPT' $'\tTPMA_SESSION_ENCRYPT'
check "61 has no audit bit" g1_lacks "AUDIT"
g1run "printattr -st 8000000f" u printattr -st 8000000f
check "8000000f includes orderly" g1_line $'\tTPMA_STARTUP_CLEAR_ORDERLY'
g1fails_with "printattr -se 100 (more than a byte)" "session attributes are one byte" u printattr -se 100
g1fails_with "printattr -ob xyz (not hex)" "bad value 'xyz' for -ob" u printattr -ob xyz
g1fails_with "printattr with no attributes" "missing -ob, -nv, -se or -st" u printattr

# ---- bad input ----------------------------------------------------------------------
g1fails_with "getrandom unknown flag" "Runs TPM2_GetRandom" u getrandom -by 4 -xyz
check "the unknown flag is named" g1_has "-xyz is not a valid option"
g1fails_with "getrandom missing -by" "missing -by" u getrandom
g1fails_with "getrandom -by 0" "-by must be between 1 and 65536" u getrandom -by 0
g1fails_with "getrandom -by abc" "bad value 'abc' for -by" u getrandom -by abc
g1fails_with "getrandom -h" "Runs TPM2_GetRandom" u getrandom -h
check "getrandom -h prints the usage" g1_has "Runs TPM2_GetRandom"
check "getrandom -h exits with status 1" g1_status_is 1 u getrandom -h
g1fails_with "shutdown -c -s together" "-c and -s are exclusive" u shutdown -c -s
g1fails_with "startup -c -s together" "-c and -s are exclusive" u startup -c -s

# a TCP port on which nothing listens
closed=""
for p in 1 9 $((40000 + RANDOM % 20000)) $((40000 + RANDOM % 20000)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then closed=$p; break; fi
done
if [ -n "$closed" ]; then
    g1_unreachable() {
        env -u TPM_TRANSPORT TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw \
            TPM_SERVER_NAME=127.0.0.1 TPM_COMMAND_PORT="$closed" "${PREFIX}$@"
    }
    echo "        (the closed port: $closed)"
    g1fails_with "getrandom with an unreachable TPM (a closed port)" "TSS_RC_NO_CONNECTION" \
        g1_unreachable getrandom -by 4
    check "unreachable TPM reports rc 000b0008" g1_has "rc 000b0008"
    check "unreachable TPM reports TSS_RC_NO_CONNECTION" g1_has "TSS_RC_NO_CONNECTION"
    check "unreachable TPM: getcapability exits with status 1" g1_status_is 1 g1_unreachable getcapability -cap 6
else
    echo "  skip  unreachable TPM checks (no closed port found)"
fi
# TPM_TIMEOUT bounds the wait for a response, TPM_CONNECT_TIMEOUT the wait for a connection
# (a peer that accepts and never answers; one whose listen queue is full)
g1_silent() { # MODE: starts a silent peer, sets G1_PEER (port) and G1_PEER_PID
    python3 "$REGDIR/regtests/silentpeer.py" "$1" 30 >"$WORK/peer.port" &
    G1_PEER_PID=$!
    G1_PEER=
    for _ in $(seq 1 50); do G1_PEER=$(cat "$WORK/peer.port"); [ -n "$G1_PEER" ] && break; sleep 0.1; done
}
g1_at_peer() { env -u TPM_TRANSPORT TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw TPM_SERVER_NAME=127.0.0.1 \
    TPM_COMMAND_PORT="$G1_PEER" timeout 60 "$@"; }
g1_silent accept
g1fails_with "TPM_TIMEOUT=500: a TPM that never answers" "TSS_RC_TIMEOUT" g1_at_peer env TPM_TIMEOUT=500 "${PREFIX}getrandom" -by 4
check "...is reported as TSS_RC_TIMEOUT, not waited on for 120 s" g1_has "TSS_RC_TIMEOUT"
kill "$G1_PEER_PID" 2>/dev/null; wait "$G1_PEER_PID" 2>/dev/null
g1_silent full
g1fails_with "TPM_CONNECT_TIMEOUT=500: a connection that cannot complete" "TSS_RC_TIMEOUT" \
    g1_at_peer env TPM_CONNECT_TIMEOUT=500 "${PREFIX}getrandom" -by 4
check "...is reported as TSS_RC_TIMEOUT" g1_has "TSS_RC_TIMEOUT"
kill "$G1_PEER_PID" 2>/dev/null; wait "$G1_PEER_PID" 2>/dev/null
g1fails_with "TPM_TIMEOUT=0 is refused" "TSS_RC_BAD_PROPERTY_VALUE" env TPM_TIMEOUT=0 "${PREFIX}getrandom" -by 4
check "...naming the variable" g1_has "TPM_TIMEOUT has an invalid value"
