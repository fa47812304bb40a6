#!/usr/bin/env bash
# End-to-end tests of `lockscope check` as users run it: real files in a scratch directory, real
# compile databases, the exit status and the output checked. One case per ctest test:
#   check_cli_test.sh LOCKSCOPE_BINARY CASE
# The finding cases use the classic two-lock inversion, which every lock-order analysis reports,
# so these tests check the plumbing, not the fine points of the analysis.
set -uo pipefail
lockscope=${1:?usage: check_cli_test.sh LOCKSCOPE CASE}
case_name=${2:?usage: check_cli_test.sh LOCKSCOPE CASE}
testdata=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../testdata" && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/../../../tests/lib/e2e.sh"
# run EXPECTED_STATUS ARGS...: runs `lockscope check ARGS`.
run() { local want=$1; shift; run_cmd "$want" "$lockscope" check "$@"; }

write_inversion() {  # $1: file name
  cat >"$1" <<'CPP'
#include <mutex>
#include <thread>
std::mutex a, b;
int shared_total;
void first() { std::lock_guard<std::mutex> la(a); std::lock_guard<std::mutex> lb(b); ++shared_total; }
void second() { std::lock_guard<std::mutex> lb(b); std::lock_guard<std::mutex> la(a); ++shared_total; }
int main() { std::thread t1(first), t2(second); t1.join(); t2.join(); }
CPP
}
write_clean() {  # $1: file name; same shape, one lock order
  cat >"$1" <<'CPP'
#include <mutex>
#include <thread>
std::mutex c, d;
int guarded_total;
void up() { std::lock_guard<std::mutex> lc(c); std::lock_guard<std::mutex> ld(d); ++guarded_total; }
void down() { std::lock_guard<std::mutex> lc(c); std::lock_guard<std::mutex> ld(d); --guarded_total; }
int main() { std::thread t1(up), t2(down); t1.join(); t2.join(); }
CPP
}
write_helper() {  # $1: file name; a unit of the same program without main, one lock order
  cat >"$1" <<'CPP'
#include <mutex>
static std::mutex e, f;
static int helper_total;
void helper_up() { std::lock_guard<std::mutex> le(e); std::lock_guard<std::mutex> lf(f); ++helper_total; }
CPP
}
# write_db FILE... : build/compile_commands.json compiling each FILE in $tmp (C as C11, C++ as C++20).
write_db() {
  mkdir -p build
  local sep="" f
  {
    echo "["
    for f in "$@"; do
      local cc="clang++-19 -std=c++20"
      [[ $f == *.c ]] && cc="clang-19 -std=c11"
      printf '%s{"directory": "%s", "file": "%s", "command": "%s -pthread -c %s -o %s.o"}\n' "$sep" "$tmp" "$f" "$cc" "$f" "$f"
      sep=","
    done
    echo "]"
  } >build/compile_commands.json
}

case $case_name in
help)
  run 0 --help
  for opt in -p --format --output -j --quiet --no-races --no-lock-order --resource-dir "Exit status"; do has out.txt "$opt"; done
  ;;
clean_exit_0)
  write_clean clean.cpp; write_db clean.cpp
  run 0 -p build
  [[ ! -s out.txt ]] || fail "a clean run printed: $(cat out.txt)"
  ;;
findings_exit_1)
  write_inversion inv.cpp; write_helper helper.cpp; write_db helper.cpp inv.cpp
  run 1 -p build
  has out.txt "inv.cpp:6:"
  has out.txt "[lockscope-lock-order-inversion]"
  has out.txt "note:"
  has out.txt "1 finding (1 lock-order-inversion)"
  lacks out.txt "helper.cpp"
  ;;
only_given_files)
  write_inversion inv.cpp; write_clean clean.cpp; write_db inv.cpp clean.cpp
  run 0 -p build clean.cpp
  run 1 -p build inv.cpp
  run 1 -p build/compile_commands.json inv.cpp
  ;;
quiet)
  write_inversion inv.cpp; write_db inv.cpp
  run 1 -p build --quiet
  has out.txt "[lockscope-lock-order-inversion]"
  lacks out.txt "1 finding"
  ;;
no_lock_order)
  write_inversion inv.cpp; write_db inv.cpp
  run 0 -p build --no-lock-order
  run 1 -p build --no-races
  run 2 -p build --no-lock-order --no-races
  has err.txt "leave nothing to analyze"
  ;;
gave_up_notes)
  # A call through a pointer the analysis cannot resolve: a note, counted unless listed.
  printf 'void (*hook)(void);\nint main(void) { if (hook) hook(); return 0; }\n' >hook.c
  run 0 hook.c --
  lacks out.txt "note:"
  has err.txt "the analysis gave up on 1 construct"
  run 0 hook.c --show-notes --
  has out.txt "hook.c:2:"
  has out.txt "note:"
  lacks err.txt "gave up"
  run 0 hook.c --quiet --
  [[ ! -s err.txt ]] || fail "--quiet printed: $(cat err.txt)"
  run 0 hook.c --format json --
  python3 -c 'import json,sys; r=json.load(open("out.txt")); sys.exit([d["severity"] for d in r["diagnostics"]] != ["note"])' || fail "json notes"
  ;;
stats)
  write_clean clean.cpp
  run 0 clean.cpp --stats -j1 -- -std=c++20
  has err.txt "1 translation unit, extraction"
  has err.txt "on 1 thread, link"
  ;;
fixed_database)
  write_inversion inv.cpp
  run 1 inv.cpp -- -std=c++20 -pthread
  has out.txt "[lockscope-lock-order-inversion]"
  ;;
language_by_extension)
  # 'class' is an identifier in C and a keyword in C++: each file parses only in its language.
  echo 'int class = 1; int main(void) { return class - 1; }' >k.c
  echo 'template <class T> T id(T t) { return t; } int main() { return id(0); }' >t.cpp
  run 0 k.c t.cpp --
  cp k.c k.cpp
  run 2 k.cpp --
  ;;
autodetect_database)
  mkdir -p src/deep; write_inversion src/deep/inv.cpp
  (cd src && tmp=$tmp/src write_db deep/inv.cpp && mv build/compile_commands.json . && rmdir build)
  run 1 src/deep/inv.cpp
  ;;
no_database)
  write_clean clean.cpp
  run 2 clean.cpp
  has err.txt "no compile_commands.json found in the parent directories of clean.cpp"
  run 2 -p "$tmp"
  has err.txt "no compile_commands.json in $tmp"
  ;;
malformed_database)
  mkdir build; echo '[{"directory": "/tmp", "file": ' >build/compile_commands.json
  run 2 -p build
  has err.txt "cannot read compile database build/compile_commands.json"
  ;;
missing_file)
  write_clean clean.cpp; write_db clean.cpp
  run 2 -p build nothere.cpp
  has err.txt "no such file: nothere.cpp"
  ;;
file_not_in_database)
  write_clean clean.cpp; write_clean other.cpp; write_db clean.cpp
  run 2 -p build other.cpp
  has err.txt "other.cpp is not in the compile database"
  ;;
bad_options)
  run 2 -p build -j 0; has err.txt "-j expects a number of jobs"
  run 2 -p build -j many; has err.txt "got 'many'"
  run 2 -p build --colour; has err.txt "unknown option '--colour'"
  run 2 -p build --format xml; has err.txt "got 'xml'"
  run 2; has err.txt "nothing to analyze"
  ;;
unwritable_output)
  write_clean clean.cpp; write_db clean.cpp
  run 2 -p build --output "$tmp/no/such/dir/report.json"
  has err.txt "cannot write --output $tmp/no/such/dir/report.json"
  ;;
json_stdout)
  write_inversion inv.cpp; write_db inv.cpp
  run 1 -p build --format json
  python3 - <<'PY' || fail "bad JSON report"
import json
r = json.load(open("out.txt"))
assert r["tool"] == "lockscope" and r["source"] == "static", r
assert [f["kind"] for f in r["findings"]] == ["lock-order-inversion"], r["findings"]
assert r["findings"][0]["location"]["line"] == 6, r["findings"][0]
PY
  ;;
json_output_file)
  write_inversion inv.cpp; write_db inv.cpp
  run 1 -p build --format=json --output report.json
  [[ ! -s out.txt ]] || fail "stdout not empty with --output"
  python3 -c 'import json,sys; r=json.load(open("report.json")); sys.exit(len(r["findings"]) != 1)' || fail "report.json"
  ;;
sarif)
  write_inversion inv.cpp; write_db inv.cpp
  run 1 -p build --format sarif
  python3 - <<'PY' || fail "bad SARIF report"
import json
r = json.load(open("out.txt"))
assert r["version"] == "2.1.0", r.get("version")
res = r["runs"][0]["results"]
assert [x["ruleId"] for x in res] == ["lock-order-inversion"], res
assert res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "inv.cpp", res[0]
PY
  ;;
broken_unit_among_good)
  write_inversion inv.cpp; write_helper helper.cpp
  printf 'int broken() {\n  return 0\n}\n' >bad.cpp
  write_db helper.cpp bad.cpp inv.cpp
  run 2 -p build
  has out.txt "bad.cpp:2:11: error: cannot analyze bad.cpp: expected ';' after return statement"
  [[ $(grep -c "error:" out.txt) == 1 ]] || fail "expected one error line"
  has out.txt "[lockscope-lock-order-inversion]"
  has err.txt "1 of 3 translation units could not be analyzed"
  run 2 -p build --format json
  python3 -c 'import json,sys; r=json.load(open("out.txt")); sys.exit(not (len(r["findings"]) == 1 and r["diagnostics"][0]["severity"] == "error"))' || fail "json"
  ;;
parallel_same_output)
  for i in 1 2 3 4 5; do write_helper "c$i.cpp"; sed -i "s/helper_/helper${i}_/g" "c$i.cpp"; done
  write_inversion inv.cpp
  write_db c1.cpp c2.cpp inv.cpp c3.cpp c4.cpp c5.cpp
  run 1 -p build -j1 --format json; mv out.txt j1.json
  run 1 -p build -j4 --format json
  cmp -s j1.json out.txt || fail "-j1 and -j4 reports differ"
  ;;
resource_dir_when_copied)
  # Builtin headers must be found when the binary is not in its build tree.
  mkdir -p elsewhere/bin; cp "$lockscope" elsewhere/bin/lockscope
  printf '#include <stddef.h>\n#include <stdint.h>\nsize_t n; int32_t m;\nint main(void) { return (int)n + m; }\n' >s.c
  lockscope=$tmp/elsewhere/bin/lockscope
  run 0 s.c --
  # An explicit --resource-dir is used: one without builtin headers makes the unit fail.
  mkdir -p noresources/include
  run 2 s.c --resource-dir noresources --
  has out.txt "'stddef.h' file not found"
  run 2 s.c --resource-dir "$tmp/missing" --
  has err.txt "--resource-dir $tmp/missing: no such directory"
  ;;
output_left_only_with_a_report)
  # A run that fails before the analysis leaves no empty --output file behind.
  run 2 -p missing-build --output report.json
  [[ ! -e report.json ]] || fail "--output report.json left behind by a failed run"
  run 2 -p missing-build --output report.json --format json
  [[ ! -e report.json ]] || fail "--output report.json left behind by a failed run"
  # A unit that does not compile is reported: the report, with its error, is kept.
  printf 'int broken() {\n  return 0\n}\n' >bad.cpp
  run 2 bad.cpp --output report.txt --
  has report.txt "error: cannot analyze"
  ;;
summary_line)
  # A clean run says it analyzed something; the gave-up notes are counted and their main kind named.
  write_clean clean.cpp; write_helper helper.cpp; write_db clean.cpp helper.cpp
  run 0 -p build
  has err.txt "lockscope check: no findings in 2 translation units"
  printf 'void (*hook)(void);\nvoid (*other)(void);\nint main(void) { if (hook) hook(); if (other) other(); return 0; }\n' >hook.c
  run 0 hook.c --
  has err.txt "lockscope check: no findings in 1 translation unit; the analysis gave up on 2 constructs (all: unresolved call); --show-notes lists them"
  ;;
summary_no_main_and_broken_unit)
  write_helper helper.cpp
  run 0 helper.cpp -- -std=c++20
  has err.txt "no findings in 1 translation unit; the program has no main(): only the threads it starts elsewhere were analyzed"
  lacks err.txt "gave up"
  printf 'int broken() {\n  return 0\n}\n' >bad.cpp
  run 2 bad.cpp --
  has err.txt "lockscope check: nothing was analyzed: the translation unit does not compile (see the errors in the report)"
  lacks err.txt "gave up"
  lacks err.txt "no main()"
  ;;
missing_directory)
  write_clean clean.cpp
  mkdir build
  printf '[{"directory": "%s/moved", "file": "clean.cpp", "command": "clang++-19 -c clean.cpp"}]\n' "$tmp" >build/compile_commands.json
  run 2 -p build
  has err.txt "lockscope check: compile database build/compile_commands.json: the entry for $tmp/moved/clean.cpp runs in directory $tmp/moved, which does not exist"
  lacks err.txt "LLVM ERROR"
  lacks err.txt "crashed"
  ;;
not_a_source)
  echo "notes" >notes.txt
  printf 'int api(void);\n' >api.h
  run 2 notes.txt --
  has err.txt "lockscope check: notes.txt is not a C or C++ source file"
  lacks err.txt "compiler job"
  run 2 api.h -- -std=c++20
  has err.txt "lockscope check: api.h is a header: lockscope analyzes translation units"
  ;;
multi_line_notes)
  # A call through a pointer written over several lines is quoted on the note's one line.
  cat >hooks.c <<'C'
struct ops { void (*handlers[4])(int); };
struct ops *table;
int main(void) {
  table->handlers[1
                  /* the second */ ](
      42);
  return 0;
}
C
  run 0 hooks.c --show-notes --
  has out.txt "hooks.c:4:3: note: lockscope: call through 'table->handlers[1 ]' is not followed"
  [[ $(wc -l <out.txt) == $(grep -c '^hooks.c:[0-9]*:[0-9]*: note: ' out.txt) ]] || fail "a note spans several lines"
  ;;
unreached_store_note)
  # libmicrohttpd's mhd_panic: a global function pointer that only the library's API
  # (set_panic_func, which the library never calls) stores into, called through a macro written
  # over several lines. The note names the store instead of claiming there is none.
  cat >panic.h <<'C'
typedef void (*panic_cb)(void *cls, const char *file, unsigned line, const char *reason);
extern panic_cb mhd_panic;
extern void *mhd_panic_cls;
#define MHD_PANIC(msg) \
  mhd_panic (mhd_panic_cls, \
             __FILE__, __LINE__, msg)
void set_panic_func(panic_cb cb, void *cls);
C
  cat >panic.c <<'C'
#include <stdlib.h>
#include "panic.h"
panic_cb mhd_panic = (panic_cb) 0;
void *mhd_panic_cls = 0;
static void mhd_panic_std(void *cls, const char *file, unsigned line, const char *reason) {
  (void) cls; (void) file; (void) line; (void) reason;
  abort();
}
void set_panic_func(panic_cb cb, void *cls) {
  if (cb) mhd_panic = cb; else mhd_panic = &mhd_panic_std;
  mhd_panic_cls = cls;
}
C
  cat >daemon.c <<'C'
#include <pthread.h>
#include "panic.h"
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *worker(void *arg) {
  if (0 != pthread_mutex_lock(&m))
    MHD_PANIC("failed to lock mutex");
  pthread_mutex_unlock(&m);
  return arg;
}
int main(void) {
  pthread_t t;
  if (0 != pthread_create(&t, 0, worker, 0)) return 1;
  return pthread_join(t, 0);
}
C
  run 0 panic.c daemon.c --show-notes -- -std=c11 -pthread
  has out.txt "daemon.c:6:5: note: lockscope: call through 'mhd_panic' is not followed: it is stored into only in 'set_panic_func', which no analyzed thread calls"
  lacks out.txt "no callable stored into it"
  [[ $(wc -l <out.txt) == 1 ]] || fail "expected one note line"
  ;;
shared_hold_race_message)
  run 1 "$testdata/rwlock_write_under_rdlock_race.c" -- -std=c11 -pthread
  has out.txt "data race: 'config_version' is written holding 'config_lock' in shared mode, as the concurrent read does: a shared hold does not exclude a write"
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "PASS [$case_name]"
