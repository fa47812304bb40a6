// A consistent three-lock nest, repeated from several threads, with unique_lock and lock_guard.
#include <mutex>
#include <thread>
#include <vector>

std::mutex a, b, c;
int counter;

void work() {
  for (int i = 0; i < 1000; ++i) {
    std::unique_lock<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    if (i % 8 == 0) {
      std::lock_guard<std::mutex> lc(c);
      ++counter;
    }
  }
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lc(c);
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) ts.emplace_back(work);
  for (auto& t : ts) t.join();
}
