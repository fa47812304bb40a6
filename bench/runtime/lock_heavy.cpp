// Lock-heavy microbenchmark: 2 threads x 2M lock_guard on a few mutexes, with a consistent
// 3-lock nest every 8th iteration. Measures the shim's fast path (known edges, no new locks).
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex m[4];
long counter[4];

void work(int id) {
  for (int i = 0; i < 2000000; ++i) {
    int k = (i + id) & 3;
    if (i % 8 == 0) {
      std::lock_guard<std::mutex> a(m[0]);
      std::lock_guard<std::mutex> b(m[1]);
      std::lock_guard<std::mutex> c(m[2]);
      ++counter[0];
    } else {
      std::lock_guard<std::mutex> g(m[k]);
      ++counter[k];
    }
  }
}

int main() {
  std::thread t1(work, 0), t2(work, 1);
  t1.join();
  t2.join();
  std::printf("%ld\n", counter[0] + counter[1] + counter[2] + counter[3]);
}
