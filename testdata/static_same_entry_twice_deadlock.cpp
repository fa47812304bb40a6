// One entry function, started twice: two instances of the same code can hold the two orders at
// once. swap_sides(flip) takes a then b, or b then a when flipped; it is started in a loop of two
// threads. The second instance waits for the first, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex a;
std::mutex b;
std::atomic<int> finished{0};

void swap_sides(bool flip) {
  if (!flip) {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    std::printf("a then b\n");
  } else {
    while (finished.load() == 0) std::this_thread::yield();
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
    std::printf("b then a\n");
  }
  finished += 1;
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) threads.emplace_back(swap_sides, i == 1);
  for (auto& t : threads) t.join();
  return 0;
}
