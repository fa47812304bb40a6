#!/usr/bin/env bash
# Static-analysis cost against its floor, measured in one run on the same compile database:
#   parse     clang-19 -fsyntax-only over every entry, one after another (parse_all.py)
#   check-j1  lockscope check -j1 (extraction of every unit + one link)
#   check-j2  lockscope check -j2
# Prints mean times, the ratios check-j1/parse and check-j2/check-j1, and peak RSS of each.
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

python3 - "$tmp/times.json" "$rss_parse" "$rss_check1" "$rss_check2" <<'PY'
import json, sys
t = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
mean = {k: v["mean"] for k, v in t.items()}
rss = dict(zip(["parse", "check-j1", "check-j2"], (int(x) / 1024 for x in sys.argv[2:5])))
for k in ["parse", "check-j1", "check-j2"]:
    print(f"{k:9} mean {mean[k]:7.2f} s  (sd {t[k]['stddev']:.2f})  peak RSS {rss[k]:7.1f} MiB")
print(f"check -j1 / parse     = {mean['check-j1'] / mean['parse']:.2f}x   (goal <= 1.3x)")
print(f"check -j2 / check -j1 = {mean['check-j2'] / mean['check-j1']:.2f}    (goal close to 0.5)")
PY
