// Tutorial scenario: a thread pool whose tasks add into one shared total instead of returning
// results. Three workers run the submitted lambdas concurrently and every lambda does
// `total += i` on the same variable with no lock: a data race, one finding on that write (one
// write site, one variable), even though each future is waited for before main reads the total.
// The pool's own queue is guarded and must not be reported.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// A fixed-size pool: a task queue guarded by mutex_ + a condition variable, and worker threads
// that pop and run tasks until the pool is destroyed (remaining tasks are drained first).
class ThreadPool {
 public:
  explicit ThreadPool(int threads) {
    for (int i = 0; i < threads; ++i) {
      workers_.emplace_back([this] { work(); });
    }
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> hold(mutex_);
      stopping_ = true;
    }
    task_ready_.notify_all();
    for (std::thread& w : workers_) {
      w.join();
    }
  }

  // Python's executor.submit(fn): runs f on a worker, its result arrives through the future.
  template <class F>
  auto submit(F f) -> std::future<decltype(f())> {
    using Result = decltype(f());
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(f));
    std::future<Result> result = task->get_future();
    {
      std::lock_guard<std::mutex> hold(mutex_);
      tasks_.emplace_back([task] { (*task)(); });
    }
    task_ready_.notify_one();
    return result;
  }

  // Python's executor.map(fn, items): results in the order of the items.
  template <class F, class T>
  auto map(F f, const std::vector<T>& items) -> std::vector<decltype(f(items.front()))> {
    std::vector<std::future<decltype(f(items.front()))>> pending;
    for (const T& item : items) {
      pending.push_back(submit([f, item] { return f(item); }));
    }
    std::vector<decltype(f(items.front()))> results;
    for (auto& p : pending) {
      results.push_back(p.get());
    }
    return results;
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> hold(mutex_);
        task_ready_.wait(hold, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stopping, and nothing left to drain
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable task_ready_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;  // last: the workers start only once the rest exists
};

}  // namespace

int main() {
  long total = 0;
  {
    ThreadPool pool(3);
    std::vector<std::future<void>> done;
    for (int i = 1; i <= 200; ++i) {
      done.push_back(pool.submit([&total, i] {
        total += i;  // expect[static]: data-race
      }));
    }
    for (std::future<void>& d : done) {
      d.get();
    }
  }
  std::printf("total = %ld (20100 without the race)\n", total);
  return 0;
}
