#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Turns a recording of real TPM traffic (tpmproxy -record DIR: N.cmd / N.rsp) into seed
corpora for the fuzz targets:
  fuzz_execute    [command index][mode][L][In encoding (L bytes)][response]
  fuzz_unmarshal  [2-byte pick: command In or Out descriptor, top bit = sessions][bytes]
The command table order and the type count are read from the generated sources, so the
seeds follow the table. Seeds are named <command>-<hash> and deduplicated by content;
at most PER_COMMAND seeds are kept per command and target.
usage: seed.py RECORD_DIR TOP_DIR OUT_CORPUS_DIR"""
import hashlib
import os
import re
import sys

PER_COMMAND = 4


def table(top):
    consts = {}
    for line in open(os.path.join(top, "utils/tss2/TpmConstants.h")):
        m = re.match(r"#define (TPM_CC_\w+)\s+(0x[0-9A-Fa-f]+)", line)
        if m:
            consts[m.group(1)] = int(m.group(2), 16)
    order = []
    for line in open(os.path.join(top, "utils/lib/core/cmdtable_gen.c")):
        m = re.match(r"\s*\{(TPM_CC_\w+), \"(\w+)\", [^,]+, [^,]+, (\d+),", line)
        if m:
            order.append((consts[m.group(1)], m.group(2), int(m.group(3))))
    src = open(os.path.join(top, "utils/lib/marshal/desc_gen.c")).read()
    body = src[src.index("tss_all_types[] = {"):]
    ntypes = body[:body.index("};")].count("&tss_t_")
    return {cc: (i, name, nh) for i, (cc, name, nh) in enumerate(order)}, ntypes


def u16(b, o):
    return b[o] << 8 | b[o + 1]


def u32(b, o):
    return b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]


def command_in(cmd, nh):
    """handles and parameters without the authorization area, or None if malformed"""
    if len(cmd) < 10 + 4 * nh:
        return None
    handles = cmd[10:10 + 4 * nh]
    rest = cmd[10 + 4 * nh:]
    if u16(cmd, 0) == 0x8002:
        if len(rest) < 4 or 4 + u32(rest, 0) > len(rest):
            return None
        rest = rest[4 + u32(rest, 0):]
    return handles + rest


def main():
    rec, top, out = sys.argv[1:4]
    cmds, ntypes = table(top)
    kept = {}
    written = 0
    for f in sorted(os.listdir(rec)):
        if not f.endswith(".cmd"):
            continue
        cmd = open(os.path.join(rec, f), "rb").read()
        try:
            rsp = open(os.path.join(rec, f[:-4] + ".rsp"), "rb").read()
        except OSError:
            continue
        if len(cmd) < 10 or len(rsp) < 10 or u32(cmd, 6) not in cmds:
            continue
        idx, name, nh = cmds[u32(cmd, 6)]
        inb = command_in(cmd, nh)
        if inb is None or len(inb) > 255:
            inb = b""
        sessions = u16(cmd, 0) == 0x8002
        mode = 1 if sessions else 0  # a password session in fuzz_execute's terms
        seeds = [("fuzz_execute", bytes([idx % 256, mode, len(inb)]) + inb + rsp)]
        pick_in = ntypes + 2 * idx
        seeds.append(("fuzz_unmarshal", bytes([pick_in >> 8 & 0x7f, pick_in & 0xff]) + inb))
        if u32(rsp, 6) == 0:
            pick_out = (ntypes + 2 * idx + 1) | (0x8000 if u16(rsp, 0) == 0x8002 else 0)
            seeds.append(("fuzz_unmarshal", bytes([pick_out >> 8, pick_out & 0xff]) + rsp[10:]))
        for target, data in seeds:
            key = (target, name)
            if kept.get(key, 0) >= PER_COMMAND:
                continue
            d = os.path.join(out, target)
            os.makedirs(d, exist_ok=True)
            path = os.path.join(d, "%s-%s" % (name, hashlib.sha256(data).hexdigest()[:12]))
            if os.path.exists(path):
                continue
            with open(path + ".tmp", "wb") as fh:
                fh.write(data)
            os.replace(path + ".tmp", path)
            kept[key] = kept.get(key, 0) + 1
            written += 1
    print("seed.py: %d seeds from %s" % (written, rec))


if __name__ == "__main__":
    main()
