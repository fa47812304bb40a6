#include "report/text_writer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "report/kinds.h"

namespace lockscope::report {
namespace {

Finding cycle_finding() {
  Finding f;
  f.kind = std::string(kLockOrderInversion);
  f.message = "lock order inversion between 'a' and 'b'";
  f.location = {"deadlock.cpp", 20, 5};
  f.notes.push_back({{"deadlock.cpp", 12, 5}, "'b' acquired here while holding 'a' (thread entry: thread1)"});
  f.notes.push_back({{}, "thread entry: thread2"});
  return f;
}

TEST(TextWriter, FindingIsClangStyleWithNotes) {
  std::ostringstream out;
  write_text(out, cycle_finding());
  EXPECT_EQ(out.str(),
            "deadlock.cpp:20:5: warning: lock order inversion between 'a' and 'b' [lockscope-lock-order-inversion]\n"
            "deadlock.cpp:12:5: note: 'b' acquired here while holding 'a' (thread entry: thread1)\n"
            "note: thread entry: thread2\n");
}

TEST(TextWriter, LineWithoutColumnOmitsColumn) {
  Finding f = cycle_finding();
  f.location.column = 0;
  f.notes.clear();
  std::ostringstream out;
  write_text(out, f);
  EXPECT_EQ(out.str(), "deadlock.cpp:20: warning: lock order inversion between 'a' and 'b' [lockscope-lock-order-inversion]\n");
}

TEST(TextWriter, ReportSummarizesKinds) {
  Report r;
  r.findings = {cycle_finding(), cycle_finding()};
  r.findings[1].kind = std::string(kDataRace);
  r.diagnostics.push_back({Diagnostic::Severity::Error, {"bad.cpp", 3, 1}, "unknown type name 'foo'"});
  std::ostringstream out;
  write_text(out, r);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("bad.cpp:3:1: error: unknown type name 'foo'\n", 0), 0u) << text;
  EXPECT_NE(text.find("[lockscope-data-race]"), std::string::npos);
  EXPECT_NE(text.find("2 findings (1 data-race, 1 lock-order-inversion)\n"), std::string::npos) << text;
}

TEST(TextWriter, CleanReportPrintsNothing) {
  std::ostringstream out;
  write_text(out, Report{});
  EXPECT_EQ(out.str(), "");
}

TEST(Kinds, FixedNamesAreKnown) {
  EXPECT_TRUE(is_known_kind("lock-order-inversion"));
  EXPECT_TRUE(is_known_kind("double-lock"));
  EXPECT_TRUE(is_known_kind("deadlock"));
  EXPECT_TRUE(is_known_kind("data-race"));
  EXPECT_FALSE(is_known_kind("race"));
}

TEST(Canonicalize, SortsByLocationAndDropsDuplicates) {
  Finding a = cycle_finding();
  Finding b = cycle_finding();
  b.location.line = 3;
  std::vector<Finding> v{a, b, a};
  canonicalize(v);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].location.line, 3u);
  EXPECT_EQ(v[1].location.line, 20u);
}

}  // namespace
}  // namespace lockscope::report
