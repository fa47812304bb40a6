#!/usr/bin/env python3
"""Drives memcached as a user would: N concurrent connections doing set/get/delete/incr/add/append/
touch/mg/gat over many keys, plus one admin connection (stats, stats items/slabs/settings/conns/sizes,
lru_crawler metadump all and hash, lru_crawler crawl, slabs reassign/automove, flush_all). Prints the
load's wall time and a few server stats; exits 1 when a command got an unexpected answer or timed out
(20 s per read), so a hung server shows as a failure instead of a stuck run."""
import socket, sys, threading, random, time, argparse

def conn(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.settimeout(20)
    return s

class C:
    def __init__(self, port):
        self.s = conn(port); self.buf = b""
    def send(self, data): self.last = data[:60]; self.s.sendall(data)
    def line(self):
        while b"\r\n" not in self.buf:
            d = self.s.recv(65536)
            if not d: raise EOFError
            self.buf += d
        l, self.buf = self.buf.split(b"\r\n", 1)
        return l
    def until(self, ends):
        out = []
        while True:
            l = self.line(); out.append(l)
            if l in ends or l.startswith(b"BUSY") or l.startswith(b"ERROR") or l.startswith(b"CLIENT_ERROR") or l.startswith(b"SERVER_ERROR"):
                return out
    def skip_value(self, n):  # a value block of n bytes and its \r\n
        while len(self.buf) < n + 2:
            self.buf += self.s.recv(65536)
        self.buf = self.buf[n + 2:]
    def get_value(self, cmd):  # get / gat: VALUE line, block, END
        self.send(cmd)
        l = self.line()
        if l != b"END":
            self.skip_value(int(l.split()[3]))
            assert self.line() == b"END"

def worker(port, ops, nkeys, seed, errors):
    r = random.Random(seed); c = C(port)
    try:
        for i in range(ops):
            k = b"key%d" % r.randrange(nkeys)
            op = r.random()
            if op < 0.35:
                size = r.choice(SIZES)
                c.send(b"set %s 0 0 %d\r\n%s\r\n" % (k, size, b"x" * size)); l = c.line()
                if l not in (b"STORED", b"SERVER_ERROR out of memory storing object"): errors.append(l)
            elif op < 0.65:
                c.get_value(b"get %s\r\n" % k)
            elif op < 0.72:
                c.send(b"delete %s\r\n" % k); c.line()
            elif op < 0.80:
                ck = b"ctr%d" % r.randrange(100)
                c.send(b"incr %s 1\r\n" % ck); l = c.line()
                if l == b"NOT_FOUND":
                    c.send(b"add %s 0 0 1\r\n0\r\n" % ck); c.line()
            elif op < 0.87:
                c.send(b"append %s 0 0 5\r\nabcde\r\n" % k); c.line()
            elif op < 0.93:
                c.send(b"touch %s 100\r\n" % k); c.line()
            elif op < 0.96:
                c.send(b"mg %s v t\r\n" % k); l = c.line()
                if l.startswith(b"VA"): c.skip_value(int(l.split()[1]))
            else:
                c.get_value(b"gat 50 %s\r\n" % k)
    except Exception as e:
        errors.append(repr(e) + " after " + repr(c.last) + " buf " + repr(c.buf[:80]))

def admin(port, rounds, errors, reassign):
    c = C(port)
    try:
        for i in range(rounds):
            for cmd in (b"stats", b"stats items", b"stats slabs", b"stats settings", b"stats conns", b"stats sizes"):
                c.send(cmd + b"\r\n"); c.until((b"END",))
            for which in (b"all", b"hash"):
                c.send(b"lru_crawler metadump " + which + b"\r\n")
                while True:  # metadump lines end in a bare \n; the last one before END\r\n is glued to it
                    l = c.line()
                    if l.endswith(b"END") or l.startswith(b"BUSY") or l.startswith(b"ERROR"): break
            c.send(b"lru_crawler crawl all\r\n"); c.line()
            if reassign:
                c.send(b"slabs reassign %d %d\r\n" % (random.randrange(1, 20), random.randrange(1, 20))); c.line()
                c.send(b"slabs automove 1\r\n"); c.line()
            c.send(b"verbosity 0\r\n"); c.line()
            if i % FLUSH_EVERY == FLUSH_EVERY - 1:
                c.send(b"flush_all\r\n"); c.line()
            time.sleep(0.05)
    except Exception as e:
        errors.append("admin " + repr(e) + " after " + repr(c.last) + " buf " + repr(c.buf[:80]))

SIZES = [10, 100, 500, 2000, 8000, 30000]

def main():
    global SIZES, FLUSH_EVERY
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--conns", type=int, default=8)
    ap.add_argument("--ops", type=int, default=20000)
    ap.add_argument("--keys", type=int, default=20000)
    ap.add_argument("--admin-rounds", type=int, default=20)
    ap.add_argument("--reassign", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shutdown", action="store_true")
    ap.add_argument("--small", action="store_true", help="values of 10-100 bytes: many items, hash table expansions")
    ap.add_argument("--flush-every", type=int, default=5, help="flush_all every N admin rounds")
    ap.add_argument("--final-metadump-hash", action="store_true",
                    help="after the load and a 2 s pause (a pending hash expansion runs), one `lru_crawler metadump hash`")
    a = ap.parse_args()
    FLUSH_EVERY = a.flush_every
    if a.small: SIZES = [10, 30, 100]
    for _ in range(100):
        try: conn(a.port).close(); break
        except OSError: time.sleep(0.1)
    else:
        sys.exit("load: no server on port %d" % a.port)
    errors = []
    ts = [threading.Thread(target=worker, args=(a.port, a.ops, a.keys, a.seed * 1000 + i, errors)) for i in range(a.conns)]
    ts.append(threading.Thread(target=admin, args=(a.port, a.admin_rounds, errors, a.reassign)))
    t0 = time.time()
    for t in ts: t.start()
    for t in ts: t.join()
    dt = time.time() - t0
    c = C(a.port); c.send(b"stats\r\n"); st = dict(l.split()[1:3] for l in c.until((b"END",))[:-1])
    print("load: %.2f s, %d ops, errors %d %s; evictions %s curr_items %s total_conns %s hash_power_level %s" % (
        dt, a.conns * a.ops, len(errors), errors[:3], st[b"evictions"].decode(), st[b"curr_items"].decode(), st[b"total_connections"].decode(), st[b"hash_power_level"].decode()))
    if b"extstore_objects_written" in st:
        print("extstore: objects written %s, read %s, compact_rescues %s" % (st[b"extstore_objects_written"].decode(), st[b"extstore_objects_read"].decode(), st.get(b"extstore_compact_rescues", b"-").decode()))
    if a.final_metadump_hash:
        time.sleep(2)
        c.send(b"lru_crawler metadump hash\r\n")
        while not c.line().endswith(b"END"): pass
        print("final metadump hash: done")
    if a.shutdown:
        c.send(b"shutdown\r\n")
        try: print("shutdown:", c.line())
        except EOFError: print("shutdown: connection closed")
    sys.exit(1 if errors else 0)

main()
