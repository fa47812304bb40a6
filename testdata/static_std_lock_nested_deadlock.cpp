// std::lock(a, b) orders nothing between a and b, but c taken while both are held comes after
// them; thread two holds c and takes b. Thread two waits for thread one, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::mutex c;
std::atomic<bool> first_done{false};

void first() {
  {
    std::lock(a, b);
    std::lock_guard<std::mutex> la(a, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b, std::adopt_lock);
    std::lock_guard<std::mutex> lc(c);
    std::printf("first has a, b and c\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lc(c);
  std::lock_guard<std::mutex> lb(b);  // expect: lock-order-inversion
  std::printf("second has c and b\n");
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
