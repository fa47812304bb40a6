// A try_lock adds no order by itself (it never waits), but the lock it took is held: a blocking
// acquisition after it is ordered after it. Thread two try-locks b and, on success, blocks on a
// while holding b; thread one holds a and takes b. Thread two waits for thread one first.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void first() {
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    std::printf("first has a and b\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  if (b.try_lock()) {
    a.lock();  // expect: lock-order-inversion
    std::printf("second has b and a\n");
    a.unlock();
    b.unlock();
  }
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
