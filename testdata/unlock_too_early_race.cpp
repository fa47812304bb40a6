// A lock released one statement too early: record() takes the mutex to read the running
// maximum, unlocks the unique_lock, and only then updates the shared total. The read is
// guarded; the write to `total` is not, and four threads run record() at once: a data race, one
// finding on that write. The write to `largest`, made while the lock is still held, is guarded
// and must not be reported.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex stats_mutex;
long largest = 0;
long total = 0;

void record(long value) {
  std::unique_lock<std::mutex> hold(stats_mutex);
  if (value > largest) largest = value;
  hold.unlock();
  total += value;  // expect[static]: data-race
}

void worker(int id) {
  for (int i = 0; i < 1000; ++i) {
    record(id * 1000L + i);
  }
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id) {
    workers.emplace_back(worker, id);
  }
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("largest %ld, total %ld\n", largest, total);
  return 0;
}
