// std::scoped_lock of two mutexes, named in opposite textual orders by two threads:
// `scoped_lock both(a, b)` in one, `scoped_lock both(b, a)` in the other. scoped_lock acquires
// all its mutexes with std::lock's deadlock-avoidance algorithm (block on one, try the others,
// back off and retry), so the textual order is not an acquisition order and the two threads
// cannot deadlock however they interleave. They really run at once here, many times. The
// analyzer must stay silent: no inversion, and the shared counters are written under both locks.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
long moved_to_b = 0;
long moved_to_a = 0;

void move_a_to_b() {
  for (int i = 0; i < 2000; ++i) {
    std::scoped_lock both(a, b);
    moved_to_b += 1;
  }
}

void move_b_to_a() {
  for (int i = 0; i < 2000; ++i) {
    std::scoped_lock both(b, a);
    moved_to_a += 1;
  }
}

}  // namespace

int main() {
  std::thread t1(move_a_to_b);
  std::thread t2(move_b_to_a);
  t1.join();
  t2.join();
  std::printf("moved %ld and %ld\n", moved_to_b, moved_to_a);
  return 0;
}
