// A spinlock on std::atomic_flag, invisible to the shim's interceptors, annotated with
// lockscope/annotations.h. Two threads alive at the same time take two of them in opposite
// orders (a flag keeps the run from hanging): the runtime reports the inversion at the call
// site, not inside SpinLock::lock. The static half does not know these are locks.
#include <atomic>
#include <thread>

#include "../runtime/include/lockscope/annotations.h"

class SpinLock {
 public:
  explicit SpinLock(const char* name) { lockscope_lock_create(this, 0, name); }
  ~SpinLock() { lockscope_lock_destroy(this); }
  void acquire() {
    lockscope_before_lock(this, 0);
    while (flag_.test_and_set(std::memory_order_acquire)) flag_.wait(true, std::memory_order_relaxed);
    lockscope_after_lock(this, 0, 1);
  }
  void release() {
    lockscope_before_unlock(this, 0);
    flag_.clear(std::memory_order_release);
    flag_.notify_one();
  }

 private:
  std::atomic_flag flag_;
};

SpinLock queue_lock("queue_lock"), stats_lock("stats_lock");
std::atomic<bool> first_done{false};

void enqueue() {
  queue_lock.acquire();
  stats_lock.acquire();
  stats_lock.release();
  queue_lock.release();
}

void report_stats() {
  while (!first_done) std::this_thread::yield();
  stats_lock.acquire();
  queue_lock.acquire();  // expect[runtime]: lock-order-inversion
  queue_lock.release();
  stats_lock.release();
}

int main() {
  std::thread reporter(report_stats);
  std::thread producer([] {
    enqueue();
    first_done = true;
  });
  producer.join();
  reporter.join();
}
