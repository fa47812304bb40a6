// std::shared_mutex: a writer holds one and wants the other, a reader the reverse: a real cycle.
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <thread>

std::shared_mutex config, cache;
std::atomic<bool> written{false};

void writer() {
  std::unique_lock<std::shared_mutex> w(config);
  std::unique_lock<std::shared_mutex> c(cache);
}

void reader() {
  while (!written) std::this_thread::yield();
  std::shared_lock<std::shared_mutex> c(cache);
  std::unique_lock<std::shared_mutex> w(config);  // expect: lock-order-inversion
}

int main() {
  std::thread t2(reader);
  std::thread t1([] { writer(); written = true; });
  t1.join();
  t2.join();
}
