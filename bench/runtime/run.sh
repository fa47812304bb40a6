#!/bin/sh
# Runtime shim benchmark: builds the two microbenchmarks natively and with ThreadSanitizer
# (clang-19), then runs native / shim preloaded / tsan alternately and prints median slowdown and
# peak-RSS ratios against native measured in the same run. The "floor" row is floor_interposer.cpp
# preloaded: a bare edge recorder, what remembering the edges costs at the least.
#   bench/runtime/run.sh [BUILD_DIR] [ROUNDS] [BASELINE_SHIM]
# BUILD_DIR holds runtime/liblockscope-rt.so; BASELINE_SHIM (optional) is another build of the shim
# (e.g. main's) run in the same rounds as "baseline".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
rounds=${2:-5}
baseline=${3:-}
shim=$(cd "$build/runtime" && pwd)/liblockscope-rt.so
[ -f "$shim" ] || { echo "no $shim: build the lockscope_rt_shared target first" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
clang++-19 -std=c++20 -O2 -shared -fPIC "$here/floor_interposer.cpp" -o "$out/floor.so"
for b in lock_heavy lock_contended new_edges; do
  clang++-19 -std=c++20 -O2 -g -pthread "$here/$b.cpp" -o "$out/$b"
  clang++-19 -std=c++20 -O2 -g -pthread -fsanitize=thread "$here/$b.cpp" -o "$out/$b.tsan"
done
for b in lock_heavy lock_contended new_edges; do
  echo "$b ($rounds rounds, alternating):"
  python3 "$here/measure.py" "$rounds" "$shim" "$out/$b" "$out/$b.tsan" --floor "$out/floor.so" \
    ${baseline:+--baseline "$baseline"}
done
