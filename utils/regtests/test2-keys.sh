#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# GROUP: keys: createprimary create load createloaded loadexternal readpublic publicname tpm2pem evictcontrol flushcontext
# Sourced by reg.sh from $WORK. Uses transient handles it reads from the utilities' output
# and the persistent handle 81000ff2; removes them all at the end whatever failed.

T2_PERSIST=81000ff2

# the handle printed by the last run ("Handle XXXXXXXX")
t2_handle() { sed -n 's/^Handle \([0-9a-f]\{8\}\)$/\1/p' "$WORK/last.out" | head -n1; }
# the first n bytes of a file after its 2-byte TPM2B size, in hex
t2_hex() { od -An -tx1 -v -j 2 -N "$2" "$1" | tr -d " \n"; }
t2_flush() { [ -n "$1" ] && u flushcontext -ha "$1" >/dev/null 2>&1; return 0; }
# IBM's utilities, if installed, talk to the same TPM (raw: they cannot power-cycle swtpm)
t2_ibm() {
    local p=$1; shift
    if [ "${TPM_SERVER_TYPE:-}" = swtpm ]; then TPM_SERVER_TYPE=raw "tss$p" "$@"; else "tss$p" "$@"; fi
}
# a non-empty line that is a whole line of a file
t2_has_line() { [ -n "$1" ] && grep -qx -- "$1" "$2"; }
t2_have_ibm() { command -v tsscreateprimary >/dev/null 2>&1; }

printf 'sealed secret' > sealed.dat
# key pairs made outside the TPM: utils/policies/ (RSA in DER, P-256 in PEM)
declare -A T2_EXT=([rsa]="$POLICIES/rsaprivkey.der" [ec]="$POLICIES/p256privkey.pem")
# the same pairs as PEM files in $WORK, for the checks that read ext_<type>.key
openssl pkey -inform der -in "$POLICIES/rsaprivkey.der" -out ext_rsa.key 2>/dev/null
cp "$POLICIES/p256privkey.pem" ext_ec.key

# Public areas as IBM's tsscreateprimary / tsscreate build them (type nameAlg attributes
# authPolicy parameters, then the size of the unique field).
declare -A T2_ALG=([rsa2048]="-rsa" [rsa3072]="-rsa 3072" [p256]="-ecc nistp256" [p384]="-ecc nistp384")
declare -A T2_PRIMARY=(
    [rsa2048]=0001000b0003047200000006008000430010080000000000
    [rsa3072]=0001000b00030472000000060080004300100c0000000000
    [p256]=0023000b000304720000000600800043001000030010
    [p384]=0023000b000304720000000600800043001000040010)
declare -A T2_CHILD=(
    [rsa2048-si]=0001000b00040460000000100010080000000000
    [rsa2048-den]=0001000b00020460000000100010080000000000
    [rsa3072-si]=0001000b000404600000001000100c0000000000
    [rsa3072-den]=0001000b000204600000001000100c0000000000
    [p256-si]=0023000b0004046000000010001000030010
    [p256-den]=0023000b0002046000000010001000030010
    [p384-si]=0023000b0004046000000010001000040010
    [p384-den]=0023000b0002046000000010001000040010
    [kh]=0008000b0004046000000005000b
    [bl]=0008000b0000044000000010)

for alg in rsa2048 rsa3072 p256 p384; do
    # shellcheck disable=SC2086
    run "createprimary $alg storage key" u createprimary -hi o ${T2_ALG[$alg]} -opu "p_$alg.pub" -opem "p_$alg.pem"
    P=$(t2_handle)
    exp=${T2_PRIMARY[$alg]}
    check "createprimary $alg public area is IBM's template" \
        [ "$(t2_hex "p_$alg.pub" $(( ${#exp} / 2 )))" = "$exp" ]
    if t2_have_ibm && { [ "$alg" = rsa2048 ] || [ "$alg" = p256 ]; }; then
        # the same template on the same TPM gives the same key: the files must be identical
        t2_ibm createprimary -hi o ${T2_ALG[$alg]} -opu "ibm_$alg.pub" >"$WORK/last.out" 2>&1
        t2_flush "$(t2_handle)"
        check "createprimary $alg -opu equals IBM's tsscreateprimary -opu" cmp "p_$alg.pub" "ibm_$alg.pub"
    fi
    run "readpublic $alg primary" u readpublic -ho "$P" -opu "rp_$alg.pub" -on "rp_$alg.name"
    check "readpublic -opu equals createprimary -opu ($alg)" cmp "rp_$alg.pub" "p_$alg.pub"
    run "publicname $alg primary offline" u publicname -ipu "p_$alg.pub" -on "pn_$alg.name"
    check "readpublic -on Name equals publicname Name ($alg)" cmp "rp_$alg.name" "pn_$alg.name"
    check "createprimary -opem accepted by openssl ($alg)" openssl pkey -pubin -in "p_$alg.pem" -noout

    for ty in si den kh bl; do
        case $ty in
            si|den) flags="${T2_ALG[$alg]} -$ty"; key="$alg-$ty" ;;
            kh) flags="-kh"; key=kh ;;
            bl) flags="-bl -if sealed.dat"; key=bl ;;
        esac
        # shellcheck disable=SC2086
        run "create $ty under $alg" u create -hp "$P" $flags -opu "c_${alg}_$ty.pub" -opr "c_${alg}_$ty.priv"
        exp=${T2_CHILD[$key]}
        check "create $ty under $alg: public area is IBM's template" \
            [ "$(t2_hex "c_${alg}_$ty.pub" $(( ${#exp} / 2 )))" = "$exp" ]
        run "load $ty under $alg" u load -hp "$P" -ipu "c_${alg}_$ty.pub" -ipr "c_${alg}_$ty.priv"
        H=$(t2_handle)
        run "readpublic loaded $ty ($alg)" u readpublic -ho "$H" -opu "l_${alg}_$ty.pub"
        check "loaded $ty public equals create -opu ($alg)" cmp "l_${alg}_$ty.pub" "c_${alg}_$ty.pub"
        run "flushcontext loaded $ty ($alg)" u flushcontext -ha "$H"
    done
    run "flushcontext $alg primary" u flushcontext -ha "$P"
done

# create with every output, the PEM matching tpm2pem's; IBM's tsscreate builds the same template
run "createprimary rsa2048 parent" u createprimary -hi o
P=$(t2_handle)
run "create -sir with -opem -tk -ch -cd" u create -hp "$P" -sir -halg sha384 -opu sir.pub -opr sir.priv \
    -opem sir.pem -tk sir.tk -ch sir.ch -cd sir.cd
check "create -sir -halg sha384 is IBM's template (RSASSA sha384)" \
    [ "$(t2_hex sir.pub 22)" = 0001000b00050460000000100014000c080000000000 ]
check "create -tk, -ch, -cd files written" [ -s sir.tk -a -s sir.ch -a -s sir.cd ]
check "create -ch is a sha256 digest" [ "$(stat -c %s sir.ch)" = 32 ]
if t2_have_ibm; then
    t2_ibm create -hp "$P" -sir -halg sha384 -opu ibm_sir.pub -opr ibm_sir.priv >"$WORK/last.out" 2>&1
    check "create -sir template equals IBM's tsscreate (unique aside)" \
        [ -n "$(t2_hex sir.pub 22)" -a "$(t2_hex sir.pub 22)" = "$(t2_hex ibm_sir.pub 22)" ]
fi
run "tpm2pem of an RSA public" u tpm2pem -ipu sir.pub -opem t_rsa.pem
check "tpm2pem PEM accepted by openssl" openssl pkey -pubin -in t_rsa.pem -noout
check "tpm2pem PEM equals create -opem" cmp t_rsa.pem sir.pem
run "create ECC signing key" u create -hp "$P" -ecc nistp256 -si -opu ecsi.pub -opr ecsi.priv
run "tpm2pem of an ECC public" u tpm2pem -ipu ecsi.pub -opem t_ec.pem
check "tpm2pem ECC PEM accepted by openssl" openssl pkey -pubin -in t_ec.pem -noout

# createloaded: under a storage key, under a hierarchy, and from a derivation parent
run "createloaded signing key" u createloaded -hp "$P" -si -opu cl.pub -opr cl.priv
H=$(t2_handle)
run "readpublic createloaded key" u readpublic -ho "$H" -opu cl_rp.pub
check "createloaded -opu equals readpublic -opu" cmp cl.pub cl_rp.pub
check "createloaded -si is IBM's template" [ "$(t2_hex cl.pub 20)" = "${T2_CHILD[rsa2048-si]}" ]
t2_flush "$H"
run "createloaded of a primary key under the owner hierarchy" u createloaded -hp 40000001 -st -ecc nistp256 -opu clp.pub
H=$(t2_handle)
run "readpublic createloaded primary" u readpublic -ho "$H" -opu clp_rp.pub
check "createloaded primary -opu equals readpublic -opu" cmp clp.pub clp_rp.pub
t2_flush "$H"
run "createloaded derivation parent" u createloaded -hp "$P" -dp -opu dp.pub
DP=$(t2_handle)
check "derivation parent is IBM's template (XOR KDF1_SP800_108)" [ "$(t2_hex dp.pub 16)" = 0008000b000304720000000a000b0022 ]
run "createloaded -der HMAC key from the derivation parent" u createloaded -hp "$DP" -der -kh -kt f -kt p -opu der.pub
H=$(t2_handle)
check "derived key has no sensitiveDataOrigin" [ "$(t2_hex der.pub 14)" = 0008000b0004045200000005000b ]
t2_flush "$H"
t2_flush "$DP"

# loadexternal: PEM public keys (ours and OpenSSL's), TPM2B_PUBLIC, DER key pairs
run "loadexternal -ipem of tpm2pem output" u loadexternal -ipem t_rsa.pem -halg sha384 -ns
H=$(t2_handle)
ext_name=$(sed -n '/^[0-9a-f]\{68\}$/p' "$WORK/last.out")
run "publicname -ipem offline" u publicname -ipem t_rsa.pem -halg sha384 -ns
cp "$WORK/last.out" pn.out
check "loadexternal -ns Name equals publicname -ipem Name" t2_has_line "$ext_name" pn.out
run "readpublic external key" u readpublic -ho "$H" -on ext.name
run "publicname -on of the PEM" u publicname -ipem t_rsa.pem -halg sha384 -on ext_pn.name
check "readpublic -on equals publicname -on (PEM key)" cmp ext.name ext_pn.name
t2_flush "$H"
run "loadexternal -ipem ECC" u loadexternal -ipem t_ec.pem -ecc
t2_flush "$(t2_handle)"
run "loadexternal -ipu TPM2B_PUBLIC in the owner hierarchy" u loadexternal -hi o -ipu sir.pub
H=$(t2_handle)
run "readpublic -opu of the external public" u readpublic -ho "$H" -opu ext_rp.pub
check "loadexternal -ipu keeps the public area" cmp ext_rp.pub sir.pub
t2_flush "$H"
for k in rsa ec; do
    run "loadexternal -ider $k key pair" u loadexternal -ider "${T2_EXT[$k]}" -pwdk kpw -ns
    H=$(t2_handle)
    n1=$(sed -n '/^[0-9a-f]\{68\}$/p' "$WORK/last.out")
    run "publicname -ider $k" u publicname -ider "${T2_EXT[$k]}" -ns
    cp "$WORK/last.out" pn.out
    check "loadexternal -ider Name equals publicname -ider ($k)" t2_has_line "$n1" pn.out
    t2_flush "$H"
done

# -st, IBM's storage key shape: restricted decrypt, AES-128-CFB, NULL scheme. The Names are
# computed here from the key's own numbers (openssl) and the marshaled public area IBM's
# loadexternal / importpem -st build; -den ECC is IBM's ECDH(sha256) decryption key.
t2_bytes() { printf "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
t2_name_of() { # key-type attributes parameters pubpem: 000b || sha256(TPMT_PUBLIC)
    local body x
    if [ "$1" = rsa ]; then
        x=$(openssl rsa -pubin -in "$4" -modulus -noout | sed 's/^Modulus=//' | tr A-F a-f)
        body="0001000b${2}0000${3}0800000000000100${x}"
    else
        x=$(openssl pkey -pubin -in "$4" -outform der | tail -c 64 | od -An -tx1 -v | tr -d ' \n')
        body="0023000b${2}0000${3}000300100020${x:0:64}0020${x:64:64}"
    fi
    echo "000b$(t2_bytes "$body" | openssl dgst -sha256 -r | cut -c1-64)"
}
T2_ST=00030440; T2_STSYM=0006008000430010
openssl pkey -in ext_rsa.key -pubout -out ext_rsa.pub.pem 2>/dev/null
openssl pkey -in ext_ec.key -pubout -out ext_ec.pub.pem 2>/dev/null
openssl pkey -in ext_rsa.key -pubout -outform der -out ext_rsa.pub.der 2>/dev/null
openssl pkey -in ext_ec.key -pubout -outform der -out ext_ec.pub.der 2>/dev/null
for k in rsa ec; do
    want=$(t2_name_of $k $T2_ST $T2_STSYM ext_$k.pub.pem)
    run "loadexternal -st -ipem $k (storage key)" u loadexternal -st -ipem ext_$k.pub.pem -ns
    H=$(t2_handle)
    check "loadexternal -st $k: the Name of IBM's storage public area" t2_has_line "$want" "$WORK/last.out"
    run "readpublic of the -st $k key" u readpublic -ho "$H"
    expect "the -st $k key is restricted decrypt (noDA userWithAuth)" "objectAttributes: 00030440"
    expect "the -st $k key's symmetric algorithm is AES 128 CFB" "mode TPM_ALG_CFB"
    t2_flush "$H"
    run "publicname -st -ipem $k" u publicname -st -ipem ext_$k.pub.pem -ns
    check "publicname -st $k: the same Name" t2_has_line "$want" "$WORK/last.out"
    # -ider: a DER SubjectPublicKeyInfo gives the Name of the same key as PEM
    run "publicname -ipem $k (signing)" u publicname -ipem ext_$k.pub.pem -ns
    pem_name=$(sed -n '/^[0-9a-f]\{68\}$/p' "$WORK/last.out")
    run "publicname -ider $k DER public key" u publicname -ider ext_$k.pub.der -ns
    check "publicname -ider DER $k equals -ipem PEM" t2_has_line "$pem_name" "$WORK/last.out"
    run "publicname -ider $k -on" u publicname -ider ext_$k.pub.der -on ider_$k.name
    check "publicname -ider -on writes that Name" [ "$(od -An -tx1 -v ider_$k.name | tr -d ' \n')" = "$pem_name" ]
    # -ider with -st is -den (a key pair cannot be loaded as a storage key), as IBM's
    run "publicname -den -ipem $k" u publicname -den -ipem ext_$k.pub.pem -ns
    den_name=$(sed -n '/^[0-9a-f]\{68\}$/p' "$WORK/last.out")
    run "publicname -st -ider $k" u publicname -st -ider ext_$k.pub.der -ns
    check "publicname -st -ider $k is the -den Name" t2_has_line "$den_name" "$WORK/last.out"
    run "loadexternal -st -ider $k key pair loads as a decryption key" u loadexternal -st -ider ext_$k.key -ns
    H=$(t2_handle)
    check "loadexternal -st -ider $k: the -den Name" t2_has_line "$den_name" "$WORK/last.out"
    t2_flush "$H"
done
run "publicname -den -ipem ECC" u publicname -den -ipem ext_ec.pub.pem -ns
check "publicname -den ECC: IBM's ECDH(sha256) decryption public area" \
    t2_has_line "$(t2_name_of ec 00020440 00100019000b ext_ec.pub.pem)" "$WORK/last.out"
fails_with "loadexternal -pwdk without -ider fails" "only for an -ider key pair" u loadexternal -ipem ext_rsa.pub.pem -pwdk x
expect "-pwdk is for -ider" "-pwdk is only for an -ider key pair"
fails_with "publicname -uwa with -ipu fails" "unused for a TPM2B_PUBLIC input" u publicname -ipu sir.pub -uwa
expect "-uwa is unused with -ipu" "-uwa is unused"
# importpem -st: the imported key is a working parent, with the same Name
for k in rsa ec; do
    rm -f st_$k.pub st_$k.priv
    run "importpem -st $k" u importpem -hp "$P" -ipem ext_$k.key -st -pwdk stpw -opu st_$k.pub -opr st_$k.priv
    run "load the imported $k storage key" u load -hp "$P" -ipu st_$k.pub -ipr st_$k.priv
    H=$(t2_handle)
    run "readpublic of the imported $k storage key" u readpublic -ho "$H" -ns
    check "importpem -st $k: the Name of IBM's storage public area" \
        t2_has_line "$(t2_name_of $k $T2_ST $T2_STSYM ext_$k.pub.pem)" "$WORK/last.out"
    run "create a child under the imported $k storage key" u create -hp "$H" -pwdp stpw -si -opu stc.pub -opr stc.priv
    run "load the child of the imported $k storage key" u load -hp "$H" -pwdp stpw -ipu stc.pub -ipr stc.priv
    t2_flush "$(t2_handle)"
    t2_flush "$H"
done
unset -f t2_bytes t2_name_of

# publicname against an independent computation: nameAlg || SHA-256(marshaled public area)
tail -c +3 sir.pub > sir.tpmt
run "publicname -ipu -ns" u publicname -ipu sir.pub -ns
cp "$WORK/last.out" pn.out
check "publicname -ipu Name is 000b || sha256(TPMT_PUBLIC)" \
    t2_has_line "000b$(openssl dgst -sha256 -r sir.tpmt | cut -c1-64)" pn.out
# NV index 01000000, sha256, AUTHREAD|AUTHWRITE|WRITTEN... as a TPMS_NV_PUBLIC and a TPM2B_NV_PUBLIC
printf '\001\000\000\000\000\013\002\004\000\004\000\000\000\020' > nv.tpms
printf '\000\016' | cat - nv.tpms > nv.tpm2b
nv_name="000b$(openssl dgst -sha256 -r nv.tpms | cut -c1-64)"
run "publicname -invpu TPMS_NV_PUBLIC" u publicname -invpu nv.tpms -ns -on nv.name
cp "$WORK/last.out" pn.out
check "publicname -invpu Name is 000b || sha256(TPMS_NV_PUBLIC)" t2_has_line "$nv_name" pn.out
check "publicname -on writes the Name bytes" [ "$(od -An -tx1 -v nv.name | tr -d " \n")" = "$nv_name" ]
run "publicname -invpu TPM2B_NV_PUBLIC" u publicname -invpu nv.tpm2b -ns
cp "$WORK/last.out" pn.out
check "publicname -invpu TPM2B form gives the same Name" t2_has_line "$nv_name" pn.out
fails_with "publicname -invpu of an object public fails" "sir.pub is not an NV public area" u publicname -invpu sir.pub

# evictcontrol to a persistent handle and back
run "evictcontrol -hi o to $T2_PERSIST" u evictcontrol -hi o -ho "$P" -hp $T2_PERSIST
run "readpublic persistent key" u readpublic -ho $T2_PERSIST -opu pers.pub
run "readpublic transient parent" u readpublic -ho "$P" -opu trans.pub
check "persistent public equals the transient one" cmp pers.pub trans.pub
run "create under the persistent parent" u create -hp $T2_PERSIST -si -opu ps.pub -opr ps.priv
run "evictcontrol removes $T2_PERSIST" u evictcontrol -hi o -ho $T2_PERSIST -hp $T2_PERSIST
fails_with "readpublic of the removed persistent handle fails" "TPM_RC_HANDLE" u readpublic -ho $T2_PERSIST

# bad input: exit 1, no crash, no output file
run "createprimary parent with a password" u createprimary -hi o -pwdk ppw
PP=$(t2_handle)
rm -f bad.*
fails_with "create without -hp fails" "missing -hp" u create -si -opu bad.pub -opr bad.priv
check "create without -hp wrote no file" [ ! -e bad.pub -a ! -e bad.priv ]
fails_with "create with a wrong parent password fails" "TPM_RC_(BAD_AUTH|AUTH_FAIL)" u create -hp "$PP" -pwdp wrong -si -opu bad.pub -opr bad.priv
check "wrong parent password wrote no file" [ ! -e bad.pub -a ! -e bad.priv ]
run "create with the right parent password" u create -hp "$PP" -pwdp ppw -si -opu good.pub -opr good.priv
fails_with "load of an unreadable -ipu fails" "cannot read no/such/file.pub" u load -hp "$P" -ipu no/such/file.pub -ipr sir.priv
head -c 40 sir.pub > trunc.pub
fails_with "load of a truncated -ipu fails" "cannot read trunc.pub" u load -hp "$P" -ipu trunc.pub -ipr sir.priv
fails_with "tpm2pem of a truncated -ipu fails" "cannot read trunc.pub" u tpm2pem -ipu trunc.pub -opem bad.pem
check "tpm2pem of a truncated -ipu wrote no file" [ ! -e bad.pem ]
fails_with "publicname of a truncated -ipu fails" "cannot read trunc.pub" u publicname -ipu trunc.pub -on bad.name
check "publicname of a truncated -ipu wrote no file" [ ! -e bad.name ]
fails_with "loadexternal of a truncated PEM fails" "not a public key OpenSSL can read" u loadexternal -ipem trunc.pub
fails_with "createprimary with an unknown flag fails" "-nosuchflag is not a valid option" u createprimary -hi o -opu bad.pub -nosuchflag
check "unknown flag wrote no file" [ ! -e bad.pub ]
fails_with "create with two key types fails" "give exactly one key type" u create -hp "$P" -si -den -opu bad.pub
check "two key types wrote no file" [ ! -e bad.pub ]
fails_with "create -dau without -ecc fails" "-dau and -dar need -ecc" u create -hp "$P" -dau -opu bad.pub
fails_with "createprimary -rsa with a bad key size fails" "bad RSA key size '1000'" u createprimary -rsa 1000 -opu bad.pub
check "bad key size wrote no file" [ ! -e bad.pub ]
fails_with "createprimary -h exits 1" "Runs TPM2_CreatePrimary" u createprimary -h
fails_with "evictcontrol without -hp fails" "missing -hp" u evictcontrol -hi o -ho "$P"

# flushcontext
run "flushcontext parent" u flushcontext -ha "$P"
fails_with "readpublic after flushcontext fails" "TPM_RC_REFERENCE_H0" u readpublic -ho "$P"
fails_with "flushcontext of the flushed handle fails" "TPM_RC_HANDLE" u flushcontext -ha "$P"
run "flushcontext password parent" u flushcontext -ha "$PP"

# leave the TPM clean whatever failed above
for h in 80000000 80000001 80000002 80000003 80000004 80000005; do t2_flush $h; done
u evictcontrol -hi o -ho $T2_PERSIST -hp $T2_PERSIST >/dev/null 2>&1
unset T2_ALG T2_PRIMARY T2_CHILD
