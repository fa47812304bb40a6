// One field, two locks: set() writes the limit under the config lock, reset() under the stats lock.
// Neither keeps the other out.
// lockscope-test: no-run
#include <mutex>

class Throttle {
 public:
  void set(int limit) {
    std::lock_guard<std::mutex> g(config_mu_);
    limit_ = limit;  // expect: data-race
  }
  void reset() {
    std::lock_guard<std::mutex> g(stats_mu_);
    limit_ = 0;  // expect: data-race
    dropped_ = 0;
  }

 private:
  std::mutex config_mu_, stats_mu_;
  int limit_ = 0;
  int dropped_ = 0;
};

Throttle* make_throttle() { return new Throttle(); }
