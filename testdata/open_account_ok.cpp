// A library class whose every public method takes the lock before touching the balance.
// lockscope-test: no-run
#include <mutex>

class Account {
 public:
  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(mu_);
    balance_ += amount;
  }
  bool withdraw(int amount) {
    std::lock_guard<std::mutex> guard(mu_);
    if (balance_ < amount) return false;
    balance_ -= amount;
    return true;
  }
  int balance() {
    std::lock_guard<std::mutex> guard(mu_);
    return balance_;
  }

 private:
  std::mutex mu_;
  int balance_ = 0;
};

Account* make_account() { return new Account(); }
