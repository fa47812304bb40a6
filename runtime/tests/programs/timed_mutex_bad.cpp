// std::timed_mutex acquired with try_lock_for can block, so it orders locks like lock() does.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

std::timed_mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void forward() {
  std::unique_lock<std::timed_mutex> la(a, std::chrono::seconds(1));
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::unique_lock<std::timed_mutex> la(a, std::chrono::seconds(1));  // expect: lock-order-inversion
}

int main() {
  std::thread t2(backward);
  std::thread t1([] { forward(); first_done = true; });
  t1.join();
  t2.join();
}
