#include "report/fingerprint.h"

#include <gtest/gtest.h>

namespace lockscope::report {
namespace {

Finding cycle() {
  Finding f;
  f.kind = "lock-order-inversion";
  f.message = "lock order inversion between 'a' and 'b' (first edge at line 12)";
  f.location = {"/src/bank/transfer.cpp", 20, 5};
  f.notes = {{{"/src/bank/transfer.cpp", 12, 3}, "'b' acquired while holding 'a'"}};
  f.locks = {"a", "b"};
  f.edges = {{"a", "b", {"/src/bank/transfer.cpp", 12, 3}, "thread1"},
             {"b", "a", {"/src/bank/transfer.cpp", 20, 5}, "thread2"}};
  f.function = "thread2";
  return f;
}

TEST(Fingerprint, IsSixteenHexDigits) {
  std::string fp = fingerprint(cycle());
  ASSERT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos) << fp;
}

TEST(Fingerprint, SurvivesLinesMovingAndAnotherCheckout) {
  Finding moved = cycle();
  moved.location = {"/home/ci/work/bank/transfer.cpp", 31, 9};
  moved.message = "lock order inversion between 'a' and 'b' (first edge at line 23)";
  for (auto& n : moved.notes) n.location.line += 11;
  for (auto& e : moved.edges) e.location.line += 11;
  EXPECT_EQ(fingerprint(moved), fingerprint(cycle()));
}

TEST(Fingerprint, IgnoresRuntimeThreadIdsAddressesAndLockOrder) {
  Finding a = cycle();
  a.message = "cycle seen by T3 on mutex at 0x7ffd1234";
  Finding b = a;
  b.message = "cycle seen by T7 on mutex at 0x55aa00";
  b.locks = {"b", "a"};
  std::swap(b.edges[0], b.edges[1]);
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, DiffersForADifferentBug) {
  const std::string base = fingerprint(cycle());
  Finding other_kind = cycle();
  other_kind.kind = "deadlock";
  Finding other_function = cycle();
  other_function.function = "thread3";
  Finding other_locks = cycle();
  other_locks.locks = {"a", "c"};
  Finding longer_cycle = cycle();
  longer_cycle.edges.push_back({"a", "c", {}, "thread3"});
  Finding other_file = cycle();
  other_file.location.file = "/src/bank/audit.cpp";
  Finding other_variable = cycle();
  other_variable.message = "lock order inversion between 'a2' and 'b' (first edge at line 12)";
  for (const Finding* f : {&other_kind, &other_function, &other_locks, &longer_cycle, &other_file, &other_variable})
    EXPECT_NE(fingerprint(*f), base) << f->kind << " " << f->function << " " << f->message;
}

}  // namespace
}  // namespace lockscope::report
