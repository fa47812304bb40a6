#!/usr/bin/env bash
# Static-analysis cost against its floor, measured in one run on the same compile database:
#   parse     clang-19 -fsyntax-only over every entry, one after another (parse_all.py)
#   check-j1  lockscope check -j1 (extraction of every unit + one link)
#   check-j2  lockscope check -j2
# Prints mean wall and CPU (user+system) times, the ratios check-j1/parse and check-j2/check-j1,
# and peak RSS of each. On a loaded machine wall times mislead (other jobs take the cores): the
# CPU ratio still holds, and the load average is printed with the figures.
#
# usage: bench/static/run.sh [BUILD_DIR] [LOCKSCOPE_BINARY]     (RUNS=N to change the run count)
# BUILD_DIR holds compile_commands.json; see README.md for how to make leveldb's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=${1:-/tmp/src/leveldb/build}
lockscope=${2:-$here/../../build-drv/tools/lockscope/lockscope}
runs=${RUNS:-5}
[[ -e $db/compile_commands.json || $db == *.json ]] || { echo "run.sh: no compile_commands.json in $db" >&2; exit 2; }
[[ -x $lockscope ]] || { echo "run.sh: $lockscope is not an executable" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Timings are only comparable when every unit was analyzed (exit 2 means some were not).
set +e
"$lockscope" check -q -j1 -p "$db" -o "$tmp/report.txt"
status=$?
set -e
if ((status == 2)); then
  echo "run.sh: lockscope check reported errors; fix them before timing:" >&2
  head -20 "$tmp/report.txt" >&2
  exit 2
fi
echo "lockscope check: exit $status, $(grep -c 'warning:' "$tmp/report.txt" || true) findings"

parse="python3 $here/parse_all.py $db"
check1="$lockscope check -q -j1 -p $db -o /dev/null"
check2="$lockscope check -q -j2 -p $db -o /dev/null"
# -i: findings make lockscope exit 1, which is not a failure here.
hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$tmp/times.json" \
  -n parse "$parse" -n check-j1 "$check1" -n check-j2 "$check2"

rss() { /usr/bin/time -f %M "$@" >/dev/null 2>"$tmp/rss" || true; tail -n1 "$tmp/rss"; }
rss_parse=$(rss $parse)
rss_check1=$(rss $check1)
rss_check2=$(rss $check2)

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
python3 - "$tmp/times.json" "$rss_parse" "$rss_check1" "$rss_check2" <<'PY'
import json, sys
t = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
wall = {k: v["mean"] for k, v in t.items()}
cpu = {k: v["user"] + v["system"] for k, v in t.items()}
rss = dict(zip(["parse", "check-j1", "check-j2"], (int(x) / 1024 for x in sys.argv[2:5])))
for k in ["parse", "check-j1", "check-j2"]:
    print(f"{k:9} wall {wall[k]:6.2f} s (sd {t[k]['stddev']:.2f})  cpu {cpu[k]:6.2f} s  peak RSS {rss[k]:6.1f} MiB")
print(f"check -j1 / parse     = {wall['check-j1'] / wall['parse']:.2f}x wall, {cpu['check-j1'] / cpu['parse']:.2f}x cpu"
      "   (goal <= 1.3x)")
print(f"check -j2 / check -j1 = {wall['check-j2'] / wall['check-j1']:.2f} wall   (goal close to 0.5)")
PY
