// The same tasks as race_future_get_ok.cpp, but main clears `sum_high` before calling get() on
// the task that is still adding into it: main's write races with the task's writes. Two
// findings: main's early reset, and the task's unguarded write through the pointer (which
// conflicts with that reset). The reset after get() is ordered and carries none.
#include <cstdio>
#include <future>

namespace {

long sum_high = 0;

void add_range(long* into, int from, int to) {
  for (int i = from; i < to; ++i) {
    *into += i;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::future<void> high = std::async(std::launch::async, add_range, &sum_high, 500, 1000);
  sum_high = 0;  // expect[static]: data-race
  high.get();
  std::printf("high %ld\n", sum_high);
  sum_high = 0;
  return 0;
}
