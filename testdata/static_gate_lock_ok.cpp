// A gate lock: both threads take `gate` before taking a and b in opposite orders. Only one
// thread can be past the gate, so the opposite orders can never be held at the same time. (The
// runtime may mention the gated cycle only as evidence, not as a finding.)
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex gate;
std::mutex a;
std::mutex b;

void first() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  std::printf("first\n");
}

void second() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
  std::printf("second\n");
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
