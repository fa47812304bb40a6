// std::jthread starts a thread like std::thread (and joins in its destructor). Two jthreads
// alive at once take a and b in opposite orders; the second waits for the first.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> first_done{false};

void first() {
  {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

}  // namespace

int main() {
  std::jthread t1(first);
  std::jthread t2(second);
  std::printf("started\n");
  return 0;
}
