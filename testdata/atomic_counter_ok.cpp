// Counters shared by several threads done with std::atomic instead of a lock: `hits += 1` on a
// std::atomic<long> is one indivisible read-modify-write, fetch_add with relaxed order counts
// without ordering anything else, and an atomic<bool> tells the threads when to stop. No plain
// variable is shared, so there is nothing to race on: the analyzer must stay silent.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

std::atomic<long> hits{0};
std::atomic<long> relaxed_hits{0};
std::atomic<bool> stop{false};
std::atomic<long> spins{0};

void worker() {
  for (int i = 0; i < 10000; ++i) {
    hits += 1;
    relaxed_hits.fetch_add(1, std::memory_order_relaxed);
  }
}

void spinner() {
  while (!stop.load()) {
    spins.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::yield();
  }
}

}  // namespace

int main() {
  std::thread spin(spinner);
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back(worker);
  }
  for (std::thread& w : workers) {
    w.join();
  }
  stop.store(true);
  spin.join();
  std::printf("hits %ld, relaxed %ld\n", hits.load(), relaxed_hits.load());
  return 0;
}
