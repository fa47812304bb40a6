// A real hang with a bystander: a third thread, holding nothing, queues on `a` behind the two
// deadlocked threads. Blocked inside the real lock it already lists `a` as held (the plain-mutex
// fast path records a first lock before the real call) but waits for nothing the shim publishes;
// the watchdog must still find that `first` holds `a` and report the deadlock instead of hanging.
// lockscope-test: timeout: 20
#include <barrier>
#include <mutex>
#include <thread>

std::mutex a, b;
std::barrier<> all_ready(3);

void queued() {
  all_ready.arrive_and_wait();
  std::lock_guard<std::mutex> la(a);  // blocks for good: `first` never releases `a`
}

void first() {
  std::lock_guard<std::mutex> la(a);
  all_ready.arrive_and_wait();
  std::lock_guard<std::mutex> lb(b);
}

void second() {
  std::lock_guard<std::mutex> lb(b);
  all_ready.arrive_and_wait();
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion, deadlock
}

int main() {
  // Created last, so the watchdog meets it first when looking for the holder of `a`.
  std::thread t1(first), t2(second), t3(queued);
  t1.join();
  t2.join();
  t3.join();
}
