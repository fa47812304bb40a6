// Flow-sensitivity: every path releases queue_lock before log_lock is taken. The early return
// leaves with the guard's scope; the loop unlocks before the next iteration; the last block
// unlocks explicitly before logging. A path-insensitive "locks held somewhere in the function"
// view would see queue_lock -> log_lock and, with the logger's order, a false cycle.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex queue_lock;
std::mutex log_lock;

void worker(int n) {
  {
    std::unique_lock<std::mutex> q(queue_lock);
    if (n == 0) return;
    q.unlock();
  }
  for (int i = 0; i < n; ++i) {
    queue_lock.lock();
    if (i == 3) {
      queue_lock.unlock();
      continue;
    }
    queue_lock.unlock();
  }
  std::lock_guard<std::mutex> l(log_lock);
  std::printf("worker logged %d\n", n);
}

void logger() {
  std::lock_guard<std::mutex> l(log_lock);
  std::lock_guard<std::mutex> q(queue_lock);
  std::printf("logger flushed\n");
}

}  // namespace

int main() {
  std::thread t1(worker, 5);
  std::thread t2(logger);
  t1.join();
  t2.join();
  return 0;
}
