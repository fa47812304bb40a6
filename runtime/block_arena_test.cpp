#include "block_arena.h"

#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(BlockArena, ClassesGrowByAThirdToAHalf) {
  EXPECT_EQ(BlockArena::words(0), 4u);
  EXPECT_EQ(BlockArena::words(1), 6u);
  EXPECT_EQ(BlockArena::words(2), 8u);
  EXPECT_EQ(BlockArena::words(3), 12u);
  EXPECT_EQ(BlockArena::words(10), 128u);
  EXPECT_EQ(BlockArena::class_for(1), 0);
  EXPECT_EQ(BlockArena::class_for(7), 2);
  EXPECT_EQ(BlockArena::class_for(13), 4);
}

TEST(BlockArena, FreedBlockIsReusedByItsClassOnly) {
  BlockArena a;
  uint32_t* x = a.allocate(3);
  a.free(x, 3);
  uint32_t* y = a.allocate(2);
  EXPECT_NE(y, x);
  EXPECT_EQ(a.allocate(3), x);
}

TEST(BlockArena, LiveBlocksNeverOverlapAndKeepTheirContents) {
  BlockArena a;
  std::mt19937 rng(3);
  struct Live {
    uint32_t* p;
    uint8_t c;
    uint32_t fill;
  };
  std::vector<Live> live;
  for (int i = 0; i < 20000; ++i) {
    if (!live.empty() && rng() % 3 == 0) {
      size_t k = rng() % live.size();
      for (uint64_t w = 0; w < BlockArena::words(live[k].c); ++w) ASSERT_EQ(live[k].p[w], live[k].fill);
      a.free(live[k].p, live[k].c);
      live[k] = live.back();
      live.pop_back();
      continue;
    }
    auto c = static_cast<uint8_t>(rng() % 16);  // up to 1024 words: some come from malloc
    uint32_t* p = a.allocate(c);
    auto fill = static_cast<uint32_t>(i);
    std::fill(p, p + BlockArena::words(c), fill);
    live.push_back({p, c, fill});
  }
  std::map<uint32_t*, uint32_t*> ranges;
  for (auto& l : live) ranges[l.p] = l.p + BlockArena::words(l.c);
  uint32_t* end = nullptr;
  for (auto& [b, e] : ranges) {
    EXPECT_GE(b, end);
    end = e;
  }
  for (auto& l : live) a.free(l.p, l.c);
}

TEST(BlockArena, SmallBlocksShareChunksWithoutHeaders) {
  BlockArena a;
  for (int i = 0; i < 16384 / 4; ++i) a.allocate(0);  // 4 words each: exactly one 64 KiB chunk
  EXPECT_EQ(a.reserved_bytes(), 65536u);
}

}  // namespace
}  // namespace lockscope::rt
