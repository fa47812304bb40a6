// Tutorial scenario: the `with lock: counter += 1` fix. Every increment happens while holding
// counter_mutex (a lock_guard scope is Python's `with lock:` block), and main reads the counter
// only after joining every thread, so the analyzer must stay silent.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex counter_mutex;
long counter = 0;

void increment_many() {
  for (int i = 0; i < 10000; ++i) {
    std::lock_guard<std::mutex> hold(counter_mutex);
    counter += 1;
  }
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back(increment_many);
  }
  for (std::thread& t : threads) {
    t.join();
  }
  std::printf("counter = %ld\n", counter);
  return 0;
}
