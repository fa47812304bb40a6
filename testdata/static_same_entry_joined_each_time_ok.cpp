// The entry of static_same_entry_twice_deadlock.cpp started twice in a loop, but each thread is
// joined before the next starts: the two orders are never held at the same time. The static half
// (closed world) stays silent; the runtime reports the inversion as sequential (this run cannot
// deadlock, the same calls made concurrently do: runtime/README.md, "Time").
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;

void swap_sides(bool flip) {
  if (!flip) {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    std::printf("a then b\n");
  } else {
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);  // expect[runtime]: lock-order-inversion
    std::printf("b then a\n");
  }
}

}  // namespace

int main() {
  for (int i = 0; i < 2; ++i) {
    std::thread t(swap_sides, i == 1);
    t.join();
  }
  return 0;
}
