#!/usr/bin/env python3
"""A fixed pipelined load for cost measurements (measure.sh): C connections, each B batches of 50
`set ... noreply` plus 10 multi-gets of 10 keys (150 operations a batch: 50 sets, 100 key lookups),
over K keys. One Python process: at ~1M operations/s it, not the server, sets the pace.
   cost.py PORT C B K"""
import socket, sys, threading, time, random
port, C, B, K = (int(x) for x in sys.argv[1:5])
def run(i):
    r = random.Random(i); s = socket.create_connection(("127.0.0.1", port)); s.settimeout(60)
    for b in range(B):
        parts = []
        for _ in range(50):
            n = r.randrange(K); size = r.choice((10, 100, 1000))
            parts.append(b"set k%d 0 0 %d noreply\r\n%s\r\n" % (n, size, b"v" * size))
        for _ in range(10):
            parts.append(b"get " + b" ".join(b"k%d" % r.randrange(K) for _ in range(10)) + b"\r\n")
        s.sendall(b"".join(parts))
        ends = 0; buf = b""
        while ends < 10:
            d = s.recv(1 << 20)
            if not d: raise EOFError
            buf += d; ends += d.count(b"END\r\n")
t0 = time.time()
ts = [threading.Thread(target=run, args=(i,)) for i in range(C)]
for t in ts: t.start()
for t in ts: t.join()
dt = time.time() - t0
print("cost load: %.2f s, %d ops, %.0f ops/s" % (dt, C * B * 150, C * B * 150 / dt))
