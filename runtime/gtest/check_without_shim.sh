#!/bin/sh
# Runs the example gtest binary built WITHOUT the shim: every test must fail, saying the shim is
# not loaded, with the failure pointing at the test's own file (not into lockscope_gtest.cpp).
set -u
out=$("$1" 2>&1)
status=$?
echo "$out"
fail() { echo "CHECK FAILED: $1"; exit 1; }
[ "$status" -ne 0 ] || fail "the binary exited 0 without the shim"
for t in Bank.Deposit Bank.Transfer Bank.Audit; do
  echo "$out" | grep -q "^\[  FAILED  \] $t" || fail "$t did not fail"
done
echo "$out" | grep -q 'the runtime shim is not loaded' || fail "the failure does not say the shim is not loaded"
echo "$out" | grep -q 'example_test.cpp:[0-9]*: Failure' || fail "the failure does not point at the test's file"
echo "$out" | grep -q 'lockscope_gtest.cpp' && fail "a failure points into lockscope_gtest.cpp"
exit 0
