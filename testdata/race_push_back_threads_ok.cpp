// Threads kept in a vector through push_back(std::thread(...)) and joined in a range-for loop:
// the workers add under the mutex, and main resets and reads the total without it, but only
// before the first start and after the last join. Every access is guarded or ordered: nothing
// may be reported.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex total_mutex;
long total = 0;

void add_some() {
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> hold(total_mutex);
    total += 1;
  }
}

}  // namespace

int main() {
  total = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.push_back(std::thread(add_some));
  }
  for (std::thread& t : threads) {
    t.join();
  }
  std::printf("total %ld\n", total);
  total = 0;
  return 0;
}
