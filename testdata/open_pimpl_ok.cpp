// A pimpl class that takes the implementation's lock in every method.
// lockscope-test: no-run
#include <map>
#include <memory>
#include <mutex>
#include <string>

class Cache {
 public:
  Cache();
  ~Cache();
  void put(const std::string& key, int value);
  void evict_all();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct Cache::Impl {
  std::mutex mu;
  std::map<std::string, int> entries;
  long size = 0;
};

Cache::Cache() : impl_(new Impl) {}
Cache::~Cache() = default;

void Cache::put(const std::string& key, int value) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->entries[key] = value;
  impl_->size += 1;
}

void Cache::evict_all() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->entries.clear();
  impl_->size = 0;
}
