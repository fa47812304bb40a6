// The same inversion under a gate, except that one path takes it without the gate: reported.
#include <mutex>
#include <thread>

std::mutex gate, a, b;

void forward() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward_gated() {
  std::lock_guard<std::mutex> g(gate);
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}

void backward_ungated() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward_gated);
  t2.join();
  std::thread t3(backward_ungated);
  t3.join();
}
