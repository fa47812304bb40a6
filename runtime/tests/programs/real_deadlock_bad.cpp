// A real hang: both threads take their first lock, meet at a barrier, then block on each other's.
// The watchdog reports the deadlock within a few seconds and ends the process with the findings
// status, instead of hanging until the CI timeout. The inversion itself is reported as well.
// lockscope-test: timeout: 20
#include <barrier>
#include <mutex>
#include <thread>

std::mutex a, b;
std::barrier<> both_hold(2);

void first() {
  std::lock_guard<std::mutex> la(a);
  both_hold.arrive_and_wait();
  std::lock_guard<std::mutex> lb(b);
}

void second() {
  std::lock_guard<std::mutex> lb(b);
  both_hold.arrive_and_wait();
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion, deadlock
}

int main() {
  std::thread t1(first), t2(second);
  t1.join();
  t2.join();
}
