// Per-thread counters with thread_local: record_call() bumps `calls`, a thread_local, so every
// thread (main included) increments its own copy; each worker publishes its final count into a
// std::atomic once. The plain `calls += 1` is never shared between threads, so the analyzer must
// stay silent; a report would mean it treated a thread_local like a global.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

thread_local long calls = 0;
std::atomic<long> total_calls{0};

void record_call() {
  calls += 1;
}

void worker(int n) {
  for (int i = 0; i < n; ++i) {
    record_call();
  }
  total_calls.fetch_add(calls);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 1; t <= 4; ++t) {
    workers.emplace_back(worker, t * 1000);
  }
  record_call();
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("workers made %ld calls, main made %ld\n", total_calls.load(), calls);
  return 0;
}
