#!/bin/sh
# The shim's behaviour around the findings: options (bad ones stop the program with exit 2),
# halt_on_first_report, exitcode, suppressions, the program's own failure status, heap lock names,
# and `lockscope run` (finding the shim, --report, statuses).
#   behaviour_test.sh CLANG CLANGXX RUNTIME_DIR LOCKSCOPE WORKDIR
set -u
cc=$1 cxx=$2 rt=$3 lockscope=$4 work=$5
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
failures=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then echo "FAIL: $1: exit status $3, expected $2"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
expect_grep() {  # expect_grep NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then echo "ok: $1"; else echo "FAIL: $1: '$2' not in $3"; failures=$((failures + 1)); fi
}
findings() { jq '.findings | length' "$1" 2>/dev/null || echo none; }

$cxx -std=c++20 -g -O0 -pthread "$here/two_inversions.cpp" -Wl,--whole-archive "$rt/liblockscope-rt.a" \
  -Wl,--no-whole-archive -o "$work/two_linked" || exit 1
$cxx -std=c++20 -g -O0 -pthread "$here/two_inversions.cpp" -o "$work/two_plain" || exit 1
$cc -std=c11 -g -O0 -pthread "$here/clean.c" -Wl,--whole-archive "$rt/liblockscope-rt.a" -Wl,--no-whole-archive \
  -lstdc++ -lm -o "$work/clean_linked" || exit 1
r="$work/report.json"

LOCKSCOPE_REPORT=$r "$work/two_linked" > "$work/out" 2> "$work/err"
check "two inversions: findings status" 66 $?
check "two inversions: both reported" 2 "$(findings "$r")"
expect_grep "heap locks named by where they were first taken" "lock first taken at two_inversions.cpp:[0-9]* in " "$work/err"
expect_grep "heap locks: where first taken" "was first taken here" "$work/err"
expect_grep "program ran to the end" "reached the end" "$work/out"

LOCKSCOPE_REPORT=$r "$work/two_linked" 3 > /dev/null 2>&1
check "the program's own failure status wins" 3 $?
check "... and the report is still written" 2 "$(findings "$r")"

LOCKSCOPE_REPORT=$r LOCKSCOPE_OPTIONS=halt_on_first_report=1 "$work/two_linked" > "$work/out" 2>/dev/null
check "halt_on_first_report: findings status" 66 $?
check "halt_on_first_report: one finding" 1 "$(findings "$r")"
if grep -q "reached the end" "$work/out"; then echo "FAIL: halt_on_first_report let the program finish"; failures=$((failures + 1)); fi

LOCKSCOPE_REPORT=$r LOCKSCOPE_OPTIONS=exitcode=7 "$work/two_linked" > /dev/null 2>&1
check "exitcode option" 7 $?

printf '# test\nlock-order-inversion:pair<\n' > "$work/supp"
LOCKSCOPE_REPORT=$r LOCKSCOPE_OPTIONS="suppressions=$work/supp" "$work/two_linked" > /dev/null 2>&1
check "suppressed findings give a clean status" 0 $?
check "suppressed findings are not in the report" 0 "$(findings "$r")"

LOCKSCOPE_OPTIONS=bogus=1 "$work/two_linked" > /dev/null 2> "$work/err"
check "unknown option stops the program" 2 $?
expect_grep "unknown option is named" "unknown option 'bogus'" "$work/err"
LOCKSCOPE_OPTIONS=hang_timeout_ms=soon "$work/clean_linked" > /dev/null 2> "$work/err"
check "malformed value stops the program" 2 $?
expect_grep "malformed value is named" "hang_timeout_ms" "$work/err"
printf 'no-such-kind:x\n' > "$work/badsupp"
LOCKSCOPE_OPTIONS="suppressions=$work/badsupp" "$work/clean_linked" > /dev/null 2> "$work/err"
check "bad suppressions file stops the program" 2 $?

LOCKSCOPE_REPORT=$r "$work/clean_linked"
check "clean C program linked with the archive" 0 $?
check "clean run writes an empty report" 0 "$(findings "$r")"

rm -f "$r"
"$lockscope" run --report "$r" -- "$work/two_plain" > /dev/null 2>&1
check "lockscope run: findings status" 66 $?
check "lockscope run: --report written" 2 "$(findings "$r")"
"$lockscope" run --exitcode 9 "$work/two_plain" > /dev/null 2>&1
check "lockscope run --exitcode" 9 $?
LOCKSCOPE_OPTIONS=exitcode=0 "$lockscope" run "$work/two_plain" > /dev/null 2>&1
check "LOCKSCOPE_OPTIONS=exitcode=0 lockscope run: findings exit 0" 0 $?
"$lockscope" run --options exitcode=0 "$work/two_plain" > /dev/null 2>&1
check "lockscope run --options exitcode=0: findings exit 0" 0 $?
LOCKSCOPE_OPTIONS=exitcode=0 "$lockscope" run --exitcode 9 "$work/two_plain" > /dev/null 2>&1
check "lockscope run: --exitcode wins over LOCKSCOPE_OPTIONS" 9 $?
"$lockscope" run --options bogus=1 /bin/true 2> "$work/err"
check "lockscope run: a bad option stops it" 2 $?
expect_grep "lockscope run: the bad option is named" "unknown option 'bogus'" "$work/err"
"$lockscope" run --report "$work/no-such-dir/r.json" -- /bin/true 2> "$work/err"
check "lockscope run: unwritable --report" 2 $?
expect_grep "lockscope run: unwritable --report says why" \
  "cannot write the report to '$work/no-such-dir/r.json': No such file or directory" "$work/err"
if grep -q "did not run" "$work/err"; then echo "FAIL: an unwritable report blames the program"; failures=$((failures + 1)); fi
LOCKSCOPE_REPORT="$work/no-such-dir/r.json" "$work/two_linked" > /dev/null 2> "$work/err"
check "unwritable LOCKSCOPE_REPORT: findings status" 66 $?
expect_grep "unwritable LOCKSCOPE_REPORT: says why" \
  "cannot write the JSON report to '$work/no-such-dir/r.json': No such file or directory" "$work/err"
"$lockscope" run "$work/two_plain" 4 > /dev/null 2>&1
check "lockscope run: the program's own failure wins" 4 $?
"$lockscope" run /bin/true 2> "$work/err"
check "lockscope run: clean" 0 $?
expect_grep "lockscope run: clean, says what the shim saw" "0 findings; the shim saw [0-9]* locks, 1 threads, 0 lock-order edges" "$work/err"
LOCKSCOPE_REPORT=$r "$work/two_linked" > /dev/null 2>&1
check "counters in the JSON report: threads" 3 "$(jq .counters.threads "$r")"
check "counters in the JSON report: edges" 4 "$(jq .counters.edges "$r")"
rm -f "$r"
"$lockscope" run --report "$r" -- sh -c "'$work/two_plain'; exit \$?" > /dev/null 2>&1
check "lockscope run: findings of a grandchild process" 66 $?
check "lockscope run: the grandchild's findings are in the report" 2 "$(findings "$r")"
if ls "$r".* > /dev/null 2>&1; then echo "FAIL: per-process reports left behind"; failures=$((failures + 1)); fi
rm -f "$r"
"$lockscope" run --report "$r" -- sh -c /bin/true 2> "$work/err"
check "lockscope run sh -c (dash ends with _exit): clean" 0 $?
check "lockscope run sh -c: the clean report is written" 0 "$(findings "$r")"
if grep -q "no report" "$work/err"; then echo "FAIL: lockscope run sh -c: claims the shim did not run"; failures=$((failures + 1)); fi
LOCKSCOPE_RUNTIME=/nonexistent.so "$lockscope" run /bin/true 2> "$work/err"
check "lockscope run: bad LOCKSCOPE_RUNTIME" 2 $?
"$lockscope" run 2> /dev/null
check "lockscope run: no program" 2 $?

$cxx -std=c++20 -g -O1 -pthread "$here/named_entries.cpp" -o "$work/named_entries" || exit 1
"$lockscope" run -- "$work/named_entries" > /dev/null 2> "$work/err"
check "optimized std::thread entries: findings status" 66 $?
expect_grep "optimized std::thread entries: first entry named" "entry first_worker()" "$work/err"
expect_grep "optimized std::thread entries: second entry named" "entry second_worker()" "$work/err"
if grep -q "entry .*__invoke" "$work/err"; then echo "FAIL: a thread entry is named after libstdc++'s invoke machinery"; failures=$((failures + 1)); fi

# Stopping a long-running program: SIGTERM sent to `lockscope run` alone (as `timeout` or a CI runner
# sends it) reaches the program, whose shim writes the report before the signal ends it.
$cxx -std=c++20 -g -O0 -pthread "$here/inversion_then_wait.cpp" -o "$work/inversion_then_wait" || exit 1
stop_run() {  # stop_run NAME SIGNAL: starts the program under `lockscope run`, signals `run` once it is ready
  rm -f "$r" "$work/ready"
  "$lockscope" run --report "$r" -- "$work/inversion_then_wait" "$work/ready" > /dev/null 2> "$work/err" &
  run_pid=$!
  waited=0
  while [ ! -f "$work/ready" ] && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill "-$2" "$run_pid"
  wait "$run_pid"
  status=$?
  pkill -KILL -f "$work/inversion_then_wait" 2> /dev/null  # never leave a program behind on failure
  check "$1: the program's signal status" "$3" "$status"
  check "$1: its finding is in the report" 1 "$(findings "$r")"
}
stop_run "SIGTERM to lockscope run" TERM 143
expect_grep "SIGTERM to lockscope run: says so" "killed by signal 15 (Terminated); 1 finding reported" "$work/err"
expect_grep "SIGTERM to lockscope run: human report printed" "lock-order-inversion" "$work/err"
stop_run "SIGHUP to lockscope run" HUP 129
# The program alone stopped, as `kill PROGRAM_PID` would. (Not SIGINT here: a background job of a
# non-interactive shell starts with SIGINT ignored, and an ignored signal stays ignored.)
rm -f "$r" "$work/ready"
LOCKSCOPE_REPORT=$r LD_PRELOAD="$rt/liblockscope-rt.so" "$work/inversion_then_wait" "$work/ready" > /dev/null 2>&1 &
prog_pid=$!
waited=0
while [ ! -f "$work/ready" ] && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
kill -TERM "$prog_pid"
wait "$prog_pid"
check "SIGTERM to the program: its signal status" 143 $?
check "SIGTERM to the program: its finding is in the report" 1 "$(findings "$r")"

# Lock order is a property of the code: a join-ordered inversion is reported, says this run was
# sequential (text and JSON), and concurrent_cycles_only=1 keeps the filter that drops it.
$cxx -std=c++20 -g -O0 -pthread "$here/../programs/join_ordered_bad.cpp" -Wl,--whole-archive "$rt/liblockscope-rt.a" \
  -Wl,--no-whole-archive -o "$work/join_ordered" || exit 1
LOCKSCOPE_REPORT=$r "$work/join_ordered" 2> "$work/err"
check "join-ordered inversion: findings status" 66 $?
expect_grep "join-ordered inversion: the note says how the run kept it apart" \
  "in this run T1 (entry forward()) was joined before T2 (entry backward()) started; the same calls made concurrently deadlock" "$work/err"
check "join-ordered inversion: JSON evidence" 0 "$(jq -e '.findings[0].evidence == "sequential-in-run"' "$r" > /dev/null; echo $?)"
LOCKSCOPE_REPORT=$r LOCKSCOPE_OPTIONS=concurrent_cycles_only=1 "$work/join_ordered" 2> /dev/null
check "concurrent_cycles_only=1: clean status" 0 $?
check "concurrent_cycles_only=1: nothing reported" 0 "$(findings "$r")"

# A crash after a finding (issue 17): the report is written from the fatal-signal path, then the
# process dies by the same signal; a handler of the program's own runs instead of the shim's.
$cxx -std=c++20 -g -O0 -pthread "$here/inversion_then_crash.cpp" -o "$work/inversion_then_crash" || exit 1
for crash in segv:139 bus:135 abort:134 fpe:136 ill:132; do
  how=${crash%%:*}
  rm -f "$r"
  LOCKSCOPE_REPORT=$r LD_PRELOAD="$rt/liblockscope-rt.so" "$work/inversion_then_crash" "$how" > /dev/null 2> "$work/err"
  check "crash by $how: dies by the same signal" "${crash##*:}" $?
  check "crash by $how: the JSON report is written" 1 "$(findings "$r")"
  expect_grep "crash by $how: the report is printed" "lockscope-lock-order-inversion" "$work/err"
done
rm -f "$r"
"$lockscope" run --report "$r" -- "$work/inversion_then_crash" abort > /dev/null 2> "$work/err"
check "lockscope run, assert fails: the program's signal status" 134 $?
check "lockscope run, assert fails: its finding is in the report" 1 "$(findings "$r")"
expect_grep "lockscope run, assert fails: says so" "killed by signal 6 (Aborted); 1 finding reported" "$work/err"
rm -f "$r"
LOCKSCOPE_REPORT=$r LD_PRELOAD="$rt/liblockscope-rt.so" "$work/inversion_then_crash" own-handler > /dev/null 2> "$work/err"
check "crash with the program's own handler: its status" 5 $?
expect_grep "crash with the program's own handler: it ran" "own handler" "$work/err"
check "crash with the program's own handler: the report is written at its _exit" 1 "$(findings "$r")"

# What reports show of a plain std::thread program (issue 17): the user's frames, not libc's or
# libstdc++'s; lambdas by file and line; stack locks by where they were first taken.
expect_none() {  # expect_none NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then echo "FAIL: $1: '$2' in $3"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
for opt in O0 O2; do
  $cxx -std=c++20 -g -$opt -pthread "$here/plain_threads.cpp" -o "$work/plain_threads_$opt" || exit 1
  "$lockscope" run -- "$work/plain_threads_$opt" > /dev/null 2> "$work/err"
  check "plain threads -$opt: findings status" 66 $?
  for noise in start_thread pthread_create.c clone3 __gthread _State_impl __invoke 'lock@0x' '\$_[0-9]'; do
    expect_none "plain threads -$opt: no '$noise' in the report" "$noise" "$work/err"
  done
  expect_grep "plain threads -$opt: stack locks named where first taken" \
    "between 'lock first taken at plain_threads.cpp:14 in transfer' and 'lock first taken at plain_threads.cpp:15 in transfer'" "$work/err"
done
"$lockscope" run -- "$work/plain_threads_O0" > /dev/null 2> "$work/err"
expect_grep "plain threads -O0: first lambda by file and line" "entry lambda in main at plain_threads.cpp:22" "$work/err"
expect_grep "plain threads -O0: second lambda by file and line" "entry lambda in main at plain_threads.cpp:26" "$work/err"
"$lockscope" run -- "$work/plain_threads_O2" > /dev/null 2> "$work/err"
expect_grep "plain threads -O2: says how to get full stacks" "build with -fno-omit-frame-pointer" "$work/err"
"$lockscope" run --options symbolizer=/nonexistent/llvm-symbolizer -- "$work/plain_threads_O0" > /dev/null 2> "$work/err"
check "without llvm-symbolizer: findings status" 66 $?
expect_grep "without llvm-symbolizer: says what is missing" "cannot run the symbolizer '/nonexistent/llvm-symbolizer'" "$work/err"
expect_grep "without llvm-symbolizer: function names from the symbol table" "#0 in transfer(Account&, Account&)" "$work/err"
expect_none "without llvm-symbolizer: no libstdc++ frames" "__gthread" "$work/err"

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
