#pragma once
// Storage for the lock graph's adjacency lists: blocks of 4-byte words in size classes that grow
// by 1.5x and 1.33x alternately (4, 6, 8, 12, 16, 24, ... words), carved from 64 KiB chunks with no
// per-block header, freed blocks kept on one free list per class for the next list that grows into
// that class. Why not std::vector: doubling leaves lists ~25% empty on average and malloc adds a
// 16-byte header and rounding to each of them; with ~1M edges spread over ~100k locks that slack
// was larger than the edges themselves. Blocks too large for a chunk come from malloc.
// Not thread-safe: the graph's owner serializes calls (the detector's graph lock).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lockscope::rt {

class BlockArena {
 public:
  // Up to 6 << 29 words: more than any list can hold (lock slots are 26-bit, so a node has at
  // most 2^26 edges each way, and a hashed out-list of them needs 2^28 words).
  static constexpr uint32_t kClasses = 60;
  BlockArena() = default;
  BlockArena(const BlockArena&) = delete;
  BlockArena& operator=(const BlockArena&) = delete;
  ~BlockArena();

  // Capacity in words of a size class.
  static constexpr uint64_t words(uint8_t size_class) {
    return (size_class & 1 ? uint64_t{6} : uint64_t{4}) << (size_class / 2);
  }
  // The smallest class holding at least `n` words.
  static uint8_t class_for(uint64_t n);
  // A block of words(size_class) words, uninitialised.
  uint32_t* allocate(uint8_t size_class);
  void free(uint32_t* block, uint8_t size_class);
  // Bytes taken from the system (chunks and large blocks), for tests and benchmarks.
  size_t reserved_bytes() const { return reserved_; }
  // Bytes of reserved memory sitting in free lists (reserved - free - chunk tails = in use).
  size_t free_bytes() const { return free_bytes_; }

 private:
  static constexpr size_t kChunkWords = 16384;  // 64 KiB
  uint32_t* free_[kClasses] = {};               // intrusive lists: a free block's first 8 bytes link to the next
  std::vector<uint32_t*> chunks_;
  size_t chunk_used_ = kChunkWords;  // words used in chunks_.back()
  size_t reserved_ = 0;
  size_t free_bytes_ = 0;
};

}  // namespace lockscope::rt
