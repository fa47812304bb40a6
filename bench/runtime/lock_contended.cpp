// Contended variant of lock_heavy: 2 threads x 2M lock_guard, each on m[(i + tid) & 3], no nesting.
// The threads walk the four mutexes out of step, so they keep meeting on one: nearly every
// acquisition contends, and any work the shim does while a lock is held makes the other wait.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex m[4];
long counter[4];

void work(int id) {
  for (int i = 0; i < 2000000; ++i) {
    int k = (i + id) & 3;
    std::lock_guard<std::mutex> g(m[k]);
    ++counter[k];
  }
}

int main() {
  std::thread t1(work, 0), t2(work, 1);
  t1.join();
  t2.join();
  std::printf("%ld\n", counter[0] + counter[1] + counter[2] + counter[3]);
}
