#!/usr/bin/env bash
# End-to-end tests of the CI options of `lockscope check` and of `lockscope graph`, run as a user
# would: a scratch project with a compile database, the real binary, exit statuses and output.
#   check_ci_test.sh LOCKSCOPE_BINARY CASE
set -uo pipefail
lockscope=${1:?usage: check_ci_test.sh LOCKSCOPE CASE}
case_name=${2:?usage: check_ci_test.sh LOCKSCOPE CASE}
source "$(dirname "${BASH_SOURCE[0]}")/../lib/e2e.sh"
# run EXPECTED_STATUS COMMAND ARGS...: runs `lockscope COMMAND ARGS`.
run() { local want=$1; shift; run_cmd "$want" "$lockscope" "$@"; }

# The classic inversion: first() takes a then b, second() b then a. The finding is on line 6.
write_program() {
  cat >bank.cpp <<'CPP'
#include <mutex>
#include <thread>
std::mutex a, b;
int total; void more();
void first() { std::lock_guard<std::mutex> la(a); std::lock_guard<std::mutex> lb(b); ++total; }
void second() { std::lock_guard<std::mutex> lb(b); std::lock_guard<std::mutex> la(a); ++total; }
int main() { std::thread t1(first), t2(second); t1.join(); t2.join(); more(); }
CPP
}
# A second, independent inversion between c and d, appended later: a new finding.
add_second_cycle() {
  cat >>bank.cpp <<'CPP'
std::mutex c, d;
void third() { std::lock_guard<std::mutex> lc(c); std::lock_guard<std::mutex> ld(d); }
void fourth() { std::lock_guard<std::mutex> ld(d); std::lock_guard<std::mutex> lc(c); }
void more() { std::thread t3(third), t4(fourth); t3.join(); t4.join(); }
CPP
}
write_db() {
  mkdir -p build
  printf '[{"directory": "%s", "file": "bank.cpp", "command": "clang++-19 -std=c++20 -pthread -c bank.cpp -o bank.o"}]\n' \
    "$tmp" >build/compile_commands.json
}
json_check() {  # json_check FILE PYTHON-EXPRESSION-ON-doc MESSAGE
  python3 -c "import json,sys; doc=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1" ||
    { echo "--- $1"; cat "$1"; fail "$3"; }
}

write_program
write_db

case $case_name in
sarif)
  run 1 check -p build --format sarif
  json_check out.txt 'doc["version"] == "2.1.0" and doc["runs"][0]["tool"]["driver"]["name"] == "lockscope"' "not a SARIF 2.1.0 log"
  json_check out.txt '[r["ruleId"] for r in doc["runs"][0]["results"]] == ["lock-order-inversion"]' "expected one lock-order-inversion result"
  json_check out.txt 'doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bank.cpp"' "uri should be bank.cpp"
  json_check out.txt 'doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 6' "the finding is on line 6"
  json_check out.txt 'len(doc["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"]) == 2' "the cycle is a code flow with two threads"
  json_check out.txt '"lockscope/v1" in doc["runs"][0]["results"][0]["partialFingerprints"]' "no partialFingerprints"
  ;;
sarif_fingerprint_stable)
  run 1 check -p build --format sarif --output before.sarif
  { printf '// a comment\n// moves everything down\n\n'; cat bank.cpp; } >moved.cpp && mv moved.cpp bank.cpp
  run 1 check -p build --format sarif --output after.sarif
  python3 - <<'PY' || fail "partialFingerprints changed when lines moved"
import json
fp = lambda f: [r["partialFingerprints"] for r in json.load(open(f))["runs"][0]["results"]]
line = lambda f: json.load(open(f))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
assert line("before.sarif") == 6 and line("after.sarif") == 9
assert fp("before.sarif") == fp("after.sarif")
PY
  ;;
write_baseline)
  run 0 check -p build --write-baseline base.json
  has out.txt "[lockscope-lock-order-inversion]"
  json_check base.json 'doc["tool"] == "lockscope-baseline" and len(doc["findings"]) == 1' "baseline should hold one finding"
  ;;
baseline_nothing_new)
  run 0 check -p build --write-baseline base.json
  { printf '// lines above the finding\n\n\n\n'; cat bank.cpp; } >moved.cpp && mv moved.cpp bank.cpp
  run 0 check -p build --baseline base.json
  lacks out.txt "warning:"
  has err.txt "lockscope check: no new findings in 1 translation unit (1 in the baseline)"
  ;;
baseline_new_cycle)
  run 0 check -p build --write-baseline base.json
  add_second_cycle
  run 1 check -p build --baseline base.json
  has out.txt "bank.cpp:10:"
  lacks out.txt "bank.cpp:6:"
  has out.txt "1 finding (1 lock-order-inversion)"
  run 1 check -p build --baseline base.json --format sarif
  json_check out.txt 'len(doc["runs"][0]["results"]) == 1' "SARIF should hold only the new finding"
  ;;
baseline_malformed)
  echo '{"tool": "lockscope-baseline", "format": 1, "findings": [{"kind": "x"}]}' >base.json
  run 2 check -p build --baseline base.json
  has err.txt "base.json: not a lockscope baseline: findings[0].fingerprint is missing"
  echo 'not json' >base.json
  run 2 check -p build --baseline base.json
  has err.txt "lockscope check: base.json: not valid JSON (line 1, column 2: invalid literal)"
  lacks err.txt "json.exception"
  run 2 check -p build --baseline missing.json
  has err.txt "missing.json: cannot open baseline file"
  run 2 check -p build --baseline
  has err.txt "--baseline needs a file name"
  ;;
suppress_same_line)
  sed -i '6s|$|  // lockscope-ignore[lock-order-inversion]|' bank.cpp
  run 0 check -p build
  lacks out.txt "warning:"
  ;;
suppress_line_before)
  sed -i '6i // lockscope-ignore[lock-order-inversion]' bank.cpp
  run 0 check -p build
  lacks out.txt "warning:"
  ;;
suppress_other_kind_keeps_finding)
  sed -i '6s|$|  // lockscope-ignore[data-race]|' bank.cpp
  run 1 check -p build
  has out.txt "bank.cpp:6:"
  ;;
suppress_malformed)
  sed -i '6s|$|  // lockscope-ignore[lock-order]|' bank.cpp
  run 2 check -p build
  has err.txt "bank.cpp:6:"
  has err.txt "unknown finding kind 'lock-order'"
  ;;
unused_suppressions)
  sed -i '6s|$|  // lockscope-ignore[lock-order-inversion]|' bank.cpp
  sed -i '4s|$|  // lockscope-ignore[data-race]|' bank.cpp
  run 0 check -p build
  run 1 check -p build --report-unused-suppressions
  has out.txt "bank.cpp:4:"
  has out.txt "'lockscope-ignore[data-race]' silences nothing"
  lacks out.txt "bank.cpp:6:"
  ;;
unused_suppression_of_another_kind)
  # Line 6 has a lock-order-inversion; a data-race suppression there silences nothing.
  sed -i '6s|$|  // lockscope-ignore[data-race]|' bank.cpp
  run 1 check -p build --report-unused-suppressions
  has out.txt "[lockscope-lock-order-inversion]"
  has out.txt "'lockscope-ignore[data-race]' silences nothing"
  ;;
graph_html)
  run 1 check -p build --format json --output report.json
  run 0 graph report.json --format html --output graph.html
  has graph.html 'data-lock="a"'
  has graph.html 'data-lock="b"'
  has graph.html '<g class="edge cycle" data-from="a" data-to="b"'
  has graph.html '<g class="edge cycle" data-from="b" data-to="a"'
  # Paths as the user would type them, relative to the working directory, and each kind said once.
  has graph.html '<td><code>bank.cpp:5:'
  lacks graph.html "$tmp/"
  lacks graph.html 'lock-order-inversion: lock order inversion'
  run 0 graph report.json
  has out.txt 'a->b'
  run 2 graph bank.cpp
  has err.txt "lockscope graph: bank.cpp: not valid JSON (line 1, column 1: invalid literal)"
  lacks err.txt "json.exception"
  : >empty.json
  run 2 graph empty.json
  has err.txt "lockscope graph: empty.json: not valid JSON (the file is empty)"
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "PASS [$case_name]"
