// Tutorial scenario: several threads run `counter += 1` with no lock. The increment is a read,
// an add and a write, so two threads can read the same value and one increment is lost: the
// printed total is often below 40000. One finding belongs on the increment (one write site,
// one variable), none on main's read after every thread was joined.
#include <cstdio>
#include <thread>
#include <vector>

namespace {

long counter = 0;

void increment_many() {
  for (int i = 0; i < 10000; ++i) {
    counter += 1;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back(increment_many);
  }
  for (std::thread& t : threads) {
    t.join();
  }
  std::printf("counter = %ld (40000 without the race)\n", counter);
  return 0;
}
