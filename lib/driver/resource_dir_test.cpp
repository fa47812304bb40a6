#include "driver/resource_dir.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>

namespace lockscope::driver {
namespace {

TEST(ResourceDir, DefaultHoldsBuiltinHeaders) {
  // The test binary is not inside a clang installation, so this is the configure-time fallback.
  EXPECT_TRUE(llvm::sys::fs::exists(default_resource_dir() + "/include/stddef.h")) << default_resource_dir();
}

TEST(ResourceDir, AddedAfterTheCompiler) {
  std::vector<std::string> cmd{"clang++", "-c", "a.cpp"};
  add_resource_dir(cmd, "/r");
  EXPECT_EQ(cmd, (std::vector<std::string>{"clang++", "-resource-dir=/r", "-c", "a.cpp"}));
}

TEST(ResourceDir, TheCommandsOwnWins) {
  std::vector<std::string> joined{"clang++", "-resource-dir=/mine", "a.cpp"};
  add_resource_dir(joined, "/r");
  EXPECT_EQ(joined.size(), 3u);
  std::vector<std::string> separate{"clang++", "-resource-dir", "/mine", "a.cpp"};
  add_resource_dir(separate, "/r");
  EXPECT_EQ(separate.size(), 4u);
}

}  // namespace
}  // namespace lockscope::driver
