// Tutorial scenario: "join() waits for the thread". A worker computes into a global and main
// reads the global only after join(); the join orders the worker's write before main's read,
// and no other thread touches the global. An analyzer must stay silent: join() is the simplest
// synchronization there is, and a report here would be noise on every program that uses it.
#include <chrono>
#include <cstdio>
#include <thread>

namespace {

long answer = 0;

void compute() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  long sum = 0;
  for (int i = 1; i <= 1000; ++i) {
    sum += i;
  }
  answer = sum;
}

}  // namespace

int main() {
  std::thread worker(compute);
  worker.join();
  std::printf("answer after join: %ld\n", answer);
  answer = 0;
  return 0;
}
