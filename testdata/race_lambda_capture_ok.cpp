// Lambdas that capture locals safely: the workers capture main's `sum` by reference but add to
// it under the mutex they also capture by reference; `base` is captured by copy, so each worker
// changes its own copy (a mutable lambda). main reads `sum` only after joining. Nothing may be
// reported.
#include <cstdio>
#include <mutex>
#include <thread>

int main() {
  long sum = 0;
  long base = 10;
  std::mutex sum_mutex;
  auto add = [&sum, &sum_mutex, base](int from) mutable {
    for (int i = from; i < from + 100; ++i) {
      base += 1;
      std::lock_guard<std::mutex> hold(sum_mutex);
      sum += i + base;
    }
  };
  std::thread low(add, 0);
  std::thread high(add, 100);
  base = 0;
  low.join();
  high.join();
  std::printf("sum %ld, base %ld\n", sum, base);
  return 0;
}
