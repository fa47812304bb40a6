// Two separate inversions, then a status given on the command line (default 0), printing a
// marker at the end so a test can tell whether the program ran to completion.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

std::mutex a, b, c, d;

template <typename M>
void pair(M& x, M& y) {
  std::lock_guard<M> l1(x);
  std::lock_guard<M> l2(y);
}

// Runs f in a thread alive while main runs g (a real overlap, ordered by a flag: no hang).
template <typename F, typename G>
void overlapped(F f, G g) {
  std::atomic<bool> go{false};
  std::thread t([&] {
    while (!go) std::this_thread::yield();
    f();
  });
  g();
  go = true;
  t.join();
}

int main(int argc, char** argv) {
  overlapped([] { pair(b, a); }, [] { pair(a, b); });
  auto heap1 = std::make_unique<std::mutex>(), heap2 = std::make_unique<std::mutex>();
  overlapped([&] { pair(*heap2, *heap1); }, [&] { pair(*heap1, *heap2); });
  std::puts("reached the end");
  return argc > 1 ? std::atoi(argv[1]) : 0;
}
