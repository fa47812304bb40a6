#!/usr/bin/env bash
# Installs lockscope into a temporary prefix, builds tests/consumer against the installed CMake
# package, and checks that the consumer's lock cycle fails its run and lands in LOCKSCOPE_REPORT.
# Also checks that the installed CLI runs and reads that report.
# usage: install_test.sh BUILD_DIR CONSUMER_SOURCE_DIR
set -euo pipefail
build=$1
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install failed"; }
prefix=$tmp/prefix
for f in bin/lockscope lib/liblockscope-cli.so lib/liblockscope-rt.so lib/liblockscope-rt.a lib/cmake/lockscope/lockscopeConfig.cmake \
         lib/cmake/lockscope/lockscopeConfigVersion.cmake include/lockscope/runtime_api.h \
         lib/liblockscope_gtest.a include/lockscope/lockscope_gtest.h; do
  [[ -e $prefix/$f ]] || fail "$f was not installed"
done
"$prefix/bin/lockscope" version >"$tmp/version.txt" || fail "the installed lockscope does not run"
grep -q '^lockscope [0-9]' "$tmp/version.txt" || fail "the installed lockscope prints no version"

cmake -S "$src" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/configure.log" 2>&1 ||
  { cat "$tmp/configure.log"; fail "the consumer project does not configure against the package"; }
cmake --build "$tmp/build" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "the consumer project does not build"; }

programs=(inversion inversion_static inversion_gtest)
for program in "${programs[@]}"; do
  report=$tmp/$program.json
  set +e
  LOCKSCOPE_REPORT=$report "$tmp/build/$program" >"$tmp/$program.out" 2>&1
  status=$?
  set -e
  if [[ $status == 0 ]]; then
    cat "$tmp/$program.out"
    fail "$program: the lock cycle did not fail the run (exit 0)"
  fi
  if [[ $program != inversion_gtest && $status != 66 ]]; then
    cat "$tmp/$program.out"
    fail "$program: exit status $status, expected 66 (findings)"
  fi
  if [[ $program == inversion_gtest ]]; then
    grep -q '^\[  FAILED  \] Inversion.TwoLocks' "$tmp/$program.out" || { cat "$tmp/$program.out"; fail "the listener did not fail Inversion.TwoLocks"; }
    ! grep -q '^\[  FAILED  \] Clean.OneOrder' "$tmp/$program.out" || { cat "$tmp/$program.out"; fail "Clean.OneOrder failed"; }
  fi
  [[ -s $report ]] || fail "$program: no report in LOCKSCOPE_REPORT ($report)"
  python3 - "$report" "$program" <<'PY' || fail "$program: the report does not hold the cycle"
import json, sys
report = json.load(open(sys.argv[1]))
kinds = [f["kind"] for f in report["findings"]]
if "lock-order-inversion" not in kinds:
    sys.exit(f"{sys.argv[2]}: report kinds {kinds}, expected a lock-order-inversion")
PY
  # The installed CLI reads what the installed runtime wrote.
  "$prefix/bin/lockscope" graph "$report" --format dot >"$tmp/$program.dot" || fail "lockscope graph failed on $report"
  grep -q -- '->' "$tmp/$program.dot" || fail "lockscope graph drew no edge for $program"
  echo "install test: $program: exit $status, cycle reported"
done

# The installed CLI preloads the installed shim (found as ../lib/liblockscope-rt.so from bin/).
set +e
"$prefix/bin/lockscope" run --report "$tmp/run.json" -- "$tmp/build/inversion_plain" >"$tmp/run.out" 2>&1
status=$?
set -e
[[ $status == 66 ]] || { cat "$tmp/run.out"; fail "lockscope run: exit status $status, expected 66"; }
grep -q '"lock-order-inversion"' "$tmp/run.json" || fail "lockscope run: the report lacks the cycle"
echo "install test: lockscope run: exit 66, cycle reported"

# The installed static checker finds the compiler's builtin headers (<mutex> needs stddef.h).
mkdir -p "$tmp/db"
printf '[{"directory": "%s", "file": "%s", "command": "c++ -std=c++20 -pthread -c %s"}]\n' \
  "$src" "$src/inversion.cpp" "$src/inversion.cpp" >"$tmp/db/compile_commands.json"
set +e
"$prefix/bin/lockscope" check -p "$tmp/db" >"$tmp/check.out" 2>&1
status=$?
set -e
[[ $status == 1 ]] || { cat "$tmp/check.out"; fail "lockscope check: exit status $status, expected 1"; }
grep -q 'lockscope-lock-order-inversion' "$tmp/check.out" || { cat "$tmp/check.out"; fail "lockscope check missed the cycle"; }
echo "install test: lockscope check: exit 1, cycle reported"
echo "install test: ok (${programs[*]})"
