// Opposite orders in threads that can never overlap: the first is joined before the second is
// created, and main's own inversion comes after both joins. Not a deadlock: silent.
#include <mutex>
#include <thread>

std::mutex a, b;

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward);
  t2.join();
  forward();
  backward();
}
