// A queue with std::condition_variable (wait, wait_for) and a thread pool: the mutex is released
// for each wait and held again after; nothing to report.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

std::mutex m, stats;
std::condition_variable ready;
std::deque<int> queue;
bool done;
long total;

void consumer() {
  for (;;) {
    std::unique_lock<std::mutex> lk(m);
    if (!ready.wait_for(lk, std::chrono::milliseconds(1), [] { return done || !queue.empty(); })) continue;
    ready.wait(lk, [] { return done || !queue.empty(); });
    if (queue.empty()) return;
    int v = queue.front();
    queue.pop_front();
    std::lock_guard<std::mutex> s(stats);
    total += v;
  }
}

int main() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 3; ++i) pool.emplace_back(consumer);
  for (int i = 0; i < 2000; ++i) {
    std::lock_guard<std::mutex> lk(m);
    queue.push_back(i);
    ready.notify_one();
  }
  {
    std::lock_guard<std::mutex> lk(m);
    done = true;
  }
  ready.notify_all();
  for (auto& t : pool) t.join();
}
