#pragma once
// Lock address -> lock id, for the registry (lock_registry.h): a flat open-addressing table with
// linear probing, addresses and ids in two arrays (12 bytes an entry, no node allocation, one
// probe usually one cache line). A std::unordered_map here cost a malloc'ed node per lock and two
// dependent misses on a lock's first use; with 100k locks it was ~3.6 MB.
// Not thread-safe: the registry holds the shard's lock.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lockscope::rt {

class AddrMap {
 public:
  // The id stored for `addr`, or 0. Addresses are never 0 (a lock's address).
  uint32_t find(uintptr_t addr) const;
  // Stores addr -> id (id != 0), replacing an existing entry.
  void put(uintptr_t addr, uint32_t id);
  // Removes addr; false when absent.
  bool erase(uintptr_t addr);
  size_t size() const { return used_; }

 private:
  // A full mix (murmur3's finaliser), not one multiply: the registry picks the shard from a
  // multiplicative hash of the same address, so its top bits are nearly constant within a table.
  // Mapped onto [0, size) by a multiply-shift (any size, not only powers of two: see grow()).
  size_t home(uintptr_t addr) const {
    uint64_t h = addr;
    h ^= h >> 33, h *= 0xFF51AFD7ED558CCDull, h ^= h >> 33, h *= 0xC4CEB9FE1A85EC53ull, h ^= h >> 33;
    return static_cast<size_t>((static_cast<unsigned __int128>(h) * addrs_.size()) >> 64);
  }
  size_t next(size_t i) const { return i + 1 == addrs_.size() ? 0 : i + 1; }
  size_t slot_of(uintptr_t addr) const;  // where addr is, or the empty slot where it would go
  void grow();

  std::vector<uintptr_t> addrs_;  // 0: empty
  std::vector<uint32_t> ids_;
  size_t used_ = 0;
};

}  // namespace lockscope::rt
