// Fields of a shared global struct, each with its own discipline: `requests` under
// `stats_mutex`, `errors` under `error_mutex`, `peak` written only by main before the workers
// start. Each field is consistently guarded or ordered: nothing may be reported.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Stats {
  long requests = 0;
  long errors = 0;
  long peak = 0;
};

Stats stats;
std::mutex stats_mutex;
std::mutex error_mutex;

void serve(int id) {
  for (int i = 0; i < 1000; ++i) {
    {
      std::lock_guard<std::mutex> hold(stats_mutex);
      stats.requests += stats.peak;
    }
    if ((i + id) % 7 == 0) {
      std::lock_guard<std::mutex> hold(error_mutex);
      stats.errors += 1;
    }
  }
}

}  // namespace

int main() {
  stats.peak = 2;
  std::vector<std::thread> workers;
  for (int id = 0; id < 3; ++id) workers.emplace_back(serve, id);
  for (std::thread& w : workers) w.join();
  std::printf("%ld requests, %ld errors\n", stats.requests, stats.errors);
  return 0;
}
