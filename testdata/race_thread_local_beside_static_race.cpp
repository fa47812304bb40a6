// Two per-call counters in the same function: `local_calls` is thread_local (each worker owns
// one), `all_calls` is a function-local static (one for the whole program). Three workers bump
// both with no lock: only the static's increment races (one finding); the thread_local's
// carries none.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

long count_call() {
  thread_local long local_calls = 0;
  static long all_calls = 0;
  local_calls += 1;
  all_calls += 1;  // expect[static]: data-race
  return local_calls;
}

void work() {
  for (int i = 0; i < 1000; ++i) count_call();
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) workers.emplace_back(work);
  for (std::thread& w : workers) w.join();
  std::printf("main made %ld calls\n", count_call());
  return 0;
}
