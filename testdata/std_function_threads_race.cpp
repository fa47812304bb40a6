// Tutorial scenario: one callback, held in a std::function, handed to two threads with
// std::ref and called by both. The callback adds into `sum` with no lock: a data race. The
// second callback, `count_locked`, takes `m` around its update and must stay silent.
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>

void call_many(std::function<void(int)>& callback) {
  for (int i = 0; i < 1000; ++i) callback(i);
}

int main() {
  long sum = 0;
  long counted = 0;
  std::mutex m;
  std::function<void(int)> add = [&sum](int v) {
    sum += v;  // expect[static]: data-race
  };
  std::function<void(int)> count_locked = [&counted, &m](int) {
    std::lock_guard<std::mutex> lock(m);
    ++counted;
  };
  std::thread t1(call_many, std::ref(add));
  std::thread t2(call_many, std::ref(add));
  std::thread t3(call_many, std::ref(count_locked));
  std::thread t4(call_many, std::ref(count_locked));
  t1.join();
  t2.join();
  t3.join();
  t4.join();
  std::printf("sum=%ld counted=%ld\n", sum, counted);
  return 0;
}
