// The classic two-lock deadlock: thread 1 takes A then B, thread 2 takes B then A. If each
// gets its first lock before the other gets its second, both wait forever. So that this program
// still ends on its own, thread 2 waits (on an atomic flag) until thread 1 has released both
// locks; the two threads are still concurrent as far as lock order is concerned, and the
// runtime sees both orders happen. One lock-order-inversion belongs on the cycle's acquisition
// that comes last in the file: thread 2's `la` line.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> thread1_done{false};

void thread1() {
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    std::printf("thread1 has a and b\n");
  }
  thread1_done.store(true);
}

void thread2() {
  while (!thread1_done.load()) {
    std::this_thread::yield();
  }
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
  std::printf("thread2 has b and a\n");
}

}  // namespace

int main() {
  std::thread t1(thread1);
  std::thread t2(thread2);
  t1.join();
  t2.join();
  return 0;
}
