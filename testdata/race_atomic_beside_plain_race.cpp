// A std::atomic counter and a plain one side by side in the same loop: the atomic's increments
// are fine, the plain `long` next to it is incremented by three threads with no lock. One
// finding belongs on the plain increment; the atomic carries none.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

std::atomic<long> requests{0};
long bytes = 0;

void serve() {
  for (int i = 0; i < 1000; ++i) {
    requests.fetch_add(1);
    ++requests;
    bytes += 512;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) workers.emplace_back(serve);
  for (std::thread& w : workers) w.join();
  std::printf("%ld requests, %ld bytes\n", requests.load(), bytes);
  return 0;
}
