// Tutorial scenario: two threads sum halves of a vector with std::for_each and a lambda. The
// lambda adds into the shared `grand_total` with no lock: a data race, even though no thread
// calls the lambda itself (std::for_each does, in that thread). The second pass counts with
// std::count_if into a local and adds the local under `m`: silent.
#include <algorithm>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

long grand_total;
long even_count;
std::mutex m;

void sum_range(const std::vector<int>& v, size_t from, size_t to) {
  std::for_each(v.begin() + from, v.begin() + to, [](int x) {
    grand_total += x;  // expect[static]: data-race
  });
  long evens = std::count_if(v.begin() + from, v.begin() + to, [](int x) { return x % 2 == 0; });
  std::lock_guard<std::mutex> lock(m);
  even_count += evens;
}

int main() {
  std::vector<int> v(1000);
  std::iota(v.begin(), v.end(), 1);
  std::thread a(sum_range, std::cref(v), 0, 500), b(sum_range, std::cref(v), 500, 1000);
  a.join();
  b.join();
  std::printf("total=%ld evens=%ld\n", grand_total, even_count);
  return 0;
}
