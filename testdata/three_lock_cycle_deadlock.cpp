// A deadlock cycle through three locks and three threads: the first takes a then b, the second
// b then c, the third c then a. No two threads invert a pair, yet a -> b -> c -> a is a cycle:
// if each thread held its first lock, all three would wait forever. So the run ends, the threads
// take turns through an atomic counter (each starts after the previous released its locks); the
// lock-order graph does not care. One lock-order-inversion belongs on the cycle acquisition that
// comes last in the file: the third thread's lock of a.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::mutex c;
std::atomic<int> turn{0};

void wait_for_turn(int mine) {
  while (turn.load() != mine) {
    std::this_thread::yield();
  }
}

void first() {
  wait_for_turn(0);
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
  }
  turn.store(1);
}

void second() {
  wait_for_turn(1);
  {
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> lc(c);
  }
  turn.store(2);
}

void third() {
  wait_for_turn(2);
  std::lock_guard<std::mutex> lc(c);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

}  // namespace

int main() {
  std::thread t3(third);
  std::thread t2(second);
  std::thread t1(first);
  t1.join();
  t2.join();
  t3.join();
  std::printf("all three threads took their turn\n");
  return 0;
}
