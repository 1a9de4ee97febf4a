#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: tpmproxy (simulator protocol in front of the TPM; groups 1 and 5 run through it)
# Sourced by reg.sh from its scratch directory ($WORK); uses run / fails / check / u.
# The proxy's TPM side is the TPM this run uses (the TPM_* environment); clients reach it
# with the mssim protocol on a free loopback port. swtpm serves one connection at a time, so
# while the proxy holds it every command of this group goes through the proxy.

. "$REGDIR/regtests/proxylib.sh"
g14_free_port() { proxy_free_port; }
# starts a proxy (arguments after the log file) on a free port pair; sets G14_PORT and
# G14_PID, fails when none would listen
g14_start_proxy() { proxy_start "$@" && G14_PORT=$PROXY_PORT && G14_PID=$PROXY_PID; }
g14_alive() { kill -0 "$1" 2>/dev/null; }
# waits up to 5 s for a process to end; its exit status in G14_STATUS
g14_ended() {
    local i
    for i in $(seq 1 100); do
        g14_alive "$1" || { wait "$1"; G14_STATUS=$?; return 0; }
        sleep 0.05
    done
    return 1
}
# a command that must exit by itself: one still running after 5 s is killed and reported as
# a failure of the check (status 200), never left to hang the suite
g14_must_exit() {
    timeout -s KILL 5 "$@"
    local st=$?
    [ "$st" -eq 137 ] && return 200
    return "$st"
}
# the proxy runs as a direct child (not through u) so that signals reach it
# raw bytes to the proxy, reading N reply bytes as hex (0 reads nothing)
g14_raw() { # port hexbytes nreply
    local out
    exec 5<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf "$(echo "$2" | sed 's/\(..\)/\\x\1/g')" >&5
    if [ "$3" -gt 0 ]; then out=$(timeout 5 head -c "$3" <&5 | od -An -v -tx1 | tr -d ' \n'); fi
    exec 5>&- 5<&-
    echo "${out:-}"
}

mkdir -p "$WORK/g14rec"
check "tpmproxy listens on its command and platform ports" g14_start_proxy "$WORK/proxy.log" -record "$WORK/g14rec"
Q=$G14_PORT PROXY=$G14_PID
check "tpmproxy names its ports" grep -qx "tpmproxy: listening on 127.0.0.1 port $Q, platform port $((Q + 1))" "$WORK/proxy.log"

# ---- clients that only speak mssim, through the proxy -------------------------------
G14_SAVE=$(export -p | grep -E ' (TPM_SERVER_TYPE|TPM_COMMAND_PORT|TPM_PLATFORM_PORT|TPM_INTERFACE_TYPE|TPM_TRANSPORT|TPM_SERVER_NAME)=')
unset TPM_TRANSPORT
export TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=mssim TPM_SERVER_NAME=127.0.0.1
export TPM_COMMAND_PORT=$Q TPM_PLATFORM_PORT=$((Q + 1))
G14_NOPOWER=${REG_NOPOWER:-0}

echo "---- group 1 through tpmproxy"
. "$REGDIR/regtests/test1-basic.sh"
echo "---- group 5 through tpmproxy"
. "$REGDIR/regtests/test5-sessions.sh"
echo "---- tpmproxy itself"
REG_NOPOWER=$G14_NOPOWER

if command -v tssgetrandom >/dev/null; then
    run "IBM's tssgetrandom (mssim) through tpmproxy" tssgetrandom -by 16
    expect "IBM's tssgetrandom printed 16 bytes" "randomBytes length 16"
else
    echo "  skip  IBM comparison (Debian package tss2 not installed)"
fi

# a client that vanishes inside a frame header, inside a command, or before its response
g14_raw "$Q" "00000008000000" 0 >/dev/null
run "getrandom after a client vanished inside a frame header" u getrandom -by 8
g14_raw "$Q" "0000000800000000" 0 >/dev/null
g14_raw "$Q" "00000008000000000c800100" 0 >/dev/null
run "getrandom after a client vanished inside a command" u getrandom -by 8
g14_raw "$Q" "00000008000000000c80010000000c0000017b0008" 0 >/dev/null
run "getrandom after a client vanished before its response" u getrandom -by 8
# survived: still running, and still serving (the case of a client gone before its response
# needs the TPM's response)
g14_serving() { g14_alive "$1" && u getrandom -by 8; }
check "the proxy survived the vanishing clients" g14_serving "$PROXY"

# protocol errors drop only that client
g14_raw "$Q" "0000006300000000" 0 >/dev/null
run "getrandom after a client sent an unknown code" u getrandom -by 8
g14_raw "$Q" "000000080000100000" 0 >/dev/null
run "getrandom after a client announced a 1 MiB command" u getrandom -by 8
check "the proxy logged the bad code" grep -q "unknown command port code 99" "$WORK/proxy.log"
check "the proxy logged the bad length" grep -q "command length 1048576 out of range" "$WORK/proxy.log"

# a raw GetRandom frame and its framed response (length, response, acknowledgement 0)
r=$(g14_raw "$Q" "00000008000000000c80010000000c0000017b0008" 28)
check "a raw mssim GetRandom frame gets length 20, success and the acknowledgement" \
    bash -c "[[ '$r' =~ ^00000014800100000014000000000008[0-9a-f]{16}00000000$ ]]"
r=$(g14_raw "$Q" "00000008030000000c80010000000c0000017b0008" 28)
check "a command at locality 3 is passed on at locality 3 (swtpm's control channel)" \
    bash -c "[[ '$r' =~ ^00000014800100000014000000000008[0-9a-f]{16}00000000$ ]]"
r=$(g14_raw "$Q" "00000008050000000c80010000000c0000017b0008" 18)
check "a command at locality 5 (no such locality) gets TPM_RC_LOCALITY" \
    [ "$r" = "0000000a80010000000a0000090700000000" ]
r=$(g14_raw "$Q" "0000000f00000001" 12)
check "the handshake answers version 1 with a platform port" [ "$r" = "000000010000000100000000" ]

# a simulator ignores power-on while it is on (tpm2-tools sends one with every connection)
r=$(g14_raw $((Q + 1)) "00000001" 4)
check "a power-on while the TPM is on is answered 0" [ "$r" = "00000000" ]
run "...and changed nothing: no new startup is needed" u getrandom -by 8
if command -v tpm2_getrandom >/dev/null; then
    run "tpm2-tools (mssim TCTI) through tpmproxy" tpm2_getrandom -T mssim:port="$Q" 8 -o "$WORK/t2.bin"
    run "...twice (its power-on does not reset the TPM)" tpm2_getrandom -T mssim:port="$Q" 8 -o "$WORK/t2.bin"
fi

# several clients at once: a second one is served while the first holds its connection
# (group 17 runs many, tpm2-tools' among them)
exec 6<>"/dev/tcp/127.0.0.1/$Q"
timeout -s KILL 30 "${PREFIX}getrandom" -by 8 > "$WORK/g14wait.out" 2>&1 &
G14_WAITER=$!
# served: it ended, having printed the TPM's random bytes
g14_served() { g14_ended "$1" && grep -q "randomBytes length 8" "$2"; }
check "a second client is served while the first holds its connection" g14_served "$G14_WAITER" "$WORK/g14wait.out"
check "...and its getrandom succeeded" [ "${G14_STATUS:-1}" -eq 0 ]
printf '\x00\x00\x00\x14' >&6   # TPM_SESSION_END
exec 6>&- 6<&-

# -record: every exchange as N.cmd / N.rsp
g14_rsp_ok() { [ "$(od -An -tx1 -j6 -N4 "$1" 2>/dev/null | tr -d ' \n')" = 00000000 ]; } # rc 0
g14_recorded_getrandom() {
    local f
    for f in "$WORK"/g14rec/*.cmd; do
        [ "$(od -An -tx1 -j6 -N4 "$f" | tr -d ' \n')" = 0000017b ] || continue
        [ "$(od -An -tx1 -N2 "${f%.cmd}.rsp" | tr -d ' \n')" = 8001 ] && g14_rsp_ok "${f%.cmd}.rsp" && return 0
    done
    return 1
}
# as many responses as commands, each beside its command, and some of them the TPM's
# successes (not only answers the proxy made up)
g14_recorded_pairs() {
    local f ok=0
    [ "$(ls "$WORK"/g14rec/*.cmd | wc -l)" -eq "$(ls "$WORK"/g14rec/*.rsp | wc -l)" ] || return 1
    for f in "$WORK"/g14rec/*.cmd; do
        [ -f "${f%.cmd}.rsp" ] || { echo "no response beside $f"; return 1; }
        g14_rsp_ok "${f%.cmd}.rsp" && ok=$((ok + 1))
    done
    echo "$ok successful responses"
    [ "$ok" -gt 0 ]
}
check "tpmproxy -record wrote command/response pairs" g14_recorded_pairs
check "a recorded GetRandom command has its response beside it" g14_recorded_getrandom

# bad arguments
fails_with "tpmproxy refuses port 0" "tpmproxy: -port and -pport must be" g14_must_exit "${PREFIX}tpmproxy" -port 0
expect "port error says what is wrong" "must be TCP ports"
fails_with "tpmproxy refuses a port in use" "cannot listen on .* port $Q" g14_must_exit "${PREFIX}tpmproxy" -port "$Q" -pport 0
expect "port in use is named" "cannot listen on 127.0.0.1 port $Q"
fails_with "tpmproxy refuses an unknown flag" "xyz is not a valid" g14_must_exit "${PREFIX}tpmproxy" -xyz
expect "unknown flag is named" "-xyz is not a valid option"

# stop on a signal: exit status 0, ports closed
kill -TERM "$PROXY"
check "tpmproxy stops on SIGTERM" g14_ended "$PROXY"
check "tpmproxy exits 0 after SIGTERM" [ "${G14_STATUS:-1}" -eq 0 ]
check "the command port is closed after the proxy stopped" \
    bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$Q) 2>/dev/null"

# ---- a proxy whose TPM is unreachable, stopped with tpmcmd -stop -------------------------
DEAD=$(g14_free_port)
TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=raw TPM_COMMAND_PORT=$DEAD \
    check "a proxy to an unreachable TPM starts" g14_start_proxy "$WORK/proxy2.log"
Q2=$G14_PORT PROXY2=$G14_PID
fails_with "getrandom through it fails cleanly" "rc 000b0009" env TPM_COMMAND_PORT="$Q2" TPM_PLATFORM_PORT=$((Q2 + 1)) \
    "${PREFIX}getrandom" -by 8
check "the proxy reported the unreachable TPM" grep -q "tpmproxy: failed" "$WORK/proxy2.log"
check "the proxy survives an unreachable TPM" g14_alive "$PROXY2"
run "tpmcmd -stop stops the proxy through its platform port" \
    env TPM_COMMAND_PORT="$Q2" TPM_PLATFORM_PORT=$((Q2 + 1)) "${PREFIX}tpmcmd" -stop
check "the proxy exited after TPM_STOP" g14_ended "$PROXY2"
check "the proxy's exit status after TPM_STOP is 0" [ "${G14_STATUS:-1}" -eq 0 ]

# whatever happened above, no proxy outlives the group (it would hold the TPM connection)
kill -9 "$PROXY" "$PROXY2" 2>/dev/null
# export -p prints "declare -x": inside run_group (a function) that would make locals
eval "${G14_SAVE//declare -x /declare -gx }"
unset G14_SAVE G14_WAITER G14_STATUS G14_PORT G14_PID PROXY PROXY2 Q Q2 DEAD r
