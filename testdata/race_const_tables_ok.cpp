// Lookup tables shared by every worker but never written: a const array, a constexpr table and
// a const std::string. Reads of constant data cannot race, so nothing may be reported; each
// worker writes only its own slot of `results`, indexed by its own id.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

const int kWeights[4] = {1, 2, 3, 4};
constexpr long kScale[2] = {10, 100};
const std::string kPrefix = "worker-";
long results[4];

void score(int id) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i) sum += kWeights[i % 4] * kScale[i % 2] + static_cast<long>(kPrefix.size());
  results[id] = sum;
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id) workers.emplace_back(score, id);
  for (std::thread& w : workers) w.join();
  std::printf("%s0 scored %ld\n", kPrefix.c_str(), results[0]);
  return 0;
}
