// std::lock taking two mutexes at once, in opposite argument orders on two threads, in its two
// usual spellings: std::lock(a, b) followed by adopting lock_guards, and unique_locks built
// with defer_lock passed to std::lock(lb, la). std::lock never blocks on one mutex while holding
// another (it tries, backs off and retries), so the opposite orders cannot deadlock. The threads
// really run at once and the shared total is written while both locks are held: the analyzer
// must stay silent.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
long total = 0;

void adopt_style() {
  for (int i = 0; i < 2000; ++i) {
    std::lock(a, b);
    std::lock_guard<std::mutex> la(a, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b, std::adopt_lock);
    total += 1;
  }
}

void defer_style() {
  for (int i = 0; i < 2000; ++i) {
    std::unique_lock<std::mutex> lb(b, std::defer_lock);
    std::unique_lock<std::mutex> la(a, std::defer_lock);
    std::lock(lb, la);
    total += 2;
  }
}

}  // namespace

int main() {
  std::thread t1(adopt_style);
  std::thread t2(defer_style);
  t1.join();
  t2.join();
  std::printf("total = %ld (6000 expected)\n", total);
  return 0;
}
