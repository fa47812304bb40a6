// The second unit keeps registry.cpp's order (registry_lock, then stats_lock): silent.
#include <thread>

#include "registry.h"

void report_stats() {
  std::lock_guard<std::mutex> r(registry_lock);
  std::lock_guard<std::mutex> s(stats_lock);
}

int main() {
  std::thread t1(register_user);
  std::thread t2(report_stats);
  t1.join();
  t2.join();
  return 0;
}
