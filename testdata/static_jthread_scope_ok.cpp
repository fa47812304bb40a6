// A jthread joins when its scope ends: the first thread is gone before the second starts, so
// their opposite orders never overlap.
// The static half (closed world) stays silent; the runtime reports the inversion as sequential
// (this run cannot deadlock, the same calls made concurrently do: runtime/README.md, "Time").
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;

void first() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void second() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect[runtime]: lock-order-inversion
}

}  // namespace

int main() {
  {
    std::jthread t1(first);
  }
  {
    std::jthread t2(second);
  }
  std::printf("done\n");
  return 0;
}
