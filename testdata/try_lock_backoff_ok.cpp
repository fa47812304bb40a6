// Opposite lock orders made safe by try_lock back-off. The first thread takes a then b with
// blocking locks; the second holds b and only TRIES a: when a is busy it releases b, yields and
// starts over. The second thread therefore never waits for a while holding b, so no wait cycle
// can form; the two threads really run at once, many times. A try-acquired lock closes no
// deadlock cycle, and the shared total is written while both locks are held: the analyzer must
// stay silent.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
long total = 0;
long backoffs = 0;  // written by the second thread only, under b

void blocking_a_then_b() {
  for (int i = 0; i < 2000; ++i) {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    total += 1;
  }
}

void b_then_try_a() {
  for (int i = 0; i < 2000; ++i) {
    for (;;) {
      std::unique_lock<std::mutex> lb(b);
      std::unique_lock<std::mutex> la(a, std::try_to_lock);
      if (la.owns_lock()) {
        total += 1;
        break;
      }
      backoffs += 1;
      lb.unlock();
      std::this_thread::yield();
    }
  }
}

}  // namespace

int main() {
  std::thread t1(blocking_a_then_b);
  std::thread t2(b_then_try_a);
  t1.join();
  t2.join();
  std::printf("total = %ld, back-offs = %ld\n", total, backoffs);
  return 0;
}
