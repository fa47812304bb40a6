// The same inversion under a gate, except that one path takes it without the gate: reported.
// The threads overlap in time; flags order them so the run never hangs.
#include <atomic>
#include <mutex>
#include <thread>

std::mutex gate, a, b;
std::atomic<int> step{0};

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
  std::thread t1([] { forward(); step = 1; });
  std::thread t2([] { while (step < 1) std::this_thread::yield(); backward_gated(); step = 2; });
  std::thread t3([] { while (step < 2) std::this_thread::yield(); backward_ungated(); });
  t1.join();
  t2.join();
  t3.join();
}
