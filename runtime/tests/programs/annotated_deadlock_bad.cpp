// A real hang on annotated spinlocks (lockscope/annotations.h): both threads take their first
// lock, meet at a barrier, then spin on each other's. The watchdog sees the annotated waits and
// reports the deadlock, ending the process, instead of spinning until the CI timeout.
// lockscope-test: timeout: 20
#include <atomic>
#include <barrier>
#include <thread>

#include "../../include/lockscope/annotations.h"

class SpinLock {
 public:
  explicit SpinLock(const char* name) { lockscope_lock_create(this, 0, name); }
  void lock() {
    lockscope_before_lock(this, 0);
    while (flag_.test_and_set(std::memory_order_acquire)) std::this_thread::yield();
    lockscope_after_lock(this, 0, 1);
  }
  void unlock() {
    lockscope_before_unlock(this, 0);
    flag_.clear(std::memory_order_release);
  }

 private:
  std::atomic_flag flag_;
};

SpinLock a("a"), b("b");
std::barrier<> both_hold(2);

void first() {
  a.lock();
  both_hold.arrive_and_wait();
  b.lock();
  b.unlock();
  a.unlock();
}

void second() {
  b.lock();
  both_hold.arrive_and_wait();
  a.lock();  // expect: lock-order-inversion, deadlock
  a.unlock();
  b.unlock();
}

int main() {
  std::thread t1(first), t2(second);
  t1.join();
  t2.join();
}
