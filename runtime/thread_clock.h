#pragma once
// Which lock events can overlap in time, from thread creation and join only (vector clocks, as
// ThreadSanitizer keeps them, restricted to those two events). A lock-order cycle is a possible
// deadlock only if its edges can be held at the same time by different threads: a thread joined
// before another is created, or a thread's own edges, can never deadlock with each other.
// Locks do not order threads here: the lock under analysis is exactly what might deadlock.
//
// Each thread has an epoch, bumped when it creates a thread, joins one, or exits; an event is a
// (thread, epoch) pair. Clocks are snapshotted at thread start and after each join, so
// happens_before() can answer for past events. Snapshots are shared and immutable (a child's
// start clock is its creator's, not a copy). Bounds, so that programs creating and joining
// threads by the hundred thousand stay small: a clock holds at most kMaxEntries threads (the most
// recent), a thread keeps its last kMaxHistory snapshots. A forgotten entry or snapshot makes
// events look concurrent, which errs toward reporting.
// Thread-safe (one internal lock; used on thread create/join/exit and when a cycle is examined).
#include <cstdint>
#include <memory>
#include <vector>

#include "spin_lock.h"

namespace lockscope::rt {

class ThreadClocks {
 public:
  using Clock = std::vector<std::pair<uint32_t, uint32_t>>;  // (thread, epoch), sorted by thread
  static constexpr size_t kMaxEntries = 256;
  static constexpr size_t kMaxHistory = 32;

  // In the parent, before the child starts: bumps the parent's epoch; returns the child's clock.
  struct Start {  // a child's clock at start: its creator's clock plus the creator's epoch
    std::shared_ptr<const Clock> base;
    uint32_t parent = 0, parent_epoch = 0;
  };
  Start on_create(uint32_t parent);
  // In the child, first thing: `start` from on_create (default for the first thread).
  void on_start(uint32_t child, Start start);
  void on_exit(uint32_t thread);
  void on_join(uint32_t joiner, uint32_t joined);
  uint32_t epoch(uint32_t thread) const;
  // True when event (a, xa) happens before event (b, xb).
  bool happens_before(uint32_t a, uint32_t xa, uint32_t b, uint32_t xb) const;
  bool concurrent(uint32_t a, uint32_t xa, uint32_t b, uint32_t xb) const {
    return !happens_before(a, xa, b, xb) && !happens_before(b, xb, a, xa);
  }
  // How event (a, xa) came before event (b, xb) of another thread, for reports: a exited and was
  // joined before b started, or before b's event; a's event came before b started (a created b,
  // or an ancestor of b); some other chain of creations and joins.
  enum class Order { JoinedBeforeStart, JoinedBefore, BeforeStart, Other };
  Order how_ordered(uint32_t a, uint32_t xa, uint32_t b, uint32_t xb) const;
  void lock() { lock_.lock(); }  // fork()
  void unlock() { lock_.unlock(); }

 private:
  // A clock as stored: a shared immutable base plus one extra entry, so that every child started
  // from the same creator clock shares it.
  struct View {
    std::shared_ptr<const Clock> base;
    uint32_t extra_thread = 0, extra_epoch = 0;  // extra_epoch 0: no extra entry
    uint32_t get(uint32_t t) const;
    Clock flat() const;
  };
  struct State {
    uint32_t epoch = 0;
    uint32_t exit_epoch = 0;  // the epoch on_exit gave it; 0 while it runs
    View clock;  // what this thread knows of the others
    std::vector<std::pair<uint32_t, View>> history;  // (epoch from which it holds, clock)
  };
  State& state(uint32_t t);
  static void merge(Clock& into, const Clock& from);
  static uint32_t entry(const Clock& c, uint32_t t);
  void snapshot(State& s);
  // What thread b knew of thread a's epoch at b's epoch xb (0 when unknown). Called locked.
  uint32_t known_at(uint32_t b, uint32_t xb, uint32_t a) const;

  mutable SpinLock lock_;
  std::vector<std::unique_ptr<State>> states_;
};

}  // namespace lockscope::rt
