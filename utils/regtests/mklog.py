#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the event logs the regression replays, and the PCR values they must give,
computed here independently of the utilities:

  bios.log        SHA-1 format firmware log (TCG_PCR_EVENT), PCRs 16 and 23
  agile.log       crypto-agile log: Spec ID Event03 (sha1, sha256, sha384), StartupLocality,
                  TCG_PCR_EVENT2 events in PCRs 16 and 23
  *.expect        "PCR NN alg hex" lines, as eventextend -sim / imaextend -sim print them
  badhash.log     agile.log with one EV_SEPARATOR digest that is not the hash of its data
  trunc.log       agile.log cut inside event 3;  liesize.log: event 2 claims 1 MiB of data
  unknownalg.log  event 1 carries a digest of an algorithm the Spec ID event does not list
  badspec.log     a Spec ID event listing 200 algorithms
  ima-ng.log      IMA list (big-endian), ima-ng entries, a violation and an "ima" entry
  ima-ng-le.log   the same, little-endian (its own template hashes)
  ima-sig.log     ima-sig entries (with and without a signature)
  ima-pcr10.log   two little-endian ima-ng entries for PCR 10 (compared with IBM's imaextend -le)
  ima-trunc.log, ima-badname.log, ima-badlen.log, ima-badhash.log  broken IMA lists
usage: mklog.py DIR"""
import hashlib
import os
import struct
import sys

ALGS = {0x0004: ('sha1', 20), 0x000B: ('sha256', 32), 0x000C: ('sha384', 48), 0x000D: ('sha512', 64)}


def h(alg, data):
    return hashlib.new(ALGS[alg][0], data).digest()


def sha1_event(pcr, etype, digest, data):
    return struct.pack('<II', pcr, etype) + digest + struct.pack('<I', len(data)) + data


def agile_event(pcr, etype, digests, data):
    out = struct.pack('<III', pcr, etype, len(digests))
    for alg, d in digests:
        out += struct.pack('<H', alg) + d
    return out + struct.pack('<I', len(data)) + data


def spec_id(algs):
    body = b'Spec ID Event03\0' + struct.pack('<IBBBBI', 0, 0, 2, 0, 2, len(algs))
    for a in algs:
        body += struct.pack('<HH', a, ALGS[a][1])
    return body + b'\0'


class Pcrs:
    def __init__(self):
        self.v = {}

    def extend(self, alg, pcr, digest):
        old = self.v.get((alg, pcr), b'\0' * ALGS[alg][1])
        self.v[(alg, pcr)] = h(alg, old + digest)

    def lines(self, algs):
        out = []
        for alg in algs:
            for pcr in sorted(p for a, p in self.v if a == alg):
                out.append('PCR %02u %-6s %s' % (pcr, ALGS[alg][0], self.v[(alg, pcr)].hex()))
        return '\n'.join(out) + '\n'


# the events: (pcr, type, data); the digest of each is the hash of its data
EVENTS = [
    (16, 0x00000001, b'POST CODE'),
    (16, 0x00000005, b'Calling INT 19h'),
    (23, 0x80000007, b'Exit Boot Services Invocation'),
    (16, 0x00000004, b'\0\0\0\0'),
    (23, 0x00000004, b'\0\0\0\0'),
]


def write(d, name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def firmware(d):
    # SHA-1 format
    log, pcrs = b'', Pcrs()
    for pcr, t, data in EVENTS:
        log += sha1_event(pcr, t, h(0x0004, data), data)
        pcrs.extend(0x0004, pcr, h(0x0004, data))
    write(d, 'bios.log', log)
    write(d, 'bios.expect', pcrs.lines([0x0004]).encode())
    # crypto-agile
    algs = [0x0004, 0x000B, 0x000C]
    head = sha1_event(0, 3, b'\0' * 20, spec_id(algs))
    head += agile_event(0, 3, [(a, b'\0' * ALGS[a][1]) for a in algs], b'StartupLocality\0\x03')
    events, pcrs = [], Pcrs()
    for pcr, t, data in EVENTS:
        events.append(agile_event(pcr, t, [(a, h(a, data)) for a in algs], data))
        for a in algs:
            pcrs.extend(a, pcr, h(a, data))
    write(d, 'agile.log', head + b''.join(events))
    write(d, 'agile.expect', pcrs.lines(algs).encode())
    # broken variants
    bad = bytearray(agile_event(16, 4, [(a, h(a, b'\0\0\0\0')) for a in algs], b'\0\0\0\0'))
    bad[16] ^= 0x01  # inside the first (sha1) digest
    write(d, 'badhash.log', head + b''.join(events[:3]) + bytes(bad) + events[4])
    whole = head + b''.join(events)
    cut = len(head) + len(events[0]) + len(events[1]) + 10  # inside event 3's header
    write(d, 'trunc.log', whole[:cut])
    lie = bytearray(events[0])
    struct.pack_into('<I', lie, len(lie) - len(EVENTS[0][2]) - 4, 1 << 20)
    write(d, 'liesize.log', head + bytes(lie))
    write(d, 'unknownalg.log', head + agile_event(16, 1, [(0x0012, b'\0' * 32)], b'x'))
    body = b'Spec ID Event03\0' + struct.pack('<IBBBBI', 0, 0, 2, 0, 2, 200)
    write(d, 'badspec.log', sha1_event(0, 3, b'\0' * 20, body))


def ima_entry(end, pcr, name, tdata, thash=None):
    if thash is None:
        thash = hashlib.sha1(tdata).digest()
    return (struct.pack(end + 'I', pcr) + thash + struct.pack(end + 'I', len(name)) + name +
            struct.pack(end + 'I', len(tdata)) + tdata)


def field(end, data):
    return struct.pack(end + 'I', len(data)) + data


def ima_logs(d):
    for end, fname in (('>', 'ima-ng.log'), ('<', 'ima-ng-le.log')):
        pcrs1, pcrs256 = Pcrs(), Pcrs()
        log = b''
        for i, path in enumerate([b'/usr/bin/bash', b'/usr/lib/libc.so.6', b'/etc/ld.so.cache']):
            digest = hashlib.sha256(path + b' contents').digest()
            td = field(end, b'sha256:\0' + digest) + field(end, path + b'\0')
            e = ima_entry(end, 16, b'ima-ng', td)
            log += e
            th = hashlib.sha1(td).digest()
            pcrs1.extend(0x0004, 16, th)
            pcrs256.extend(0x000B, 16, th + b'\0' * 12)
        # a violation: zero template hash, extended as ones
        td = field(end, b'sha256:\0' + b'\0' * 32) + field(end, b'/tmp/violated\0')
        log += ima_entry(end, 16, b'ima-ng', td, b'\0' * 20)
        pcrs1.extend(0x0004, 16, b'\xff' * 20)
        pcrs256.extend(0x000B, 16, b'\xff' * 32)
        # the legacy "ima" template: digest[20], name length, name; hashed with name[256]
        fd = hashlib.sha1(b'legacy').digest()
        nm = b'/sbin/init'
        log += (struct.pack(end + 'I', 16) + hashlib.sha1(fd + nm + b'\0' * (256 - len(nm))).digest() +
                struct.pack(end + 'I', 3) + b'ima' + fd + struct.pack(end + 'I', len(nm)) + nm)
        th = hashlib.sha1(fd + nm + b'\0' * (256 - len(nm))).digest()
        pcrs1.extend(0x0004, 16, th)
        pcrs256.extend(0x000B, 16, th + b'\0' * 12)
        write(d, fname, log)
        base = fname[:-4]
        write(d, base + '.sha1.expect', pcrs1.lines([0x0004]).encode())
        write(d, base + '.sha256.expect', pcrs256.lines([0x000B]).encode())
        if end == '>':
            good = log
    # ima-sig
    end, log, pcrs = '>', b'', Pcrs()
    for path, sig in ((b'/usr/bin/signed', b'\x03\x02' + b'S' * 70), (b'/usr/bin/unsigned', b'')):
        td = (field(end, b'sha512:\0' + hashlib.sha512(path).digest()) + field(end, path + b'\0') +
              field(end, sig))
        log += ima_entry(end, 16, b'ima-sig', td)
        pcrs.extend(0x000B, 16, hashlib.sha1(td).digest() + b'\0' * 12)
    write(d, 'ima-sig.log', log)
    # PCR 10, where IBM's imaextend insists IMA goes (not resettable: the regression folds
    # the PCR's value before the replay with the printed template hashes)
    log = b''
    for path in (b'/usr/bin/ten', b'/usr/bin/eleven'):
        td = field('<', b'sha256:\0' + hashlib.sha256(path).digest()) + field('<', path + b'\0')
        log += ima_entry('<', 10, b'ima-ng', td)
    write(d, 'ima-pcr10.log', log)
    write(d, 'ima-sig.sha256.expect', pcrs.lines([0x000B]).encode())
    # broken lists
    write(d, 'ima-trunc.log', good[:len(good) - 7])
    e = bytearray(ima_entry('>', 16, b'ima-ng', field('>', b'sha1:\0' + b'\1' * 20) + field('>', b'/x\0')))
    struct.pack_into('>I', e, 24, 5000)  # template name length
    write(d, 'ima-badname.log', good + bytes(e))
    e = bytearray(ima_entry('>', 16, b'ima-ng', field('>', b'sha1:\0' + b'\1' * 20) + field('>', b'/x\0')))
    struct.pack_into('>I', e, 24 + 4 + 6, 1 << 24)  # template data length
    write(d, 'ima-badlen.log', bytes(e))
    td = field('>', b'sha256:\0' + b'\2' * 32) + field('>', b'/y\0')
    write(d, 'ima-badhash.log', good + ima_entry('>', 16, b'ima-ng', td, b'\7' * 20))
    td = field('>', b'sha256:\0' + b'\2' * 31) + field('>', b'/z\0')
    write(d, 'ima-baddata.log', ima_entry('>', 16, b'ima-ng', td))


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    firmware(d)
    ima_logs(d)


if __name__ == '__main__':
    main()
