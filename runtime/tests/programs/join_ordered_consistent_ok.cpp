// Threads joined one after the other, every one taking the locks in the same order (a, b, c, or a
// subset of it in that order): no cycle, silent.
#include <mutex>
#include <thread>

std::mutex a, b, c;

int main() {
  std::thread([] { std::scoped_lock<std::mutex> la(a); std::lock_guard<std::mutex> lb(b); }).join();
  std::thread([] { std::lock_guard<std::mutex> lb(b); std::lock_guard<std::mutex> lc(c); }).join();
  std::thread([] { std::lock_guard<std::mutex> la(a); std::lock_guard<std::mutex> lc(c); }).join();
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> lc(c);
}
