#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: HMAC, bound, salted and policy sessions; parameter encryption; session state files

g5_handle() { sed -n 's/^Handle \([0-9a-f]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
g5_flush() { for h in "$@"; do [ -n "$h" ] && u flushcontext -ha "$h" >/dev/null 2>&1; done; }
NV=01500020
u nvundefinespace -hi o -ha $NV >/dev/null 2>&1

run "createprimary RSA salt key" u createprimary -hi o -rsa 2048
PR=$(g5_handle)
run "createprimary ECC P-256 salt key" u createprimary -hi o -ecc nistp256
PE=$(g5_handle)
run "nvdefinespace for session tests" u nvdefinespace -hi o -ha $NV -pwdn nvpw -sz 64

# every kind of HMAC session, each hash, with AES or XOR parameter encryption both ways
i=0
for kind in plain bound salt-rsa salt-ecc; do
    for h in sha1 sha256 sha384 sha512; do
        sym=aes; [ $((i % 2)) -eq 1 ] && sym=xor; i=$((i + 1))
        case $kind in
            plain) extra=() ;;
            bound) extra=(-bi $NV -pwdb nvpw) ;;
            salt-rsa) extra=(-hs "$PR") ;;
            salt-ecc) extra=(-hs "$PE") ;;
        esac
        run "startauthsession $kind $h $sym" u startauthsession -se h -halg $h -sym $sym "${extra[@]}"
        S=$(g5_handle)
        data="data $kind $h $sym"
        run "nvwrite through it, command encrypted ($kind $h $sym)" u nvwrite -ha $NV -pwdn nvpw -ic "$data" -se0 "$S" 21
        run "nvread through it, response encrypted ($kind $h $sym)" u nvread -ha $NV -pwdn nvpw -sz ${#data} -of rd.bin -se0 "$S" 41
        check "data read equals data written ($kind $h $sym)" test "$(cat rd.bin)" = "$data"
        if [ $kind = bound ]; then
            # used on its own bind entity, the session key already holds the auth value: the
            # password given with the command is not part of the HMAC (TPM 2.0 Part 1, 19.6)
            run "a bound session on its bind entity needs no password ($h)" u nvread -ha $NV -sz 4 -se0 "$S" 01
        else
            fails "a wrong password through the session fails ($kind $h)" u nvread -ha $NV -pwdn wrong -sz 4 -se0 "$S" 01
        fi
        g5_flush "$S"
    done
done

# one session used by several processes in turn
run "startauthsession for consecutive runs" u startauthsession -se h -hs "$PR"
S=$(g5_handle)
check "its state file exists" test -s "$TPM_DATA_DIR/h$S.bin"
run "run 1 with the shared session" u nvwrite -ha $NV -pwdn nvpw -ic one -se0 "$S" 01
run "run 2 with the shared session" u nvwrite -ha $NV -pwdn nvpw -ic two -se0 "$S" 21
run "run 3 with the shared session" u nvread -ha $NV -pwdn nvpw -sz 3 -of s3.bin -se0 "$S" 41
check "the shared session carried the data" test "$(cat s3.bin)" = "two"
cp "$TPM_DATA_DIR/h$S.bin" state.bak
# a tampered state file is a clear error, not garbage
od -An -tx1 -v state.bak | tr -d ' \n' > st.hex
python3 -c 'import sys; b=bytearray(open("state.bak","rb").read()); b[len(b)//2]^=1; open(sys.argv[1],"wb").write(b)' "$TPM_DATA_DIR/h$S.bin"
fails "a tampered session state file is refused" u nvread -ha $NV -pwdn nvpw -sz 3 -se0 "$S" 01
expect "the error names the state file" "h$S.bin|STATE"
cp state.bak "$TPM_DATA_DIR/h$S.bin"
TPM_SESSION_ENCKEY=00112233445566778899aabbccddeeff u nvread -ha $NV -pwdn nvpw -sz 3 -se0 "$S" 01 >"$WORK/last.out" 2>&1
_report $([ $? -ne 0 ] && echo 0 || echo 1) "a wrong TPM_SESSION_ENCKEY is refused"
expect "the error says to check TPM_SESSION_ENCKEY" "TPM_SESSION_ENCKEY|STATE"
run "the original state file still works" u nvread -ha $NV -pwdn nvpw -sz 3 -se0 "$S" 00
check "a session without continue is forgotten" test ! -e "$TPM_DATA_DIR/h$S.bin"

# encryption on unseal (response) and create (command: the sealed data and password)
run "startauthsession for create/unseal" u startauthsession -se h -hs "$PR"
S=$(g5_handle)
printf 'sealed via session' > seal.in
run "create a sealed object, inSensitive encrypted" u create -hp "$PR" -bl -if seal.in -pwdk sp -opr s.priv -opu s.pub -se0 "$S" 21
run "load it" u load -hp "$PR" -ipr s.priv -ipu s.pub
K=$(g5_handle)
run "unseal, response encrypted" u unseal -ha "$K" -pwd sp -of seal.out -se0 "$S" 41
check "unsealed data equals the sealed data" cmp seal.in seal.out
g5_flush "$K" "$S"

# policy sessions: a trial digest, then a real authorization
run "trial session" u startauthsession -se t
T=$(g5_handle)
run "trial policycommandcode NV_Read" u policycommandcode -ha "$T" -cc 14e
run "trial policyauthvalue" u policyauthvalue -ha "$T"
run "trial policygetdigest" u policygetdigest -ha "$T" -of pol.bin
g5_flush "$T"
NVP=01500021
u nvundefinespace -hi o -ha $NVP >/dev/null 2>&1
run "NV index readable only by that policy" u nvdefinespace -hi o -ha $NVP -pwdn pol -sz 8 -pol pol.bin -at ar
run "write it with its password" u nvwrite -ha $NVP -pwdn pol -ic policy!
run "policy session" u startauthsession -se p
PS=$(g5_handle)
run "policycommandcode NV_Read" u policycommandcode -ha "$PS" -cc 14e
run "policyauthvalue" u policyauthvalue -ha "$PS"
run "nvread through the policy session, response encrypted" u nvread -ha $NVP -pwdn pol -sz 7 -of p.bin -se0 "$PS" 41
check "policy-authorized read returns the data" test "$(cat p.bin)" = "policy!"
run "policycommandcode again" u policycommandcode -ha "$PS" -cc 14e
fails "the policy refuses a wrong password (PolicyAuthValue)" u nvread -ha $NVP -pwdn wrong -sz 7 -se0 "$PS" 01
g5_flush "$PS"
run "policy session without the auth value" u startauthsession -se p
PS=$(g5_handle)
run "policycommandcode only" u policycommandcode -ha "$PS" -cc 14e
fails "a policy digest that does not match refuses the read" u nvread -ha $NVP -pwdn pol -sz 7 -se0 "$PS" 01
g5_flush "$PS"

u nvundefinespace -hi o -ha $NVP >/dev/null 2>&1
u nvundefinespace -hi o -ha $NV >/dev/null 2>&1
g5_flush "$PE" "$PR"
