// A long-running program (a server) makes a lock-order inversion, then is stopped by SIGTERM, as
// `kill`, `timeout` or a CI runner would stop it: no exit handler runs, yet the inversion is
// reported and the JSON report written before the process ends by the signal (status 128+15).
// lockscope-test: status: 143
#include <signal.h>
#include <unistd.h>

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
  kill(getpid(), SIGTERM);
  for (;;) pause();
}
