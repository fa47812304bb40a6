// Tutorial scenario: active_count() kept by hand, without a lock. Each worker increments a
// plain `live_threads` when it starts and decrements it when it ends, from several threads at
// once: both read-modify-writes race (with each other and with themselves), so one finding
// belongs on each of the two write sites. main reads the count only after joining (no finding)
// and the peak is tracked in a std::atomic (never a race).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

int live_threads = 0;
std::atomic<int> peak{0};

void worker() {
  live_threads += 1;  // expect[static]: data-race
  int seen = live_threads;
  int previous = peak.load();
  while (seen > previous && !peak.compare_exchange_weak(previous, seen)) {
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  live_threads -= 1;  // expect[static]: data-race
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back(worker);
  }
  for (std::thread& t : threads) {
    t.join();
  }
  std::printf("live after join: %d, peak: %d\n", live_threads, peak.load());
  return 0;
}
