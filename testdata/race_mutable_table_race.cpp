// The same lookup table as race_const_tables_ok.cpp without `const`: a tuning thread rescales
// `weights` while the scorers read it, with no lock. The tuner's write races with the scorers'
// reads: one finding on the write (reads carry none).
#include <cstdio>
#include <thread>
#include <vector>

namespace {

int weights[4] = {1, 2, 3, 4};
long results[4];

void score(int id) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i) sum += weights[2];
  results[id] = sum;
}

void tune() {
  for (int round = 0; round < 100; ++round) {
    weights[2] = round;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::thread tuner(tune);
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id) workers.emplace_back(score, id);
  for (std::thread& w : workers) w.join();
  tuner.join();
  std::printf("scored %ld\n", results[0]);
  return 0;
}
