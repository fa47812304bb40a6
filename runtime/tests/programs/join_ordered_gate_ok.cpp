// Opposite orders, one thread after the other, but always inside the same gate lock: no two
// threads can be in the inner section at once, so these calls never deadlock, even concurrently.
#include <mutex>
#include <thread>

std::mutex gate, a, b;

void forward() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread(forward).join();
  std::thread(backward).join();
  forward();
  backward();
}
