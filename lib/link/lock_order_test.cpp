// Lock-order findings from hand-built program runs: the cycle filters (concurrency, gates, shared
// modes) and where a finding sits, without the extractor.
#include "link/lock_order.h"

#include <gtest/gtest.h>

namespace lockscope::link {
namespace {

using facts::LockMode;

ThreadInstance thread(const std::string& key, int parent, Running siblings = {}, bool multiple = false) {
  ThreadInstance t;
  t.key = key;
  t.entry = key;
  t.spawned = key == "main" ? report::Location{} : report::Location{"p.cpp", 1, 1};
  t.parent = parent;
  t.siblings = std::move(siblings);
  t.multiple = multiple;
  return t;
}

OrderEdge edge(const std::string& from, const std::string& to, unsigned line, int thread,
               std::map<std::string, LockMode> held = {}, LockMode to_mode = LockMode::Exclusive) {
  OrderEdge e;
  e.from = e.from_name = from;
  e.to = e.to_name = to;
  e.from_site = {"p.cpp", line - 1, 3};
  e.to_site = {"p.cpp", line, 3};
  e.function = "f" + std::to_string(thread);
  held.emplace(from, LockMode::Exclusive);
  e.held = std::move(held);
  e.point.thread = thread;
  e.to_mode = to_mode;
  return e;
}

// main starts t1 and t2, both running at once.
ProgramRun two_threads() {
  ProgramRun run;
  run.threads.push_back(thread("main", -1));
  run.threads.push_back(thread("t1", 0));
  run.threads.push_back(thread("t2", 0, {{"t1", ""}}));
  return run;
}

std::vector<std::string> found(const ProgramRun& run) {
  report::Report out;
  find_lock_order_issues(run, out);
  std::vector<std::string> kinds;
  for (const auto& f : out.findings) kinds.push_back(f.kind + "@" + std::to_string(f.location.line));
  return kinds;
}

using V = std::vector<std::string>;

TEST(LockOrderCycles, ReportsOnTheLastAcquisitionInSourceOrder) {
  ProgramRun run = two_threads();
  run.edges = {edge("a", "b", 20, 1), edge("b", "a", 10, 2)};
  report::Report out;
  find_lock_order_issues(run, out);
  ASSERT_EQ(out.findings.size(), 1u);
  const report::Finding& f = out.findings[0];
  EXPECT_EQ(f.location.line, 20u);
  EXPECT_EQ(f.function, "f1");
  EXPECT_EQ(f.edges.size(), 2u);
  EXPECT_EQ(f.threads.size(), 2u);
  EXPECT_EQ(f.message, "lock order inversion: 'b' acquired while holding 'a'; elsewhere 'a' is acquired while holding 'b'");
}

TEST(LockOrderCycles, OneThreadOnceIsSilentTwiceIsNot) {
  ProgramRun run = two_threads();
  run.edges = {edge("a", "b", 20, 1), edge("b", "a", 10, 1)};
  EXPECT_EQ(found(run), V{});
  run.threads[1].multiple = true;
  EXPECT_EQ(found(run), V{"lock-order-inversion@20"});
}

TEST(LockOrderCycles, ThreadsThatNeverOverlapAreSilent) {
  ProgramRun run = two_threads();
  run.threads[2].siblings.clear();  // t1 was joined before t2 started
  run.edges = {edge("a", "b", 20, 1), edge("b", "a", 10, 2)};
  EXPECT_EQ(found(run), V{});
}

TEST(LockOrderCycles, ExclusiveGateSilencesSharedGateDoesNot) {
  ProgramRun run = two_threads();
  run.edges = {edge("a", "b", 20, 1, {{"g", LockMode::Exclusive}}), edge("b", "a", 10, 2, {{"g", LockMode::Shared}})};
  EXPECT_EQ(found(run), V{});
  run.edges = {edge("a", "b", 20, 1, {{"g", LockMode::Shared}}), edge("b", "a", 10, 2, {{"g", LockMode::Shared}})};
  EXPECT_EQ(found(run), V{"lock-order-inversion@20"});
}

TEST(LockOrderCycles, ReadersWaitingOnReadersCloseNoCycle) {
  ProgramRun run = two_threads();
  auto shared_edge = [](std::string from, std::string to, unsigned line, int t) {
    OrderEdge e = edge(from, to, line, t, {}, LockMode::Shared);
    e.held[from] = LockMode::Shared;
    return e;
  };
  run.edges = {shared_edge("a", "b", 20, 1), shared_edge("b", "a", 10, 2)};
  EXPECT_EQ(found(run), V{});
  // A writer holding b waits for a, which a reader holds while it waits for b: both block.
  run.edges[1].to_mode = LockMode::Exclusive;
  run.edges[1].held["b"] = LockMode::Exclusive;
  EXPECT_EQ(found(run), V{"lock-order-inversion@20"});
}

TEST(LockOrderCycles, ThreeLockCycleNeedsThreeThreads) {
  ProgramRun run = two_threads();
  run.threads.push_back(thread("t3", 0, {{"t1", ""}, {"t2", ""}}));
  run.edges = {edge("a", "b", 10, 1), edge("b", "c", 20, 2), edge("c", "a", 30, 2)};
  EXPECT_EQ(found(run), V{});  // t2 cannot wait in two places at once
  run.edges[2].point.thread = 3;
  EXPECT_EQ(found(run), V{"lock-order-inversion@30"});
}

TEST(LockOrderCycles, DoubleLockIsReportedOncePerSite) {
  ProgramRun run = two_threads();
  DoubleLock d;
  d.lock = d.lock_name = "m";
  d.site = {"p.cpp", 7, 3};
  d.first_site = {"p.cpp", 5, 3};
  d.function = "helper";
  d.point.thread = 1;
  run.double_locks = {d, d};
  run.double_locks[1].point.thread = 2;
  report::Report out;
  find_lock_order_issues(run, out);
  ASSERT_EQ(out.findings.size(), 1u);
  EXPECT_EQ(out.findings[0].kind, "double-lock");
  EXPECT_EQ(out.findings[0].notes.front().location.line, 5u);
}

TEST(MayRunInParallel, StartAndJoinOrderThreads) {
  ProgramRun run = two_threads();
  ThreadPoint main_before{0, {}, {}};
  ThreadPoint main_during{0, {{"t1", "h1"}}, {}};
  ThreadPoint in_t1{1, {}, {}};
  ThreadPoint in_t2{2, {}, {}};
  EXPECT_FALSE(may_run_in_parallel(run, main_before, in_t1));
  EXPECT_TRUE(may_run_in_parallel(run, main_during, in_t1));
  EXPECT_TRUE(may_run_in_parallel(run, in_t1, in_t2));
  EXPECT_FALSE(may_run_in_parallel(run, in_t1, in_t1));
  run.threads[2].siblings.clear();
  EXPECT_FALSE(may_run_in_parallel(run, in_t1, in_t2));
  // A grandchild runs while its parent's branch runs.
  run.threads.push_back(thread("t1.child", 1));
  ThreadPoint in_child{3, {}, {}};
  run.threads[2].siblings = {{"t1", ""}};
  EXPECT_TRUE(may_run_in_parallel(run, in_child, in_t2));
}

}  // namespace
}  // namespace lockscope::link
