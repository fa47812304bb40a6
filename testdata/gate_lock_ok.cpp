// Opposite lock orders that cannot deadlock because of a gate lock: both threads take `gate`
// first, and only then a/b (one a then b, the other b then a). Whoever holds the gate is the only
// thread that can be taking a or b, so the a/b cycle can never be waited on by two threads at
// once. The threads really run at once, many times. The lock-order graph contains a <-> b, but
// every edge of that cycle was made under the same gate: the analyzer must stay silent
// (ThreadSanitizer reports this pattern; that is a false alarm).
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex gate;
std::mutex a;
std::mutex b;
long total = 0;

void a_then_b() {
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> g(gate);
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    total += 1;
  }
}

void b_then_a() {
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> g(gate);
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);
    total += 2;
  }
}

}  // namespace

int main() {
  std::thread t1(a_then_b);
  std::thread t2(b_then_a);
  t1.join();
  t2.join();
  std::printf("total = %ld\n", total);
  return 0;
}
