#include "graph.h"

#include <algorithm>
#include <map>
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

TEST(LockGraph, EdgesCarryValuesAndRemovalHandsThemBack) {
  LockGraph g;
  EXPECT_TRUE(g.insert_edge(1, 2, 10));
  EXPECT_TRUE(g.insert_edge(3, 1, 31));
  EXPECT_TRUE(g.insert_edge(1, 2, 99));  // existing: keeps its value
  EXPECT_EQ(*g.find_edge(1, 2).value, 10u);
  *g.find_edge(1, 2).value = 12;  // the owner replaces a value in place
  EXPECT_EQ(*g.find_edge(1, 2).value, 12u);
  EXPECT_EQ(g.find_edge(2, 1).value, nullptr);
  std::vector<uint32_t> values;
  g.remove_node(1, &values);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<uint32_t>{12, 31}));
  EXPECT_EQ(g.edge_count(), 0u);
  EXPECT_FALSE(g.has_edges(1));
  EXPECT_FALSE(g.has_edges(3));
}

TEST(LockGraph, HubLockWithThousandsOfEdges) {
  // Past 32 out-edges a node's list becomes a set: lookups, removal and cycles still exact.
  LockGraph g;
  for (uint32_t y = 2; y < 5002; ++y) ASSERT_TRUE(g.insert_edge(1, y, y * 3));
  for (uint32_t y = 2; y < 5002; y += 2) g.remove_node(y);
  EXPECT_EQ(g.edge_count(), 2500u);
  for (uint32_t y = 2; y < 5002; ++y) {
    LockGraph::Found f = g.find_edge(1, y);
    if (y % 2) {
      ASSERT_NE(f.value, nullptr) << y;
      EXPECT_EQ(*f.value, y * 3);
    } else {
      EXPECT_EQ(f.value, nullptr) << y;
    }
  }
  EXPECT_FALSE(g.insert_edge(4001, 1));
  EXPECT_EQ(g.find_path(1, 4001), (std::vector<uint32_t>{1, 4001}));
  EXPECT_TRUE(g.insert_edge(4000, 1));  // removed from the hub: no cycle
  std::vector<uint32_t> values;
  g.remove_node(1, &values);
  EXPECT_EQ(values.size(), 2501u);
  EXPECT_EQ(g.edge_count(), 0u);
}

TEST(LockGraph, AnEdgeCostsTwelveBytesPlusListSlack) {
  // 100k nodes, ~1M random forward edges (bench/runtime/new_edges.cpp's shape): out-lists hold
  // 8 bytes an edge, in-lists 4; size classes leave ~15% slack, lists outgrown sit in free lists.
  LockGraph g;
  std::mt19937 rng(5);
  const uint32_t n = 100000;
  size_t edges = 0;
  for (int i = 0; i < 1000000; ++i) {
    uint32_t x = rng() % n, y = rng() % n, a = std::min(x, y), b = std::max(x, y);
    if (a == b || g.has_edge(a, b)) continue;
    ASSERT_TRUE(g.insert_new_edge(a, b, 1));
    ++edges;
  }
  EXPECT_EQ(g.edge_count(), edges);
  auto per_edge = [&](size_t bytes) { return static_cast<double>(bytes) / static_cast<double>(edges); };
  EXPECT_GE(per_edge(g.arena().reserved_bytes() - g.arena().free_bytes()), 12.0);
  EXPECT_LT(per_edge(g.arena().reserved_bytes() - g.arena().free_bytes()), 15.0);
  EXPECT_LT(per_edge(g.arena().reserved_bytes()), 17.0);
}

TEST(LockGraph, RandomizedDenseAgainstReferenceModel) {
  // Enough nodes and steps that out-lists pass the scanned size and become sets, with removals.
  std::mt19937 rng(777);
  const uint32_t n = 120;
  LockGraph g;
  std::vector<std::set<uint32_t>> out(n);
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> value;
  auto reachable = [&](uint32_t from, uint32_t to) {
    std::vector<bool> seen(n);
    std::vector<uint32_t> stack{from};
    seen[from] = true;
    while (!stack.empty()) {
      uint32_t v = stack.back();
      stack.pop_back();
      if (v == to) return true;
      for (uint32_t w : out[v])
        if (!seen[w]) seen[w] = true, stack.push_back(w);
    }
    return false;
  };
  for (uint32_t step = 0; step < 20000; ++step) {
    uint32_t x = rng() % n, y = rng() % n;
    if (rng() % 200 == 0) {
      g.remove_node(x);
      out[x].clear();
      for (auto& o : out) o.erase(x);
      std::erase_if(value, [&](auto& kv) { return kv.first.first == x || kv.first.second == x; });
      continue;
    }
    if (out[x].count(y)) {
      ASSERT_EQ(*g.find_edge(x, y).value, (value[{x, y}]));
      continue;
    }
    bool cycle = x == y || reachable(y, x);
    ASSERT_EQ(g.insert_edge(x, y, step), !cycle) << step;
    if (!cycle) out[x].insert(y), value[{x, y}] = step;
    ASSERT_EQ(g.edge_count(), value.size());
  }
  for (auto& [e, v] : value) ASSERT_EQ(*g.find_edge(e.first, e.second).value, v);
}

}  // namespace
}  // namespace lockscope::rt
