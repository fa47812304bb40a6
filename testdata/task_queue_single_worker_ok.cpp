// Tutorial scenario: a background worker (one thread) that drains a queue of std::function
// jobs. The jobs write `total` with no lock, but only that one worker ever runs them, and main
// reads `total` only after joining it: no two threads can touch `total` at once, so the
// analyzer must stay silent even though it follows the jobs into the worker.
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

class Worker {
 public:
  void submit(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
  }

  // Runs every job submitted so far on one background thread, and waits for it.
  void drain() {
    std::thread t([this] {
      while (true) {
        std::function<void()> job;
        {
          std::lock_guard<std::mutex> lock(mu_);
          if (jobs_.empty()) return;
          job = std::move(jobs_.front());
          jobs_.pop_front();
        }
        job();
      }
    });
    t.join();
  }

 private:
  std::mutex mu_;
  std::deque<std::function<void()>> jobs_;
};

int main() {
  long total = 0;
  Worker worker;
  for (int i = 1; i <= 10; ++i) worker.submit([&total, i] { total += i; });
  worker.drain();
  std::printf("total = %ld\n", total);
  return 0;
}
