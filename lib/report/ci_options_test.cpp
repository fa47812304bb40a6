#include "report/ci_options.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "report/baseline.h"

namespace lockscope::report {
namespace {

namespace fs = std::filesystem;

TEST(TakeCiOptions, RemovesOursAndKeepsTheRest) {
  std::vector<std::string> args{"-p", "build", "--baseline", "b.json", "--format", "sarif",
                                "--write-baseline=w.json", "--report-unused-suppressions", "a.cpp"};
  CiOptions o = take_ci_options(args);
  EXPECT_EQ(o.baseline, "b.json");
  EXPECT_EQ(o.write_baseline, "w.json");
  EXPECT_TRUE(o.report_unused_suppressions);
  EXPECT_EQ(args, (std::vector<std::string>{"-p", "build", "--format", "sarif", "a.cpp"}));
}

TEST(TakeCiOptions, StopsAtDoubleDash) {
  std::vector<std::string> args{"a.cpp", "--", "-I", "--baseline"};
  CiOptions o = take_ci_options(args);
  EXPECT_FALSE(o.baseline);
  EXPECT_EQ(args.size(), 4u);
}

TEST(TakeCiOptions, MissingOrRepeatedValuesAreUsageErrors) {
  std::vector<std::string> missing{"--baseline"};
  EXPECT_THROW(take_ci_options(missing), CiUsageError);
  std::vector<std::string> before_dashes{"--write-baseline", "--", "x"};
  EXPECT_THROW(take_ci_options(before_dashes), CiUsageError);
  std::vector<std::string> empty{"--baseline="};
  EXPECT_THROW(take_ci_options(empty), CiUsageError);
  std::vector<std::string> twice{"--baseline", "a", "--baseline", "b"};
  EXPECT_THROW(take_ci_options(twice), CiUsageError);
}

class ApplyCiOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lockscope-ci-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    src_ = (dir_ / "bank.cpp").string();
    std::ofstream(src_) << "void t1();\n"
                           "void t2();  // lockscope-ignore[data-race]\n"
                           "int counter;\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  Finding finding(const std::string& kind, unsigned line, const std::string& function) const {
    Finding f;
    f.kind = kind;
    f.message = kind + " in " + function;
    f.location = {src_, line, 1};
    f.function = function;
    return f;
  }
  Report report() const {
    Report r;
    r.findings = {finding("data-race", 3, "t2"), finding("lock-order-inversion", 1, "t1")};
    return r;
  }
  fs::path dir_;
  std::string src_;
};

TEST_F(ApplyCiOptions, SuppressionsAlwaysApply) {
  Report r = report();
  CiOptions o;
  CiOutcome out = apply_ci_options(r, o, {});
  EXPECT_EQ(out.suppressed, 1u);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, "lock-order-inversion");
  EXPECT_EQ(ci_exit_status(r, o, out), kExitFindings);
}

TEST_F(ApplyCiOptions, WriteThenUseABaseline) {
  std::string base = (dir_ / "base.json").string();
  Report first = report();
  CiOptions write;
  write.write_baseline = base;
  CiOutcome written = apply_ci_options(first, write, {});
  EXPECT_EQ(written.baseline_written, 1u) << "suppressed findings are not recorded";
  EXPECT_EQ(ci_exit_status(first, write, written), kExitClean);

  CiOptions use;
  use.baseline = base;
  Report again = report();
  CiOutcome out = apply_ci_options(again, use, {});
  EXPECT_TRUE(again.findings.empty());
  EXPECT_EQ(out.baselined, 1u);
  EXPECT_EQ(ci_exit_status(again, use, out), kExitClean);

  Report more = report();
  more.findings.push_back(finding("lock-order-inversion", 1, "t3"));
  out = apply_ci_options(more, use, {});
  ASSERT_EQ(more.findings.size(), 1u);
  EXPECT_EQ(more.findings[0].function, "t3");
  EXPECT_EQ(ci_exit_status(more, use, out), kExitFindings);
}

TEST_F(ApplyCiOptions, BothBaselineOptionsReRecordAndReportAgainstTheOld) {
  std::string old_base = (dir_ / "old.json").string(), new_base = (dir_ / "new.json").string();
  Report first = report();
  CiOptions write;
  write.write_baseline = old_base;
  apply_ci_options(first, write, {});

  Report grown = report();
  grown.findings.push_back(finding("lock-order-inversion", 1, "t3"));
  CiOptions both;
  both.baseline = old_base;
  both.write_baseline = new_base;
  CiOutcome out = apply_ci_options(grown, both, {});
  EXPECT_EQ(out.baseline_written, 2u);
  EXPECT_EQ(load_baseline(new_base).entries.size(), 2u);
  ASSERT_EQ(grown.findings.size(), 1u);
  EXPECT_EQ(grown.findings[0].function, "t3");
  EXPECT_EQ(ci_exit_status(grown, both, out), kExitFindings);
}

TEST_F(ApplyCiOptions, UnusedSuppressionsOnlyWhenAskedAndTheyFail) {
  Report r;
  CiOptions o;
  CiOutcome out = apply_ci_options(r, o, {src_});
  EXPECT_TRUE(out.unused.empty());
  o.report_unused_suppressions = true;
  out = apply_ci_options(r, o, {src_});
  ASSERT_EQ(out.unused.size(), 1u);
  EXPECT_EQ(out.unused[0].location.line, 2u);
  EXPECT_EQ(ci_exit_status(r, o, out), kExitFindings);
}

TEST_F(ApplyCiOptions, BadBaselineFailsBeforeWritingAnything) {
  std::string bad = (dir_ / "bad.json").string();
  std::ofstream(bad) << "{\"tool\": \"nope\"}";
  std::string out_file = (dir_ / "new.json").string();
  CiOptions o;
  o.baseline = bad;
  o.write_baseline = out_file;
  Report r = report();
  EXPECT_THROW(apply_ci_options(r, o, {}), BaselineError);
  EXPECT_FALSE(fs::exists(out_file));
}

TEST_F(ApplyCiOptions, ErrorsWin) {
  Report r;
  r.diagnostics.push_back({Diagnostic::Severity::Error, {}, "x.cpp does not compile"});
  EXPECT_EQ(ci_exit_status(r, CiOptions{}, CiOutcome{}), kExitError);
}

}  // namespace
}  // namespace lockscope::report
