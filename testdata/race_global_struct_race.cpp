// Fields of a shared global struct: the workers update `stats.requests` under `stats_mutex` but
// `stats.errors` without it. Only the unguarded field's write races (one finding); the guarded
// field carries none.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Stats {
  long requests = 0;
  long errors = 0;
};

Stats stats;
std::mutex stats_mutex;

void serve(int id) {
  for (int i = 0; i < 1000; ++i) {
    {
      std::lock_guard<std::mutex> hold(stats_mutex);
      stats.requests += 1;
    }
    if ((i + id) % 7 == 0) stats.errors += 1;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 3; ++id) workers.emplace_back(serve, id);
  for (std::thread& w : workers) w.join();
  std::printf("%ld requests, %ld errors\n", stats.requests, stats.errors);
  return 0;
}
