// Tutorial scenario: reading a thread's result before join(). The worker writes `answer` while
// main reads it before calling join(), so the write and the read may happen at the same time
// with no lock and no ordering: a data race. The finding sits on the worker's write (reads never
// carry one). main's read after join() and its reset after join() are ordered by the join and
// must not be reported.
#include <chrono>
#include <cstdio>
#include <thread>

namespace {

long answer = 0;

void compute() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  answer = 42;  // expect[static]: data-race
}

}  // namespace

int main() {
  std::thread worker(compute);
  std::printf("answer before join (may be 0 or 42): %ld\n", answer);
  worker.join();
  std::printf("answer after join: %ld\n", answer);
  answer = 0;
  return 0;
}
