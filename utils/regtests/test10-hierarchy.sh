#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: hierarchies, clocks, dictionary attack, clear
# Runs last: it ends with TPM2_Clear and new endorsement/platform seeds.
# An expect after fails_with anchors its regex at a line start: when fails_with fails, lib.sh
# appends the regex it wanted to last.out, which an unanchored expect would then find.

# ---- clock
run "readclock" u readclock -otime time.bin -oclock clock.bin
expect "readclock prints the clock" "TPMS_CLOCK_INFO clock"
check "readclock -oclock writes a UINT64" test "$(stat -c %s clock.bin)" -eq 8
check "readclock -otime writes a UINT64" test "$(stat -c %s time.bin)" -eq 8
old=$(od -An -tu1 -v clock.bin | awk '{for(i=1;i<=NF;i++) v=v*256+$i} END {printf "%.0f", v}')
run "clockset -iclock -addsec 100 (owner)" u clockset -hi o -iclock clock.bin -addsec 100
u readclock -oclock clock2.bin >/dev/null 2>&1
new=$(od -An -tu1 -v clock2.bin | awk '{for(i=1;i<=NF;i++) v=v*256+$i} END {printf "%.0f", v}')
check "the clock moved forward by at least 100 s" test "$(awk -v a="$new" -v b="$old" 'BEGIN {print (a - b >= 100000)}')" -eq 1
fails_with "clockset backwards is refused" "TPM_RC_VALUE" u clockset -hi o -clock 1
run "clockrateadjust -adj 1" u clockrateadjust -adj 1
run "clockrateadjust -adj 0 (owner)" u clockrateadjust -hi o -adj 0
fails_with "clockrateadjust -adj 5 is out of range" "-adj must be between -3 and 3" u clockrateadjust -adj 5
fails_with "readclock into a missing directory" "cannot write .*/no/such/dir/c\.bin" \
    u readclock -oclock "$WORK/no/such/dir/c.bin"

# ---- test result
run "gettestresult" u gettestresult
expect "gettestresult reports success" "testResult 00000000"

# ---- dictionary attack
run "dictionaryattackparameters -nmt 7 -nrt 20 -lr 2" u dictionaryattackparameters -nmt 7 -nrt 20 -lr 2
run "getcapability TPM_PT_MAX_AUTH_FAIL" u getcapability -cap 6 -pr 20f -pc 3
expect "max tries is 7" "0000020f value 00000007"
expect "recovery time is 20" "00000210 value 00000014"
expect "lockout recovery is 2" "00000211 value 00000002"
run "dictionaryattacklockreset" u dictionaryattacklockreset
fails_with "dictionaryattacklockreset with a wrong lockout password" "TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH" \
    u dictionaryattacklockreset -pwd wrong
expect "the failure is TPM_RC_AUTH_FAIL" "^(TPM_RC_AUTH_FAIL|TPM_RC_BAD_AUTH) "
sleep 3 # lockout recovery (2 s) after the failed lockout authorization
# lenient parameters for whatever runs after this group on the same TPM (a lockout recovery
# of 0 would need a power cycle after a wrong lockout password)
run "dictionaryattackparameters lenient" u dictionaryattackparameters -nmt 1000 -nrt 1 -lr 1

# ---- hierarchy control
run "hierarchycontrol disables owner" u hierarchycontrol -hi p -he o -state 0
fails_with "createprimary in a disabled owner hierarchy" "TPM_RC_HIERARCHY" u createprimary -hi o
expect "the failure is TPM_RC_HIERARCHY" "^TPM_RC_HIERARCHY "
run "hierarchycontrol enables owner again" u hierarchycontrol -hi p -he o -state 1
run "createprimary in the owner hierarchy again" u createprimary -hi o
h=$(sed -n 's/^Handle \([0-9a-f]*\).*/\1/p' "$WORK/last.out")
[ -n "$h" ] && u flushcontext -ha "$h" >/dev/null 2>&1
fails_with "hierarchycontrol without -he" "hierarchycontrol: missing -he" u hierarchycontrol -hi p
# -he n is phEnableNV (IBM): the platform's NV indexes are out of reach while it is clear
G10_NV=01501201
u nvundefinespace -hi p -ha $G10_NV >/dev/null 2>&1
run "nvdefinespace a platform index" u nvdefinespace -hi p -ha $G10_NV -hia p -sz 4
run "nvwrite the platform index" u nvwrite -ha $G10_NV -hia p -ic abcd
run "hierarchycontrol -he n -state 0 (phEnableNV)" u hierarchycontrol -hi p -he n -state 0
run "getcapability TPM_PT_STARTUP_CLEAR (phEnableNV clear)" u getcapability -cap 6 -pr 201 -pc 1
expect "TPMA_STARTUP_CLEAR shows phEnableNV clear, the hierarchies still enabled" "00000201 value [0-9a-f]{7}7 "
fails_with "nvread of the platform index while phEnableNV is clear" "TPM_RC_HANDLE" u nvread -ha $G10_NV -hia p
expect "the failure is TPM_RC_HANDLE" "^TPM_RC_HANDLE "
run "hierarchycontrol -he n -state 1" u hierarchycontrol -hi p -he n -state 1
run "getcapability TPM_PT_STARTUP_CLEAR (phEnableNV set)" u getcapability -cap 6 -pr 201 -pc 1
expect "TPMA_STARTUP_CLEAR shows phEnableNV set again" "TPMA_STARTUP_CLEAR_PHENABLENV"
run "nvread of the platform index again" u nvread -ha $G10_NV -hia p -of g10nv.bin
check "the platform index kept its data" test "$(cat g10nv.bin)" = abcd
u hierarchycontrol -hi p -he n -state 1 >/dev/null 2>&1 # whatever failed above
u nvundefinespace -hi p -ha $G10_NV >/dev/null 2>&1
fails_with "hierarchycontrol -state 2" "-state must be 0 or 1" u hierarchycontrol -hi p -he o -state 2

# ---- clear
# -hi is required (IBM): without it the usage is printed and nothing is sent (a missing -hi
# used to mean lockout: this clear would have run with the empty lockout password)
G10_OWN=01501202
u nvundefinespace -hi o -ha $G10_OWN >/dev/null 2>&1
run "nvdefinespace an owner index (TPM2_Clear would remove it)" u nvdefinespace -hi o -ha $G10_OWN -sz 4
TPM_TRACE_LEVEL=2 fails_with "clear without -hi" "clear: missing -hi" u clear
expect "clear without -hi names the missing -hi" "^clear: missing -hi"
expect "clear without -hi prints the usage" "Runs TPM2_Clear"
check "clear without -hi sent no command (no TSS_Execute trace)" bash -c '! grep -q TSS_Execute "$1"' sh "$WORK/last.out"
run "the owner index is still there (no TPM2_Clear ran)" u nvreadpublic -ha $G10_OWN
u getcapability -cap 6 -pr 200 -pc 1 > g10perm1.txt 2>&1
TPM_TRACE_LEVEL=2 fails_with "clearcontrol without -hi" "clearcontrol: missing -hi" u clearcontrol -state 1
expect "clearcontrol without -hi names the missing -hi" "^clearcontrol: missing -hi"
expect "clearcontrol without -hi prints the usage" "Runs TPM2_ClearControl"
check "clearcontrol without -hi sent no command (no TSS_Execute trace)" bash -c '! grep -q TSS_Execute "$1"' sh "$WORK/last.out"
u getcapability -cap 6 -pr 200 -pc 1 > g10perm2.txt 2>&1
check "TPM_PT_PERMANENT was read" grep -q "00000200 value" g10perm1.txt
check "TPMA_PERMANENT did not change (disableClear not set)" \
    bash -c 'grep -q "00000200 value" "$2" && cmp "$1" "$2"' sh g10perm1.txt g10perm2.txt
u nvundefinespace -hi o -ha $G10_OWN >/dev/null 2>&1
run "clearcontrol disables clear" u clearcontrol -hi p -state 1
fails_with "clear while disabled" "TPM_RC_DISABLED" u clear -hi p
expect "the failure is TPM_RC_DISABLED" "^TPM_RC_DISABLED "
run "clearcontrol allows clear" u clearcontrol -hi p -state 0
run "clear with platform authorization" u clear -hi p
run "clear with lockout authorization" u clear -hi l
# platform authorization is not subject to dictionary-attack lockout
fails_with "clear with a wrong platform password" "TPM_RC_BAD_AUTH" u clear -hi p -pwda wrong
run "changeeps" u changeeps
run "changepps" u changepps
fails_with "changepps with a wrong platform password" "TPM_RC_BAD_AUTH" u changepps -pwda wrong
fails_with "clear with an unknown flag" "-xyz is not a valid option" u clear -xyz
