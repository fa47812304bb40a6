#!/usr/bin/env bash
# Issue 7's figures on a real code base, measured in one run (hyperfine):
#   cold      lockscope check --cache-dir (empty cache): every unit parsed, one link
#   warm      the same again, nothing changed: no unit parsed, link reused
#   edit      one .cc edited (a line inserted at its top, so its facts change): one unit parsed, one link
#   link      lockscope link over the facts of every unit (check --facts-out): the link step alone
# and checks the counts behind them with --stats (units from the cache, link from the cache).
# Prints mean wall and CPU (user+system) times and the ratios warm/cold and edit/cold. On a loaded
# machine wall times mislead (other jobs take the cores): CPU times still hold; the load average
# is printed with the figures.
#
# usage: bench/scale/run.sh [LEVELDB_SOURCE] [LOCKSCOPE_BINARY]   (RUNS=N for warm/edit/link runs)
# The source is copied and configured in a scratch directory (the edits never touch yours):
#   /work/shared/tools/debian-source leveldb /tmp/src   ->   LEVELDB_SOURCE=/tmp/src/leveldb
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-/tmp/src/leveldb}
lockscope=${2:-$here/../../build-scale/tools/lockscope/lockscope}
runs=${RUNS:-5}
edited=${EDITED:-db/version_set.cc}
[[ -f $src/CMakeLists.txt && -f $src/$edited ]] || { echo "run.sh: $src is not a leveldb source tree" >&2; exit 2; }
[[ -x $lockscope ]] || { echo "run.sh: $lockscope is not an executable" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/leveldb"
tar -C "$src" --exclude=./build -cf - . | tar -C "$tmp/leveldb" -xf -
cmake -S "$tmp/leveldb" -B "$tmp/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DLEVELDB_BUILD_TESTS=OFF \
  -DLEVELDB_BUILD_BENCHMARKS=OFF -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >"$tmp/cmake.log"
db=$tmp/build
cache=$tmp/cache
file=$tmp/leveldb/$edited

check="$lockscope check -q -p $db --cache-dir $cache -o /dev/null"
# Prints the --stats line of one check (exit 1 = findings is fine, 2 = a unit failed: stop).
stats() {
  local status=0
  $lockscope check -q -p "$db" --cache-dir "$cache" --stats -o "$tmp/report.txt" 2>"$tmp/stats.txt" || status=$?
  ((status != 2)) || { echo "run.sh: lockscope check reported errors:" >&2; head "$tmp/report.txt" >&2; exit 2; }
  grep 'translation units' "$tmp/stats.txt"
}

echo "== counts (--stats)"
rm -rf "$cache"
echo "cold:         $(stats)"
echo "warm:         $(stats)"
sed -i "1i // edited by bench/scale/run.sh" "$file"
echo "one .cc edit: $(stats)"
touch "$tmp/leveldb/db/db_impl.cc"
echo "touch only:   $(stats)"
"$lockscope" check -q -p "$db" --facts-out "$tmp/facts" 2>/dev/null

echo "== times"
# -i: findings make lockscope exit 1, which is not a failure here. Each edit run inserts a new
# line, so the edited unit's facts (its line numbers) differ from every cached state.
hyperfine -N -i --export-json "$tmp/cold.json" --runs 2 --prepare "rm -rf $cache" -n cold "$check"
# One --prepare per command, in order (hyperfine matches them by position).
hyperfine -N -i --export-json "$tmp/rest.json" --runs "$runs" --warmup 1 \
  --prepare "true" --prepare "sed -i '1i // edit' $file" --prepare "true" \
  -n warm "$check" -n edit "$check" -n link "$lockscope link -q $tmp/facts -o /dev/null"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(jq length "$db/compile_commands.json") compile commands"
python3 - "$tmp/cold.json" "$tmp/rest.json" <<'PY'
import json, sys
t = {}
for path in sys.argv[1:]:
    t.update({r["command"]: r for r in json.load(open(path))["results"]})
wall = {k: v["mean"] for k, v in t.items()}
cpu = {k: v["user"] + v["system"] for k, v in t.items()}
for k in ["cold", "warm", "edit", "link"]:
    print(f"{k:5} wall {wall[k]:7.2f} s (sd {t[k]['stddev']:.2f})  cpu {cpu[k]:7.2f} s")
print(f"warm / cold = {wall['warm'] / wall['cold']:.3f} wall, {cpu['warm'] / cpu['cold']:.3f} cpu   (goal <= 0.10)")
print(f"edit / cold = {wall['edit'] / wall['cold']:.3f} wall, {cpu['edit'] / cpu['cold']:.3f} cpu")
print(f"link alone  = {wall['link']:.2f} s wall, {cpu['link']:.2f} s cpu   (goal well under 1 s)")
PY
