// Tutorial scenario: producer/consumer through a thread-safe queue class (Python's
// queue.Queue). The queue keeps its items and its closed flag under one mutex and wakes
// consumers with a condition variable; pop() returns nothing once the queue is closed and
// drained. Two producers and two consumers run at once; each consumer sums into a local and
// publishes through a std::atomic. Everything shared is guarded or atomic: the analyzer must
// stay silent.
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

template <class T>
class BlockingQueue {
 public:
  void push(T value) {
    {
      std::lock_guard<std::mutex> hold(mutex_);
      items_.push_back(std::move(value));
    }
    ready_.notify_one();
  }
  // Blocks until an item is there; empty once close() was called and every item was taken.
  std::optional<T> pop() {
    std::unique_lock<std::mutex> hold(mutex_);
    ready_.wait(hold, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T value = std::move(items_.front());
    items_.pop_front();
    return value;
  }
  void close() {
    {
      std::lock_guard<std::mutex> hold(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> items_;
  bool closed_ = false;
};

BlockingQueue<int> queue;
std::atomic<long> consumed_sum{0};

void producer(int first, int last) {
  for (int i = first; i <= last; ++i) {
    queue.push(i);
  }
}

void consumer() {
  long local = 0;
  while (std::optional<int> item = queue.pop()) {
    local += *item;
  }
  consumed_sum.fetch_add(local);
}

}  // namespace

int main() {
  std::vector<std::thread> consumers;
  consumers.emplace_back(consumer);
  consumers.emplace_back(consumer);
  std::thread p1(producer, 1, 500);
  std::thread p2(producer, 501, 1000);
  p1.join();
  p2.join();
  queue.close();
  for (std::thread& c : consumers) {
    c.join();
  }
  std::printf("consumed %ld (500500 expected)\n", consumed_sum.load());
  return 0;
}
