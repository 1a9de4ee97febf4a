#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the event logs the regression replays, and the PCR values they must give,
computed here independently of the utilities:

  bios.log        SHA-1 format firmware log (TCG_PCR_EVENT), PCRs 16 and 23
  agile.log       crypto-agile log: Spec ID Event03 (sha1, sha256, sha384), StartupLocality,
                  TCG_PCR_EVENT2 events in PCRs 16 and 23
  *.expect        firmware: "PCR NN alg hex" lines, as eventextend -sim prints them;
                  IMA: imaextend -sim output as IBM's prints it (banks sha1 sha256; .multi:
                  sha384 sha256 sha1), and .lines "PCR NN alg hex" for the four banks
  badhash.log     agile.log with one EV_SEPARATOR digest that is not the hash of its data
  trunc.log       agile.log cut inside event 3;  liesize.log: event 2 claims 1 MiB of data
  unknownalg.log  event 1 carries a digest of an algorithm the Spec ID event does not list
  badspec.log     a Spec ID event listing 200 algorithms
  ima-ng.log      IMA list (big-endian), ima-ng entries, a violation and an "ima" entry
  ima-ng-le.log   the same, little-endian (its own template hashes)
  ima-sig.log     ima-sig entries (with and without a signature)
  ima-tmpl.log    templates "d-ng|sig", "d-ng|n-ng|sig" (custom field lists), ima-buf, ima-ngv2
  ima-pcr10.log   two little-endian ima-ng entries for PCR 10 (compared with IBM's imaextend -le);
                  ima-pcr10.sha256 their sha256 bank digests
  ima-trunc.log, ima-badname.log, ima-badlen.log, ima-badhash.log, ima-baddata.log,
  ima-badfields.log, ima-shortfields.log  broken IMA lists
IMA PCRs are the kernel's: the sha1 bank extends the template hash, the others the template
data hashed with the bank's algorithm.
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


IMA_ALGS = [0x0004, 0x000B, 0x000C, 0x000D]
ALG_IDS = {0x0004: 'TPM_ALG_SHA1', 0x000B: 'TPM_ALG_SHA256', 0x000C: 'TPM_ALG_SHA384',
           0x000D: 'TPM_ALG_SHA512'}


class ImaPcrs(Pcrs):
    """The kernel's extends: the sha1 bank gets the list's template hash, every other bank
    the template data (as hashed) hashed with the bank's algorithm; a violation (zero
    template hash) extends all ones."""

    def entry(self, pcr, thash, hashed):
        for alg in IMA_ALGS:
            if thash == b'\0' * 20:
                self.extend(alg, pcr, b'\xff' * ALGS[alg][1])
            else:
                self.extend(alg, pcr, thash if alg == 0x0004 else h(alg, hashed))

    def ibm(self, algs):
        """imaextend -sim output, as IBM's prints it: every PCR of every bank"""
        out = ''
        for alg in algs:
            out += 'algorithmId %s\n' % ALG_IDS[alg]
            for pcr in range(24):
                v = self.v.get((alg, pcr), b'\0' * ALGS[alg][1])
                out += ' PCR %02u: %s\n' % (pcr, ''.join('%02x ' % b for b in v))
        return out


def ima_write(d, base, log, pcrs):
    write(d, base + '.log', log)
    write(d, base + '.expect', pcrs.ibm([0x0004, 0x000B]).encode())  # the default banks
    write(d, base + '.multi.expect', pcrs.ibm([0x000C, 0x000B, 0x0004]).encode())
    write(d, base + '.lines', pcrs.lines(IMA_ALGS).encode())


def ima_logs(d):
    for end, base in (('>', 'ima-ng'), ('<', 'ima-ng-le')):
        pcrs = ImaPcrs()
        log = b''
        for i, path in enumerate([b'/usr/bin/bash', b'/usr/lib/libc.so.6', b'/etc/ld.so.cache']):
            digest = hashlib.sha256(path + b' contents').digest()
            td = field(end, b'sha256:\0' + digest) + field(end, path + b'\0')
            log += ima_entry(end, 16, b'ima-ng', td)
            pcrs.entry(16, hashlib.sha1(td).digest(), td)
        # a violation: zero template hash, extended as ones
        td = field(end, b'sha256:\0' + b'\0' * 32) + field(end, b'/tmp/violated\0')
        log += ima_entry(end, 16, b'ima-ng', td, b'\0' * 20)
        pcrs.entry(16, b'\0' * 20, td)
        # the legacy "ima" template: digest[20], name length, name; hashed with name[256]
        fd = hashlib.sha1(b'legacy').digest()
        nm = b'/sbin/init'
        hashed = fd + nm + b'\0' * (256 - len(nm))
        log += (struct.pack(end + 'I', 16) + hashlib.sha1(hashed).digest() +
                struct.pack(end + 'I', 3) + b'ima' + fd + struct.pack(end + 'I', len(nm)) + nm)
        pcrs.entry(16, hashlib.sha1(hashed).digest(), hashed)
        ima_write(d, base, log, pcrs)
        if end == '>':
            good = log
    # ima-sig
    end, log, pcrs = '>', b'', ImaPcrs()
    for path, sig in ((b'/usr/bin/signed', b'\x03\x02' + b'S' * 70), (b'/usr/bin/unsigned', b'')):
        td = (field(end, b'sha512:\0' + hashlib.sha512(path).digest()) + field(end, path + b'\0') +
              field(end, sig))
        log += ima_entry(end, 16, b'ima-sig', td)
        pcrs.entry(16, hashlib.sha1(td).digest(), td)
    ima_write(d, 'ima-sig', log, pcrs)
    # templates parsed by name: custom field lists (the name is the list), ima-buf, d-ngv2
    log, pcrs = b'', ImaPcrs()
    for name, td in (
            (b'd-ng|sig', field(end, b'sha256:\0' + b'\5' * 32) + field(end, b'\3\2SIG')),
            (b'd-ng|n-ng|sig', field(end, b'sha1:\0' + b'\6' * 20) + field(end, b'/custom\0') +
             field(end, b'')),
            (b'ima-buf', field(end, b'sha256:\0' + b'\7' * 32) + field(end, b'kexec-cmdline\0') +
             field(end, b'root=/dev/sda1')),
            (b'ima-ngv2', field(end, b'ima:sha384:\0' + b'\x08' * 48) + field(end, b'/v2\0'))):
        log += ima_entry(end, 16, name, td)
        pcrs.entry(16, hashlib.sha1(td).digest(), td)
    ima_write(d, 'ima-tmpl', log, pcrs)
    # ima-ng whose data has a third field: not the template's fields (-checkdata)
    td = field(end, b'sha256:\0' + b'\1' * 32) + field(end, b'/extra\0') + field(end, b'more')
    write(d, 'ima-badfields.log', ima_entry(end, 16, b'ima-ng', td))
    # "d-ng|sig" whose data lacks the sig field
    write(d, 'ima-shortfields.log', ima_entry(end, 16, b'd-ng|sig', field(end, b'sha1:\0' + b'\1' * 20)))
    # PCR 10, where IBM's imaextend insists IMA goes (not resettable: the regression folds
    # the PCR's value before the replay with the printed template hashes)
    log, pcrs = b'', ImaPcrs()
    for path in (b'/usr/bin/ten', b'/usr/bin/eleven'):
        td = field('<', b'sha256:\0' + hashlib.sha256(path).digest()) + field('<', path + b'\0')
        log += ima_entry('<', 10, b'ima-ng', td)
        pcrs.entry(10, hashlib.sha1(td).digest(), td)
    ima_write(d, 'ima-pcr10', log, pcrs)
    # the sha256 bank's digest of each entry, for the fold of the non-resettable PCR 10
    write(d, 'ima-pcr10.sha256', b''.join(
        hashlib.sha256(field('<', b'sha256:\0' + hashlib.sha256(p).digest()) +
                       field('<', p + b'\0')).hexdigest().encode() + b'\n'
        for p in (b'/usr/bin/ten', b'/usr/bin/eleven')))
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
