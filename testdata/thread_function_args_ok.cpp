// Tutorial scenario: "start a thread from a function with arguments". Each thread gets a number,
// a name, and a reference to its OWN output variable; main reads the outputs only after joining.
// Nothing is shared between the two threads (out1 and out2 are distinct objects, and a join
// orders each write before main's read), so an analyzer must stay silent here: flagging the
// write through `out` would mean it confused two different variables reached through the same
// parameter.
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

namespace {

void worker(int num, const std::string& name, long& out) {
  long sum_of_squares = 0;
  for (int i = 1; i <= num * 100; ++i) {
    sum_of_squares += static_cast<long>(i) * i;
  }
  out = sum_of_squares;
  std::printf("worker %d (%s) done\n", num, name.c_str());
}

}  // namespace

int main() {
  long out1 = 0;
  long out2 = 0;
  std::thread first(worker, 1, std::string("alpha"), std::ref(out1));
  std::thread second(worker, 2, std::string("beta"), std::ref(out2));
  first.join();
  second.join();
  std::printf("results: %ld %ld\n", out1, out2);
  return 0;
}
