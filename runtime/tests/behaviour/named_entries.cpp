// Two functions passed straight to std::thread take two locks in opposite orders. Built with
// optimization, libstdc++ inlines its invoke machinery into the thread's start routine: the report
// must still name the user's functions as the thread entries, not std::__invoke_impl.
#include <atomic>
#include <mutex>
#include <thread>

std::mutex a, b;
std::atomic<bool> first_done{false};

__attribute__((noinline)) void first_worker() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  first_done = true;
}

__attribute__((noinline)) void second_worker() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread t2(second_worker);
  std::thread t1(first_worker);
  t1.join();
  t2.join();
}
