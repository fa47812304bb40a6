// A mutex passed by pointer is substituted at each call site: move(from, to) locks *from then
// *to. Thread one moves a -> b, thread two b -> a: the same two lines make opposite orders. The
// second thread waits for the first, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void move(std::mutex* from, std::mutex* to) {
  std::lock_guard<std::mutex> source(*from);
  std::lock_guard<std::mutex> target(*to);  // expect: lock-order-inversion
  std::printf("moved\n");
}

void first() {
  move(&a, &b);
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  move(&b, &a);
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
