// The floor a lock-order detector cannot go below, measured beside the shim in the same rounds
// (run.sh's "floor" variant). It is not a detector: it intercepts pthread_mutex_lock/unlock, keeps
// a per-thread stack of held addresses and records every held->acquired pair in one lock-free
// open-addressing set of 8-byte keys — no lock identity (a reused address is the same lock), no
// order, no cycle search, no stacks, no evidence, no reports. The set is pre-sized for the
// benchmark (2^21 slots, ~48% load at ~1M edges), so it never grows: the best case for it.
// Whatever the shim spends beyond this is the price of being a detector; whatever this spends is
// the price of remembering the edges at all.
#include <dlfcn.h>
#include <pthread.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using LockFn = int (*)(pthread_mutex_t*);
LockFn real_lock, real_unlock;

constexpr unsigned kSlotBits = 21;
constexpr size_t kSlots = size_t{1} << kSlotBits;
std::atomic<uint64_t>* edge_set;  // 0: empty slot
std::atomic<long> edge_count;  // counted only with FLOOR_VERBOSE: a shared counter costs a line transfer an edge
bool verbose;

struct Held {
  uintptr_t addr[64];
  int n;
};
thread_local Held held __attribute__((tls_model("initial-exec")));

__attribute__((constructor)) void start() {
  real_lock = reinterpret_cast<LockFn>(dlsym(RTLD_NEXT, "pthread_mutex_lock"));
  real_unlock = reinterpret_cast<LockFn>(dlsym(RTLD_NEXT, "pthread_mutex_unlock"));
  void* m = mmap(nullptr, kSlots * sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (!real_lock || !real_unlock || m == MAP_FAILED) std::abort();
  edge_set = static_cast<std::atomic<uint64_t>*>(m);
  verbose = std::getenv("FLOOR_VERBOSE") != nullptr;
}

// Printed so a run can be checked to have recorded what the shim records (~1M for new_edges).
__attribute__((destructor)) void finish() {
  if (verbose) std::fprintf(stderr, "floor: %ld edges\n", edge_count.load());
}

void add_edge(uintptr_t from, uintptr_t to) {
  uint64_t key = (uint64_t{static_cast<uint32_t>(from)} << 32) | static_cast<uint32_t>(to);
  size_t i = (key * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits);
  for (;; i = (i + 1) & (kSlots - 1)) {
    uint64_t seen = edge_set[i].load(std::memory_order_relaxed);
    if (seen == 0 && edge_set[i].compare_exchange_strong(seen, key)) {
      if (verbose) edge_count.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (seen == key) return;
  }
}

}  // namespace

extern "C" int pthread_mutex_lock(pthread_mutex_t* m) {
  auto addr = reinterpret_cast<uintptr_t>(m);
  for (int i = 0; i < held.n; ++i) add_edge(held.addr[i], addr);
  if (held.n < 64) held.addr[held.n++] = addr;
  return real_lock(m);
}

extern "C" int pthread_mutex_unlock(pthread_mutex_t* m) {
  auto addr = reinterpret_cast<uintptr_t>(m);
  for (int i = held.n; i-- > 0;)
    if (held.addr[i] == addr) {
      held.addr[i] = held.addr[--held.n];
      break;
    }
  return real_unlock(m);
}
