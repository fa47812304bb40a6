#!/usr/bin/env python3
"""Runs benchmark variants alternately (native, shim preloaded, ThreadSanitizer, and optionally the
floor interposer and a baseline shim), N rounds each, and prints median wall time, peak RSS and
their ratios to native. Used by run.sh:
  measure.py ROUNDS SHIM NATIVE TSAN [--floor FLOOR_SO] [--baseline OTHER_SHIM]
--floor runs floor_interposer.cpp preloaded (what remembering the edges costs at the least);
--baseline runs another build of the shim (e.g. main's), so before/after come from the same rounds."""
import argparse, os, statistics, subprocess, sys, time

def run(cmd, env):
    # Peak RSS through GNU time: a child's ru_maxrss seen from Python would include the RSS of
    # the Python process it was forked from.
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "maxrss=%M"] + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    elapsed = time.monotonic() - start
    err = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} exited {p.returncode}:\n{err[-2000:]}")
    return elapsed, int(err.rsplit("maxrss=", 1)[1].split()[0])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rounds", type=int)
    ap.add_argument("shim")
    ap.add_argument("native")
    ap.add_argument("tsan")
    ap.add_argument("--floor")
    ap.add_argument("--baseline")
    a = ap.parse_args()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LD_PRELOAD", "LOCKSCOPE_"))}
    variants = {
        "native": (a.native, base),
        "lockscope": (a.native, dict(base, LD_PRELOAD=a.shim)),
        "tsan": (a.tsan, dict(base, TSAN_OPTIONS="report_signal_unsafe=0")),
    }
    if a.floor:
        variants["floor"] = (a.native, dict(base, LD_PRELOAD=a.floor))
    if a.baseline:
        variants["baseline"] = (a.native, dict(base, LD_PRELOAD=a.baseline))
    times = {k: [] for k in variants}
    rss = {k: [] for k in variants}
    for _ in range(a.rounds):
        for name, (exe, env) in variants.items():
            t, m = run([exe], env)
            times[name].append(t)
            rss[name].append(m)
    nt, nm = statistics.median(times["native"]), statistics.median(rss["native"])
    print(f"  {'variant':10} {'median s':>9} {'slowdown':>9} {'peak RSS MB':>12} {'RSS ratio':>9}")
    for name in variants:
        t, m = statistics.median(times[name]), statistics.median(rss[name])
        print(f"  {name:10} {t:9.3f} {t / nt:8.2f}x {m / 1024:12.1f} {m / nm:8.2f}x")

main()
