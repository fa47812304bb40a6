#pragma once
// One layout shared by the lock registry and the lock graph: a lock slot is one 64-byte line
// holding the lock's graph node (first 40 bytes) and its record (lock_registry.h), in chunks of
// 2^16 slots that never move. The lock fast path reads the record anyway; a new edge then finds
// both nodes already in cache. A constant layout (not a callback or a stride variable) keeps
// node lookups on the insertion path to a shift, a load and an add.
#include <cstddef>
#include <cstdint>

namespace lockscope::rt {

inline constexpr uint32_t kSlotChunkBits = 16;
inline constexpr uint32_t kSlotChunkMask = (1u << kSlotChunkBits) - 1;
inline constexpr size_t kSlotBytes = 64;
inline constexpr size_t kNodeBytes = 40;  // at offset 0 of a slot
inline constexpr size_t kSlotChunkBytes = kSlotBytes << kSlotChunkBits;

// A zeroed, lazily backed chunk (mmap: fresh pages are zero and cost nothing until touched).
unsigned char* map_slot_chunk();
void unmap_slot_chunk(unsigned char* chunk);

}  // namespace lockscope::rt
