// Thread two's half: stats_lock then registry_lock (registry.cpp has the opposite order). The
// inversion sits here: stats.cpp sorts after registry.cpp, so this is the cycle's last edge in
// source order. main() makes thread two wait for thread one, so the run never hangs.
#include <atomic>
#include <thread>

#include "registry.h"

namespace {
std::atomic<bool> registered{false};
}

void report_stats() {
  std::lock_guard<std::mutex> s(stats_lock);
  std::lock_guard<std::mutex> r(registry_lock);  // expect: lock-order-inversion
}

int main() {
  std::thread t1([] {
    register_user();
    registered = true;
  });
  std::thread t2([] {
    while (!registered) std::this_thread::yield();
    report_stats();
  });
  t1.join();
  t2.join();
  return 0;
}
