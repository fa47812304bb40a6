// Annotated std::atomic_flag spinlocks taken in one consistent order by two threads, plus a
// try-lock of the outer one while holding the inner one (a try never waits): silent.
#include <atomic>
#include <thread>

#include "../runtime/include/lockscope/annotations.h"

class SpinLock {
 public:
  SpinLock() { lockscope_lock_create(this, 0, nullptr); }
  ~SpinLock() { lockscope_lock_destroy(this); }
  void acquire() {
    lockscope_before_lock(this, 0);
    while (flag_.test_and_set(std::memory_order_acquire)) flag_.wait(true, std::memory_order_relaxed);
    lockscope_after_lock(this, 0, 1);
  }
  bool try_acquire() {
    lockscope_before_lock(this, LOCKSCOPE_TRY);
    bool ok = !flag_.test_and_set(std::memory_order_acquire);
    lockscope_after_lock(this, LOCKSCOPE_TRY, ok);
    return ok;
  }
  void release() {
    lockscope_before_unlock(this, 0);
    flag_.clear(std::memory_order_release);
    flag_.notify_one();
  }

 private:
  std::atomic_flag flag_;
};

SpinLock outer, inner;

void worker() {
  for (int i = 0; i < 1000; ++i) {
    outer.acquire();
    inner.acquire();
    inner.release();
    outer.release();
    inner.acquire();
    if (outer.try_acquire()) outer.release();
    inner.release();
  }
}

int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
