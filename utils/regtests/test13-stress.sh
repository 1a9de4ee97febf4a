#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: crash and concurrency
#
# Crash: utilities that rewrite a session state file and Name files (getrandom and
# readpublic with an AES encrypt HMAC session) are killed with SIGKILL at random points,
# G13_CRASH_ITER times. State files are written to a temporary name and renamed, so every
# file must be a whole old or new version: after each kill the session is used again and
# must either work or fail with the TPM's clean authorization error (the TPM rolled its
# nonce, the killed process never saved it: the session is then restarted), never with a
# state-file error; the Name and public-area files must still equal what readpublic reports;
# no file may be empty; temporary files a kill leaves behind are counted and must not be
# mistaken for state.
#
# Concurrency: 8 processes share one TPM_DATA_DIR and one swtpm, each with its own HMAC
# sessions, its own signing key (loaded under one persistent primary), and its own NV index,
# G13_ITER rounds each: start a session, load, sign, verify, flush, write the index through
# the session with parameter encryption, read it back encrypted, flush the session. swtpm
# holds 3 objects and 3 sessions, so a process told TPM_RC_OBJECT_MEMORY or
# TPM_RC_SESSION_MEMORY waits and tries again (no process holds one resource while waiting
# for another of the same kind, so this cannot deadlock). Every signature must verify, every
# read must return what that process wrote, every process must exit 0, and afterwards the
# directory must hold no session or transient-object files and no temporary files.
# Everything made is removed at the end.

G13=$WORK/g13
mkdir -p "$G13"
G13_CRASH_ITER=${G13_CRASH_ITER:-150}
G13_ITER=${G13_ITER:-15}
G13_WORKERS=8
G13_PP=81001300            # persistent primary for the concurrency part
G13_NV0=0x01501300         # NV indexes G13_NV0 + 1 .. G13_NV0 + 8

# a utility with its own TPM_DATA_DIR
g13_u() { local d=$1 p=$2; shift 2; env TPM_DATA_DIR="$d" "${PREFIX}$p" "$@"; }
g13_handle() { sed -n 's/^Handle \([0-9a-fA-F]\{8\}\)$/\1/p' "$1" | head -n1; }
g13_ms() { printf '0.%03d' "$1"; }
g13_caps() {
    local r
    for r in 80000000 02000000 03000000 81000000 01000000; do u getcapability -cap 1 -pr $r 2>&1; done
}
# g13_same_caps BEFORE AFTER N: two handle listings of N getcapability runs are equal, and
# each run answered ("N handles": a TPM's listing, not N errors)
g13_same_caps() {
    [ "$(grep -c '^[0-9][0-9]* handles$' "$1")" -eq "$3" ] || { echo "$1: not $3 listings"; cat "$1"; return 1; }
    cmp "$1" "$2"
}
g13_caps >"$G13/cap.before"

# ---- crash loop ----------------------------------------------------------------------------

G13_CD=$G13/crash
mkdir -p "$G13_CD"
g13_cu() { g13_u "$G13_CD" "$@"; }

g13_crash_start() {
    g13_cu startauthsession -se h -sym aes >"$G13/s.out" 2>&1 || return 1
    G13_S=$(g13_handle "$G13/s.out")
    [ -n "$G13_S" ]
}

# one state check after a kill: the session works, or the TPM refuses it cleanly (it rolled
# a nonce the killed process did not save) and a new session is started
g13_crash_verify() {
    local st
    g13_cu getrandom -by 8 -se0 "$G13_S" 41 >"$G13/v.out" 2>&1
    st=$?
    [ "$st" -eq 0 ] && return 0
    if [ "$st" -ge 128 ] || grep -qiE 'state|decrypt|malformed|truncated|000b00a1' "$G13/v.out"; then
        cp "$G13/v.out" "$G13/bad.out"
        return 1
    fi
    # desynchronised: the TPM answers with an authorization failure for session 1
    grep -qE 'rc 000009(8e|a2)' "$G13/v.out" || { cp "$G13/v.out" "$G13/bad.out"; return 1; }
    G13_RESYNC=$((G13_RESYNC + 1))
    g13_cu flushcontext -ha "$G13_S" >/dev/null 2>&1
    g13_crash_start
}

g13_crash_loop() {
    local i st pid op
    G13_MID=0 G13_DONE=0 G13_RESYNC=0 G13_BADEXIT=0
    for i in $(seq 1 "$G13_CRASH_ITER"); do
        op=$((RANDOM % 3))
        case $op in
            0) g13_cu getrandom -by 16 -se0 "$G13_S" 41 >/dev/null 2>&1 & ;;
            1) g13_cu readpublic -ho "$G13_K" -se0 "$G13_S" 41 >/dev/null 2>&1 & ;;
            2) g13_cu readpublic -ho "$G13_K" >/dev/null 2>&1 & ;;
        esac
        pid=$!
        # 0-30 ms, half of the runs below 10 ms, where a utility usually still runs
        if [ $((i % 2)) -eq 0 ]; then sleep "$(g13_ms $((RANDOM % 31)))"; else sleep "$(g13_ms $((RANDOM % 10)))"; fi
        kill -9 "$pid" 2>/dev/null
        { wait "$pid"; } 2>/dev/null
        st=$?
        if [ "$st" -eq 137 ]; then G13_MID=$((G13_MID + 1)); else
            G13_DONE=$((G13_DONE + 1)); [ "$st" -eq 0 ] || G13_BADEXIT=$((G13_BADEXIT + 1)); fi
        g13_crash_verify || { echo "iteration $i: state unusable after kill"; cat "$G13/bad.out"; return 1; }
    done
    echo "crash loop: $G13_CRASH_ITER runs, $G13_MID killed mid-run, $G13_DONE finished" \
         "($G13_BADEXIT of them with an error), $G13_RESYNC session restarts after a desynchronising kill"
}

G13_S= G13_K=
run "crash: primary key" g13_cu createprimary -hi o -ecc nistp256
G13_CP=$(g13_handle "$WORK/last.out")
run "crash: signing key" g13_cu create -hp "$G13_CP" -ecc nistp256 -si -opu "$G13/ck.pub" -opr "$G13/ck.priv"
run "crash: load it" g13_cu load -hp "$G13_CP" -ipu "$G13/ck.pub" -ipr "$G13/ck.priv"
G13_K=$(g13_handle "$WORK/last.out")
g13_cu flushcontext -ha "$G13_CP" >/dev/null 2>&1
run "crash: reference Name and public area" g13_cu readpublic -ho "$G13_K" -on "$G13/kname.bin"
cp "$G13_CD/h$G13_K.bin" "$G13/h.ref" 2>/dev/null
cp "$G13_CD/hp$G13_K.bin" "$G13/hp.ref" 2>/dev/null
check "crash: the cached Name is readpublic's" cmp "$G13/kname.bin" "$G13/h.ref"
run "crash: HMAC session with AES parameter encryption" g13_crash_start
check "crash: SIGKILL at random points, state usable after every kill" g13_crash_loop
sed -n 's/^crash loop: /        /p' "$WORK/check.out"
G13_MIDN=$(sed -n 's/^crash loop: [0-9]* runs, \([0-9]*\) killed.*/\1/p' "$WORK/check.out")
check "crash: at least 10 kills hit a running utility (${G13_MIDN:-0})" [ "${G13_MIDN:-0}" -ge 10 ]
check "crash: the session still works" g13_cu getrandom -by 8 -se0 "$G13_S" 41
check "crash: Name file is the whole Name" cmp "$G13_CD/h$G13_K.bin" "$G13/h.ref"
check "crash: public-area file is the whole public area" cmp "$G13_CD/hp$G13_K.bin" "$G13/hp.ref"
check "crash: no empty state file (tss.lock, the lock file, is empty)" \
    bash -c "[ -s '$G13_CD/h$G13_K.bin' ] && [ -z \"\$(find '$G13_CD' -type f -size 0 ! -name '*.tmp*' ! -name tss.lock)\" ]"
G13_TMPS=$(find "$G13_CD" -name '*.tmp*' | wc -l)
echo "        $G13_TMPS temporary files left by kills (never read as state)"
# every state file the library reads has the exact name of a live handle
G13_WANT=$(printf '%s\n' "h$G13_K.bin" "h$G13_S.bin" "hp$G13_K.bin" tss.lock | sort | tr '\n' ' ')
check "crash: only the live handles' state files" \
    bash -c "cd '$G13_CD' && [ \"\$(ls | grep -v '\.tmp' | sort | tr '\n' ' ')\" = '$G13_WANT' ]"
# a rewrite that was cut short leaves the old whole file: a fresh process reads both
check "crash: readpublic with the session after the loop" g13_cu readpublic -ho "$G13_K" -se0 "$G13_S" 41
[ -n "$G13_S" ] && g13_cu flushcontext -ha "$G13_S" >/dev/null 2>&1
[ -n "$G13_K" ] && g13_cu flushcontext -ha "$G13_K" >/dev/null 2>&1

# ---- concurrency ---------------------------------------------------------------------------

G13_CC=$G13/conc
mkdir -p "$G13_CC"

# g13_try OUT UTILITY ARGS...: run, and while the TPM is out of object or session memory
# wait a little and run again
g13_try() {
    local out=$1 n
    shift
    for n in $(seq 1 400); do
        g13_u "$G13_CC" "$@" >"$out" 2>&1 && return 0
        grep -qE 'rc 0000090[23]' "$out" || return 1
        G13_WAITS=$((G13_WAITS + 1))
        sleep "$(g13_ms $((RANDOM % 20 + 2)))"
    done
    return 1
}

g13_nv() { printf '%08x' $((G13_NV0 + $1)); }

g13_worker() {
    local w=$1 r S K out=$G13/w$1.out nv
    nv=$(g13_nv "$w")
    G13_WAITS=0
    for r in $(seq 1 "$G13_ITER"); do
        g13_try "$out" startauthsession -se h -sym aes || { echo "w$w r$r: startauthsession"; cat "$out"; return 1; }
        S=$(g13_handle "$out")
        g13_try "$out" load -hp $G13_PP -ipu "$G13/w$w.pub" -ipr "$G13/w$w.priv" -se0 "$S" 01 ||
            { echo "w$w r$r: load"; cat "$out"; return 1; }
        K=$(g13_handle "$out")
        head -c 100 /dev/urandom >"$G13/w$w.msg"
        g13_try "$out" sign -hk "$K" -pwdk "kpw$w" -salg ecc -if "$G13/w$w.msg" -os "$G13/w$w.sig" -se0 "$S" 01 ||
            { echo "w$w r$r: sign with $K"; cat "$out"; return 1; }
        g13_try "$out" verifysignature -hk "$K" -if "$G13/w$w.msg" -is "$G13/w$w.sig" ||
            { echo "w$w r$r: verifysignature with $K"; cat "$out"; return 1; }
        # the signature must not verify for another message
        printf 'x' >>"$G13/w$w.msg"
        g13_u "$G13_CC" verifysignature -hk "$K" -if "$G13/w$w.msg" -is "$G13/w$w.sig" >"$out" 2>&1 &&
            { echo "w$w r$r: a signature verified for the wrong message"; return 1; }
        g13_try "$out" flushcontext -ha "$K" || { echo "w$w r$r: flush $K"; cat "$out"; return 1; }
        head -c 32 /dev/urandom >"$G13/w$w.data"
        g13_try "$out" nvwrite -ha "$nv" -pwdn "npw$w" -if "$G13/w$w.data" -se0 "$S" 21 ||
            { echo "w$w r$r: nvwrite"; cat "$out"; return 1; }
        g13_try "$out" nvread -ha "$nv" -pwdn "npw$w" -sz 32 -of "$G13/w$w.read" -se0 "$S" 41 ||
            { echo "w$w r$r: nvread"; cat "$out"; return 1; }
        cmp -s "$G13/w$w.data" "$G13/w$w.read" || { echo "w$w r$r: NV read back differs"; return 1; }
        g13_try "$out" flushcontext -ha "$S" || { echo "w$w r$r: flush $S"; cat "$out"; return 1; }
    done
    echo "w$w: $G13_ITER rounds, $G13_WAITS waits for TPM memory"
}

g13_concurrent() {
    local w pids=() bad=0
    for w in $(seq 1 $G13_WORKERS); do
        (g13_worker "$w" >"$G13/w$w.log" 2>&1) &
        pids+=($!)
    done
    for w in $(seq 1 $G13_WORKERS); do
        wait "${pids[$((w - 1))]}" || { bad=1; echo "worker $w failed:"; cat "$G13/w$w.log"; }
    done
    cat "$G13"/w*.log | grep -h rounds
    return $bad
}

run "concurrency: primary key" g13_u "$G13_CC" createprimary -hi o -ecc nistp256
G13_P=$(g13_handle "$WORK/last.out")
run "concurrency: primary made persistent" g13_u "$G13_CC" evictcontrol -hi o -ho "$G13_P" -hp $G13_PP
g13_u "$G13_CC" flushcontext -ha "$G13_P" >/dev/null 2>&1
G13_SETUP=0
for w in $(seq 1 $G13_WORKERS); do
    g13_u "$G13_CC" create -hp $G13_PP -ecc nistp256 -si -pwdk "kpw$w" -opu "$G13/w$w.pub" -opr "$G13/w$w.priv" \
        >"$WORK/last.out" 2>&1 || G13_SETUP=1
    g13_u "$G13_CC" nvdefinespace -hi o -ha "$(g13_nv "$w")" -pwdn "npw$w" -sz 32 >>"$WORK/last.out" 2>&1 || G13_SETUP=1
done
check "concurrency: 8 signing keys and 8 NV indexes" [ "$G13_SETUP" -eq 0 ]
check "concurrency: 8 processes x $G13_ITER rounds, all verified, all exit 0" g13_concurrent
sed 's/^/        /' "$WORK/check.out" | grep rounds | head -n 8
# after every worker finished all its rounds (so made and flushed its sessions and objects):
# no session or transient-object state, or no temporary file, is left (after workers that never
# ran, these would say nothing)
g13_all_rounds() {
    local w
    for w in $(seq 1 $G13_WORKERS); do
        grep -qx "w$w: $G13_ITER rounds, .*" "$G13/w$w.log" 2>/dev/null || { echo "worker $w did not finish"; return 1; }
    done
}
g13_no_state() { g13_all_rounds && [ -z "$(ls "$G13_CC" | grep -E '^h(p)?(02|03|80)')" ]; }
g13_no_tmp() { g13_all_rounds && [ -z "$(find "$G13_CC" -name '*.tmp*')" ]; }
check "concurrency: no session or transient-object state left" g13_no_state
check "concurrency: no temporary files left" g13_no_tmp
check "concurrency: the persistent primary's Name is intact" \
    g13_u "$G13_CC" readpublic -ho $G13_PP -on "$G13/pp.name"
check "concurrency: cached Name equals the TPM's" cmp "$G13/pp.name" "$G13_CC/h$G13_PP.bin"
G13_LAST=0
for w in $(seq 1 $G13_WORKERS); do
    g13_u "$G13_CC" nvread -ha "$(g13_nv "$w")" -pwdn "npw$w" -sz 32 -of "$G13/final$w" >/dev/null 2>&1 &&
        cmp -s "$G13/final$w" "$G13/w$w.data" || G13_LAST=1
done
check "concurrency: every index holds its process's last write" [ "$G13_LAST" -eq 0 ]

# ---- one session shared by 8 processes -------------------------------------------------------
# load -> execute -> save of a session is locked (store/state.h: tss.lock), so 8 processes x
# 10 signatures through ONE HMAC session with a dictionary-attack protected key all succeed,
# and the TPM's DA failure counter does not move (unlocked, they reuse one another's nonces:
# the TPM sees bad HMACs, counts them and locks out)
g13_lockouts() { g13_u "$G13_CC" getcapability -cap 6 -pr 20e 2>/dev/null | sed -n 's/^TPM_PT 0000020e value \([0-9a-f]*\).*/\1/p'; }
g13_shared_worker() {
    local w=$1 r
    for r in $(seq 1 10); do
        g13_u "$G13_CC" sign -hk "$G13_SK" -pwdk skpw -salg ecc -if "$G13/shared.msg" -os "$G13/s$w.sig" \
            -se0 "$G13_SS" 01 >"$G13/s$w.out" 2>&1 || { echo "s$w r$r:"; cat "$G13/s$w.out"; return 1; }
    done
}
g13_shared() {
    local w pids=() bad=0
    for w in $(seq 1 8); do
        (g13_shared_worker "$w" >"$G13/s$w.log" 2>&1) &
        pids+=($!)
    done
    for w in $(seq 1 8); do
        wait "${pids[$((w - 1))]}" || { bad=1; echo "process $w failed:"; cat "$G13/s$w.log"; }
    done
    return $bad
}
head -c 64 /dev/urandom >"$G13/shared.msg"
run "shared session: a DA-protected signing key" \
    g13_u "$G13_CC" create -hp $G13_PP -ecc nistp256 -si -da -pwdk skpw -opu "$G13/sk.pub" -opr "$G13/sk.priv"
run "shared session: load it" g13_u "$G13_CC" load -hp $G13_PP -ipu "$G13/sk.pub" -ipr "$G13/sk.priv"
G13_SK=$(g13_handle "$WORK/last.out")
run "shared session: one HMAC session" g13_u "$G13_CC" startauthsession -se h -sym aes
G13_SS=$(g13_handle "$WORK/last.out")
G13_DA0=$(g13_lockouts)
check "shared session: 8 processes x 10 signatures through one session all succeed" g13_shared
check "shared session: the DA failure counter did not move ($G13_DA0)" [ -n "$G13_DA0" ] && [ "$(g13_lockouts)" = "$G13_DA0" ]
run "shared session: the session still works afterwards" \
    g13_u "$G13_CC" sign -hk "$G13_SK" -pwdk skpw -salg ecc -if "$G13/shared.msg" -os "$G13/s0.sig" -se0 "$G13_SS" 01
g13_u "$G13_CC" flushcontext -ha "$G13_SS" >/dev/null 2>&1
g13_u "$G13_CC" flushcontext -ha "$G13_SK" >/dev/null 2>&1

# ---- failure paths: nothing left in the TPM, every lost file is an error --------------------
G13_FD=$G13/fail
mkdir -p "$G13_FD"
g13_loaded() { u getcapability -cap 1 -pr 80000000 2>&1; u getcapability -cap 1 -pr 02000000 2>&1; u getcapability -cap 1 -pr 03000000 2>&1; }
g13_loaded >"$G13/loaded.before"
g13_nodir() { env TPM_DATA_DIR="$G13_FD/missing" "$@"; }
fails_with "startauthsession with a missing TPM_DATA_DIR fails" "rc 000b0010" g13_nodir "${PREFIX}startauthsession" -se h
expect "...naming the file it cannot write" "cannot write $G13_FD/missing/h0[23][0-9a-f]{6}.bin"
expect "...and saying the session was flushed" "StartAuthSession: its result could not be recorded.*was flushed"
fails_with "createprimary with a missing TPM_DATA_DIR fails" "rc 000b0010" g13_nodir "${PREFIX}createprimary" -hi o -ecc nistp256
expect "...naming the Name file" "cannot write $G13_FD/missing/h80[0-9a-f]{6}.bin"
expect "...and saying the primary was flushed" "CreatePrimary: its result could not be recorded.*was flushed"
g13_loaded >"$G13/loaded.after"
check "...no object or session was left loaded in the TPM" g13_same_caps "$G13/loaded.before" "$G13/loaded.after" 3
run "createprimary (for a stale Name)" g13_u "$G13_FD" createprimary -hi o -ecc nistp256
G13_FH=$(g13_handle "$WORK/last.out")
rm -f "$G13_FD/h$G13_FH.bin"; mkdir "$G13_FD/h$G13_FH.bin"
fails_with "flushcontext when the Name file cannot be removed fails" "rc 000b0016" g13_u "$G13_FD" flushcontext -ha "$G13_FH"
expect "...naming it (a later object at the handle would get a stale Name)" "cannot remove $G13_FD/h$G13_FH.bin"
rmdir "$G13_FD/h$G13_FH.bin"
g13_u "$G13_FD" flushcontext -ha "$G13_FH" >/dev/null 2>&1
run "startauthsession (for a planted FIFO)" g13_u "$G13_FD" startauthsession -se h
G13_FS=$(g13_handle "$WORK/last.out")
rm -f "$G13_FD/h$G13_FS.bin"; mkfifo "$G13_FD/h$G13_FS.bin"
fails_with "a FIFO planted as a session's state file is refused, without blocking" "is not a regular file: refused" \
    timeout 20 env TPM_DATA_DIR="$G13_FD" "${PREFIX}getrandom" -by 8 -se0 "$G13_FS" 01
expect "...as a bad state file" "TSS_RC_STATE_FILE|state file"
rm -f "$G13_FD/h$G13_FS.bin"
g13_u "$G13_FD" flushcontext -ha "$G13_FS" >/dev/null 2>&1

# ---- cleanup ---------------------------------------------------------------------------------
for w in $(seq 1 $G13_WORKERS); do
    g13_u "$G13_CC" nvundefinespace -hi o -ha "$(g13_nv "$w")" >/dev/null 2>&1
done
g13_u "$G13_CC" evictcontrol -hi o -ho $G13_PP -hp $G13_PP >/dev/null 2>&1
# nothing of this group may stay in the TPM: the handles it can see are those it started with
g13_caps >"$G13/cap.after"
check "stress: no transient object, session, persistent key or NV index left" \
    g13_same_caps "$G13/cap.before" "$G13/cap.after" 5
rm -rf "$G13"
