// Reader and writer locks on data that is not a global, used correctly: main's local `cache` and
// `lookups` are captured by reference; the lookup threads only read the cache under the shared
// lock and count their hits in a local, and the refresher writes the cache holding the lock
// exclusively. Nothing may be reported.
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
    long found = 0;
    for (int i = 0; i < 1000; ++i) {
      std::shared_lock<std::shared_mutex> reading(cache_lock);
      if (cache.find(key) != cache.end()) ++found;
    }
    std::unique_lock<std::shared_mutex> writing(cache_lock);
    lookups += found;
  };
  auto refresh = [&] {
    for (int i = 0; i < 100; ++i) {
      std::unique_lock<std::shared_mutex> writing(cache_lock);
      cache["alpha"] = i;
    }
  };
  std::thread a(lookup, "alpha");
  std::thread b(lookup, "beta");
  std::thread r(refresh);
  a.join();
  b.join();
  r.join();
  std::printf("%ld lookups\n", lookups);
  return 0;
}
