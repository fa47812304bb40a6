// call_once orders the initialisation, not what comes after it: the workers initialise the
// statistics once (fine) and then each bumps `stats_hits` with no lock. The bump races with the
// other workers' bumps: one finding. The writes inside the once-function carry none.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::once_flag stats_once;
long stats_hits = 0;
long stats_base = 0;

void init_stats() {
  stats_base = 100;
  stats_hits = 0;
}

void worker() {
  std::call_once(stats_once, init_stats);
  for (int i = 0; i < 100; ++i) {
    stats_hits += 1;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) workers.emplace_back(worker);
  for (std::thread& w : workers) w.join();
  std::printf("hits %ld over base %ld\n", stats_hits, stats_base);
  return 0;
}
