// Opposite orders in threads that can never overlap: the first is joined before the second is
// created, and main's own inversion comes after both joins. This run could not deadlock, and with
// concurrent_cycles_only=1 the shim reports only cycles a run could have hit: silent. (Without the
// option the cycle is reported as sequential: join_ordered_bad.cpp.)
// lockscope-test: runtime-options: concurrent_cycles_only=1
#include <mutex>
#include <thread>

std::mutex a, b;

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward);
  t2.join();
  forward();
  backward();
}
