// The inversion between a and b only ever happens under the gate lock, so it cannot deadlock.
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
  std::thread t1(forward), t2(backward);
  t1.join();
  t2.join();
}
