#include "cache/unit_key.h"

#include <gtest/gtest.h>

#include "cache/test_dir.h"

namespace lockscope::cache {
namespace {

UnitCommand unit() { return {"/src/a.cpp", "/build", {"clang++", "-c", "/src/a.cpp"}}; }

TEST(UnitKey, SameCommandSameKey) {
  EXPECT_EQ(unit_key(unit()), unit_key(unit()));
  EXPECT_EQ(unit_key(unit()).size(), 16u);
}

TEST(UnitKey, EveryPartOfTheCommandCounts) {
  const std::string base = unit_key(unit());
  UnitCommand other_dir = unit();
  other_dir.directory = "/build2";
  UnitCommand other_flag = unit();
  other_flag.command.push_back("-DX=1");
  UnitCommand other_file = unit();
  other_file.file = "/src/b.cpp";
  EXPECT_NE(unit_key(other_dir), base);
  EXPECT_NE(unit_key(other_flag), base);
  EXPECT_NE(unit_key(other_file), base);
}

TEST(UnitKey, ArgumentBoundariesCount) {
  UnitCommand joined = unit();
  joined.command = {"clang++", "-DA -DB"};
  UnitCommand split = unit();
  split.command = {"clang++", "-DA", "-DB"};
  EXPECT_NE(unit_key(joined), unit_key(split));
}

TEST(HashFile, FollowsContent) {
  testing::TestDir dir;
  const std::string f = dir.write("h.h", "int x;\n");
  const auto first = hash_file(f);
  ASSERT_TRUE(first);
  EXPECT_EQ(hash_file(f), first);
  dir.write("h.h", "int y;\n");
  EXPECT_NE(hash_file(f), first);
  EXPECT_FALSE(hash_file(dir.file("missing.h")));
}

TEST(Resolve, RelativeNamesResolveInTheCompileDirectory) {
  EXPECT_EQ(resolve("/abs/x.h", "/build"), "/abs/x.h");
  EXPECT_EQ(resolve("./inc/x.h", "/build"), "/build/inc/x.h");
  EXPECT_EQ(resolve("../src/x.h", "/build"), "/build/../src/x.h");
}

}  // namespace
}  // namespace lockscope::cache
