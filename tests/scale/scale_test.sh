#!/usr/bin/env bash
# End-to-end tests of issue 7 (docs/scale.md): the fact cache, shards + `lockscope link`, and the
# `lockscope-extract` compiler launcher, run as a user would: a scratch project, the real binary.
#   scale_test.sh LOCKSCOPE_BINARY CLANGXX CASE
set -uo pipefail
lockscope=${1:?usage: scale_test.sh LOCKSCOPE CLANGXX CASE}
clangxx=${2:?usage: scale_test.sh LOCKSCOPE CLANGXX CASE}
case_name=${3:?usage: scale_test.sh LOCKSCOPE CLANGXX CASE}
launcher="$(dirname "$lockscope")/lockscope-extract"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/e2e.sh"
run() { run_cmd "$@"; }
same() { cmp -s "$1" "$2" || { diff "$1" "$2" | head -40; fail "$1 and $2 differ"; }; }

# Five units: a lock-order inversion across registry.cpp and stats.cpp (reported in stats.cpp),
# a race on `hits` (hits.cpp), and util.cpp, which does not include locks.h.
write_project() {
  mkdir -p src
  cat >src/locks.h <<'CPP'
#pragma once
#include <mutex>
extern std::mutex registry_lock, stats_lock;
extern int hits;
void register_user();
void report_stats();
void count_hit();
int twice(int);
CPP
  cat >src/registry.cpp <<'CPP'
#include "locks.h"
std::mutex registry_lock, stats_lock;
void register_user() { std::lock_guard<std::mutex> r(registry_lock); std::lock_guard<std::mutex> s(stats_lock); }
CPP
  cat >src/stats.cpp <<'CPP'
#include "locks.h"
void report_stats() { std::lock_guard<std::mutex> s(stats_lock); std::lock_guard<std::mutex> r(registry_lock); }
CPP
  cat >src/hits.cpp <<'CPP'
#include "locks.h"
int hits;
void count_hit() { hits += 1; }
CPP
  cat >src/util.cpp <<'CPP'
int twice(int x) { return 2 * x; }
CPP
  cat >src/main.cpp <<'CPP'
#include <thread>
#include "locks.h"
int main() {
  std::thread t1([] { register_user(); count_hit(); });
  std::thread t2([] { report_stats(); count_hit(); });
  t1.join();
  t2.join();
  return twice(0);
}
CPP
}
# A compile database for src/*.cpp (or the files given), compiled in build/.
write_database() {
  mkdir -p build
  local files=("$@") entries=() f
  ((${#files[@]})) || files=(main registry stats hits util)
  for f in "${files[@]}"; do
    entries+=("{\"directory\": \"$tmp/build\", \"file\": \"$tmp/src/$f.cpp\", \"command\": \"$clangxx -std=c++20 -I$tmp/src -c $tmp/src/$f.cpp -o $f.o\"}")
  done
  (IFS=,; echo "[${entries[*]}]") >build/compile_commands.json
}
check() { "$lockscope" check -p build "$@"; }

case "$case_name" in
cache_hit)
  write_project; write_database
  run 1 check --cache-dir cache --stats --format json -o cold.json
  has err.txt "5 translation units (0 from the cache)"
  run 1 check --cache-dir cache --stats --format json -o warm.json
  has err.txt "5 translation units (5 from the cache)"
  has err.txt "s (from the cache)"  # the link too
  lacks err.txt "warning"
  same cold.json warm.json
  run 1 check --cache-dir cache -o warm.txt
  run 1 check -o plain.txt
  same plain.txt warm.txt
  has warm.json "lock-order-inversion"
  # Another lockscope build (same version string, other extraction) trusts none of these facts.
  cp "$lockscope" lockscope-rebuilt && printf 'x' >>lockscope-rebuilt
  run 1 ./lockscope-rebuilt check -p build --cache-dir cache --stats
  has err.txt "(0 from the cache)"
  lacks err.txt "s (from the cache)"
  # Another command (a new flag) is another entry.
  sed -i 's/-std=c++20/-std=c++20 -DX/g' build/compile_commands.json
  run 1 check --cache-dir cache --stats
  has err.txt "(0 from the cache)"
  ;;
cache_header_change)
  # Every unit but util.cpp reads locks.h: changing it re-parses exactly those four.
  write_project; write_database
  run 1 check --cache-dir cache --stats --format json -o before.json
  echo "// a comment changes the content" >>src/locks.h
  run 1 check --cache-dir cache --stats --format json -o after.json
  has err.txt "5 translation units (1 from the cache)"
  same before.json after.json
  # A change that matters: the inversion is gone once stats.cpp takes the locks in order.
  sed -i 's/std::lock_guard<std::mutex> s(stats_lock); std::lock_guard<std::mutex> r(registry_lock);/std::lock_guard<std::mutex> r(registry_lock); std::lock_guard<std::mutex> s(stats_lock);/' src/stats.cpp
  run 1 check --cache-dir cache --stats --format json -o fixed.json
  has err.txt "5 translation units (4 from the cache)"
  lacks fixed.json "lock-order-inversion"
  has fixed.json "data-race"
  ;;
cache_corrupt)
  write_project; write_database
  run 1 check --cache-dir cache --format json -o cold.json
  n=0
  for entry in cache/*.json; do
    ((n++ % 2)) && echo '{"truncated": ' >"$entry" || printf '\0\1garbage' >"$entry"
  done
  ((n == 6)) || fail "expected 6 cache entries (5 units, 1 link), found $n"
  run 1 check --cache-dir cache --stats --format json -o again.json
  has err.txt "warning: ignoring cache entry"
  has err.txt "(0 from the cache)"
  [[ $(grep -c "warning: ignoring cache entry" err.txt) == 6 ]] || fail "expected one warning per entry"
  same cold.json again.json
  # The entries were rewritten: the next run trusts them, silently.
  run 1 check --cache-dir cache --stats
  has err.txt "(5 from the cache)"
  has err.txt "s (from the cache)"
  lacks err.txt "warning"
  ;;
shard_equivalence)
  # One check, and three shard jobs plus a link, give the same JSON report byte for byte; so do
  # the text report and the statuses when a unit does not compile.
  write_project; echo "int broken = ;" >src/broken.cpp
  write_database main registry stats hits util broken
  run 2 check --format json -o whole.json
  total=0
  for i in 1 2 3; do
    "$lockscope" check -p build --shard "$i/3" --facts-out facts >out.txt 2>err.txt
    status=$?
    if grep -qF "broken.cpp" err.txt; then ((status == 2)) || fail "shard $i with the broken unit exited $status"
    else ((status == 0)) || { cat err.txt; fail "shard $i exited $status"; }; fi
    total=$((total + $(sed -n 's/.*wrote the facts of [0-9]* of \([0-9]*\) translation units.*/\1/p' err.txt)))
  done
  ((total == 6)) || fail "shards covered $total units, expected 6"
  [[ $(find facts -name '*.lockscope.json' | wc -l) == 6 ]] || fail "expected 6 unit records"
  run 2 "$lockscope" link facts --format json -o linked.json
  same whole.json linked.json
  jq -S '.findings |= sort_by(.location.file, .location.line, .kind)' whole.json >whole.sorted.json
  jq -S '.findings |= sort_by(.location.file, .location.line, .kind)' linked.json >linked.sorted.json
  same whole.sorted.json linked.sorted.json
  has linked.json "lock-order-inversion"
  has linked.json "cannot analyze $tmp/src/broken.cpp"
  run 2 check
  mv out.txt whole.txt
  run 2 "$lockscope" link facts
  same whole.txt out.txt
  ;;
shard_options)
  write_project; write_database
  run 2 check --shard 1/3
  has err.txt "--shard needs --facts-out"
  run 2 check --shard 4/3 --facts-out f
  has err.txt "--shard expects I/N"
  run 2 check --shard 1/3 --facts-out f --format json
  has err.txt "give the report options to \`lockscope link\`"
  [[ ! -e f ]] || fail "a refused shard wrote facts"
  run 2 "$lockscope" link
  has err.txt "nothing to link"
  mkdir empty
  run 2 "$lockscope" link empty
  has err.txt "no *.lockscope.json unit records in empty"
  run 2 "$lockscope" link -p build facts
  has err.txt "-p selects or extracts units"
  echo '{"lockscope_unit": 1, "file": "x"}' >bad.lockscope.json
  run 2 "$lockscope" link bad.lockscope.json
  has err.txt "bad.lockscope.json: malformed unit record"
  ;;
launcher_cmake)
  # A CMake build with the launcher writes a record next to every object; `link BUILD_DIR`
  # reports the cycle, with the report `check` gives on the same build's compile database.
  write_project
  cat >src/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(app CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(Threads REQUIRED)
add_executable(app main.cpp registry.cpp stats.cpp hits.cpp util.cpp)
target_link_libraries(app PRIVATE Threads::Threads)
CMAKE
  run 0 cmake -S src -B build -G Ninja -DCMAKE_CXX_COMPILER="$clangxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
  run 0 cmake --build build
  [[ -x build/app ]] || fail "the build produced no program"
  [[ $(find build -name '*.o.lockscope.json' | wc -l) == 5 ]] || { find build; fail "expected 5 records"; }
  [[ -f build/CMakeFiles/app.dir/stats.cpp.o.lockscope.json ]] || fail "no record next to stats.cpp.o"
  run 1 "$lockscope" link build
  has out.txt "stats.cpp:2:"
  has out.txt "[lockscope-lock-order-inversion]"
  run 1 "$lockscope" link build --format json -o linked.json
  run 1 check --format json -o checked.json
  same checked.json linked.json
  # Rebuilding one changed unit rewrites its record: the fix shows in the next link.
  sed -i 's/std::lock_guard<std::mutex> s(stats_lock); std::lock_guard<std::mutex> r(registry_lock);/std::lock_guard<std::mutex> r(registry_lock); std::lock_guard<std::mutex> s(stats_lock);/' src/stats.cpp
  run 0 cmake --build build
  run 1 "$lockscope" link build
  lacks out.txt "lock-order-inversion"
  has out.txt "data-race"
  ;;
launcher_never_breaks_the_build)
  write_project
  # The compiler's status and errors pass through, and the record says the unit was not analyzed.
  echo "int broken = ;" >src/broken.cpp
  run 1 "$launcher" "$clangxx" -c src/broken.cpp -o broken.o
  has err.txt "expected expression"
  [[ -f broken.o.lockscope.json ]] || fail "no record for the broken unit"
  run 2 "$lockscope" link broken.o.lockscope.json
  has out.txt "cannot analyze src/broken.cpp"  # text names files relative to the working directory
  # A record that cannot be written is a warning; the object is still built.
  mkdir -p util.o.lockscope.json/blocker
  run 0 "$launcher" "$clangxx" -c src/util.cpp -o util.o
  has err.txt "lockscope-extract: warning:"
  [[ -f util.o ]] || fail "the compile did not run"
  # Not a compile (a link): only the compiler runs; `lockscope extract --` is the same launcher.
  run 0 "$lockscope" extract -- "$clangxx" -c src/hits.cpp -I src -o hits.o
  [[ -f hits.o.lockscope.json ]] || fail "lockscope extract -- wrote no record"
  # Behind a compiler wrapper (ccache is not installed here; env stands in for one only if named
  # so): a wrapper named ccache is skipped for extraction and still runs the compile.
  mkdir -p bin && ln -s "$(command -v env)" bin/ccache
  run 0 "$launcher" bin/ccache "$clangxx" -c src/util.cpp -o wrapped.o
  [[ -f wrapped.o ]] || fail "the wrapped compile did not run"
  grep -q '"functions"' wrapped.o.lockscope.json || fail "no facts behind the wrapper"
  run 0 "$launcher" "$clangxx" -shared util.o -o libutil.so
  [[ -f libutil.so && ! -e libutil.so.lockscope.json ]] || fail "a link was not passed through untouched"
  # LOCKSCOPE_CACHE_DIR: the second compile takes the facts from the cache (emptied here on
  # purpose, so a hit shows in the record), and a changed source is parsed again.
  export LOCKSCOPE_CACHE_DIR=$tmp/cache
  run 0 "$launcher" "$clangxx" -c src/hits.cpp -I src -o cached.o
  entry=$(ls cache/*.json)
  jq '.facts.functions = []' "$entry" >entry.json && mv entry.json "$entry"
  run 0 "$launcher" "$clangxx" -c src/hits.cpp -I src -o cached.o
  [[ $(jq '.facts.functions | length' cached.o.lockscope.json) == 0 ]] || fail "the launcher did not use the cache"
  echo "void more() {}" >>src/hits.cpp
  run 0 "$launcher" "$clangxx" -c src/hits.cpp -I src -o cached.o
  [[ $(jq '.facts.functions | length' cached.o.lockscope.json) == 2 ]] || fail "a changed source came from the cache"
  unset LOCKSCOPE_CACHE_DIR
  run 127 "$launcher" /nonexistent/compiler -c src/util.cpp
  has err.txt "cannot run /nonexistent/compiler"
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "PASS [$case_name]"
