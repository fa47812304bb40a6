#include "block_arena.h"

#include <cstdlib>
#include <cstring>

namespace lockscope::rt {

// The largest even class (a hashed out-list) holds 2^26 edges at 3/4 load; in-lists stay below.
static_assert(BlockArena::words(BlockArena::kClasses - 2) / 2 * 3 / 4 >= (uint64_t{1} << 26));

BlockArena::~BlockArena() {
  for (uint32_t* c : chunks_) std::free(c);
  // Large blocks still in use belong to their owner's lists, which free them first.
  for (uint8_t c = 0; c < kClasses; ++c)
    if (words(c) > kChunkWords / 4)
      for (uint32_t* b = free_[c]; b;) {
        uint32_t* next;
        std::memcpy(&next, b, sizeof next);
        std::free(b);
        b = next;
      }
}

uint8_t BlockArena::class_for(uint64_t n) {
  uint8_t c = 0;
  while (words(c) < n) ++c;
  return c;
}

uint32_t* BlockArena::allocate(uint8_t size_class) {
  if (size_class >= kClasses) std::abort();  // see kClasses: cannot happen with 26-bit node ids
  if (uint32_t* b = free_[size_class]) {
    std::memcpy(&free_[size_class], b, sizeof(uint32_t*));
    free_bytes_ -= words(size_class) * sizeof(uint32_t);
    return b;
  }
  size_t n = words(size_class);
  if (n > kChunkWords / 4) {  // large: its own allocation (a rare hub lock)
    auto* b = static_cast<uint32_t*>(std::malloc(n * sizeof(uint32_t)));
    if (!b) std::abort();
    reserved_ += n * sizeof(uint32_t);
    return b;
  }
  if (chunk_used_ + n > kChunkWords) {
    // The tail of the old chunk is left unused: at most a quarter chunk, once per chunk.
    auto* c = static_cast<uint32_t*>(std::malloc(kChunkWords * sizeof(uint32_t)));
    if (!c) std::abort();
    chunks_.push_back(c);
    chunk_used_ = 0;
    reserved_ += kChunkWords * sizeof(uint32_t);
  }
  uint32_t* b = chunks_.back() + chunk_used_;
  chunk_used_ += n;
  return b;
}

void BlockArena::free(uint32_t* block, uint8_t size_class) {
  if (!block) return;
  std::memcpy(block, &free_[size_class], sizeof(uint32_t*));
  free_[size_class] = block;
  free_bytes_ += words(size_class) * sizeof(uint32_t);
}

}  // namespace lockscope::rt
