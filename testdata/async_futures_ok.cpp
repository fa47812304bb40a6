// Tutorial scenario: std::async as the pool, results returned through futures. Each task sums
// its own slice of a read-only input into a local and returns it; main adds the results after
// get(). The input is written only before the tasks start, each task writes only its locals, and
// get() orders each task before main's use of its result, so the analyzer must stay silent.
#include <cstdio>
#include <future>
#include <vector>

namespace {

long sum_slice(const std::vector<int>& data, std::size_t begin, std::size_t end) {
  long sum = 0;
  for (std::size_t i = begin; i < end; ++i) {
    sum += data[i];
  }
  return sum;
}

}  // namespace

int main() {
  std::vector<int> data;
  for (int i = 1; i <= 1000; ++i) {
    data.push_back(i);
  }
  std::vector<std::future<long>> parts;
  const std::size_t slice = data.size() / 4;
  for (std::size_t s = 0; s < 4; ++s) {
    parts.push_back(std::async(std::launch::async, sum_slice, std::cref(data), s * slice,
                               (s + 1) * slice));
  }
  long total = 0;
  for (std::future<long>& p : parts) {
    total += p.get();
  }
  std::printf("total = %ld\n", total);
  return 0;
}
