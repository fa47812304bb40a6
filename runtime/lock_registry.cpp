#include "lock_registry.h"

#include <pthread.h>

#include <cstddef>
#include <cstdlib>
#include <type_traits>

namespace lockscope::rt {

static_assert(std::is_trivially_destructible_v<LockState> && std::is_trivially_copyable_v<LockState>,
              "chunks are fresh zero pages: all-zero bytes are an empty LockState");
static_assert(kNodeBytes + sizeof(LockState) <= kSlotBytes && kNodeBytes % alignof(LockState) == 0,
              "a slot is one cache line: node, then record");
static_assert(sizeof(pthread_mutex_t) == 40 && sizeof(pthread_rwlock_t) == 56,
              "lock_registry.h knows glibc x86_64 layouts only");

LockState* LockRegistry::by_id(uint32_t id) {
  LockState* st = slot(slot_of(id));
  return st && st->id == id ? st : nullptr;
}

LockState* LockRegistry::find_by_address(uintptr_t addr) {
  Shard& sh = shard(addr);
  SpinGuard g(sh.lock);
  uint32_t id = sh.by_addr.find(addr);
  return id ? slot(slot_of(id)) : nullptr;
}

LockState* LockRegistry::resolve(uintptr_t addr, Family family, uint8_t flags, uint32_t first_stack,
                                 uint32_t thread) {
  std::atomic<uint64_t>* tag = tag_slot(addr, family);
  if (tag) {
    if (LockState* st = find(addr, family)) return st;
  }
  Shard& sh = shard(addr);
  SpinGuard g(sh.lock);
  if (uint32_t old_id = sh.by_addr.find(addr)) {
    LockState* old = slot(slot_of(old_id));
    if (!tag) return old;
    // Re-check under the lock: another thread may have stamped it meanwhile.
    uint64_t t = tag->load(std::memory_order_relaxed);
    if (t == (kTagMagic | old->id)) return old;
    // Known address, no tag: a new lock was constructed over the old one.
    release(old);
    sh.by_addr.erase(addr);
  }
  LockState* st = allocate(addr, flags, first_stack, thread);
  sh.by_addr.put(addr, st->id);
  if (tag) tag->store(kTagMagic | st->id, std::memory_order_relaxed);
  return st;
}

void LockRegistry::forget(uintptr_t addr, Family family) {
  Shard& sh = shard(addr);
  SpinGuard g(sh.lock);
  uint32_t id = sh.by_addr.find(addr);
  if (!id) return;
  release(slot(slot_of(id)));
  sh.by_addr.erase(addr);
  if (auto* tag = tag_slot(addr, family)) tag->store(0, std::memory_order_relaxed);
}

LockState* LockRegistry::allocate(uintptr_t addr, uint8_t flags, uint32_t first_stack, uint32_t thread) {
  SpinGuard g(alloc_lock_);
  uint32_t id;
  if (!free_.empty()) {
    uint32_t old = free_.back();
    free_.pop_back();
    id = slot_of(old) | (((old >> kSlotBits) + 1) & 63) << kSlotBits;
  } else {
    id = next_slot_++;
    uint32_t c = id >> kSlotChunkBits;
    // Zeroed (an all-zero LockState is the empty one) and touched only as slots are used.
    if (!chunks_[c].load(std::memory_order_relaxed)) chunks_[c].store(map_slot_chunk(), std::memory_order_release);
  }
  LockState* st = slot(slot_of(id));
  st->addr = addr;
  st->flags = flags;
  st->first_stack = first_stack;
  st->first_thread = thread;
  st->id = id;  // last: publishes the slot to by_id()
  live_.fetch_add(1, std::memory_order_relaxed);
  return st;
}

// The id goes stale first (by_id fails from here on), then the owner retires it, and only then
// can the slot be handed out again: an edge being added concurrently for the old id is either
// removed by the retirement or refused by the owner's by_id check, never left on the new lock.
void LockRegistry::release(LockState* st) {
  uint32_t id = st->id;
  __atomic_store_n(&st->id, 0u, __ATOMIC_RELEASE);
  on_retire_(ctx_, id);
  SpinGuard g(alloc_lock_);
  free_.push_back(id);
  live_.fetch_sub(1, std::memory_order_relaxed);
}

void LockRegistry::lock_all() {
  for (Shard& s : shards_) s.lock.lock();
  alloc_lock_.lock();
}

void LockRegistry::unlock_all() {
  alloc_lock_.unlock();
  for (Shard& s : shards_) s.lock.unlock();
}

}  // namespace lockscope::rt
