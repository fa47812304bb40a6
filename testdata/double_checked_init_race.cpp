// Lazy initialisation done by hand instead of with std::call_once: ensure_loaded() tests a
// plain bool and, if it is false, writes the value and sets the bool, from four threads at once.
// Two threads can both see `false` and both write, and a thread can see the bool set before the
// value it guards. Both writes race (with the other threads' reads and writes of the same
// variables): one finding on each. (Contrast call_once_init_ok.cpp.)
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

bool config_loaded = false;
int config_workers = 0;
std::atomic<long> total{0};

int compute_workers() { return 4; }

void ensure_loaded() {
  if (!config_loaded) {
    config_workers = compute_workers();  // expect[static]: data-race
    config_loaded = true;  // expect[static]: data-race
  }
}

void worker() {
  ensure_loaded();
  total.fetch_add(config_workers);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back(worker);
  }
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("total %ld (16 expected)\n", total.load());
  return 0;
}
