#include "edge_table.h"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(EdgeTable, InsertGetPutAgainstAMap) {
  EdgeTable t;
  std::map<uint64_t, EdgeInfo> ref;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    uint64_t key = (rng() % 5000 + 1) << 32 | (rng() % 50 + 1);
    EdgeInfo e;
    e.acquire_stack = static_cast<uint32_t>(rng());
    e.thread = i;
    e.modes = 1;
    e.ngates = static_cast<uint8_t>(rng() % 3);
    for (int g = 0; g < e.ngates; ++g) e.gates[g] = static_cast<uint32_t>(rng());
    bool fresh = !ref.count(key);
    ASSERT_EQ(t.insert(key, e), fresh);
    if (fresh) ref[key] = e;
    else if (rng() % 2) {
      ASSERT_TRUE(t.put(key, e));
      ref[key] = e;
    }
  }
  EXPECT_EQ(t.size(), ref.size());
  for (auto& [key, want] : ref) {
    EdgeInfo got;
    ASSERT_TRUE(t.get(key, got));
    EXPECT_EQ(got.acquire_stack, want.acquire_stack);
    EXPECT_EQ(got.thread, want.thread);
    ASSERT_EQ(got.ngates, want.ngates);
    for (int g = 0; g < want.ngates; ++g) EXPECT_EQ(got.gates[g], want.gates[g]);
  }
  EdgeInfo none;
  EXPECT_FALSE(t.get(uint64_t{999999} << 32, none));
  EXPECT_FALSE(t.put(uint64_t{999999} << 32, none));
}

}  // namespace
}  // namespace lockscope::rt
