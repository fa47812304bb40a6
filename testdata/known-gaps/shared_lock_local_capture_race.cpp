// A write under a reader lock on data that is not a global: main's local `hits` map and `lookups`
// counter are captured by reference by the lookup threads, which hold the cache's shared_mutex in
// SHARED mode and still bump the counter. Shared holders run together, so the lock excludes
// nothing between them: the write races with itself in the other lookup thread (one finding).
#include <cstdio>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

int main() {
  std::shared_mutex cache_lock;
  std::map<std::string, int> cache = {{"alpha", 1}, {"beta", 2}};
  long lookups = 0;
  auto lookup = [&](const std::string& key) {
    for (int i = 0; i < 1000; ++i) {
      std::shared_lock<std::shared_mutex> reading(cache_lock);
      auto it = cache.find(key);
      if (it != cache.end()) ++lookups;  // expect[static]: data-race
    }
  };
  std::thread a(lookup, "alpha");
  std::thread b(lookup, "beta");
  a.join();
  b.join();
  std::printf("%ld lookups\n", lookups);
  return 0;
}
