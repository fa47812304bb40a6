// A function-local `static` counter shared by every thread: next_id() hands out ids with
// `last_id += 1` on a static local. Its initialisation is thread-safe in C++11 and later, but the
// increment is not: four threads call next_id() at once and ids get duplicated. One finding
// belongs on the increment. (Contrast thread_local_counter_ok.cpp, where each thread owns its
// copy.) The read in the return statement is a read and carries no finding.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

long next_id() {
  static long last_id = 0;
  last_id += 1;  // expect[static]: data-race
  return last_id;
}

void worker() {
  long biggest = 0;
  for (int i = 0; i < 10000; ++i) {
    long id = next_id();
    if (id > biggest) biggest = id;
  }
  std::printf("largest id seen: %ld\n", biggest);
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back(worker);
  }
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("next id after join: %ld\n", next_id());
  return 0;
}
