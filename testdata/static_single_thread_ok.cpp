// One thread takes a then b in one function and b then a in another. With no second thread
// nothing can hold the other order at the same time: no deadlock, nothing to report statically
// (closed world). The runtime reports the inversion as sequential (one thread made both orders; the
// same calls made by two threads deadlock: runtime/README.md, "Time").
#include <cstdio>
#include <mutex>

namespace {

std::mutex a;
std::mutex b;

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  std::printf("forward\n");
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect[runtime]: lock-order-inversion
  std::printf("backward\n");
}

}  // namespace

int main() {
  forward();
  backward();
  return 0;
}
