#include "report/json_io.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lockscope::report {
namespace {

Report sample_report() {
  Report r;
  r.version = "9.9.9";
  r.source = "runtime";
  Finding f;
  f.kind = "lock-order-inversion";
  f.message = "lock order inversion between 'a' and 'b'";
  f.location = {"x.cpp", 20, 5};
  f.notes = {{{"x.cpp", 12, 3}, "first"}, {{}, "no location"}};
  f.locks = {"a", "b"};
  f.threads = {{"T1", "worker", "thread1"}, {"T2", "", "thread2"}};
  f.edges = {{"a", "b", {"x.cpp", 12, 3}, "T1"}, {"b", "a", {"x.cpp", 20, 5}, "T2"}};
  f.function = "thread2";
  f.evidence = kEvidenceSequentialRun;
  r.findings.push_back(f);
  r.diagnostics.push_back({Diagnostic::Severity::Note, {"x.cpp", 1, 1}, "gave up on a computed lock"});
  return r;
}

TEST(JsonIo, HasTheDocumentedShape) {
  nlohmann::json j = to_json(sample_report());
  EXPECT_EQ(j["tool"], "lockscope");
  EXPECT_EQ(j["version"], "9.9.9");
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["kind"], "lock-order-inversion");
  EXPECT_EQ(f["location"]["file"], "x.cpp");
  EXPECT_EQ(f["location"]["line"], 20);
  EXPECT_EQ(f["location"]["column"], 5);
  EXPECT_EQ(f["notes"][0]["message"], "first");
  EXPECT_EQ(f["notes"][0]["location"]["line"], 12);
  EXPECT_EQ(f["threads"][0]["name"], "worker");
  EXPECT_EQ(f["edges"][1]["from"], "b");
  EXPECT_EQ(f["evidence"], "sequential-in-run");
}

TEST(JsonIo, UnstatedEvidenceIsLeftOut) {
  Report r = sample_report();
  r.findings[0].evidence.clear();
  EXPECT_FALSE(to_json(r)["findings"][0].contains("evidence"));
}

TEST(JsonIo, RoundTripsEveryField) {
  Report r = sample_report();
  std::stringstream s;
  write_json(s, r);
  Report back = read_json(s, "mem.json");
  EXPECT_EQ(back.version, r.version);
  EXPECT_EQ(back.source, r.source);
  EXPECT_EQ(back.findings, r.findings);
  EXPECT_EQ(back.diagnostics, r.diagnostics);
}

TEST(JsonIo, RunCountersAreOptional) {
  Report r = sample_report();
  EXPECT_FALSE(to_json(r).contains("counters"));
  r.counters = RunCounters{3, 2, 1};
  EXPECT_EQ(to_json(r)["counters"]["locks"], 3);
  EXPECT_EQ(to_json(r)["counters"]["edges"], 1);
  std::stringstream s;
  write_json(s, r);
  Report back = read_json(s, "mem.json");
  ASSERT_TRUE(back.counters);
  EXPECT_EQ(*back.counters, *r.counters);
}

// What read_json says about `text` read from `origin`; empty when it accepts it.
std::string read_error(const std::string& text, const std::string& origin) {
  std::stringstream s(text);
  try {
    read_json(s, origin);
  } catch (const ReportFormatError& e) {
    return e.what();
  }
  return {};
}

TEST(JsonIo, RejectsInvalidJsonNamingTheFile) {
  EXPECT_EQ(read_error("{not json", "bad.json"), "bad.json: not valid JSON (line 1, column 3: invalid literal)");
  EXPECT_EQ(read_error("", "empty.json"), "empty.json: not valid JSON (the file is empty)");
}

TEST(JsonIo, RejectsWrongFieldTypeNamingThePath) {
  nlohmann::json j = to_json(sample_report());
  j["findings"][0]["location"]["line"] = "twelve";
  std::stringstream s(j.dump());
  try {
    read_json(s, "r.json");
    FAIL() << "expected ReportFormatError";
  } catch (const ReportFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("findings[0].location.line: expected a non-negative integer"),
              std::string::npos)
        << e.what();
  }
}

TEST(JsonIo, RejectsOtherTools) {
  std::stringstream s(R"({"tool": "tsan", "findings": []})");
  EXPECT_THROW(read_json(s, "t.json"), ReportFormatError);
}

TEST(JsonIo, MissingFileIsAnError) {
  EXPECT_THROW(read_json_file("/nonexistent/report.json"), ReportFormatError);
}

}  // namespace
}  // namespace lockscope::report
