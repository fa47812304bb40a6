// Per-thread scratch state: a thread_local counter and a thread_local buffer written by every
// worker at once. Each thread has its own copy, so nothing is shared and nothing may be
// reported; the shared total is added under a mutex.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

thread_local long calls = 0;
thread_local char scratch[64];
std::mutex total_mutex;
long total = 0;

void work(int id) {
  for (int i = 0; i < 100; ++i) {
    calls += 1;
    scratch[i % 64] = static_cast<char>('a' + id);
  }
  std::lock_guard<std::mutex> hold(total_mutex);
  total += calls;
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id) workers.emplace_back(work, id);
  for (std::thread& w : workers) w.join();
  std::printf("total %ld\n", total);
  return 0;
}
