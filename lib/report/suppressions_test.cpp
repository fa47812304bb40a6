#include "report/suppressions.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

namespace lockscope::report {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_suppressions(text, "f.cpp");
  } catch (const SuppressionError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ParseSuppressions, FindsKindsOnTheirLines) {
  auto s = parse_suppressions(
      "int x;\n"
      "  x = 1;  // lockscope-ignore[data-race]\n"
      "/* lockscope-ignore[double-lock, lock-order-inversion] */\n",
      "f.cpp");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], (Suppression{{"f.cpp", 2, 14}, "data-race"}));
  EXPECT_EQ(s[1].kind, "double-lock");
  EXPECT_EQ(s[2].kind, "lock-order-inversion");
  EXPECT_EQ(s[2].location.line, 3u);
}

TEST(ParseSuppressions, OnlyInComments) {
  EXPECT_TRUE(parse_suppressions("const char* s = \"lockscope-ignore\";\n", "f.cpp").empty());
}

TEST(ParseSuppressions, MalformedOnesAreErrorsWithPosition) {
  EXPECT_EQ(error_of("// lockscope-ignore data-race"),
            "f.cpp:1:4: malformed suppression: expected '[' after 'lockscope-ignore' (write lockscope-ignore[<kind>])");
  EXPECT_EQ(error_of("\n// lockscope-ignore[data-race"), "f.cpp:2:4: malformed suppression: missing ']'");
  EXPECT_EQ(error_of("// lockscope-ignore[ ]"), "f.cpp:1:4: malformed suppression: no kind between '[' and ']'");
  EXPECT_NE(error_of("x; // lockscope-ignore[data-rase]").find("f.cpp:1:7: unknown finding kind 'data-rase'"),
            std::string::npos);
}

class ApplySuppressions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("lockscope-supp-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  static Finding finding(const std::string& file, unsigned line, const std::string& kind) {
    Finding f;
    f.kind = kind;
    f.message = kind + " here";
    f.location = {file, line, 3};
    return f;
  }
  std::filesystem::path dir_;
};

TEST_F(ApplySuppressions, SameLineAndLineBefore) {
  std::string a = write("a.cpp",
                        "void f() {\n"
                        "  x = 1;  // lockscope-ignore[data-race]\n"
                        "  // lockscope-ignore[lock-order-inversion]\n"
                        "  lb.lock();\n"
                        "  y = 2;\n"
                        "}\n");
  auto out = apply_inline_suppressions(
      {finding(a, 2, "data-race"), finding(a, 4, "lock-order-inversion"), finding(a, 5, "data-race")});
  ASSERT_EQ(out.kept.size(), 1u);
  EXPECT_EQ(out.kept[0].location.line, 5u);  // two lines below the comment: not silenced
  EXPECT_EQ(out.suppressed.size(), 2u);
  EXPECT_TRUE(out.unused.empty());
}

TEST_F(ApplySuppressions, KindMustMatch) {
  std::string a = write("a.cpp", "x = 1;  // lockscope-ignore[double-lock]\n");
  auto out = apply_inline_suppressions({finding(a, 1, "data-race")});
  EXPECT_EQ(out.kept.size(), 1u);
  ASSERT_EQ(out.unused.size(), 1u);
  EXPECT_EQ(out.unused[0].kind, "double-lock");
  EXPECT_EQ(out.unused[0].location, (Location{a, 1, 12}));
}

TEST_F(ApplySuppressions, UnusedInFilesWithoutFindings) {
  std::string clean = write("clean.cpp", "int y; // lockscope-ignore[data-race]\n");
  auto out = apply_inline_suppressions({}, {clean});
  ASSERT_EQ(out.unused.size(), 1u);
  EXPECT_EQ(out.unused[0].location.file, clean);
}

TEST_F(ApplySuppressions, SameFileUnderAnotherName) {
  std::string a = write("a.cpp", "x = 1;  // lockscope-ignore[data-race]\n");
  std::string other_name = (dir_ / "." / "a.cpp").string();
  auto out = apply_inline_suppressions({finding(other_name, 1, "data-race")}, {a});
  EXPECT_TRUE(out.kept.empty());
  EXPECT_TRUE(out.unused.empty());
}

TEST_F(ApplySuppressions, MalformedSuppressionInAReportedFileIsAnError) {
  std::string a = write("a.cpp", "x = 1;  // lockscope-ignore[datarace]\n");
  EXPECT_THROW(apply_inline_suppressions({finding(a, 1, "data-race")}), SuppressionError);
}

TEST_F(ApplySuppressions, RelativeNamesAreFoundInTheCompileDirectories) {
  write("rel.cpp", "x = 1;  // lockscope-ignore[data-race]\n");
  auto out = apply_inline_suppressions({finding("rel.cpp", 1, "data-race")}, {}, {"/nonexistent", dir_.string()});
  EXPECT_TRUE(out.kept.empty());
  EXPECT_EQ(out.suppressed.size(), 1u);
}

TEST_F(ApplySuppressions, UnreadableFileKeepsFindings) {
  auto out = apply_inline_suppressions({finding("/nonexistent/x.cpp", 1, "data-race")});
  EXPECT_EQ(out.kept.size(), 1u);
}

}  // namespace
}  // namespace lockscope::report
