#include "cache/shard.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace lockscope::cache {
namespace {

TEST(Shard, Parses) {
  EXPECT_EQ(parse_shard("1/1"), (Shard{1, 1}));
  EXPECT_EQ(parse_shard("3/7"), (Shard{3, 7}));
  for (const char* bad : {"", "1", "0/3", "4/3", "1/0", "a/3", "1/3x", "-1/3", "1//3", "/3"})
    EXPECT_THROW(parse_shard(bad), ShardError) << bad;
}

TEST(Shard, EveryUnitInExactlyOneShardAndShardsBalanced) {
  const std::vector<std::string> files = {"e.c", "a.c", "d.c", "b.c", "g.c", "c.c", "f.c"};
  std::vector<int> seen(files.size(), 0);
  for (unsigned i = 1; i <= 3; ++i) {
    const auto members = shard_members(files, {i, 3});
    EXPECT_GE(members.size(), 2u);
    EXPECT_LE(members.size(), 3u);
    EXPECT_TRUE(std::is_sorted(members.begin(), members.end()));
    for (size_t m : members) ++seen[m];
  }
  EXPECT_EQ(seen, std::vector<int>(files.size(), 1));
}

TEST(Shard, PartitionDependsOnNamesNotOnDatabaseOrder) {
  const std::vector<std::string> one = {"a.c", "b.c", "c.c", "d.c"};
  const std::vector<std::string> other = {"d.c", "c.c", "b.c", "a.c"};
  for (unsigned i = 1; i <= 2; ++i) {
    std::vector<std::string> x, y;
    for (size_t m : shard_members(one, {i, 2})) x.push_back(one[m]);
    for (size_t m : shard_members(other, {i, 2})) y.push_back(other[m]);
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    EXPECT_EQ(x, y);
  }
  EXPECT_EQ(shard_members(one, {1, 2}), (std::vector<size_t>{0, 2}));
}

TEST(Shard, MoreShardsThanUnitsLeavesSomeEmpty) {
  EXPECT_EQ(shard_members({"a.c"}, {1, 2}), std::vector<size_t>{0});
  EXPECT_TRUE(shard_members({"a.c"}, {2, 2}).empty());
}

}  // namespace
}  // namespace lockscope::cache
