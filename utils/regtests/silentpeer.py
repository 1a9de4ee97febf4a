#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# silentpeer.py accept|full SECONDS: prints its port, then holds it for SECONDS.
import socket, sys, time
# a TCP peer that never answers: "accept" accepts one connection and reads nothing back;
# "full" never accepts and fills its backlog, so a further connect cannot complete
mode = sys.argv[1]
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
port = s.getsockname()[1]
hold = []
if mode == 'full':
    for i in range(4):
        c = socket.socket(); c.setblocking(False)
        try: c.connect(('127.0.0.1', port))
        except BlockingIOError: pass
        hold.append(c)
print(port, flush=True)
if mode == 'accept':
    c, _ = s.accept(); hold.append(c)
time.sleep(float(sys.argv[2]))
