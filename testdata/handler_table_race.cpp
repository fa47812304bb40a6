// Tutorial scenario: a dispatcher with a routing table (an HTTP server's handlers, an event
// bus): handlers are registered by name into a std::map and a vector of (prefix, handler)
// pairs, and two worker threads look them up and call them for each event. The "hit" handler
// bumps `hits` with no lock: two workers can run it at once, a data race. The "log" handler
// appends to `lines` under `log_mu`, and the tables are only changed before the workers start:
// both must stay silent.
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using Handler = std::function<void(int)>;

class Dispatcher {
 public:
  void on(const std::string& name, Handler h) { routes_[name] = std::move(h); }
  void on_prefix(std::string prefix, Handler h) { prefixes_.emplace_back(std::move(prefix), std::move(h)); }

  void dispatch(const std::string& name, int value) const {
    auto it = routes_.find(name);
    if (it != routes_.end()) it->second(value);
    for (const auto& [prefix, handler] : prefixes_)
      if (name.compare(0, prefix.size(), prefix) == 0) handler(value);
  }

 private:
  std::map<std::string, Handler> routes_;
  std::vector<std::pair<std::string, Handler>> prefixes_;
};

long hits;
std::mutex log_mu;
std::vector<int> lines;

int main() {
  Dispatcher d;
  d.on("hit", [](int) {
    ++hits;  // expect[static]: data-race
  });
  d.on_prefix("lo", [](int v) {
    std::lock_guard<std::mutex> lock(log_mu);
    lines.push_back(v);
  });
  auto worker = [&d](int id) {
    for (int i = 0; i < 100; ++i) {
      d.dispatch("hit", id);
      d.dispatch("log", i);
    }
  };
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
  std::printf("hits=%ld lines=%zu\n", hits, lines.size());
  return 0;
}
