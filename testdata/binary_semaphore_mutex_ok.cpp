// Tutorial scenario: Semaphore(1) used as a lock. Each worker takes the binary semaphore, bumps
// the shared count, and gives it back, in the same function, like lock()/unlock() on a mutex:
// only one worker can be inside at a time, so the count does not race and the analyzer must stay
// silent. (A counting semaphore that lets several threads in protects nothing: see
// semaphore_pool_race.cpp.)
#include <cstdio>
#include <semaphore>
#include <thread>

std::binary_semaphore gate{1};
long inside_count;

void work() {
  for (int i = 0; i < 1000; ++i) {
    gate.acquire();
    ++inside_count;
    gate.release();
  }
}

int main() {
  std::thread a(work), b(work);
  a.join();
  b.join();
  std::printf("%ld\n", inside_count);
  return 0;
}
