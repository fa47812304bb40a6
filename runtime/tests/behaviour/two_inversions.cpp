// Two separate inversions, then a status given on the command line (default 0), printing a
// marker at the end so a test can tell whether the program ran to completion.
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

int main(int argc, char** argv) {
  std::thread([] { pair(a, b); }).join();
  std::thread([] { pair(b, a); }).join();
  auto heap1 = std::make_unique<std::mutex>(), heap2 = std::make_unique<std::mutex>();
  std::thread([&] { pair(*heap1, *heap2); }).join();
  std::thread([&] { pair(*heap2, *heap1); }).join();
  std::puts("reached the end");
  return argc > 1 ? std::atoi(argv[1]) : 0;
}
