// lockscope-test: no-run
// The second tutorial's thread1/thread2 functions, ported as written: thread1 takes a, sleeps,
// takes b; thread2 takes b, sleeps, takes a. With the sleeps, each thread almost always holds
// its first lock when it asks for its second, so running this really hangs; it is therefore
// checked statically only (no-run). The static checker must report the a/b inversion once, on
// the cycle acquisition that comes last in the file: thread2's `a.lock()`.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;

void thread1() {
  a.lock();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  b.lock();
  std::printf("thread1 done\n");
  b.unlock();
  a.unlock();
}

void thread2() {
  b.lock();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  a.lock();  // expect: lock-order-inversion
  std::printf("thread2 done\n");
  a.unlock();
  b.unlock();
}

}  // namespace

int main() {
  std::thread t1(thread1);
  std::thread t2(thread2);
  t1.join();
  t2.join();
  return 0;
}
