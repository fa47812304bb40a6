// Tutorial scenario: jobs made with std::bind (a member function bound to its object, a free
// function bound to a pointer and a placeholder) are queued as std::function and run by two
// workers. Every job updates its data under the data's own mutex, so nothing races: the
// analyzer follows the bound calls into the workers and must stay silent.
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class Account {
 public:
  void deposit(long amount) {
    std::lock_guard<std::mutex> lock(mu_);
    balance_ += amount;
  }
  long balance() {
    std::lock_guard<std::mutex> lock(mu_);
    return balance_;
  }

 private:
  std::mutex mu_;
  long balance_ = 0;
};

struct Tally {
  std::mutex mu;
  long count = 0;
};

void count_into(Tally* tally, int n) {
  std::lock_guard<std::mutex> lock(tally->mu);
  tally->count += n;
}

class Workers {
 public:
  explicit Workers(int n) {
    for (int i = 0; i < n; ++i) threads_.emplace_back(&Workers::run, this);
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop();
      lock.unlock();
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> jobs_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

int main() {
  Account account;
  Tally tally;
  {
    Workers workers(2);
    std::function<void(int)> count = std::bind(count_into, &tally, std::placeholders::_1);
    for (int i = 0; i < 50; ++i) {
      workers.post(std::bind(&Account::deposit, &account, 10));
      workers.post([count, i] { count(i); });
    }
  }
  std::printf("balance=%ld count=%ld\n", account.balance(), tally.count);
  return 0;
}
