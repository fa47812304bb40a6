// Two threads take the same two std::mutexes in opposite orders, one after the other: the run never
// hangs, but the order inversion is reported (at the acquisition last in source order).
#include <mutex>
#include <thread>

std::mutex a, b;

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward);
  t2.join();
}
