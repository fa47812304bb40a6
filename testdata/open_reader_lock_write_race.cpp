// A lookup under a reader lock counts its hits: two readers hold the lock at once, so the write races.
// lockscope-test: no-run
#include <map>
#include <mutex>
#include <shared_mutex>

class Registry {
 public:
  int lookup(int key) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    hits_ += 1;  // expect: data-race
    auto it = table_.find(key);
    return it == table_.end() ? -1 : it->second;
  }
  void insert(int key, int value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[key] = value;
  }
  long hits() {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return hits_;
  }

 private:
  std::shared_mutex mu_;
  std::map<int, int> table_;
  long hits_ = 0;
};

Registry* make_registry() { return new Registry(); }
