#include "annotate/macros.h"

#include <gtest/gtest.h>

namespace lockscope::annotate {
namespace {

TEST(Macros, NoDefinitionGivesTheDefaultSpellingAndNoHeader) {
  MacroSpelling s = find_project_macros({{"/p/a.h", "int GUARDED_BY_x;\n// #define nothing\n"}});
  EXPECT_EQ(s.guarded_by, "GUARDED_BY");
  EXPECT_EQ(s.requires_, "REQUIRES");
  EXPECT_FALSE(s.header);
}

TEST(Macros, LeveldbStyleHeaderWithTheOlderRequiresName) {
  std::string leveldb = "#ifndef GUARDED_BY\n#define GUARDED_BY(x) THREAD_ANNOTATION_ATTRIBUTE__(guarded_by(x))\n"
                        "#endif\n#define EXCLUSIVE_LOCKS_REQUIRED(...) \\\n  x\n";
  MacroSpelling s = find_project_macros({{"/p/a.h", "x"}, {"/p/port/thread_annotations.h", leveldb}});
  EXPECT_EQ(s.guarded_by, "GUARDED_BY");
  EXPECT_EQ(s.requires_, "EXCLUSIVE_LOCKS_REQUIRED");
  EXPECT_EQ(s.header, "/p/port/thread_annotations.h");
}

TEST(Macros, PrefixedSpellingAsAbseil) {
  std::string absl = "#define ABSL_PT_GUARDED_BY(x) y\n# define ABSL_GUARDED_BY(x) y\n#define ABSL_REQUIRES(...) y\n";
  MacroSpelling s = find_project_macros({{"/p/absl/base/thread_annotations.h", absl}});
  EXPECT_EQ(s.guarded_by, "ABSL_GUARDED_BY");
  EXPECT_EQ(s.pt_guarded_by, "ABSL_PT_GUARDED_BY");
  EXPECT_EQ(s.requires_, "ABSL_REQUIRES");
  EXPECT_EQ(s.acquired_after, "ABSL_ACQUIRED_AFTER");
}

TEST(Macros, GeneratedHeaderGuardsEveryAttributeWithHasAttribute) {
  std::string h = generated_header();
  for (const char* attr : {"guarded_by", "pt_guarded_by", "requires_capability", "acquired_after"})
    EXPECT_NE(h.find(std::string("LOCKSCOPE_HAS_ATTRIBUTE(") + attr + ")"), std::string::npos) << attr;
  EXPECT_NE(h.find("#define GUARDED_BY(x) __attribute__((guarded_by(x)))"), std::string::npos);
}

}  // namespace
}  // namespace lockscope::annotate
