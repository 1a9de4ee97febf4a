#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the groups that start a tpmproxy (sourced).
#   proxy_free_port            a port pair nobody listens on, below the ephemeral range
#   proxy_start LOG ARGS...    starts "${PREFIX}tpmproxy -port P ARGS" on a free pair, as a
#                              direct child (signals reach it); sets PROXY_PORT, PROXY_PID;
#                              fails when none would listen
#   proxy_stop                 SIGTERM (to the proxy itself under a PROXY_WRAP such as strace),
#                              then waits (at most 5 s) for it to end; the proxy must not
#                              outlive the group: it holds the TPM connection
proxy_free_port() {
    local p i lo
    lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    for i in $(seq 1 50); do
        p=$(( 10000 + RANDOM % (lo - 10002) ))
        ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null &&
            ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null && { echo "$p"; return; }
    done
    echo 0
}
proxy_start() {
    local log=$1 try i
    shift
    for try in 1 2 3 4 5; do
        PROXY_PORT=$(proxy_free_port)
        "${PROXY_WRAP[@]}" "${PREFIX}tpmproxy" -port "$PROXY_PORT" "$@" > "$log" 2>&1 &
        PROXY_PID=$!
        for i in $(seq 1 100); do
            grep -q "^tpmproxy: listening" "$log" 2>/dev/null && return 0
            kill -0 "$PROXY_PID" 2>/dev/null || break
            sleep 0.05
        done
        kill -9 "$PROXY_PID" 2>/dev/null
    done
    return 1
}
proxy_stop() {
    local i
    # under a wrapper (strace) the proxy is its child: SIGTERM to strace would only detach it
    pkill -TERM -P "$PROXY_PID" 2>/dev/null
    kill "$PROXY_PID" 2>/dev/null
    for i in $(seq 1 100); do kill -0 "$PROXY_PID" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$PROXY_PID" 2>/dev/null
    wait "$PROXY_PID" 2>/dev/null
    return 0
}
PROXY_WRAP=()
