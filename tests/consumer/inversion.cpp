// The classic inversion: thread 1 takes a then b, thread 2 takes b then a. The threads run at the
// same time, but thread 2 waits (on an atomic flag, which orders no locks) until thread 1 has
// released both, so the program never hangs. The shim must still report the cycle and exit 66;
// the static checker must report it too.
#include <atomic>
#include <mutex>
#include <thread>

std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void first() {
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
  }
  first_done.store(true);
}

void second() {
  while (!first_done.load()) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread t1(first), t2(second);
  t1.join();
  t2.join();
  return 0;
}
