// A local captured by reference in the threads' lambda: two workers add into main's `sum`
// through their [&sum] capture with no lock, and main peeks at it before joining. The workers'
// increment races (one finding). main's read before the joins is a read (it carries none) and
// main's read after the joins is ordered.
#include <cstdio>
#include <thread>

int main() {
  long sum = 0;
  auto add = [&sum](int from) {
    for (int i = from; i < from + 100; ++i) {
      sum += i;  // expect[static]: data-race
    }
  };
  std::thread low(add, 0);
  std::thread high(add, 100);
  std::printf("partial %ld\n", sum);
  low.join();
  high.join();
  std::printf("sum %ld\n", sum);
  return 0;
}
