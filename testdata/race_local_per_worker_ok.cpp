// A local per worker instance: three workers each declare `mine`, hand its address to a helper
// thread, join the helper, and then update `mine` themselves. Every worker's `mine` is its own
// object, reached only by the helper that worker started and joined before touching it again:
// nothing is shared between instances and nothing may be reported.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

void helper(long* slot) {
  for (int i = 0; i < 100; ++i) *slot += 1;
}

void worker() {
  long mine = 0;
  std::thread h(helper, &mine);
  h.join();
  mine += 1;
  std::printf("worker counted %ld\n", mine);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i) workers.emplace_back(worker);
  for (std::thread& w : workers) w.join();
  return 0;
}
