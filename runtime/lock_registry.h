#pragma once
// Which lock lives at an address, and whether it is still the same lock.
//
// std::mutex has a trivial destructor, so a heap mutex can die and a new one be constructed at the
// same address without any call the shim could see. Telling them apart matters: otherwise edges of
// the dead lock join the new one and make false cycles. The rule implemented here:
//  - pthread mutexes (non-robust, process-private) and rwlocks carry a tag the shim writes into a
//    field glibc leaves unused for them (mutex: __list.__next; rwlock: __pad2). Every constructor
//    and pthread_*_init zeroes the object, so a missing tag on a known address means "a new lock
//    was built here": the old lock is retired (its graph node removed) and a new one begins.
//    This also makes the fast path a single load plus a compare, with no hash lookup.
//  - other locks (spinlocks, robust/shared mutexes) are found by address in a sharded map; they
//    become new locks when their init or destroy function is called.
// A lock id is slot | generation << 26: a retired slot is reused with the next generation, so stale
// ids held in caches stop matching.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "addr_map.h"
#include "node_slots.h"
#include "spin_lock.h"

namespace lockscope::rt {

enum class Family : uint8_t { Mutex, RwLock, Other };

inline constexpr uint8_t kRecursive = 1;   // re-entry by the holder is allowed
inline constexpr uint8_t kErrorCheck = 2;  // re-entry by the holder returns EDEADLK instead of hanging
inline constexpr uint8_t kReadWrite = 4;   // has a shared (read) mode

inline constexpr uint32_t kSlotBits = 26;
inline constexpr uint32_t kSlotMask = (1u << kSlotBits) - 1;
inline uint32_t slot_of(uint32_t id) { return id & kSlotMask; }

struct LockState {
  uintptr_t addr = 0;
  uint32_t id = 0;  // 0: slot unused
  uint8_t flags = 0;
  uint32_t first_stack = 0;   // depot id of where it was first taken
  uint32_t first_thread = 0;  // thread index that first took it
};

class LockRegistry {
 public:
  using RetireFn = void (*)(void* ctx, uint32_t id);
  LockRegistry(RetireFn on_retire, void* ctx) : on_retire_(on_retire), ctx_(ctx) {}

  // The lock at `addr`, created on first sight. `flags` describe it when it is created;
  // `first_stack`/`thread` record where it was first seen.
  LockState* resolve(uintptr_t addr, Family family, uint8_t flags, uint32_t first_stack, uint32_t thread);
  // Fast lookup only (no creation); nullptr when unknown. Inline: the lock fast path.
  LockState* find(uintptr_t addr, Family family);
  // The tag half of find: the caller knows the object carries a tag at `tag` (tag_slot).
  LockState* find_tagged(uintptr_t addr, const std::atomic<uint64_t>* tag);
  LockState* find_by_address(uintptr_t addr);
  // The object at `addr` was destroyed or re-initialised: the next use is a new lock.
  void forget(uintptr_t addr, Family family);
  LockState* by_id(uint32_t id);  // nullptr when the id is stale
  uint32_t id_of_slot(uint32_t s) const { LockState* st = slot(s); return st ? st->id : 0; }
  // Each slot is a 64-byte line (node_slots.h): the first kNodeBytes are the owner's (the
  // detector keeps the lock's graph node there), the LockState follows. The lookup the lock fast
  // path makes anyway then also brings in what a new edge needs: one miss per lock, not two.
  // The chunk table, for the owner: zeroed chunks of 2^16 slots that never move.
  const std::atomic<unsigned char*>* slot_chunks() const { return chunks_; }
  // fork(): taken before (so no other thread is inside a map), released after, in both processes.
  void lock_all();
  void unlock_all();
  size_t live_count() const { return live_.load(std::memory_order_relaxed); }

 private:
  static constexpr uint32_t kShards = 64;
  static constexpr uint32_t kMaxChunks = 1u << (kSlotBits - kSlotChunkBits);
  struct alignas(64) Shard {
    SpinLock lock;
    AddrMap by_addr;  // addr -> id
  };
  LockState* slot(uint32_t s) const {
    unsigned char* chunk = chunks_[s >> kSlotChunkBits].load(std::memory_order_acquire);
    return chunk ? reinterpret_cast<LockState*>(chunk + (s & kSlotChunkMask) * kSlotBytes + kNodeBytes) : nullptr;
  }
  LockState* allocate(uintptr_t addr, uint8_t flags, uint32_t first_stack, uint32_t thread);
  void release(LockState* st);
  Shard& shard(uintptr_t addr) { return shards_[(addr >> 4) * 0x9E3779B97F4A7C15ull >> 58]; }

  RetireFn on_retire_;
  void* ctx_;
  std::atomic<unsigned char*> chunks_[kMaxChunks] = {};  // slots, node_slots.h
  SpinLock alloc_lock_;
  uint32_t next_slot_ = 1;
  std::vector<uint32_t> free_;  // retired ids, reused with generation + 1
  std::atomic<size_t> live_{0};
  Shard shards_[kShards];
};

inline constexpr uint64_t kTagMagic = 0x4C4B5343ull << 32;  // "LKSC"

// Where the tag lives inside the lock object, or nullptr when this object cannot carry one.
// glibc x86_64 layouts (bits/struct_mutex.h, bits/struct_rwlock.h); lock_registry.cpp checks sizes.
inline std::atomic<uint64_t>* tag_slot(uintptr_t addr, Family family) {
  constexpr size_t kMutexKindOffset = 16, kMutexListNextOffset = 32;
  constexpr size_t kRwSharedOffset = 28, kRwPad2Offset = 40;
  constexpr int kMutexRobust = 16, kMutexPshared = 128;
  if (family == Family::Mutex) {
    int kind = *reinterpret_cast<const volatile int*>(addr + kMutexKindOffset);
    if (kind & (kMutexRobust | kMutexPshared)) return nullptr;  // glibc uses __list, or other processes share it
    return reinterpret_cast<std::atomic<uint64_t>*>(addr + kMutexListNextOffset);
  }
  if (family == Family::RwLock) {
    if (*reinterpret_cast<const volatile int*>(addr + kRwSharedOffset) != 0) return nullptr;
    return reinterpret_cast<std::atomic<uint64_t>*>(addr + kRwPad2Offset);
  }
  return nullptr;
}

inline LockState* LockRegistry::find_tagged(uintptr_t addr, const std::atomic<uint64_t>* tag) {
  uint64_t t = tag->load(std::memory_order_relaxed);
  if ((t & 0xFFFFFFFF00000000ull) == kTagMagic) {
    LockState* st = slot(slot_of(static_cast<uint32_t>(t)));
    if (st && st->id == static_cast<uint32_t>(t) && st->addr == addr) return st;
  }
  return nullptr;
}

inline LockState* LockRegistry::find(uintptr_t addr, Family family) {
  if (auto* tag = tag_slot(addr, family)) return find_tagged(addr, tag);
  return find_by_address(addr);
}

}  // namespace lockscope::rt
