#!/usr/bin/env python3
"""Tries to provoke memcached's lru_crawler_lock <-> maintenance_lock deadlock: small items inserted fast
(hash table expansions, -o hashpower=13) while other connections ask for hash-table metadumps.
   hashstress.py PORT SECONDS"""
import socket, sys, threading, time
port = int(sys.argv[1]); secs = float(sys.argv[2])
stop = time.time() + secs
def c():
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(30); return s
def setter(i):
    s = c(); n = 0
    try:
        while time.time() < stop:
            batch = b"".join(b"set k%d_%d 0 0 1 noreply\r\nx\r\n" % (i, n + j) for j in range(200)); n += 200
            s.sendall(batch)
    except Exception as e: print("setter", e)
def dumper():
    s = c(); buf = b""
    try:
        while time.time() < stop:
            s.sendall(b"lru_crawler metadump hash\r\n")
            while not (buf.endswith(b"END\r\n") or buf.startswith(b"BUSY") and buf.endswith(b"\r\n")):
                d = s.recv(1 << 20)
                if not d: raise EOFError
                buf += d
            buf = b""
    except Exception as e: print("dumper", repr(e))
ts = [threading.Thread(target=setter, args=(i,)) for i in range(4)] + [threading.Thread(target=dumper) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = c(); s.sendall(b"stats\r\n"); time.sleep(0.3); st = s.recv(1 << 16)
print([l for l in st.split(b"\r\n") if b"hash_power" in l or b"curr_items" in l])
