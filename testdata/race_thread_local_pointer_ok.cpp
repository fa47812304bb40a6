// thread_local pointers, each pointing at its own thread's thread_local counter: every worker
// writes through its own `cursor` into its own `mine`. Nothing is shared; nothing may be
// reported. (What a thread_local pointer designates is not known statically, so the analysis
// stays silent about writes through one rather than guess.)
#include <cstdio>
#include <thread>
#include <vector>

namespace {

thread_local long mine = 0;
thread_local long* cursor = nullptr;

void claim() {
  cursor = &mine;
  for (int i = 0; i < 1000; ++i) {
    *cursor += 1;
  }
  std::printf("claimed %ld\n", mine);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) workers.emplace_back(claim);
  for (std::thread& w : workers) w.join();
  return 0;
}
