#include "annotate/unified_diff.h"

#include <gtest/gtest.h>

namespace lockscope::annotate {
namespace {

std::string numbered(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "line" + std::to_string(i) + "\n";
  return s;
}

TEST(UnifiedDiff, EqualTextsGiveNothing) { EXPECT_EQ(unified_diff("a/x", "b/x", "a\n", "a\n"), ""); }

TEST(UnifiedDiff, OneChangedLineWithThreeLinesOfContext) {
  std::string before = numbered(1, 10);
  std::string after = before;
  after.replace(after.find("line5\n"), 6, "line5 changed\n");
  EXPECT_EQ(unified_diff("a/x", "b/x", before, after),
            "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n line2\n line3\n line4\n-line5\n+line5 changed\n line6\n line7\n line8\n");
}

TEST(UnifiedDiff, ChangesFarApartAreTwoHunksAndNearOnesOne) {
  std::string before = numbered(1, 30);
  std::string after = before;
  after.replace(after.find("line2\n"), 6, "line2 x\n");
  after.replace(after.find("line25\n"), 7, "line25 x\n");
  std::string diff = unified_diff("a/x", "b/x", before, after);
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -22,7 +22,7 @@\n"), std::string::npos) << diff;

  after = before;
  after.replace(after.find("line10\n"), 7, "line10 x\n");
  after.replace(after.find("line16\n"), 7, "line16 x\n");
  diff = unified_diff("a/x", "b/x", before, after);
  EXPECT_NE(diff.find("@@ -7,13 +7,13 @@\n"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("@@ -"), diff.rfind("@@ -")) << "one hunk only:\n" << diff;
}

TEST(UnifiedDiff, InsertedLineAtTheTopAndACreatedFile) {
  EXPECT_EQ(unified_diff("a/x", "b/x", "b\nc\n", "a\nb\nc\n"), "--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n+a\n b\n c\n");
  EXPECT_EQ(unified_diff("/dev/null", "b/h.h", "", "x\ny\n"), "--- /dev/null\n+++ b/h.h\n@@ -0,0 +1,2 @@\n+x\n+y\n");
}

TEST(UnifiedDiff, MissingNewlineAtEndIsMarked) {
  EXPECT_EQ(unified_diff("a/x", "b/x", "a", "b"),
            "--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, PathsAreRelativeToTheRoot) {
  std::vector<FileChange> files = {{"/p/src/a.h", "x\n", "y\n", false}, {"/p/h.h", "", "z\n", true}};
  std::string diff = unified_diff(files, "/p");
  EXPECT_NE(diff.find("--- a/src/a.h\n+++ b/src/a.h\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("--- /dev/null\n+++ b/h.h\n"), std::string::npos) << diff;
}

}  // namespace
}  // namespace lockscope::annotate
