#!/usr/bin/env bash
# End-to-end tests of `lockscope check` as users run it: real files in a scratch directory, real
# compile databases, the exit status and the output checked. One case per ctest test:
#   check_cli_test.sh LOCKSCOPE_BINARY CASE
# The finding cases use the classic two-lock inversion, which every lock-order analysis reports,
# so these tests check the plumbing, not the fine points of the analysis.
set -uo pipefail
lockscope=${1:?usage: check_cli_test.sh LOCKSCOPE CASE}
case_name=${2:?usage: check_cli_test.sh LOCKSCOPE CASE}
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
  has err.txt "1 translation units, extraction"
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
  has out.txt "bad.cpp:2:11: error: cannot analyze $tmp/bad.cpp: expected ';' after return statement"
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
*)
  fail "unknown case"
  ;;
esac
echo "PASS [$case_name]"
