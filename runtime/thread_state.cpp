#include "thread_state.h"

#include <cstdlib>
#include <cstring>

namespace lockscope::rt {

HeldEntry& ThreadState::grow_and_next_slot() {
  uint32_t n = held_count();
  {
    // Old arrays are never freed: the watchdog may be reading them. Growth is geometric, so the
    // leak is bounded by the largest array.
    uint32_t cap = held_cap * 2;
    auto* bigger = static_cast<HeldEntry*>(std::malloc(sizeof(HeldEntry) * cap));
    if (!bigger) std::abort();
    std::memcpy(static_cast<void*>(bigger), held_array(), sizeof(HeldEntry) * n);
    held.store(bigger, std::memory_order_release);
    held_cap = cap;
  }
  return held_array()[n];
}

void ThreadState::remove_middle(uint32_t i) {
  uint32_t n = held_count();
  HeldEntry* h = held_array();
  for (uint32_t j = i; j + 1 < n; ++j) h[j] = h[j + 1];
  held_n.store(n - 1, std::memory_order_release);
}

}  // namespace lockscope::rt
