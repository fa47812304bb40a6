#pragma once
// The set of lock-order edges seen so far, with the evidence a report needs (where each edge was
// made, by which thread, in which modes, under which gate locks). One open-addressing table per
// shard, so a new edge costs no allocation of its own (growth doubles a flat array) and lookups of
// different edges rarely meet on a lock. Gate sets are rare and kept aside, so a slot stays 32
// bytes. Not thread-safe by itself: the detector holds the shard's lock.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lockscope::rt {

struct EdgeInfo {
  uint32_t acquire_stack = 0, held_stack = 0, thread = 0;
  uint32_t epoch = 0;  // the thread's epoch (thread_clock.h) when it made this observation
  uint8_t modes = 0;  // bit (held_mode * 2 + acquired_mode)
  uint8_t ngates = 0;
  uint32_t gates[4] = {};
};

class EdgeTable {
 public:
  // False when absent.
  bool get(uint64_t key, EdgeInfo& out) const;
  // Inserts `info` unless the key exists; returns false (and changes nothing) when it existed.
  bool insert(uint64_t key, const EdgeInfo& info);
  // Replaces the record of an existing key; returns false when absent.
  bool put(uint64_t key, const EdgeInfo& info);
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (edge keys are never 0: lock ids start at 1)
    uint32_t acquire_stack = 0, held_stack = 0, thread = 0, epoch = 0;
    uint32_t gate_set = 0;  // index into gate_sets_ when ngates > 0
    uint8_t modes = 0, ngates = 0;
  };
  static_assert(sizeof(Slot) == 32);
  size_t find(uint64_t key) const;  // slot index holding key, or the empty slot where it would go
  void grow();
  void store(Slot& s, const EdgeInfo& info);

  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::vector<std::array<uint32_t, 4>> gate_sets_;
};

}  // namespace lockscope::rt
