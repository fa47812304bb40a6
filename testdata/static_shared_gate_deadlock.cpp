// A lock both threads hold only in shared mode is no gate: readers pass each other, so both can
// be inside at once and the opposite orders of a and b below it can deadlock. (A statically
// visible cycle; the run orders the threads with a flag, and the runtime, whose gates are only
// locks held exclusively, reports it too.)
#include <atomic>
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace {

std::shared_mutex config;
std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void first() {
  {
    std::shared_lock<std::shared_mutex> g(config);
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    std::printf("first\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  std::shared_lock<std::shared_mutex> g(config);
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
  std::printf("second\n");
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
