#include "annotate/project_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace lockscope::annotate {
namespace {

namespace fs = std::filesystem;

TEST(ProjectFiles, CommonDirectory) {
  EXPECT_EQ(common_directory({"/p/src/a.h", "/p/src/b.cc"}), "/p/src");
  EXPECT_EQ(common_directory({"/p/src/a.h", "/p/include/x/b.h"}), "/p");
  EXPECT_EQ(common_directory({"/p/a.h", "/q/b.h"}), "/");
  EXPECT_EQ(common_directory({}), "/");
}

TEST(ProjectFiles, HeadersSkipBuildTreesAndHiddenDirectories) {
  fs::path root = fs::temp_directory_path() / ("annotate-project-" + std::to_string(::getpid()));
  fs::create_directories(root / "port");
  fs::create_directories(root / "build");
  fs::create_directories(root / ".git");
  std::ofstream(root / "port/thread_annotations.h") << "#define GUARDED_BY(x)\n";
  std::ofstream(root / "a.cc") << "int x;\n";
  std::ofstream(root / "build/CMakeCache.txt") << "\n";
  std::ofstream(root / "build/generated.h") << "\n";
  std::ofstream(root / ".git/x.h") << "\n";
  std::vector<SourceText> headers = project_headers(root.string());
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers[0].path, (root / "port/thread_annotations.h").string());
  EXPECT_EQ(headers[0].text, "#define GUARDED_BY(x)\n");
  fs::remove_all(root);
}

TEST(ProjectFiles, RelativeFactPathsBecomeAbsolute) {
  GuardFacts f;
  f.variables.push_back({{"src/a.h", 1, 1}, "x", "mu", false});
  f.functions.push_back({{"/abs/b.h", 1, 1}, "f", {"mu"}});
  GuardFacts abs = with_absolute_paths(f, "/p");
  EXPECT_EQ(abs.variables[0].decl.file, "/p/src/a.h");
  EXPECT_EQ(abs.functions[0].decl.file, "/abs/b.h");
}

}  // namespace
}  // namespace lockscope::annotate
