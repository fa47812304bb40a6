#include "driver/extract_units.h"

#include <gtest/gtest.h>

#include "driver/resource_dir.h"
#include "driver/test_support.h"

namespace lockscope::driver {
namespace {

using testing::record_main_file;
using testing::ScratchDir;

// A unit compiled like `clang-tool ARGS file` (a fixed database).
Unit unit(const std::string& file, std::vector<std::string> args = {}) {
  Unit u{file, std::string(llvm::sys::path::parent_path(file)), {"clang-tool"}};
  u.command.insert(u.command.end(), args.begin(), args.end());
  u.command.push_back(file);
  return u;
}

std::vector<UnitOutcome> extract(const std::vector<Unit>& units, unsigned jobs = 1,
                                 std::string resource_dir = default_resource_dir()) {
  return extract_units(units, record_main_file, ExtractOptions{jobs, std::move(resource_dir)});
}

TEST(ExtractUnits, OneOutcomePerUnitInOrder) {
  ScratchDir dir;
  std::vector<Unit> units;
  for (int i = 0; i < 6; ++i) units.push_back(unit(dir.write("u" + std::to_string(i) + ".cpp", "int x;\n")));
  for (unsigned jobs : {1u, 2u, 4u, 16u}) {
    std::vector<UnitOutcome> out = extract(units, jobs);
    ASSERT_EQ(out.size(), units.size());
    for (size_t i = 0; i < units.size(); ++i) {
      EXPECT_FALSE(out[i].error) << out[i].error->message;
      EXPECT_EQ(out[i].facts.main_file, units[i].file) << "jobs=" << jobs;
    }
  }
}

TEST(ExtractUnits, ABrokenUnitIsOneErrorAndTheOthersGoOn) {
  ScratchDir dir;
  std::string good1 = dir.write("good1.cpp", "int a;\n");
  std::string bad = dir.write("bad.cpp", "int f() {\n  return 1\n}\nint g() { return nope; }\n");
  std::string good2 = dir.write("good2.cpp", "int b;\n");
  std::vector<UnitOutcome> out = extract({unit(good1), unit(bad), unit(good2)}, 2);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].error);
  EXPECT_FALSE(out[2].error);
  EXPECT_EQ(out[2].facts.main_file, good2);
  ASSERT_TRUE(out[1].error);
  const report::Diagnostic& e = *out[1].error;
  EXPECT_EQ(e.severity, report::Diagnostic::Severity::Error);
  EXPECT_EQ(e.message, "cannot analyze " + bad + ": expected ';' after return statement (and 1 more error)");
  EXPECT_EQ(e.location, (report::Location{bad, 2, 11}));
  EXPECT_TRUE(out[1].facts.main_file.empty());  // half-parsed facts are dropped
}

TEST(ExtractUnits, WarningsAndWerrorDoNotStopAnalysis) {
  ScratchDir dir;
  std::string f = dir.write("w.cpp", "int f(int x) { int unused; return x; }\n");
  std::vector<UnitOutcome> out = extract({unit(f, {"-Wall", "-Werror"})});
  EXPECT_FALSE(out[0].error) << out[0].error->message;
}

TEST(ExtractUnits, LanguageFollowsTheExtension) {
  ScratchDir dir;
  // Valid C, invalid C++ ('class' is a keyword), and the other way round.
  std::string c = dir.write("k.c", "int class = 1;\n");
  std::string cxx = dir.write("t.cpp", "template <class T> T id(T t) { return t; }\n");
  std::string c_as_cxx = dir.write("k2.cpp", "int class = 1;\n");
  std::vector<UnitOutcome> out = extract({unit(c), unit(cxx), unit(c_as_cxx)});
  EXPECT_FALSE(out[0].error) << out[0].error->message;
  EXPECT_FALSE(out[1].error) << out[1].error->message;
  EXPECT_TRUE(out[2].error);
}

TEST(ExtractUnits, MissingFileInACommandIsAnError) {
  ScratchDir dir;
  std::vector<UnitOutcome> out = extract({unit(dir.file("gone.cpp"))});
  ASSERT_TRUE(out[0].error);
  EXPECT_NE(out[0].error->message.find("cannot analyze " + dir.file("gone.cpp")), std::string::npos);
}

TEST(ExtractUnits, BuiltinHeadersComeFromTheResourceDir) {
  ScratchDir dir;
  std::string f = dir.write("s.c", "#include <stddef.h>\nsize_t n;\n");
  EXPECT_FALSE(extract({unit(f)})[0].error);
  dir.write("empty-resources/include/.keep", "");
  std::vector<UnitOutcome> out = extract({unit(f)}, 1, dir.file("empty-resources"));
  ASSERT_TRUE(out[0].error);
  EXPECT_EQ(out[0].error->message, "cannot analyze " + f + ": 'stddef.h' file not found");
  // The command's own -resource-dir wins over ours.
  out = extract({unit(f, {"-resource-dir=" + dir.file("empty-resources")})});
  EXPECT_TRUE(out[0].error);
}

TEST(ExtractUnits, ExceptionFromTheExtractionIsAnError) {
  ScratchDir dir;
  std::string f = dir.write("x.cpp", "int x;\n");
  ActionMaker throwing = +[](facts::TranslationUnitFacts&) -> std::unique_ptr<clang::FrontendAction> {
    throw std::runtime_error("unsupported construct");
  };
  std::vector<UnitOutcome> out = extract_units({unit(f)}, throwing, ExtractOptions{1, default_resource_dir()});
  ASSERT_TRUE(out[0].error);
  EXPECT_EQ(out[0].error->message, "cannot analyze " + f + ": the extraction failed: unsupported construct");
}

// Stands for a bug in the extraction: dies with SIGSEGV in the middle of a unit.
class CrashingAction : public clang::SyntaxOnlyAction {
  void ExecuteAction() override {
    volatile int* nowhere = nullptr;
    *nowhere = 1;
  }
};

TEST(ExtractUnits, ACrashIsAnErrorAndTheProcessGoesOn) {
  ScratchDir dir;
  std::string crash = dir.write("crash.cpp", "int x;\n");
  std::string fine = dir.write("fine.cpp", "int y;\n");
  ActionMaker crashing = +[](facts::TranslationUnitFacts&) -> std::unique_ptr<clang::FrontendAction> {
    return std::make_unique<CrashingAction>();
  };
  std::vector<UnitOutcome> out = extract_units({unit(crash)}, crashing, ExtractOptions{1, default_resource_dir()});
  ASSERT_TRUE(out[0].error);
  EXPECT_EQ(out[0].error->message, "cannot analyze " + crash + ": the extraction crashed (please report this with the file)");
  // The process is still fine: the next extraction works.
  EXPECT_FALSE(extract({unit(fine)})[0].error);
}

}  // namespace
}  // namespace lockscope::driver
