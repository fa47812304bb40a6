#include "driver/check.h"

#include <gtest/gtest.h>

#include "driver/test_support.h"

namespace lockscope::driver {
namespace {

using testing::db_entry;
using testing::record_main_file;
using testing::ScratchDir;

// Reports one finding per analyzed unit, so the result shows exactly which facts reached the link.
report::Report one_finding_per_unit(const std::vector<facts::TranslationUnitFacts>& units, const link::Options& o) {
  report::Report r;
  for (const auto& u : units) r.findings.push_back({"data-race", o.races ? "races on" : "races off", {u.main_file, 1, 1}});
  return r;
}

report::Report nothing(const std::vector<facts::TranslationUnitFacts>&, const link::Options&) { return {}; }

class Check : public ::testing::Test {
 protected:
  CheckOptions options_for(std::vector<std::string> files = {}) {
    CheckOptions o;
    o.build_dir = dir.file("build");
    o.files = std::move(files);
    o.jobs = 2;
    return o;
  }
  void write_database(const std::vector<std::string>& files) {
    std::string json = "[";
    for (const std::string& f : files) json += (json.size() > 1 ? ", " : "") + db_entry(dir.path(), f);
    dir.write("build/compile_commands.json", json + "]");
  }
  ScratchDir dir;
};

TEST_F(Check, ExitStatuses) {
  dir.write("a.cpp", "int a;\n");
  dir.write("b.c", "int b;\n");
  write_database({"a.cpp", "b.c"});
  CheckResult clean = run_check(options_for(), record_main_file, nothing);
  EXPECT_EQ(clean.exit_status, report::kExitClean);
  EXPECT_EQ(clean.units, 2u);
  EXPECT_EQ(clean.sources, (std::vector<std::string>{dir.file("a.cpp"), dir.file("b.c")}));
  EXPECT_EQ(clean.directories, (std::vector<std::string>{dir.path(), dir.path()}));
  EXPECT_EQ(clean.report.source, "static");

  CheckResult found = run_check(options_for(), record_main_file, one_finding_per_unit);
  EXPECT_EQ(found.exit_status, report::kExitFindings);
  EXPECT_EQ(found.report.findings.size(), 2u);
}

TEST_F(Check, BrokenUnitIsReportedAndTheRestAnalyzed) {
  dir.write("a.cpp", "int a;\n");
  std::string bad = dir.write("bad.cpp", "int b = ;\n");
  dir.write("c.cpp", "int c;\n");
  write_database({"a.cpp", "bad.cpp", "c.cpp"});
  CheckResult r = run_check(options_for(), record_main_file, one_finding_per_unit);
  EXPECT_EQ(r.exit_status, report::kExitError);
  EXPECT_EQ(r.failed, 1u);
  ASSERT_EQ(r.report.diagnostics.size(), 1u);
  EXPECT_EQ(r.report.diagnostics[0].message, "cannot analyze " + bad + ": expected expression");
  ASSERT_EQ(r.report.findings.size(), 2u);
  // The main file as the compile command names it.
  EXPECT_EQ(r.report.findings[0].location.file, "a.cpp");
  EXPECT_EQ(r.report.findings[1].location.file, "c.cpp");
}

TEST_F(Check, AnalysisSwitchesReachTheLink) {
  dir.write("a.cpp", "int a;\n");
  write_database({"a.cpp"});
  CheckOptions o = options_for();
  o.races = false;
  EXPECT_EQ(run_check(o, record_main_file, one_finding_per_unit).report.findings.at(0).message, "races off");
}

TEST_F(Check, MissingResourceDirIsAnInputError) {
  dir.write("a.cpp", "int a;\n");
  write_database({"a.cpp"});
  CheckOptions o = options_for();
  o.resource_dir = dir.file("nope");
  EXPECT_THROW(run_check(o, record_main_file, nothing), InputError);
}

}  // namespace
}  // namespace lockscope::driver
