// A program that makes a lock-order inversion and then dereferences a null pointer: the crash
// runs no exit handler, yet the inversion is reported and the JSON report written before the
// process dies by SIGSEGV (status 128+11).
// lockscope-test: status: 139
#include <sys/resource.h>

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

int* volatile nowhere = nullptr;

int main() {
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  std::thread t2(backward);
  std::thread t1([] {
    forward();
    first_done = true;
  });
  t1.join();
  t2.join();
  return *nowhere;
}
