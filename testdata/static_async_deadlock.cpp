// std::async with launch::async starts a thread. Two tasks take a and b in opposite orders; the
// second waits for the first, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

int first() {
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
  }
  first_done = true;
  return 1;
}

int second() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
  return 2;
}

}  // namespace

int main() {
  auto f1 = std::async(std::launch::async, first);
  auto f2 = std::async(std::launch::async, second);
  std::printf("%d\n", f1.get() + f2.get());
  return 0;
}
