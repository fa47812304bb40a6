// A lock that guards a location almost everywhere: every Account method touches `balance`
// holding `mutex`, except refund(), which forgets. lockscope infers that `mutex` guards
// `balance` and reports the one unguarded write, naming the guard ("'balance' is written
// without 'mutex', which guards its 3 other accesses"). The guarded writes carry none.
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
    balance_ += amount;  // expect[static]: data-race
  }

 private:
  std::mutex mutex_;
  long balance_ = 0;
};

Account account;

void customer() {
  for (int i = 0; i < 1000; ++i) {
    account.deposit(2);
    if (!account.withdraw(1)) account.refund(1);
  }
}

}  // namespace

int main() {
  std::thread a(customer);
  std::thread b(customer);
  a.join();
  b.join();
  std::printf("done\n");
  return 0;
}
