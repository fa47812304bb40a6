// Tutorial scenario: two std::jthread workers whose lambdas take the thread's std::stop_token
// and poll it. Both add into `polls`, a local of main captured by reference, with no lock: a
// data race. `rounds` is updated under `m`: silent. (jthread hands the stop token to the lambda's
// first parameter; the captured objects come after it.)
#include <cstdio>
#include <mutex>
#include <stop_token>
#include <thread>

int main() {
  long polls = 0;
  long rounds = 0;
  std::mutex m;
  {
    auto work = [&](std::stop_token stop) {
      for (int i = 0; i < 1000 && !stop.stop_requested(); ++i) {
        polls += 1;  // expect[static]: data-race
        std::lock_guard<std::mutex> lock(m);
        ++rounds;
      }
    };
    std::jthread a(work), b(work);
  }
  std::printf("polls=%ld rounds=%ld\n", polls, rounds);
  return 0;
}
