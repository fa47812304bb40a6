#pragma once
// What the shim knows about one thread: the locks it holds, in acquisition order, each with the
// stack where it was taken; the lock it is blocked on (for the hang watchdog); and a small cache
// of lock-order edges it already reported to the detector, so a repeated nesting costs no lock.
// Owned by its thread; the watchdog reads `held`/`waiting` racily and double-checks over time.
#include <sys/types.h>

#include <atomic>
#include <cstdint>

#include "stack.h"

namespace lockscope::rt {

enum class Mode : uint8_t { Write = 0, Read = 1 };

struct HeldEntry {
  uintptr_t addr = 0;
  uint32_t lock_id = 0;
  Mode mode = Mode::Write;
  bool reentry = false;  // a recursive re-acquisition: adds no edges, only balances unlocks
  Stack stack;
};

inline constexpr uint32_t kInlineHeld = 32;
inline constexpr uint32_t kEdgeCacheSize = 1024;  // power of two

struct ThreadState {
  uint32_t index = 0;  // reports call it T<index>; the main thread is T0
  pid_t tid = 0;
  uintptr_t stack_lo = 0, stack_hi = 0;
  uintptr_t entry_pc = 0;  // start routine given to pthread_create
  uint32_t epoch = 0;      // mirror of this thread's epoch in ThreadClocks (changes on create/join)
  char name[16] = {};
  std::atomic<bool> alive{true};
  ThreadState* next = nullptr;  // registry list, append-only

  std::atomic<HeldEntry*> held{inline_held};
  std::atomic<uint32_t> held_n{0};
  uint32_t held_cap = kInlineHeld;
  // Set while blocked in an untimed acquisition; points at held[held_n], the entry being acquired
  // (or at `annotated` below).
  std::atomic<const HeldEntry*> waiting{nullptr};
  std::atomic<uint64_t> wait_seq{0};
  // An annotated acquisition between lockscope_before_lock and lockscope_after_lock (annotations.cpp):
  // kept aside, since the lock's own implementation may take other locks in between.
  HeldEntry annotated;

  // Edges this thread already told the detector about, with the gate locks the edge was always
  // made under (a repeat made while all of them are held changes nothing in the edge's record).
  struct CachedEdge {
    uint64_t key = 0;
    uint32_t epoch = 0;  // a repeat in a later epoch is new evidence (it may overlap other threads)
    uint8_t modes = 0;
    uint8_t ngates = 0;
    uint32_t gates[4] = {};
  };
  CachedEdge edge_cache[kEdgeCacheSize];
  // Stacks this thread interned in the depot (see Detector::intern), two ways of four sets by
  // frame 0: a loop making new edges from a few call sites finds its stacks with one compare.
  struct Interned {
    uint32_t id = 0;
    Stack stack;
  };
  Interned interned[8];
  static uint32_t interned_set(uintptr_t pc0) { return static_cast<uint32_t>((pc0 * 0x9E3779B97F4A7C15ull) >> 62) * 2; }
  uint32_t evidence_hint = 0;  // the last evidence record this thread's edges used (evidence_table.h)
  HeldEntry inline_held[kInlineHeld];

  HeldEntry* held_array() { return held.load(std::memory_order_relaxed); }
  uint32_t held_count() const { return held_n.load(std::memory_order_relaxed); }
  // The slot just past the held locks, grown when needed; the caller fills it, then commits.
  HeldEntry& next_slot() {
    uint32_t n = held_count();
    return n + 1 < held_cap ? held_array()[n] : grow_and_next_slot();
  }
  HeldEntry& grow_and_next_slot();
  void commit_slot() { held_n.store(held_count() + 1, std::memory_order_release); }
  void remove_at(uint32_t i) {
    uint32_t n = held_count();
    if (i + 1 == n) held_n.store(n - 1, std::memory_order_release);  // the usual LIFO unlock
    else remove_middle(i);
  }
  void remove_middle(uint32_t i);
  void clear_held() { held_n.store(0, std::memory_order_release); }

  static uint32_t cache_index(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 54; }
  // Whether this thread holds the lock so that no other thread can (a mutex, or an rwlock in write
  // mode): only such a hold can be a gate. Readers share an rwlock, so a read hold gates nothing.
  bool holds_exclusively(uint32_t lock_id) {
    HeldEntry* h = held_array();
    for (uint32_t i = held_count(); i-- > 0;)
      if (h[i].lock_id == lock_id && h[i].mode == Mode::Write) return true;
    return false;
  }
  bool edge_cached(uint64_t key, uint8_t mode_bit) {
    const CachedEdge& c = edge_cache[cache_index(key)];
    if (c.key != key || c.epoch != epoch || !(c.modes & mode_bit)) return false;
    for (uint8_t i = 0; i < c.ngates; ++i)
      if (!holds_exclusively(c.gates[i])) return false;
    return true;
  }
  void cache_edge(uint64_t key, uint8_t mode_bit, const uint32_t* gates, uint8_t ngates) {
    CachedEdge& c = edge_cache[cache_index(key)];
    if (c.key != key || c.epoch != epoch) c.key = key, c.epoch = epoch, c.modes = 0;
    c.modes |= mode_bit;
    c.ngates = ngates;
    for (uint8_t i = 0; i < ngates; ++i) c.gates[i] = gates[i];
  }
};

}  // namespace lockscope::rt
