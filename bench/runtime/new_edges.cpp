// New-edge-heavy microbenchmark: 100k heap mutexes, random pairs (fixed seed) always taken in
// address order, so every pair is a consistent edge and most are new: measures edge insertion.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

constexpr int kMutexes = 100000;
constexpr int kPairsPerThread = 500000;
std::unique_ptr<std::mutex[]> mutexes;
long counter;

void work(unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, kMutexes - 1);
  long local = 0;
  for (int i = 0; i < kPairsPerThread; ++i) {
    int a = pick(rng), b = pick(rng);
    if (a == b) continue;
    std::mutex* first = &mutexes[std::min(a, b)];
    std::mutex* second = &mutexes[std::max(a, b)];
    std::lock_guard<std::mutex> l1(*first);
    std::lock_guard<std::mutex> l2(*second);
    ++local;
  }
  __atomic_fetch_add(&counter, local, __ATOMIC_RELAXED);
}

int main() {
  mutexes = std::make_unique<std::mutex[]>(kMutexes);
  std::thread t1(work, 1), t2(work, 2);
  t1.join();
  t2.join();
  std::printf("%ld\n", counter);
}
