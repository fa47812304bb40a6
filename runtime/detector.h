#pragma once
// The detector: turns lock events into lock-order edges, cycles and findings. It knows nothing
// about interception (interceptors.cpp or the annotation API calls it) or text (report_builder.h formats its findings),
// so it is unit-tested by feeding it events directly (detector_test.cpp).
//
// Rules it implements:
//  - An edge held->acquired is recorded only for acquisitions that can block (lock, timedlock,
//    rdlock/wrlock, cond re-acquire). A successful try-lock makes the lock held but adds no edge
//    into it; edges out of it are recorded later as usual. This is why std::lock/std::scoped_lock
//    (lock the first, try_lock the rest, back off) never form a cycle.
//  - Recursive re-entry (recursive mutexes, a second read lock of an rwlock) adds nothing.
//  - Edges are taken from the 16 most recently acquired held locks: a thread holding 10,000 locks
//    still pays a bounded cost per acquisition, and older orderings follow by transitivity.
//  - An edge that closes cycles names the shortest and the shortest through each of a few other
//    locks its target leads to (cycles_closed_by). Lock order is a property of the code (lockdep's
//    rule): a cycle is reported whoever made its edges and whenever, and the report says whether
//    this run could have deadlocked (CycleTiming): its edges made by threads that ran at the same
//    time, or one after the other (one thread made every edge, or threads ordered by creation and
//    join; each edge keeps its latest observation: thread and epoch, see thread_clock.h). With
//    concurrent_cycles_only the latter are not reported. A cycle is reported once (per set of
//    locks) unless
//      * every edge of it was always made while one common other lock was held exclusively (a gate
//        lock; a read hold of an rwlock is shared, so it is none), or
//      * it has a detour: an edge of it was always made while another lock of the same cycle was
//        held exclusively; that thread made the shortcut edge too, and the shorter cycle is the
//        one examined and reported instead (Detector::shortcut), or
//      * at some lock of the cycle both the acquisition that enters it and the hold that leaves
//        it were only ever in read mode (readers do not exclude each other, so no thread can
//        wait there: read-read cycles are not deadlocks).
//    Such suppressed cycles are re-examined when one of their edges is later seen without the
//    gate or in a write mode.
//  - Re-locking a held non-recursive lock is a double-lock (the caller ends the process when the
//    real call would hang); unlocking a lock the thread does not hold is unlock-not-held.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evidence_table.h"
#include "graph.h"
#include "lock_names.h"
#include "lock_registry.h"
#include "spin_lock.h"
#include "stack.h"
#include "thread_clock.h"
#include "thread_state.h"

namespace lockscope::rt {

struct LockSnap {  // a lock as a report names it, copied when the finding is made
  uint32_t id = 0;
  uintptr_t addr = 0;
  uint32_t first_stack = 0;
  uint32_t first_thread = 0;
};

struct RawEdge {
  uint32_t from = 0, to = 0;  // lock ids
  uint32_t acquire_stack = 0;  // where `to` was taken while `from` was held
  uint32_t held_stack = 0;     // where `from` had been taken
  uint32_t thread = 0;
};

struct RawWait {  // one thread of a real hang
  uint32_t thread = 0;
  LockSnap waits_for;
  uint32_t wait_stack = 0;
  std::vector<std::pair<LockSnap, uint32_t>> holds;  // lock, stack where taken
};

// Whether a cycle's edges were made by threads that ran at the same time in this run. When they
// were not, `earlier` made its edge before `later` (equal: one thread made every edge), ordered
// as `order` says.
struct CycleTiming {
  bool concurrent = true;
  uint32_t earlier = 0, later = 0;
  ThreadClocks::Order order = ThreadClocks::Order::Other;
  bool one_thread() const { return !concurrent && earlier == later; }
};

struct RawFinding {
  std::string_view kind;
  CycleTiming timing;          // lock-order-inversion
  std::vector<LockSnap> locks;
  std::vector<RawEdge> edges;  // lock-order-inversion
  std::vector<RawWait> waits;  // deadlock
  uint32_t thread = 0;         // double-lock, unlock-not-held
  uint32_t stack = 0;          // where it happened
  uint32_t other_stack = 0;    // double-lock: where first taken
};

enum class Verdict {
  Proceed,     // take the lock normally
  Reentry,     // permitted re-entry: take it, add nothing
  Reported,    // a finding was made; the real call returns an error (errorcheck), continue
  WouldHang,   // a finding was made and the real call would never return: end the process
};

// Edges come from this many most recent held locks (see the rules above).
inline constexpr uint32_t kEdgeSources = 16;
inline uint8_t mode_bit_of(Mode held, Mode acquired) {
  return static_cast<uint8_t>(1u << (static_cast<unsigned>(held) * 2 + static_cast<unsigned>(acquired)));
}

class Detector {
 public:
  Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;
  // Report only cycles whose edges this run's threads could have held at once (before any event).
  void set_concurrent_cycles_only(bool on) { concurrent_cycles_only_ = on; }

  ThreadState* create_thread();  // reuses the state of an exited thread when there is one
  void exit_thread(ThreadState& t);
  // Thread ordering by creation and join (thread_clock.h): cycles whose edges cannot overlap in
  // time are not deadlocks.
  ThreadClocks::Start on_thread_create(ThreadState& parent);
  void on_thread_start(ThreadState& child, ThreadClocks::Start start);
  void on_thread_join(ThreadState& joiner, uint32_t joined_index);
  ThreadState* threads() const { return threads_.load(std::memory_order_acquire); }
  ThreadState* thread_by_index(uint32_t index) const;

  LockState* lock_state(ThreadState& t, uintptr_t addr, Family family, uint8_t flags, const Stack& stack) {
    if (LockState* st = registry_.find(addr, family)) return st;
    return new_lock_state(t, addr, family, flags, stack);
  }
  void forget(uintptr_t addr, Family family) { registry_.forget(addr, family); }

  // The fast path's question, inline: true when before_lock would change nothing (the lock is not
  // held by this thread, and every edge it would make is in the thread's edge cache). Only when it
  // is false does the caller pay for before_lock. One pass over the held locks answers both.
  bool nothing_new(ThreadState& t, const LockState& lock, Mode mode, bool blocking) {
    const HeldEntry* held = t.held_array();
    for (uint32_t i = t.held_count(), seen = 0; i-- > 0;) {
      const HeldEntry& h = held[i];
      if (h.addr == lock.addr) return false;
      if (!blocking || h.reentry || seen >= kEdgeSources) continue;
      ++seen;
      if (!t.edge_cached(uint64_t{h.lock_id} << 32 | lock.id, mode_bit_of(h.mode, mode))) return false;
    }
    return true;
  }
  // A lock seen for the first time (the registry's slow path).
  LockState* new_lock(ThreadState& t, uintptr_t addr, Family family, uint8_t flags, const Stack& stack) {
    return new_lock_state(t, addr, family, flags, stack);
  }
  // Before the real acquisition. `blocking` is false for try-locks. Records edges.
  Verdict before_lock(ThreadState& t, LockState& lock, Mode mode, bool blocking, const Stack& stack);
  // After a successful acquisition: the lock becomes held.
  void after_lock(ThreadState& t, LockState& lock, Mode mode, bool reentry, const Stack& stack);
  // Before the real release: forgets the most recent hold of `addr`; false when not held.
  bool before_unlock(ThreadState& t, uintptr_t addr) {
    HeldEntry* held = t.held_array();
    for (uint32_t i = t.held_count(); i-- > 0;) {
      if (held[i].addr == addr) {
        t.remove_at(i);
        return true;
      }
    }
    return false;
  }
  void unlock_not_held(ThreadState& t, uintptr_t addr, const Stack& stack);

  // What the edge store holds (tests, benchmarks).
  struct Stats {
    size_t edges = 0, evidence_records = 0, refused_edges = 0, pending_cycles = 0;
    size_t edge_bytes = 0;  // adjacency storage taken from the system
  };
  Stats stats();

  void add_finding(RawFinding f);  // used by the watchdog for hangs
  size_t finding_count() const { return finding_count_.load(std::memory_order_acquire); }
  std::vector<RawFinding> findings_since(size_t first) const;
  LockSnap snap(uint32_t id);
  StackDepot& depot() { return depot_; }
  LockRegistry& registry() { return registry_; }
  LockNames& names() { return names_; }  // annotated locks' names
  // fork(): every internal lock is taken before (in the one order used everywhere: registry,
  // graph, depot, findings) and released after, so the child inherits consistent maps.
  void lock_all_for_fork();
  void unlock_all_after_fork();
  // In the child, after unlock: only the forking thread exists; the others' states describe nothing.
  void after_fork_child(ThreadState* survivor);

 private:
  LockState* new_lock_state(ThreadState& t, uintptr_t addr, Family family, uint8_t flags, const Stack& stack);
  void record_edge(ThreadState& t, const HeldEntry& from, LockState& to, Mode mode, const Stack& stack);
  bool node_is(uint32_t slot, uint32_t id);
  const Evidence* find_evidence(uint64_t key);
  uint32_t intern(ThreadState& t, const Stack& s);
  std::vector<std::vector<uint64_t>> cycles_closed_by(uint32_t a, uint32_t b, uint64_t key);
  void on_new_cycle(std::vector<uint64_t> keys);
  std::vector<uint64_t> shortcut(std::vector<uint64_t> keys);
  bool cycle_suppressed(const std::vector<uint64_t>& keys, std::vector<Evidence>& infos, CycleTiming& timing);
  CycleTiming timing_of(const std::vector<Evidence>& infos) const;
  void report_cycle(const std::vector<uint64_t>& keys, const std::vector<Evidence>& infos, const CycleTiming& timing);
  void recheck_pending(uint64_t changed_key);
  static void retire(void* self, uint32_t id);

  LockRegistry registry_;
  LockNames names_;
  StackDepot depot_;
  // The edges and their evidence: graph_ holds every edge of the acyclic order with an evidence id;
  // an edge refused because it closed a cycle keeps its evidence in refused_ (few: one per cycle).
  alignas(64) SpinLock graph_lock_;  // graph_, evidence_, refused_, pending_, reported_cycles_
  LockGraph graph_;
  EvidenceTable evidence_;
  std::unordered_map<uint64_t, uint32_t> refused_;  // edge key -> evidence id
  ThreadClocks clocks_;
  uint64_t rank_counter_ = 0;
  std::vector<std::vector<uint64_t>> pending_;
  std::unordered_set<uint64_t> reported_cycles_;
  std::atomic<bool> have_pending_{false};
  bool concurrent_cycles_only_ = false;
  mutable SpinLock findings_lock_;
  std::vector<RawFinding> findings_;
  std::atomic<size_t> finding_count_{0};
  std::atomic<ThreadState*> threads_{nullptr};
  std::atomic<uint32_t> next_thread_index_{0};
};

inline uint64_t edge_key(uint32_t from, uint32_t to) { return uint64_t{from} << 32 | to; }
inline uint8_t mode_bit(Mode held, Mode acquired) { return mode_bit_of(held, acquired); }

}  // namespace lockscope::rt
