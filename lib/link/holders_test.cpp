#include "link/holders.h"

#include <gtest/gtest.h>

namespace lockscope::link {
namespace {

using V = std::vector<std::string>;

TEST(HolderGraph, ReachFollowsFlowsWithTheHoldersOnTheWay) {
  HolderGraph g;
  EXPECT_TRUE(g.add_callable("l:holder@a.cpp:3", 0));
  EXPECT_FALSE(g.add_callable("l:holder@a.cpp:3", 0));
  EXPECT_TRUE(g.add_flow("l:q.jobs_", "l:holder@a.cpp:3"));  // post(job): jobs_.push(job)
  EXPECT_TRUE(g.add_flow("l:job", "l:q.jobs_"));              // job = jobs_.front()
  EXPECT_FALSE(g.add_flow("l:job", "l:q.jobs_"));
  EXPECT_FALSE(g.add_flow("l:job", "l:job"));
  auto reached = g.reach("l:job");
  ASSERT_EQ(reached.size(), 3u);
  EXPECT_EQ(reached[0].holder, "l:job");
  EXPECT_EQ(reached[2].holder, "l:holder@a.cpp:3");
  EXPECT_EQ(reached[2].via, (V{"l:holder@a.cpp:3", "l:q.jobs_", "l:job"}));
  EXPECT_EQ(g.callables("l:holder@a.cpp:3"), std::vector<size_t>{0});
  EXPECT_TRUE(g.callables("l:job").empty());
}

TEST(HolderGraph, CyclesOfFlowsEnd) {
  HolderGraph g;
  g.add_flow("l:a", "l:b");
  g.add_flow("l:b", "l:a");  // a = b; b = a;
  g.add_callable("l:b", 7);
  auto reached = g.reach("l:a");
  ASSERT_EQ(reached.size(), 2u);
  EXPECT_EQ(reached[1].via, (V{"l:b", "l:a"}));
}

ProgramRun two_threads(std::vector<std::string> worker_given) {
  ProgramRun run;
  run.threads.push_back(ThreadInstance{"main", "main", {}, false, -1, {}, {}});
  run.threads.push_back(ThreadInstance{"w", "work", {}, true, 0, {}, std::move(worker_given)});
  return run;
}

TEST(HandOver, CapturesCrossOnlyThroughASharedHolder) {
  // The worker was started with the pool; a task that came through the pool's queue hands over
  // its captures, a callback made and called in the worker's own frame does not.
  ProgramRun run = two_threads({"l:pool"});
  std::vector<Handed> handed(2);
  handed[1].insert({"l:total", {"l:holder@m.cpp:9", "l:pool.tasks_", "l:task"}});
  handed[1].insert({"l:req", {"l:reader"}});
  hand_over_captures(run, handed);
  EXPECT_EQ(run.threads[1].given, (V{"l:pool", "l:total"}));
}

TEST(HandOver, AHandedHolderMakesTheNextTaskCross) {
  // A packaged_task captured by a queued lambda: the lambda hands over the packaged_task's holder,
  // through which the inner task then hands over its own captures.
  ProgramRun run = two_threads({"l:pool"});
  std::vector<Handed> handed(2);
  handed[1].insert({"l:total", {"l:ptask"}});
  handed[1].insert({"l:ptask", {"l:pool.tasks_", "l:task"}});
  hand_over_captures(run, handed);
  EXPECT_EQ(run.threads[1].given, (V{"l:pool", "l:ptask", "l:total"}));
}

TEST(HandOver, GlobalHoldersAreShared) {
  ProgramRun run = two_threads({});
  std::vector<Handed> handed(2);
  handed[1].insert({"l:sum", {"g:c:@callback"}});
  hand_over_captures(run, handed);
  EXPECT_EQ(run.threads[1].given, (V{"l:sum"}));
}

}  // namespace
}  // namespace lockscope::link
