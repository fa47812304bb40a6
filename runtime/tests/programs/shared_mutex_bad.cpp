// std::shared_mutex: a writer holds one and wants the other, a reader the reverse: a real cycle.
#include <mutex>
#include <shared_mutex>
#include <thread>

std::shared_mutex config, cache;

void writer() {
  std::unique_lock<std::shared_mutex> w(config);
  std::unique_lock<std::shared_mutex> c(cache);
}

void reader() {
  std::shared_lock<std::shared_mutex> c(cache);
  std::unique_lock<std::shared_mutex> w(config);  // expect: lock-order-inversion
}

int main() {
  std::thread t1(writer);
  t1.join();
  std::thread t2(reader);
  t2.join();
}
