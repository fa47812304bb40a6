// Thread 1 takes a then b, thread 2 takes b then a. They run one after the other, so the program
// never hangs, but the lock order is inconsistent: the shim must report the cycle and exit 66,
// and the static checker must report it too.
#include <mutex>
#include <thread>

std::mutex a;
std::mutex b;

void first() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void second() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread t1(first);
  t1.join();
  std::thread t2(second);
  t2.join();
  return 0;
}
