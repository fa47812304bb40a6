// Locals stay private: each worker builds its own `Tally` on its stack, passes it by reference
// to a helper, and keeps a local array and counter; main has locals of the same names. Nothing
// is handed to another thread by reference, so nothing may be reported, even though the
// workers run the same code at the same time.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

struct Tally {
  long count = 0;
  long seen[4] = {0, 0, 0, 0};
};

void add(Tally& tally, int value) {
  tally.count += 1;
  tally.seen[value % 4] += value;
}

void work(int id) {
  Tally tally;
  long local_sum = 0;
  long* sum_ptr = &local_sum;
  for (int i = 0; i < 100; ++i) {
    add(tally, i + id);
    *sum_ptr += i;
  }
  std::printf("worker %d: %ld values, sum %ld\n", id, tally.count, local_sum);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 3; ++id) workers.emplace_back(work, id);
  Tally tally;
  add(tally, 1);
  for (std::thread& w : workers) w.join();
  std::printf("main: %ld\n", tally.count);
  return 0;
}
