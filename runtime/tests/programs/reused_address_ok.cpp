// Heap mutexes die (std::mutex's destructor calls nothing) and new ones are built at the same
// address. Main locks global -> m, frees m; the next mutex, at the same address, is handed to a
// worker running alongside, which locks it -> global. Different locks: no cycle.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <new>
#include <thread>

std::mutex global;
std::atomic<std::mutex*> handed{nullptr};
std::atomic<bool> done{false};

void worker() {
  for (;;) {
    std::mutex* m = handed.load();
    if (!m) {
      if (done) return;
      std::this_thread::yield();
      continue;
    }
    {
      std::lock_guard<std::mutex> l(*m);
      std::lock_guard<std::mutex> g(global);
    }
    handed = nullptr;
  }
}

int main() {
  std::thread w(worker);
  int reused = 0;
  for (int i = 0; i < 100; ++i) {
    auto* m = new std::mutex;
    {
      std::lock_guard<std::mutex> g(global);
      std::lock_guard<std::mutex> l(*m);
    }
    void* old = m;
    delete m;
    auto* next = new std::mutex;
    if (next == old) ++reused;
    handed = next;
    while (handed.load()) std::this_thread::yield();
    delete next;
  }
  // Placement: the very same storage, deterministically.
  alignas(std::mutex) unsigned char storage[sizeof(std::mutex)];
  auto* m1 = new (storage) std::mutex;
  {
    std::lock_guard<std::mutex> g(global);
    std::lock_guard<std::mutex> l(*m1);
  }
  m1->~mutex();
  handed = new (storage) std::mutex;
  while (handed.load()) std::this_thread::yield();
  done = true;
  w.join();
  if (reused == 0) {
    std::fprintf(stderr, "allocator never reused an address: the test shows nothing\n");
    return 3;
  }
}
