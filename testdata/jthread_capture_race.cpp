// std::jthread workers sharing a local by reference: three jthreads capture `visits` by
// reference and increment it with no lock; they join automatically when the inner scope ends,
// and main reads the value only after that. The increments run at the same time on three threads:
// a data race, one finding on the write. The read after the scope (after the implicit joins)
// carries nothing.
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  long visits = 0;
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < 3; ++t) {
      workers.emplace_back([&visits] {
        for (int i = 0; i < 10000; ++i) {
          visits += 1;  // expect[static]: data-race
        }
      });
    }
  }
  std::printf("visits = %ld (30000 without the race)\n", visits);
  return 0;
}
