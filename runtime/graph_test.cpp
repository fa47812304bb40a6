#include "graph.h"

#include <random>
#include <set>
#include <utility>

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

// Reference model: a plain edge set with a naive reachability search.
struct Reference {
  std::set<std::pair<uint32_t, uint32_t>> edges;
  bool reachable(uint32_t from, uint32_t to) const {
    std::set<uint32_t> seen{from};
    std::vector<uint32_t> stack{from};
    while (!stack.empty()) {
      uint32_t n = stack.back();
      stack.pop_back();
      if (n == to) return true;
      for (auto& [a, b] : edges)
        if (a == n && seen.insert(b).second) stack.push_back(b);
    }
    return false;
  }
};

TEST(LockGraph, TwoLockCycleIsRefusedAndPathShown) {
  LockGraph g;
  EXPECT_TRUE(g.insert_edge(1, 2));
  EXPECT_FALSE(g.insert_edge(2, 1));
  EXPECT_FALSE(g.has_edge(2, 1));
  EXPECT_EQ(g.find_path(1, 2), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(g.edge_count(), 1u);
}

TEST(LockGraph, ThreeLockCycleThroughReorderedNodes) {
  LockGraph g;
  // Insert against creation order so the re-ranking path runs.
  EXPECT_TRUE(g.insert_edge(3, 2));
  EXPECT_TRUE(g.insert_edge(2, 1));
  EXPECT_FALSE(g.insert_edge(1, 3));
  EXPECT_EQ(g.find_path(3, 1), (std::vector<uint32_t>{3, 2, 1}));
}

TEST(LockGraph, PlacedNodesKeepOrderOnlyWhileIsolated) {
  LockGraph g;
  g.place_isolated(1, 300);
  g.place_isolated(2, 100);
  EXPECT_TRUE(g.insert_edge(2, 1));  // in order: no re-ranking needed
  g.place_isolated(1, 50);            // has an edge now: ignored
  EXPECT_FALSE(g.insert_edge(1, 2));
  EXPECT_TRUE(g.insert_edge(1, 3));
}

TEST(LockGraph, DuplicateEdgeIsAccepted) {
  LockGraph g;
  EXPECT_TRUE(g.insert_edge(1, 2));
  EXPECT_TRUE(g.insert_edge(1, 2));
  EXPECT_EQ(g.edge_count(), 1u);
}

TEST(LockGraph, RemovedNodeNoLongerClosesCycles) {
  LockGraph g;
  EXPECT_TRUE(g.insert_edge(1, 2));
  EXPECT_TRUE(g.insert_edge(2, 3));
  g.remove_node(2);
  EXPECT_TRUE(g.insert_edge(3, 1));
  EXPECT_EQ(g.edge_count(), 1u);
}

TEST(LockGraph, RandomizedAgainstReferenceModel) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 20; ++round) {
    LockGraph g;
    Reference ref;
    const uint32_t n = 12;
    for (int step = 0; step < 200; ++step) {
      uint32_t x = rng() % n, y = rng() % n;
      if (rng() % 20 == 0) {
        g.remove_node(x);
        std::erase_if(ref.edges, [&](auto& e) { return e.first == x || e.second == x; });
        continue;
      }
      bool cycle = x == y || ref.reachable(y, x);
      ASSERT_EQ(g.insert_edge(x, y), !cycle) << "round " << round << " step " << step;
      if (!cycle) ref.edges.insert({x, y});
      else if (x != y) {
        auto path = g.find_path(y, x);
        ASSERT_GE(path.size(), 2u);
        for (size_t i = 0; i + 1 < path.size(); ++i) ASSERT_TRUE(ref.edges.count({path[i], path[i + 1]}));
      }
      ASSERT_EQ(g.edge_count(), ref.edges.size());
    }
  }
}

}  // namespace
}  // namespace lockscope::rt
