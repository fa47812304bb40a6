// Recursive re-entry of a std::recursive_mutex adds no edge and no double-lock.
#include <mutex>
#include <thread>

std::recursive_mutex r;
std::mutex m;

int depth(int n) {
  std::lock_guard<std::recursive_mutex> g(r);
  if (n == 0) {
    std::lock_guard<std::mutex> lm(m);
    return 0;
  }
  return 1 + depth(n - 1);
}

int main() {
  std::thread t([] { depth(5); });
  t.join();
  depth(3);
}
