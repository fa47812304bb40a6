// std::timed_mutex acquired with try_lock_for can block, so it orders locks like lock() does.
#include <chrono>
#include <mutex>
#include <thread>

std::timed_mutex a;
std::mutex b;

void forward() {
  std::unique_lock<std::timed_mutex> la(a, std::chrono::seconds(1));
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::unique_lock<std::timed_mutex> la(a, std::chrono::seconds(1));  // expect: lock-order-inversion
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward);
  t2.join();
}
