#include "node_slots.h"

#include <sys/mman.h>

#include <cstdlib>

namespace lockscope::rt {

unsigned char* map_slot_chunk() {
  void* p = mmap(nullptr, kSlotChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) std::abort();
  return static_cast<unsigned char*>(p);
}

void unmap_slot_chunk(unsigned char* chunk) {
  if (chunk) munmap(chunk, kSlotChunkBytes);
}

}  // namespace lockscope::rt
