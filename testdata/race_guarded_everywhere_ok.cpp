// The account of race_inferred_guard_race.cpp with refund() fixed: every access to `balance_`
// holds `mutex_`, including the const reader (a mutable mutex). Two customers run at once and
// nothing may be reported.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

class Account {
 public:
  void deposit(long amount) {
    std::lock_guard<std::mutex> hold(mutex_);
    balance_ += amount;
  }
  bool withdraw(long amount) {
    std::lock_guard<std::mutex> hold(mutex_);
    if (balance_ < amount) return false;
    balance_ -= amount;
    return true;
  }
  void refund(long amount) {
    std::lock_guard<std::mutex> hold(mutex_);
    balance_ += amount;
  }
  long balance() const {
    std::lock_guard<std::mutex> hold(mutex_);
    return balance_;
  }

 private:
  mutable std::mutex mutex_;
  long balance_ = 0;
};

Account account;

void customer() {
  for (int i = 0; i < 1000; ++i) {
    account.deposit(2);
    if (!account.withdraw(1)) account.refund(1);
    if (account.balance() < 0) std::printf("negative\n");
  }
}

}  // namespace

int main() {
  std::thread a(customer);
  std::thread b(customer);
  a.join();
  b.join();
  std::printf("balance %ld\n", account.balance());
  return 0;
}
