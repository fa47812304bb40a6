// Two threads alive at the same time take the same two std::mutexes in opposite orders. A flag
// makes the second wait until the first is done, so the run never hangs; the inversion is still
// reported (at the acquisition last in source order).
#include <atomic>
#include <mutex>
#include <thread>

std::mutex a, b;
std::atomic<bool> first_done{false};

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

int main() {
  std::thread t2(backward);
  std::thread t1([] {
    forward();
    first_done = true;
  });
  t1.join();
  t2.join();
}
