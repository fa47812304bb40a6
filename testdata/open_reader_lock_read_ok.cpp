// Readers only read under the shared lock; the writer takes it exclusively.
// lockscope-test: no-run
#include <map>
#include <mutex>
#include <shared_mutex>

class Config {
 public:
  int get(int key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = values_.find(key);
    return it == values_.end() ? 0 : it->second;
  }
  void set(int key, int value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    values_[key] = value;
    version_ += 1;
  }
  long version() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return version_;
  }

 private:
  mutable std::shared_mutex mu_;
  std::map<int, int> values_;
  long version_ = 0;
};

Config* make_config() { return new Config(); }
