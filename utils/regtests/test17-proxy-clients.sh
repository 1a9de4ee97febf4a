#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: tpmproxy with many clients at once (ours, IBM's, tpm2-tools'), idle clients
#
# The proxy accepts every client on both of its ports and serves them one whole message at a
# time, in turn: a tpm2-tools client (whose mssim transport opens the platform port too)
# and 8 of ours at once all finish; a client holding an idle connection blocks nobody; a
# client idle longer than -idle is dropped; accepted sockets get TCP_NODELAY (checked on the
# system call, with strace where it is installed).
. "$REGDIR/regtests/proxylib.sh"
G17=$WORK/g17
mkdir -p "$G17"
if command -v strace >/dev/null; then PROXY_WRAP=(strace -f -qq -e trace=setsockopt -o "$G17/strace.out"); fi
check "tpmproxy -idle 2 listens" proxy_start "$G17/proxy.log" -idle 2
# clients talk mssim to the proxy
g17_c() { env -u TPM_TRANSPORT TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=mssim TPM_SERVER_NAME=127.0.0.1 \
    TPM_COMMAND_PORT="$PROXY_PORT" TPM_PLATFORM_PORT=$((PROXY_PORT + 1)) timeout 60 "${PREFIX}$@"; }
exec 6<>"/dev/tcp/127.0.0.1/$PROXY_PORT"
run "a client is served while another holds an idle connection" g17_c getrandom -by 8
expect "...and got its bytes" "randomBytes length 8"
g17_many() { # 8 processes x 5 getrandom at once
    local w pids=() bad=0
    for w in $(seq 1 8); do
        (for r in 1 2 3 4 5; do g17_c getrandom -by 16 >"$G17/c$w.out" 2>&1 || exit 1; grep -q "randomBytes length 16" "$G17/c$w.out" || exit 1; done) &
        pids+=($!)
    done
    for w in $(seq 1 8); do wait "${pids[$((w - 1))]}" || { bad=1; cat "$G17/c$w.out"; }; done
    return $bad
}
check "8 of our clients x 5 commands at once all succeed" g17_many
if command -v tpm2_getrandom >/dev/null; then
    g17_t2() { # two tpm2-tools clients at once, 5 commands each
        local a b
        (for r in 1 2 3 4 5; do timeout 30 tpm2_getrandom -T mssim:port="$PROXY_PORT" 8 -o "$G17/t2a.bin" || exit 1; done) & a=$!
        (for r in 1 2 3 4 5; do timeout 30 tpm2_getrandom -T mssim:port="$PROXY_PORT" 8 -o "$G17/t2b.bin" || exit 1; done) & b=$!
        wait $a && wait $b && [ "$(wc -c < "$G17/t2a.bin")" -eq 8 ] && [ "$(wc -c < "$G17/t2b.bin")" -eq 8 ]
    }
    check "two tpm2-tools clients at once (each opens both ports) all succeed" g17_t2
else
    echo "  skip  tpm2-tools clients (tpm2-tools not installed)"
fi
if command -v tssgetrandom >/dev/null; then
    run "IBM's tssgetrandom beside them" env TPM_INTERFACE_TYPE=socsim TPM_SERVER_TYPE=mssim \
        TPM_SERVER_NAME=127.0.0.1 TPM_COMMAND_PORT="$PROXY_PORT" TPM_PLATFORM_PORT=$((PROXY_PORT + 1)) \
        timeout 30 tssgetrandom -by 8
    expect "...and got its bytes" "randomBytes length 8"
fi
# the connection held since the start has been idle for more than 2 s: the proxy closed it
g17_idle_closed() { sleep 3; timeout 5 head -c 1 <&6 >/dev/null; [ $? -ne 124 ]; }
check "a client idle longer than -idle is dropped (its connection ends)" g17_idle_closed
exec 6>&- 6<&-
run "the proxy still serves after dropping it" g17_c getrandom -by 8
if [ ${#PROXY_WRAP[@]} -gt 0 ]; then
    check "accepted sockets get TCP_NODELAY" grep -q "TCP_NODELAY, \[1\]" "$G17/strace.out"
else
    echo "  skip  TCP_NODELAY (strace not installed)"
fi
proxy_stop
PROXY_WRAP=()
