#!/bin/sh
# Runs the example gtest binary under the shim and checks that exactly Bank.Transfer failed, with
# the lockscope report (naming the test) as its failure message.
set -u
out=$("$1" 2>&1)
status=$?
echo "$out"
fail() { echo "CHECK FAILED: $1"; exit 1; }
[ "$status" -ne 0 ] || fail "the binary exited 0"
echo "$out" | grep -q '^\[  FAILED  \] Bank.Transfer (' || fail "Bank.Transfer did not fail"
echo "$out" | grep -q '^\[  FAILED  \] Bank.Deposit' && fail "Bank.Deposit failed"
echo "$out" | grep -q '^\[  FAILED  \] Bank.Audit' && fail "Bank.Audit failed"
echo "$out" | grep -q '^\[  FAILED  \] Bank.TransferBack' || fail "Bank.TransferBack (closes a join-ordered cycle) did not fail"
echo "$out" | grep -q '^\[  FAILED  \] Bank.TransferOneWay' && fail "Bank.TransferOneWay failed"
echo "$out" | grep -q 'first observed during test Bank.Transfer' || fail "the failure does not name the test"
echo "$out" | grep -q 'lockscope-lock-order-inversion' || fail "the failure does not carry the report"
echo "$out" | grep -q 'observed during test Bank.Transfer' || fail "the report does not name the test"
echo "$out" | grep -q 'example_test.cpp:[0-9]*: Failure' || fail "the failure does not point at the test's file"
echo "$out" | grep -q 'lockscope_gtest.cpp' && fail "the failure points into lockscope_gtest.cpp"
exit 0
