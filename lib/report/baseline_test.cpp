#include "report/baseline.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

namespace lockscope::report {
namespace {

Finding race(const std::string& var, unsigned line) {
  Finding f;
  f.kind = "data-race";
  f.message = "unguarded write to '" + var + "'";
  f.location = {"src/counter.c", line, 5};
  f.function = "worker";
  return f;
}

Finding cycle(unsigned line) {
  Finding f;
  f.kind = "lock-order-inversion";
  f.message = "lock order inversion between 'a' and 'b'";
  f.location = {"src/bank.cpp", line, 3};
  f.locks = {"a", "b"};
  f.edges = {{"a", "b", {"src/bank.cpp", line - 8, 3}, "t1"}, {"b", "a", {"src/bank.cpp", line, 3}, "t2"}};
  f.function = "t2";
  return f;
}

Baseline round_trip(const Baseline& b) {
  std::stringstream s;
  write_baseline(s, b);
  return read_baseline(s, "mem.json");
}

std::string error_of(const std::string& text) {
  std::stringstream s(text);
  try {
    read_baseline(s, "base.json");
  } catch (const BaselineError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Baseline, RoundTrips) {
  Baseline b = make_baseline({race("counter", 7), cycle(20)});
  EXPECT_EQ(round_trip(b).entries, b.entries);
  EXPECT_EQ(b.entries[1].kind, "lock-order-inversion");
  EXPECT_EQ(b.entries[1].file, "src/bank.cpp");
}

TEST(Baseline, NothingIsNewWhenLinesMoved) {
  Baseline b = round_trip(make_baseline({race("counter", 7), cycle(20)}));
  EXPECT_TRUE(new_findings({cycle(45), race("counter", 32)}, b).empty());
}

TEST(Baseline, NewRaceAndNewCycleAreNew) {
  Baseline b = round_trip(make_baseline({race("counter", 7), cycle(20)}));
  Finding other_cycle = cycle(30);
  other_cycle.locks = {"a", "c"};
  other_cycle.edges[0].to = "c";
  other_cycle.edges[1].from = "c";
  other_cycle.message = "lock order inversion between 'a' and 'c'";
  std::vector<Finding> fresh = new_findings({race("counter", 7), race("total", 9), cycle(20), other_cycle}, b);
  ASSERT_EQ(fresh.size(), 2u);
  EXPECT_EQ(fresh[0].message, "unguarded write to 'total'");
  EXPECT_EQ(fresh[1].message, "lock order inversion between 'a' and 'c'");
}

TEST(Baseline, MatchesByCount) {
  // Two identical-looking races in one function: the baseline knew one, so one is new.
  Baseline b = make_baseline({race("counter", 7)});
  EXPECT_EQ(new_findings({race("counter", 7), race("counter", 11)}, b).size(), 1u);
}

TEST(Baseline, MalformedFilesNameTheProblem) {
  EXPECT_EQ(error_of("{oops"), "base.json: not valid JSON (line 1, column 2: invalid literal)");
  EXPECT_NE(error_of("[]").find("base.json: not a lockscope baseline: expected a JSON object"), std::string::npos);
  EXPECT_NE(error_of(R"({"tool": "lockscope", "format": 1, "findings": []})").find("\"tool\" must be"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"tool": "lockscope-baseline", "format": 7, "findings": []})").find("unsupported \"format\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"tool": "lockscope-baseline", "format": 1})").find("\"findings\" must be an array"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"tool": "lockscope-baseline", "format": 1, "findings": [{"kind": "x"}]})")
                .find("findings[0].fingerprint is missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"tool": "lockscope-baseline", "format": 1, "findings": [{"fingerprint": "12"}]})")
                .find("findings[0].fingerprint must be 16 lowercase hex digits"),
            std::string::npos);
}

TEST(Baseline, FilesOnDisk) {
  std::string path = (std::filesystem::temp_directory_path() / ("lockscope-baseline-" + std::to_string(::getpid()) + ".json")).string();
  write_baseline_file(path, make_baseline({cycle(20)}));
  EXPECT_EQ(load_baseline(path).entries.size(), 1u);
  std::remove(path.c_str());
  try {
    load_baseline(path);
    FAIL() << "expected BaselineError";
  } catch (const BaselineError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot open baseline file");
  }
  EXPECT_THROW(write_baseline_file("/nonexistent-dir/b.json", Baseline{}), BaselineError);
}

}  // namespace
}  // namespace lockscope::report
