// Heap mutexes die (std::mutex's destructor calls nothing) and new ones are built at the same
// address, locked in the opposite order relative to a global: different locks, no cycle.
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <thread>

std::mutex global;

int main() {
  int reused = 0;
  void* previous = nullptr;
  for (int i = 0; i < 200; ++i) {
    auto* m = new std::mutex;
    if (m == previous) ++reused;
    if (i % 2 == 0) {
      std::lock_guard<std::mutex> g(global);
      std::lock_guard<std::mutex> l(*m);
    } else {
      std::thread t([m] {
        std::lock_guard<std::mutex> l(*m);
        std::lock_guard<std::mutex> g(global);
      });
      t.join();
    }
    previous = m;
    delete m;
  }
  // Placement: the very same storage, deterministically.
  alignas(std::mutex) unsigned char storage[sizeof(std::mutex)];
  auto* m1 = new (storage) std::mutex;
  {
    std::lock_guard<std::mutex> g(global);
    std::lock_guard<std::mutex> l(*m1);
  }
  m1->~mutex();
  auto* m2 = new (storage) std::mutex;
  {
    std::lock_guard<std::mutex> l(*m2);
    std::lock_guard<std::mutex> g(global);
  }
  if (reused == 0) {
    std::fprintf(stderr, "allocator never reused an address: the test shows nothing\n");
    return 3;
  }
}
