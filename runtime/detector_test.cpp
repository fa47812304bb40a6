// The detector fed directly with lock events, as the interceptors would, without interception.
#include "detector.h"

#include <cstring>
#include <memory>

#include <gtest/gtest.h>

#include "report/kinds.h"

namespace lockscope::rt {
namespace {

// Zeroed memory shaped like a pthread_mutex_t / pthread_rwlock_t, as a constructor leaves it.
struct alignas(8) FakeLock {
  unsigned char bytes[56] = {};
  uintptr_t addr() const { return reinterpret_cast<uintptr_t>(bytes); }
};

class DetectorTest : public ::testing::Test {
 protected:
  Stack stack_at(uintptr_t pc) {
    Stack s;
    s.n = 1;
    s.pc[0] = pc;
    return s;
  }
  // Blocking lock of `l` by `t`; returns the verdict.
  Verdict lock(ThreadState* t, FakeLock& l, Mode mode = Mode::Write, bool blocking = true,
               Family family = Family::Mutex, uint8_t flags = 0) {
    Stack s = stack_at(0x1000 + l.addr() % 4096);
    LockState* st = d.lock_state(*t, l.addr(), family, flags, s);
    Verdict v = d.before_lock(*t, *st, mode, blocking, s);
    if (v != Verdict::WouldHang) d.after_lock(*t, *st, mode, v == Verdict::Reentry, s);
    return v;
  }
  Verdict rdlock(ThreadState* t, FakeLock& l) { return lock(t, l, Mode::Read, true, Family::RwLock, kReadWrite); }
  Verdict wrlock(ThreadState* t, FakeLock& l) { return lock(t, l, Mode::Write, true, Family::RwLock, kReadWrite); }
  void unlock(ThreadState* t, FakeLock& l) { ASSERT_TRUE(d.before_unlock(*t, l.addr())); }
  std::vector<RawFinding> findings() { return d.findings_since(0); }

  Detector d;
  ThreadState* t1 = d.create_thread();
  ThreadState* t2 = d.create_thread();
  FakeLock a, b, c, gate;
};

TEST_F(DetectorTest, TwoLockInversionIsReportedOnceWithBothEdges) {
  for (int round = 0; round < 3; ++round) {
    lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
    lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b);
  }
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, report::kLockOrderInversion);
  ASSERT_EQ(f[0].edges.size(), 2u);
  EXPECT_EQ(f[0].edges[0].thread, t1->index);
  EXPECT_EQ(f[0].edges[1].thread, t2->index);
  EXPECT_EQ(f[0].edges[1].from, f[0].edges[0].to);
  EXPECT_NE(f[0].edges[0].acquire_stack, 0u);
  EXPECT_NE(f[0].edges[0].held_stack, 0u);
}

TEST_F(DetectorTest, ConsistentOrderIsSilent) {
  lock(t1, a), lock(t1, b), lock(t1, c), unlock(t1, c), unlock(t1, b), unlock(t1, a);
  lock(t2, a), lock(t2, c), unlock(t2, c), unlock(t2, a);
  lock(t2, b), lock(t2, c), unlock(t2, c), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, ThreeLockCycle) {
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  lock(t1, b), lock(t1, c), unlock(t1, c), unlock(t1, b);
  lock(t2, c), lock(t2, a), unlock(t2, a), unlock(t2, c);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].edges.size(), 3u);
  EXPECT_EQ(f[0].locks.size(), 3u);
}

// memcached's pause_threads: every pause lock is taken under maintenance_lock. The cycle drawn
// through a lock nested inside it is the same deadlock as the short one, not a second report...
TEST_F(DetectorTest, CycleThroughANestedLockIsReportedAsItsShortcut) {
  FakeLock& maintenance = gate;
  lock(t2, b), lock(t2, maintenance), unlock(t2, maintenance), unlock(t2, b);
  lock(t1, maintenance), lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a), unlock(t1, maintenance);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].locks.size(), 2u);
  EXPECT_EQ(d.stats().pending_cycles, 1u);  // maintenance -> a -> b -> maintenance
}

// ...until the nested edge is made without the outer lock: then the long cycle is a deadlock of its own.
TEST_F(DetectorTest, DetourMadeWithoutItsOuterLockIsReported) {
  FakeLock& maintenance = gate;
  lock(t2, b), lock(t2, maintenance), unlock(t2, maintenance), unlock(t2, b);
  lock(t1, maintenance), lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a), unlock(t1, maintenance);
  ASSERT_EQ(findings().size(), 1u);
  ThreadState* t3 = d.create_thread();
  lock(t3, a), lock(t3, b), unlock(t3, b), unlock(t3, a);
  auto f = findings();
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].locks.size(), 3u);
  EXPECT_EQ(d.stats().pending_cycles, 0u);
}

// memcached again, with the crawler's edge last: lru_crawler -> maintenance closes both the
// two-lock cycle with maintenance -> lru_crawler and the three-lock one through lru_maintainer.
TEST_F(DetectorTest, OneClosingEdgeReportsEachCycleItCloses) {
  FakeLock &maintenance = gate, &rebalance = a, &maintainer = b, &crawler = c;
  ThreadState* t3 = d.create_thread();
  lock(t3, maintainer), lock(t3, crawler), unlock(t3, crawler), unlock(t3, maintainer);
  lock(t1, maintenance), lock(t1, rebalance), lock(t1, maintainer), lock(t1, crawler);
  unlock(t1, crawler), unlock(t1, maintainer), unlock(t1, rebalance), unlock(t1, maintenance);
  EXPECT_TRUE(findings().empty());
  lock(t2, crawler), lock(t2, maintenance), unlock(t2, maintenance), unlock(t2, crawler);
  auto f = findings();
  ASSERT_EQ(f.size(), 2u);  // not the detours through rebalance
  EXPECT_EQ(f[0].locks.size() + f[1].locks.size(), 5u);
}

TEST_F(DetectorTest, TryLockAddsNoEdgeIntoTheLock) {
  // What std::lock / std::scoped_lock do: lock the first, try the rest.
  lock(t1, a), lock(t1, b, Mode::Write, /*blocking=*/false), unlock(t1, b), unlock(t1, a);
  lock(t2, b), lock(t2, a, Mode::Write, false), unlock(t2, a), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
  // But edges out of a try-locked lock count.
  lock(t1, b, Mode::Write, false), lock(t1, a), unlock(t1, a), unlock(t1, b);
  lock(t2, a), lock(t2, b), unlock(t2, b), unlock(t2, a);
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(DetectorTest, CycleUnderCommonGateLockIsSilentUntilMadeWithoutIt) {
  lock(t1, gate), lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a), unlock(t1, gate);
  lock(t2, gate), lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b), unlock(t2, gate);
  EXPECT_TRUE(findings().empty());
  // The same inversion without the gate is real.
  lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, report::kLockOrderInversion);
}

TEST_F(DetectorTest, ReadReadCycleIsNotADeadlock) {
  rdlock(t1, a), rdlock(t1, b), unlock(t1, b), unlock(t1, a);
  rdlock(t2, b), rdlock(t2, a), unlock(t2, a), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
  // t1 write-holds a and read-waits for b: readers share b, so still no deadlock.
  wrlock(t1, a), rdlock(t1, b), unlock(t1, b), unlock(t1, a);
  EXPECT_TRUE(findings().empty());
  // A writer on both locks of t1 makes it real: t1 holds a (write) and wants b (write), which t2
  // read-holds while it wants a.
  wrlock(t1, a), wrlock(t1, b), unlock(t1, b), unlock(t1, a);
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(DetectorTest, RecursiveReentryAddsNothing) {
  EXPECT_EQ(lock(t1, a, Mode::Write, true, Family::Mutex, kRecursive), Verdict::Proceed);
  EXPECT_EQ(lock(t1, a, Mode::Write, true, Family::Mutex, kRecursive), Verdict::Reentry);
  lock(t1, b);
  unlock(t1, b), unlock(t1, a), unlock(t1, a);
  EXPECT_FALSE(d.before_unlock(*t1, a.addr()));
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, RelockOfHeldMutexIsDoubleLockThatWouldHang) {
  lock(t1, a);
  EXPECT_EQ(lock(t1, a), Verdict::WouldHang);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, report::kDoubleLock);
  EXPECT_NE(f[0].other_stack, 0u);
}

TEST_F(DetectorTest, ErrorCheckRelockIsReportedButReturns) {
  lock(t1, a, Mode::Write, true, Family::Mutex, kErrorCheck);
  EXPECT_EQ(lock(t1, a, Mode::Write, true, Family::Mutex, kErrorCheck), Verdict::Reported);
}

TEST_F(DetectorTest, FailedTryOfHeldMutexIsNotReported) {
  lock(t1, a);
  EXPECT_EQ(lock(t1, a, Mode::Write, /*blocking=*/false), Verdict::Proceed);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, WriteLockAfterOwnReadLockWouldHang) {
  rdlock(t1, a);
  EXPECT_EQ(rdlock(t1, a), Verdict::Reentry);
  EXPECT_EQ(wrlock(t1, a), Verdict::WouldHang);
}

TEST_F(DetectorTest, UnlockNotHeld) {
  EXPECT_FALSE(d.before_unlock(*t1, a.addr()));
  d.unlock_not_held(*t1, a.addr(), stack_at(0x42));
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, report::kUnlockNotHeld);
}

TEST_F(DetectorTest, ReusedAddressIsANewLock) {
  // A heap mutex dies (no call the shim sees) and a new one is built at the same address.
  auto mem = std::make_unique<FakeLock>();
  lock(t1, a), lock(t1, *mem), unlock(t1, *mem), unlock(t1, a);
  std::memset(mem->bytes, 0, sizeof mem->bytes);  // what the constructor of the new mutex does
  lock(t2, *mem), lock(t2, a), unlock(t2, a), unlock(t2, *mem);
  EXPECT_TRUE(findings().empty());
  // Without re-construction, the same inversion is reported.
  lock(t1, a), lock(t1, *mem), unlock(t1, *mem), unlock(t1, a);
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(DetectorTest, MutexBytesCopiedToAnotherAddressAreANewLock) {
  // The copy carries the original's tag; it must not be taken for the original.
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  FakeLock copy;
  std::memcpy(copy.bytes, a.bytes, sizeof copy.bytes);
  lock(t2, b), lock(t2, copy), unlock(t2, copy), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, RestoredBytesOfADestroyedMutexAreNotTheLockNowInItsSlot) {
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  FakeLock saved = a;                  // a's bytes, with its tag
  d.forget(a.addr(), Family::Mutex);   // pthread_mutex_destroy: a's slot is free
  lock(t1, c), unlock(t1, c);          // c takes that slot (next generation)
  std::memcpy(a.bytes, saved.bytes, sizeof a.bytes);  // old bytes back at a's address
  lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b);  // b -> (a new lock), not b -> c
  lock(t1, c), lock(t1, b), unlock(t1, b), unlock(t1, c);  // c -> b
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, ForgottenSpinlockAddressIsANewLock) {
  lock(t1, a, Mode::Write, true, Family::Other), lock(t1, b, Mode::Write, true, Family::Other);
  unlock(t1, b), unlock(t1, a);
  d.forget(a.addr(), Family::Other);  // pthread_spin_destroy + init
  lock(t2, b, Mode::Write, true, Family::Other), lock(t2, a, Mode::Write, true, Family::Other);
  unlock(t2, a), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorTest, TenThousandHeldLocks) {
  std::vector<FakeLock> locks(10000);
  for (auto& l : locks) lock(t1, l);
  EXPECT_EQ(t1->held_count(), 10000u);
  for (size_t i = locks.size(); i-- > 0;) unlock(t1, locks[i]);
  // Reverse order in another thread closes a cycle.
  lock(t2, locks[9999]), lock(t2, locks[9998]);
  EXPECT_EQ(findings().size(), 1u);
}

TEST_F(DetectorTest, ExitedThreadStateIsReused) {
  lock(t1, a);
  d.exit_thread(*t1);
  ThreadState* t3 = d.create_thread();
  EXPECT_EQ(t3, t1);
  EXPECT_EQ(t3->held_count(), 0u);
}

}  // namespace
}  // namespace lockscope::rt

namespace lockscope::rt {
namespace {

class DetectorTimeTest : public DetectorTest {};

TEST_F(DetectorTimeTest, SingleThreadCycleIsReportedAsSequential) {
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  lock(t1, b), lock(t1, a), unlock(t1, a), unlock(t1, b);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_FALSE(f[0].timing.concurrent);
  EXPECT_TRUE(f[0].timing.one_thread());
  EXPECT_EQ(f[0].timing.earlier, t1->index);
}

TEST_F(DetectorTimeTest, SingleThreadCycleIsSilentWithConcurrentCyclesOnly) {
  d.set_concurrent_cycles_only(true);
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  lock(t1, b), lock(t1, a), unlock(t1, a), unlock(t1, b);
  EXPECT_TRUE(findings().empty());
}

// main (t1) starts w1, joins it, then starts w2: w1's order and w2's cannot overlap in this run.
class DetectorJoinOrderTest : public DetectorTest {
 protected:
  ThreadState* start() {
    ThreadState* w = d.create_thread();
    d.on_thread_start(*w, d.on_thread_create(*t1));
    return w;
  }
  void finish(ThreadState* w) {
    d.exit_thread(*w);
    d.on_thread_join(*t1, w->index);
  }
  void SetUp() override { d.on_thread_start(*t1, {}); }
};

TEST_F(DetectorJoinOrderTest, JoinedBeforeStartIsReportedAsSequential) {
  ThreadState* w1 = start();
  uint32_t first = w1->index;  // w1's state is reused by w2 once it exits
  lock(w1, a), lock(w1, b), unlock(w1, b), unlock(w1, a);
  finish(w1);
  ThreadState* w2 = start();
  lock(w2, b), lock(w2, a), unlock(w2, a), unlock(w2, b);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_FALSE(f[0].timing.concurrent);
  EXPECT_EQ(f[0].timing.earlier, first);
  EXPECT_EQ(f[0].timing.later, w2->index);
  EXPECT_EQ(f[0].timing.order, ThreadClocks::Order::JoinedBeforeStart);
}

TEST_F(DetectorJoinOrderTest, MainsOrdersAroundAThreadAreNamed) {
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);  // before w1 exists
  ThreadState* w1 = start();
  lock(w1, b), lock(w1, a), unlock(w1, a), unlock(w1, b);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].timing.earlier, t1->index);
  EXPECT_EQ(f[0].timing.later, w1->index);
  EXPECT_EQ(f[0].timing.order, ThreadClocks::Order::BeforeStart);
}

TEST_F(DetectorJoinOrderTest, JoinedBeforeTheOtherEdgeIsNamed) {
  ThreadState* w1 = start();
  uint32_t first = w1->index;
  lock(w1, a), lock(w1, b), unlock(w1, b), unlock(w1, a);
  finish(w1);
  lock(t1, b), lock(t1, a), unlock(t1, a), unlock(t1, b);  // main, after the join
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].timing.earlier, first);
  EXPECT_EQ(f[0].timing.later, t1->index);
  EXPECT_EQ(f[0].timing.order, ThreadClocks::Order::JoinedBefore);
}

TEST_F(DetectorJoinOrderTest, ConcurrentCyclesOnlyWaitsForThreadsThatOverlap) {
  d.set_concurrent_cycles_only(true);
  ThreadState* w1 = start();
  lock(w1, a), lock(w1, b), unlock(w1, b), unlock(w1, a);
  finish(w1);
  ThreadState* w2 = start();
  lock(w2, b), lock(w2, a), unlock(w2, a), unlock(w2, b);
  EXPECT_TRUE(findings().empty());
  // A third thread running alongside w2 makes the first order again: now it can deadlock.
  ThreadState* w3 = start();
  lock(w3, a), lock(w3, b), unlock(w3, b), unlock(w3, a);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].timing.concurrent);
}

TEST_F(DetectorJoinOrderTest, ThreadsRunningSideBySideAreConcurrent) {
  ThreadState* w1 = start();
  ThreadState* w2 = start();
  lock(w1, a), lock(w1, b), unlock(w1, b), unlock(w1, a);
  lock(w2, b), lock(w2, a), unlock(w2, a), unlock(w2, b);
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].timing.concurrent);
}

TEST_F(DetectorJoinOrderTest, SequentialGateAndReadRulesStillHold) {
  // A gate lock held around both orders, by threads joined one after the other: still silent.
  ThreadState* w1 = start();
  lock(w1, gate), lock(w1, a), lock(w1, b), unlock(w1, b), unlock(w1, a), unlock(w1, gate);
  finish(w1);
  ThreadState* w2 = start();
  lock(w2, gate), lock(w2, b), lock(w2, a), unlock(w2, a), unlock(w2, b), unlock(w2, gate);
  finish(w2);
  // Readers only, one thread after the other: silent too.
  FakeLock r1, r2;
  ThreadState* w3 = start();
  rdlock(w3, r1), rdlock(w3, r2), unlock(w3, r2), unlock(w3, r1);
  finish(w3);
  ThreadState* w4 = start();
  rdlock(w4, r2), rdlock(w4, r1), unlock(w4, r1), unlock(w4, r2);
  EXPECT_TRUE(findings().empty());
  // A writer on one side makes it real.
  wrlock(w4, r2), wrlock(w4, r1), unlock(w4, r1), unlock(w4, r2);
  EXPECT_EQ(findings().size(), 1u);
}

}  // namespace
}  // namespace lockscope::rt

namespace lockscope::rt {
namespace {

// The edge store: edges live in the graph with shared, reference-counted evidence.
class DetectorEdgeStoreTest : public DetectorTest {
 protected:
  // As lock(), from one fixed call site: what a loop taking many locks looks like.
  void lock_at(ThreadState* t, FakeLock& l, uintptr_t pc) {
    Stack s = stack_at(pc);
    LockState* st = d.lock_state(*t, l.addr(), Family::Mutex, 0, s);
    ASSERT_EQ(d.before_lock(*t, *st, Mode::Write, true, s), Verdict::Proceed);
    d.after_lock(*t, *st, Mode::Write, false, s);
  }
  void rebuild(ThreadState* t, FakeLock& l) {  // a new mutex constructed at the same address
    std::memset(l.bytes, 0, sizeof l.bytes);
    d.lock_state(*t, l.addr(), Family::Mutex, 0, stack_at(0x99));
  }
};

TEST_F(DetectorEdgeStoreTest, EdgesFromOneSiteAndThreadShareOneEvidenceRecord) {
  std::vector<FakeLock> locks(200);
  for (size_t i = 0; i + 1 < locks.size(); ++i) {
    lock_at(t1, locks[i], 0x500), lock_at(t1, locks[i + 1], 0x600);
    unlock(t1, locks[i + 1]), unlock(t1, locks[i]);
  }
  Detector::Stats s = d.stats();
  EXPECT_EQ(s.edges, 199u);
  EXPECT_EQ(s.evidence_records, 1u);
  // Another thread repeating one edge gives that edge its own latest observation.
  lock_at(t2, locks[0], 0x500), lock_at(t2, locks[1], 0x600), unlock(t2, locks[1]), unlock(t2, locks[0]);
  EXPECT_EQ(d.stats().evidence_records, 2u);
  EXPECT_EQ(d.stats().edges, 199u);
}

TEST_F(DetectorEdgeStoreTest, RetiredLockTakesItsEdgesEvidenceAndSuppressedCyclesAlong) {
  d.set_concurrent_cycles_only(true);  // so that one thread's cycle waits, suppressed
  lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a);
  lock(t1, b), lock(t1, a), unlock(t1, a), unlock(t1, b);  // one thread: suppressed, kept for later
  lock(t1, b), lock(t1, c), unlock(t1, c), unlock(t1, b);
  Detector::Stats s = d.stats();
  EXPECT_EQ(s.edges, 2u);
  EXPECT_EQ(s.refused_edges, 1u);
  EXPECT_EQ(s.pending_cycles, 1u);
  rebuild(t1, a);
  s = d.stats();
  EXPECT_EQ(s.edges, 1u);  // b->c
  EXPECT_EQ(s.refused_edges, 0u);
  EXPECT_EQ(s.pending_cycles, 0u);
  EXPECT_EQ(s.evidence_records, 1u);
  // The suppressed cycle through the old lock can no longer be made real.
  lock(t2, a), lock(t2, b), unlock(t2, b), unlock(t2, a);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorEdgeStoreTest, AHoldOfARetiredLockAddsNoEdgeToTheLockNowAtItsAddress) {
  lock(t1, a);  // t1 holds the old lock at a's address...
  rebuild(t2, a);  // ...which is replaced by a new one
  lock(t1, b), unlock(t1, b);  // the old lock's edge a->b is not given to the new lock
  d.before_unlock(*t1, a.addr());
  EXPECT_EQ(d.stats().edges, 0u);
  lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b);
  EXPECT_TRUE(findings().empty());
}

TEST_F(DetectorEdgeStoreTest, RefusedEdgeKeepsItsLatestObservation) {
  // The cycle-closing edge is not in the graph; its evidence must still follow new observations.
  lock(t1, gate), lock(t1, a), lock(t1, b), unlock(t1, b), unlock(t1, a), unlock(t1, gate);
  lock(t2, gate), lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b), unlock(t2, gate);
  EXPECT_TRUE(findings().empty());
  EXPECT_EQ(d.stats().refused_edges, 1u);
  lock(t2, b), lock(t2, a), unlock(t2, a), unlock(t2, b);  // the refused edge, now without the gate
  auto f = findings();
  ASSERT_EQ(f.size(), 1u);
  ASSERT_EQ(f[0].edges.size(), 2u);
  EXPECT_EQ(f[0].edges[1].thread, t2->index);
}

}  // namespace
}  // namespace lockscope::rt
