// Recursive re-entry in one thread: holding `registry` (recursive), it takes `entry`, then calls
// back into code that re-enters `registry`. The re-entry waits for nothing (the thread owns it),
// so it is no order entry -> registry: silent.
#include <mutex>
#include <thread>

std::recursive_mutex registry;
std::mutex entry;

void count_entries() { std::lock_guard<std::recursive_mutex> r(registry); }

void update() {
  std::lock_guard<std::recursive_mutex> r(registry);
  std::lock_guard<std::mutex> e(entry);
  count_entries();
}

int main() {
  update();
  std::thread(update).join();
}
