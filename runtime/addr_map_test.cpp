#include "addr_map.h"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(AddrMap, PutFindErase) {
  AddrMap m;
  EXPECT_EQ(m.find(0x1000), 0u);
  EXPECT_FALSE(m.erase(0x1000));
  m.put(0x1000, 7);
  m.put(0x1040, 8);
  EXPECT_EQ(m.find(0x1000), 7u);
  m.put(0x1000, 9);  // replaced
  EXPECT_EQ(m.find(0x1000), 9u);
  EXPECT_EQ(m.size(), 2u);
  EXPECT_TRUE(m.erase(0x1000));
  EXPECT_EQ(m.find(0x1000), 0u);
  EXPECT_EQ(m.find(0x1040), 8u);
}

TEST(AddrMap, RandomizedAgainstAStdMap) {
  // Addresses 8 or 40 bytes apart (arrays of mutexes), with heavy erasure: probe runs and
  // backward-shift deletion must keep every remaining entry reachable.
  AddrMap m;
  std::map<uintptr_t, uint32_t> ref;
  std::mt19937_64 rng(9);
  for (uint32_t i = 1; i < 200000; ++i) {
    uintptr_t addr = 0x7f0000000000 + (rng() % 20000) * (rng() % 2 ? 8 : 40);
    switch (rng() % 3) {
      case 0:
      case 1:
        m.put(addr, i);
        ref[addr] = i;
        break;
      default:
        ASSERT_EQ(m.erase(addr), ref.erase(addr) == 1);
    }
    if (i % 1000 == 0) {
      ASSERT_EQ(m.size(), ref.size());
      for (auto& [a, id] : ref) ASSERT_EQ(m.find(a), id);
    }
  }
}

}  // namespace
}  // namespace lockscope::rt
