// Three threads in a ring (a->b, b->c, c->a) each take their first lock, meet, and block: a
// three-thread deadlock, reported by the watchdog; the cycle itself is reported as well.
// lockscope-test: timeout: 20
#include <barrier>
#include <mutex>
#include <thread>

std::mutex a, b, c;
std::barrier<> all_hold(3);

void ring(std::mutex& first, std::mutex& second) {
  std::lock_guard<std::mutex> l1(first);
  all_hold.arrive_and_wait();
  std::lock_guard<std::mutex> l2(second);  // expect: lock-order-inversion, deadlock
}

int main() {
  std::thread t1(ring, std::ref(a), std::ref(b));
  std::thread t2(ring, std::ref(b), std::ref(c));
  std::thread t3(ring, std::ref(c), std::ref(a));
  t1.join();
  t2.join();
  t3.join();
}
