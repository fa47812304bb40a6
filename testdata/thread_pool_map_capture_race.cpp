// Tutorial scenario: Python's executor.map(fn, items) on a thread pool, where fn also counts the
// items it saw into a local of main captured by reference. Three workers call fn at once, so
// `seen_total += x` races (one finding on that write). fn reaches the workers wrapped twice: map
// captures it by copy in `[f, item] { return f(item); }`, which submit() wraps in a packaged_task
// queued as a std::function. The pool's own queue is guarded and must not be reported.
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
  long seen_total = 0;
  {
    ThreadPool pool(3);
    std::vector<int> items = {1, 2, 3, 4, 5, 6, 7, 8};
    std::vector<int> squares = pool.map(
        [&seen_total](int x) {
          seen_total += x;  // expect[static]: data-race
          return x * x;
        },
        items);
    std::printf("first square %d\n", squares.front());
  }
  std::printf("seen %ld (36 without the race)\n", seen_total);
  return 0;
}
