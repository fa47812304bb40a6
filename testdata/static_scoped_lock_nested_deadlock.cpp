// std::scoped_lock takes its mutexes in no order (it avoids deadlock among them), but a lock
// taken while it holds them is ordered after both. Thread one holds {a, b} and takes c; thread
// two holds c and takes a. Thread two waits for thread one, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::mutex c;
std::atomic<bool> first_done{false};

void first() {
  {
    std::scoped_lock both(a, b);
    std::lock_guard<std::mutex> lc(c);
    std::printf("first has a, b and c\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lc(c);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
  std::printf("second has c and a\n");
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
