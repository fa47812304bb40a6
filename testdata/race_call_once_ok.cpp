// Lazy initialisation done right: every worker calls std::call_once before it reads the
// configuration, so the one initialisation happens before every read, whichever thread runs
// it. The workers only read the configuration afterwards and add into an atomic. Nothing may be
// reported. (Contrast double_checked_init_race.cpp and race_call_once_race.cpp.)
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::once_flag config_once;
int config_workers = 0;
long config_limit = 0;
std::atomic<long> used{0};

void load_config() {
  config_workers = 4;
  config_limit = 1000;
}

void worker() {
  std::call_once(config_once, load_config);
  used.fetch_add(config_limit / config_workers);
}

void lambda_worker() {
  std::call_once(config_once, [] { config_workers = 4; });
  used.fetch_add(config_workers);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) workers.emplace_back(worker);
  workers.emplace_back(lambda_worker);
  for (std::thread& w : workers) w.join();
  std::printf("used %ld\n", used.load());
  return 0;
}
