// For the installed static checker only (never run): two threads that may run at the same time
// take a and b in opposite orders.
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
  std::thread t1(first), t2(second);
  t1.join();
  t2.join();
}
