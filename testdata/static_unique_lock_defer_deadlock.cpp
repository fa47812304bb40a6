// unique_lock with defer_lock takes nothing at construction; the later lock() calls do, in the
// order written. Thread two locks b's guard then a's: the inversion sits on `la.lock()`.
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
    std::unique_lock<std::mutex> la(a);
    std::unique_lock<std::mutex> lb(b);
    std::printf("first has a and b\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  std::unique_lock<std::mutex> la(a, std::defer_lock);
  std::unique_lock<std::mutex> lb(b, std::defer_lock);
  lb.lock();
  la.lock();  // expect: lock-order-inversion
  std::printf("second has b and a\n");
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
