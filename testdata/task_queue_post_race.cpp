// Tutorial scenario: a work queue whose post() takes a std::function by value, as most
// hand-written pools do. Two workers pop jobs from a std::queue and run them. One posted job
// bumps `hits` with no lock: two workers can run two such jobs at once, a data race. The other
// job updates `guarded` under `m`, and the queue itself is only touched under the queue's
// mutex: both must stay silent.
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class WorkQueue {
 public:
  explicit WorkQueue(int workers) {
    for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { run(); });
  }
  ~WorkQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push(std::move(job));
    }
    ready_.notify_one();
  }

 private:
  void run() {
    while (true) {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop();
      lock.unlock();
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable ready_;
  std::queue<std::function<void()>> jobs_;
  bool closed_ = false;
  std::vector<std::thread> workers_;
};

int main() {
  int hits = 0;
  int guarded = 0;
  std::mutex m;
  {
    WorkQueue queue(2);
    for (int i = 0; i < 100; ++i) {
      queue.post([&hits] {
        ++hits;  // expect[static]: data-race
      });
      queue.post([&guarded, &m] {
        std::lock_guard<std::mutex> lock(m);
        ++guarded;
      });
    }
  }
  std::printf("hits=%d guarded=%d\n", hits, guarded);
  return 0;
}
