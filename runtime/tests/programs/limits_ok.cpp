// No limit a user can hit: 10,000 locks held at once by one thread, 1,000,000 distinct mutexes,
// 200 threads at once, 20,000 threads created and joined one after another, locks in arrays and
// heap objects — consistent orders, so silent.
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

std::mutex many[10000];

int main() {
  for (auto& m : many) m.lock();
  for (int i = 9999; i >= 0; --i) many[i].unlock();

  auto heap = std::make_unique<std::mutex[]>(1000000);
  for (int i = 0; i < 1000000; ++i) {
    std::lock_guard<std::mutex> g(heap[i]);
  }

  std::vector<std::thread> ts;
  for (int i = 0; i < 200; ++i)
    ts.emplace_back([i, &heap] {
      std::lock_guard<std::mutex> a(many[i]);
      std::lock_guard<std::mutex> b(heap[i]);
    });
  for (auto& t : ts) t.join();

  for (int i = 0; i < 20000; ++i) {
    std::thread t([i] {
      std::lock_guard<std::mutex> a(many[i % 9999]);
      std::lock_guard<std::mutex> b(many[9999]);
    });
    t.join();
  }
}
