// Create-all-then-join-all with one statement in the wrong place: main resets `progress`
// after starting the workers and before joining them, while the workers bump it. main's reset
// runs at the same time as the workers' increments: the reset races (one finding), and so does
// the workers' unguarded increment (one finding). main's reads after the join loop are ordered.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

long progress = 0;

void step() {
  for (int i = 0; i < 1000; ++i) {
    progress += 1;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  progress = 0;
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) {
    workers.emplace_back(step);
  }
  progress = 0;  // expect[static]: data-race
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("progress %ld\n", progress);
  return 0;
}
