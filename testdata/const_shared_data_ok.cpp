// Read-only data shared by many threads: a const global table, and a lookup vector that main
// fills BEFORE starting any thread and then hands out by const reference. After the threads
// start nobody writes either; each thread sums into its own local and returns it through a
// future. Reads alone never race, and main's writes happen before the threads exist: the
// analyzer must stay silent.
#include <array>
#include <cstdio>
#include <future>
#include <vector>

namespace {

const std::array<int, 10> kPrimes = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};

long weighted_sum(const std::vector<int>& weights, int offset) {
  long sum = 0;
  for (std::size_t i = 0; i < kPrimes.size(); ++i) {
    sum += static_cast<long>(kPrimes[i]) * weights[(i + offset) % weights.size()];
  }
  return sum;
}

}  // namespace

int main() {
  std::vector<int> weights;
  for (int w = 1; w <= 7; ++w) {
    weights.push_back(w * w);
  }
  const std::vector<int>& shared = weights;
  std::vector<std::future<long>> results;
  for (int t = 0; t < 4; ++t) {
    results.push_back(std::async(std::launch::async, weighted_sum, std::cref(shared), t));
  }
  long total = 0;
  for (std::future<long>& r : results) {
    total += r.get();
  }
  std::printf("total = %ld\n", total);
  return 0;
}
