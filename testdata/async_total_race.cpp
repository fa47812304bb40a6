// Tutorial scenario: std::async tasks that write a shared total instead of returning a result.
// Four tasks launched with std::launch::async run on their own threads at once, and each adds
// into `total` (captured by reference) without a lock: a data race, one finding on that write.
// main's read after every get() is ordered after all the tasks and must not be reported.
#include <cstdio>
#include <future>
#include <vector>

int main() {
  long total = 0;
  std::vector<std::future<void>> parts;
  for (int s = 0; s < 4; ++s) {
    parts.push_back(std::async(std::launch::async, [&total, s] {
      for (int i = s * 250 + 1; i <= (s + 1) * 250; ++i) {
        total += i;  // expect[static]: data-race
      }
    }));
  }
  for (std::future<void>& p : parts) {
    p.get();
  }
  std::printf("total = %ld (500500 without the race)\n", total);
  return 0;
}
