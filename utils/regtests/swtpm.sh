#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Private software TPM for tests: a swtpm on free loopback ports with a throw-away state
# directory.  Source this file, then:
#   swtpm_start        exports TPM_COMMAND_PORT, TPM_PLATFORM_PORT, TPM_SERVER_TYPE=swtpm,
#                      TPM_INTERFACE_TYPE=socsim, TPM_SERVER_NAME=127.0.0.1, SWTPM_DIR, SWTPM_PID
#   swtpm_stop         kills it and removes its state (safe to call twice, and from a trap)

swtpm_port_free() {
    # something answering on the port means it is taken
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

swtpm_start() {
    command -v swtpm >/dev/null || { echo "swtpm_start: swtpm is not installed" >&2; return 1; }
    SWTPM_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tss-swtpm.XXXXXX") || return 1
    local try port
    for try in 1 2 3 4 5 6 7 8 9 10; do
        # below the ephemeral range: a port a finished client connection holds in TIME_WAIT
        # cannot be bound
        port=$(( 10000 + RANDOM % 22000 ))
        swtpm_port_free "$port" && swtpm_port_free $((port + 1)) || continue
        swtpm socket --tpm2 --daemon --pid file="$SWTPM_DIR/pid" \
            --server type=tcp,port="$port",bindaddr=127.0.0.1 \
            --ctrl type=tcp,port=$((port + 1)),bindaddr=127.0.0.1 \
            --tpmstate dir="$SWTPM_DIR" --flags not-need-init,startup-clear \
            --log file="$SWTPM_DIR/log" 2>>"$SWTPM_DIR/start.err" || continue
        local i
        for i in $(seq 1 50); do
            [ -s "$SWTPM_DIR/pid" ] && ! swtpm_port_free "$port" && break
            sleep 0.1
        done
        SWTPM_PID=$(cat "$SWTPM_DIR/pid" 2>/dev/null)
        if [ -n "$SWTPM_PID" ] && kill -0 "$SWTPM_PID" 2>/dev/null; then
            export TPM_COMMAND_PORT=$port TPM_PLATFORM_PORT=$((port + 1))
            export TPM_SERVER_TYPE=swtpm TPM_INTERFACE_TYPE=socsim TPM_SERVER_NAME=127.0.0.1
            export SWTPM_DIR SWTPM_PID
            return 0
        fi
    done
    echo "swtpm_start: could not start swtpm" >&2
    cat "$SWTPM_DIR/start.err" >&2 2>/dev/null
    rm -rf "$SWTPM_DIR"
    return 1
}

swtpm_stop() {
    if [ -n "${SWTPM_PID:-}" ]; then
        kill "$SWTPM_PID" 2>/dev/null
        local i
        for i in $(seq 1 30); do kill -0 "$SWTPM_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SWTPM_PID" 2>/dev/null || true # usually gone already
    fi
    if [ -n "${SWTPM_DIR:-}" ]; then rm -rf "$SWTPM_DIR"; fi
    SWTPM_PID= SWTPM_DIR=
    return 0 # callers may run under set -e (.ci/debian.sh)
}
