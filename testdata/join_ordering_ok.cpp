// Opposite lock orders on two threads that can never overlap. main starts the first thread
// (a then b) and JOINS it before it starts the second (b then a): the second thread is created
// after the first has ended, so the two acquisition orders never coexist and no deadlock is
// possible. A lock-order report here would be a false alarm; the analyzer must stay silent
// (thread creation and join order the threads, unlike a flag the threads spin on).
// The static half (closed world) stays silent; the runtime reports the inversion as sequential
// (this run cannot deadlock, the same calls made concurrently do: runtime/README.md, "Time").
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
long total = 0;

void a_then_b() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  total += 1;
}

void b_then_a() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect[runtime]: lock-order-inversion
  total += 2;
}

}  // namespace

int main() {
  std::thread first(a_then_b);
  first.join();
  std::thread second(b_then_a);
  second.join();
  std::printf("total = %ld\n", total);
  return 0;
}
