#include "graph/lock_graph.h"

#include <gtest/gtest.h>

#include "test_reports.h"

namespace lockscope::graph {
namespace {

const LockGraph::Edge* find_edge(const LockGraph& g, const std::string& from, const std::string& to) {
  for (const auto& e : g.edges)
    if (g.nodes[e.from].name == from && g.nodes[e.to].name == to) return &e;
  return nullptr;
}

TEST(LockGraph, OneNodePerLockOneEdgePerPair) {
  LockGraph g = build_lock_graph(testing::classic_inversion());
  ASSERT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(g.nodes[0].name, "log<&>");
  EXPECT_EQ(g.nodes[1].name, "mu_a");
  EXPECT_EQ(g.edges.size(), 4u);
  const auto* ab = find_edge(g, "mu_a", "mu_b");
  ASSERT_NE(ab, nullptr);
  EXPECT_EQ(ab->sites.size(), 1u) << "the same site reported by two findings is one site";
  EXPECT_EQ(g.source, "runtime");
}

TEST(LockGraph, CycleEdgesAreThoseInAStrongComponentOrSelfLoops) {
  LockGraph g = build_lock_graph(testing::classic_inversion());
  EXPECT_TRUE(find_edge(g, "mu_a", "mu_b")->in_cycle);
  EXPECT_TRUE(find_edge(g, "mu_b", "mu_a")->in_cycle);
  EXPECT_FALSE(find_edge(g, "mu_b", "log<&>")->in_cycle);
  EXPECT_TRUE(find_edge(g, "log<&>", "log<&>")->in_cycle);
  EXPECT_EQ(g.nodes[1].component, g.nodes[2].component) << "mu_a and mu_b form one cycle";
  EXPECT_NE(g.nodes[0].component, g.nodes[1].component);
  ASSERT_EQ(g.cycles.size(), 2u) << "the inversion, and the double-lock: a cycle of one lock";
  EXPECT_EQ(g.cycles[0].location.line, 20u);
  EXPECT_EQ(g.cycles[1].kind, "double-lock");
}

// As the static checker reports a double-lock: the lock and where it is taken again, no edge.
TEST(LockGraph, ADoubleLockIsASelfLoopOnItsLock) {
  report::Report r;
  report::Finding f = testing::static_double_lock("m", {"/src/relock.cpp", 9, 3});
  f.threads = {{"", "", "worker"}};
  r.findings = {f};
  LockGraph g = build_lock_graph(r);
  ASSERT_EQ(g.nodes.size(), 1u);
  EXPECT_TRUE(g.nodes[0].in_cycle) << "drawn red, not as a lone black node";
  const auto* loop = find_edge(g, "m", "m");
  ASSERT_NE(loop, nullptr);
  EXPECT_TRUE(loop->in_cycle);
  ASSERT_EQ(loop->sites.size(), 1u);
  EXPECT_EQ(loop->sites[0].location, f.location);
  EXPECT_EQ(loop->sites[0].thread, "worker");
  ASSERT_EQ(g.cycles.size(), 1u);
}

TEST(LockGraph, ACycleTitleNamesItsKindOnce) {
  EXPECT_EQ(cycle_title({"deadlock", "deadlock: 2 threads are blocked", {}}), "deadlock: 2 threads are blocked");
  EXPECT_EQ(cycle_title({"lock-order-inversion", "lock order inversion between 'a' and 'b'", {}}),
            "lock order inversion between 'a' and 'b'");
  EXPECT_EQ(cycle_title({"double-lock", "'m' is locked again", {}}), "double-lock: 'm' is locked again");
}

TEST(LockGraph, AcyclicChainHasNoCycle) {
  report::Report r;
  report::Finding f;
  f.kind = "lock-order-inversion";
  f.edges = {{"a", "b", {}, ""}, {"b", "c", {}, ""}, {"a", "c", {}, ""}};
  r.findings = {f};
  LockGraph g = build_lock_graph(r);
  for (const auto& e : g.edges) EXPECT_FALSE(e.in_cycle);
  for (const auto& n : g.nodes) EXPECT_FALSE(n.in_cycle);
}

TEST(LockGraph, LocksWithoutEdgesStillAppear) {
  report::Report r;
  report::Finding f;
  f.kind = "unlock-not-held";
  f.locks = {"lonely"};
  r.findings = {f};
  LockGraph g = build_lock_graph(r);
  ASSERT_EQ(g.nodes.size(), 1u);
  EXPECT_TRUE(g.edges.empty());
  EXPECT_TRUE(build_lock_graph(report::Report{}).nodes.empty());
}

TEST(Describe, Locations) {
  EXPECT_EQ(describe({"a.cpp", 3, 4}), "a.cpp:3:4");
  EXPECT_EQ(describe({"a.cpp", 3, 0}), "a.cpp:3");
  EXPECT_EQ(describe({}), "unknown location");
}

}  // namespace
}  // namespace lockscope::graph
