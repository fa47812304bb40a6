// Flow-sensitivity through loops and branches: the worker takes `queue_lock` in a loop and, on
// some iterations only, takes `log_lock` while still holding it; the logger takes log_lock then
// queue_lock. The branch makes the edge queue_lock -> log_lock exist on some path, which is
// enough for a deadlock. The logger waits for the worker, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex queue_lock;
std::mutex log_lock;
std::atomic<bool> worker_done{false};

void worker() {
  for (int i = 0; i < 10; ++i) {
    std::lock_guard<std::mutex> q(queue_lock);
    if (i % 5 == 0) {
      std::lock_guard<std::mutex> l(log_lock);
      std::printf("item %d\n", i);
    }
  }
  worker_done = true;
}

void logger() {
  while (!worker_done) std::this_thread::yield();
  std::lock_guard<std::mutex> l(log_lock);
  std::lock_guard<std::mutex> q(queue_lock);  // expect: lock-order-inversion
  std::printf("logger flushed\n");
}

}  // namespace

int main() {
  std::thread t1(worker);
  std::thread t2(logger);
  t1.join();
  t2.join();
  return 0;
}
