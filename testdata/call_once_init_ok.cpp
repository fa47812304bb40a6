// Lazy initialisation with std::call_once: every thread calls config(), which runs
// load_config() exactly once (in whichever thread comes first) and makes every other caller
// wait until it has finished; the writes in load_config() therefore happen before every read
// that follows a call_once return. Nobody writes the configuration afterwards, so the analyzer
// must stay silent: call_once is synchronization, not an unguarded write.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Config {
  int worker_count = 0;
  std::string name;
};

std::once_flag config_once;
Config loaded;
std::atomic<int> loads{0};

void load_config() {
  loads.fetch_add(1);
  loaded.worker_count = 4;
  loaded.name = "tutorial";
}

const Config& config() {
  std::call_once(config_once, load_config);
  return loaded;
}

std::atomic<long> name_lengths{0};

void worker() {
  const Config& c = config();
  name_lengths.fetch_add(static_cast<long>(c.name.size()) * c.worker_count);
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
  std::printf("loaded %d time(s), total %ld\n", loads.load(), name_lengths.load());
  return 0;
}
