// The first task's result is awaited (get() joins it) before the second task starts, so the
// two opposite orders never overlap.
// The static half (closed world) stays silent; the runtime reports the inversion as sequential
// (this run cannot deadlock, the same calls made concurrently do: runtime/README.md, "Time").
#include <cstdio>
#include <future>
#include <mutex>

namespace {

std::mutex a;
std::mutex b;

int first() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  return 1;
}

int second() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect[runtime]: lock-order-inversion
  return 2;
}

}  // namespace

int main() {
  auto f1 = std::async(std::launch::async, first);
  int one = f1.get();
  auto f2 = std::async(std::launch::async, second);
  std::printf("%d\n", one + f2.get());
  return 0;
}
