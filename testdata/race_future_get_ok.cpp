// std::async tasks publish results through shared variables, and main touches them only after
// the matching future.get(): get() waits for the task, so main's reads and resets are ordered
// after the task's writes. Each task writes its own variable; nothing may be reported.
#include <cstdio>
#include <future>

namespace {

long sum_low = 0;
long sum_high = 0;

void add_range(long* into, int from, int to) {
  for (int i = from; i < to; ++i) *into += i;
}

}  // namespace

int main() {
  std::future<void> low = std::async(std::launch::async, add_range, &sum_low, 0, 500);
  std::future<void> high = std::async(std::launch::async, add_range, &sum_high, 500, 1000);
  low.get();
  std::printf("low %ld\n", sum_low);
  sum_low = 0;
  high.get();
  std::printf("high %ld\n", sum_high);
  sum_high = 0;
  return 0;
}
