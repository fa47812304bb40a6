// The race analysis on hand-built program runs: main and workers it starts, accesses with their
// locksets and thread points, as lockset.cpp records them.
#include "link/races.h"

#include <gtest/gtest.h>

#include "report/kinds.h"

namespace lockscope::link {
namespace {

report::Location at(unsigned line) { return {"prog.cpp", line, 3}; }

// main (thread 0) and one worker started from it at line 1; `many` when it runs more than once.
ProgramRun two_threads(bool many = false, std::vector<std::string> given = {}) {
  ProgramRun run;
  run.threads.push_back(ThreadInstance{"main", "main", {}, false, -1, {}, {}});
  run.threads.push_back(ThreadInstance{"w", "worker", at(1), many, 0, {}, std::move(given)});
  return run;
}

ThreadPoint in_main(bool worker_running) {
  ThreadPoint p;
  p.thread = 0;
  if (worker_running) p.running["w"] = "l:t";
  return p;
}

ThreadPoint in_worker() {
  ThreadPoint p;
  p.thread = 1;
  return p;
}

Access access(std::string target, bool write, unsigned line, ThreadPoint point,
              std::map<std::string, facts::LockMode> held = {}) {
  Access a;
  a.target = target;
  a.target_name = target.substr(2);
  a.write = write;
  a.site = at(line);
  a.held = std::move(held);
  for (const auto& [id, mode] : a.held) a.lock_names[id] = id.substr(2);
  a.function = point.thread == 0 ? "main" : "worker";
  a.point = std::move(point);
  return a;
}

std::vector<unsigned> race_lines(const report::Report& r) {
  std::vector<unsigned> out;
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.kind, report::kDataRace);
    out.push_back(f.location.line);
  }
  return out;
}

report::Report races(const ProgramRun& run) {
  report::Report out;
  find_races(run, out);
  return out;
}

using Lines = std::vector<unsigned>;
const auto kX = facts::LockMode::Exclusive;
const auto kS = facts::LockMode::Shared;

TEST(Races, UnguardedWriteAgainstConcurrentReadSitsOnTheWrite) {
  ProgramRun run = two_threads();
  run.accesses.push_back(access("g:x", true, 10, in_worker()));
  run.accesses.push_back(access("g:x", false, 20, in_main(true)));
  report::Report r = races(run);
  ASSERT_EQ(race_lines(r), Lines{10});
  const report::Finding& f = r.findings[0];
  EXPECT_EQ(f.message, "data race: 'x' is written with no lock held in common with a concurrent read");
  EXPECT_EQ(f.function, "worker");
  ASSERT_EQ(f.threads.size(), 2u);
  EXPECT_EQ(f.threads[1].entry, "main");
  bool names_other = false;
  for (const auto& n : f.notes) names_other = names_other || (n.location == at(20) && n.message.find("holding no lock") != std::string::npos);
  EXPECT_TRUE(names_other);
}

TEST(Races, ReadBeforeStartOrAfterJoinIsOrdered) {
  ProgramRun run = two_threads();
  run.accesses.push_back(access("g:x", true, 10, in_worker()));
  run.accesses.push_back(access("g:x", true, 20, in_main(false)));
  EXPECT_EQ(race_lines(races(run)), Lines{});
}

TEST(Races, ACommonExclusiveLockGuards) {
  ProgramRun run = two_threads();
  run.accesses.push_back(access("g:x", true, 10, in_worker(), {{"g:mu", kX}}));
  run.accesses.push_back(access("g:x", false, 20, in_main(true), {{"g:mu", kS}}));
  EXPECT_EQ(race_lines(races(run)), Lines{});
}

TEST(Races, SharedModeOnBothSidesExcludesNothing) {
  ProgramRun run = two_threads();
  run.accesses.push_back(access("g:x", true, 10, in_worker(), {{"g:rw", kS}}));
  run.accesses.push_back(access("g:x", false, 20, in_main(true), {{"g:rw", kS}}));
  EXPECT_EQ(race_lines(races(run)), Lines{10});
}

TEST(Races, OneFindingPerWriteSiteAndReadsCarryNone) {
  ProgramRun run = two_threads(/*many=*/true);
  run.accesses.push_back(access("g:x", true, 10, in_worker()));
  run.accesses.push_back(access("g:x", false, 11, in_worker()));
  run.accesses.push_back(access("g:x", false, 20, in_main(true)));
  run.accesses.push_back(access("g:y", true, 10, in_worker()));  // another location, same line
  EXPECT_EQ(race_lines(races(run)), (Lines{10, 10}));
}

TEST(Races, AWriteRacesWithItselfOnlyInAThreadRunningTwice) {
  ProgramRun once = two_threads(false);
  once.accesses.push_back(access("g:x", true, 10, in_worker()));
  EXPECT_EQ(race_lines(races(once)), Lines{});
  ProgramRun twice = two_threads(true);
  twice.accesses.push_back(access("g:x", true, 10, in_worker()));
  EXPECT_EQ(race_lines(races(twice)), Lines{10});
}

TEST(Races, ALocalIsSharedOnlyOnceAThreadWasGivenIt) {
  ProgramRun kept = two_threads(true, {"l:other"});
  kept.accesses.push_back(access("l:sum", true, 10, in_worker()));
  EXPECT_EQ(race_lines(races(kept)), Lines{});
  ProgramRun handed = two_threads(true, {"l:sum"});
  handed.accesses.push_back(access("l:sum.S::n", true, 10, in_worker()));
  EXPECT_EQ(race_lines(races(handed)), Lines{10});
  ProgramRun prefix = two_threads(true, {"l:sum"});
  prefix.accesses.push_back(access("l:summary", true, 10, in_worker()));
  EXPECT_EQ(race_lines(races(prefix)), Lines{});
}

TEST(Races, UnknownObjectsAreNotReportedButNoted) {
  ProgramRun run = two_threads(true);
  run.accesses.push_back(access("p:f#0.S::n", true, 10, in_worker()));
  report::Report r = races(run);
  EXPECT_EQ(race_lines(r), Lines{});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, report::Diagnostic::Severity::Note);
  EXPECT_NE(r.diagnostics[0].message.find("cannot tell which object"), std::string::npos);
}

TEST(Races, NamesTheGuardMostAccessesAgreeOn) {
  ProgramRun run = two_threads(true);
  run.accesses.push_back(access("g:balance", true, 10, in_worker()));
  for (unsigned line : {20u, 21u, 22u}) run.accesses.push_back(access("g:balance", line != 21, line, in_worker(), {{"g:mu", kX}}));
  run.accesses.push_back(access("g:balance", false, 23, in_worker()));
  report::Report r = races(run);
  ASSERT_EQ(race_lines(r), Lines{10});
  EXPECT_EQ(r.findings[0].message, "data race: 'balance' is written without 'mu', which guards its 3 other accesses");
}

TEST(Races, NoGuardIsNamedWithoutAMajority) {
  ProgramRun run = two_threads(true);
  run.accesses.push_back(access("g:balance", true, 10, in_worker()));
  run.accesses.push_back(access("g:balance", false, 20, in_worker(), {{"g:mu", kX}}));
  run.accesses.push_back(access("g:balance", false, 21, in_worker()));
  report::Report r = races(run);
  ASSERT_EQ(race_lines(r), Lines{10});
  EXPECT_EQ(r.findings[0].message.find("without"), std::string::npos);
}

TEST(Races, ALockHeldOnSomePathsMayGuard) {
  ProgramRun run = two_threads(true);
  Access w = access("g:x", true, 10, in_worker());
  w.maybe_held.insert("g:mu");
  run.accesses.push_back(w);
  run.accesses.push_back(access("g:x", false, 20, in_worker(), {{"g:mu", kX}}));
  EXPECT_EQ(race_lines(races(run)), Lines{});
  run.accesses.push_back(access("g:x", false, 30, in_main(true)));  // a read with no lock at all
  report::Report r = races(run);
  ASSERT_EQ(race_lines(r), Lines{10});
  bool names_read = false;
  for (const auto& n : r.findings[0].notes) names_read = names_read || n.location == at(30);
  EXPECT_TRUE(names_read);
}

TEST(Races, LocksNoPathNamesOnBothSidesMayBeOne) {
  ProgramRun run = two_threads();
  Access w = access("g:table.[*]", true, 10, in_worker());
  w.maybe_held.insert("?:an element of 'locks' with a computed index");
  Access r = access("g:table.[*]", false, 20, in_main(true), {{"l:c:f.c@120@F@g@lock", kX}});
  run.accesses = {w, r};
  EXPECT_EQ(race_lines(races(run)), Lines{});
  run.accesses[1].held.clear();  // the reader holds nothing: nothing can guard the pair
  EXPECT_EQ(race_lines(races(run)), Lines{10});
}

TEST(Races, ALocalOfAThreadRunningTwiceIsOnePerInstance) {
  // main starts `worker` several times; each worker hands its own local to a helper it joins.
  ProgramRun run;
  run.threads.push_back(ThreadInstance{"main", "main", {}, false, -1, {}, {}});
  run.threads.push_back(ThreadInstance{"w", "worker", at(1), true, 0, {}, {}});
  run.threads.push_back(ThreadInstance{"h", "helper", at(2), true, 1, {}, {"l:mine"}});
  ThreadPoint helper;
  helper.thread = 2;
  ThreadPoint worker_after_join;
  worker_after_join.thread = 1;
  run.accesses.push_back(access("l:mine", true, 10, helper));
  run.accesses.push_back(access("l:mine", true, 20, worker_after_join));
  EXPECT_EQ(race_lines(races(run)), Lines{});
  // The same shape on a global: the instances share it.
  for (Access& a : run.accesses) a.target = "g:mine";
  EXPECT_EQ(race_lines(races(run)), (Lines{10, 20}));
}

}  // namespace
}  // namespace lockscope::link
