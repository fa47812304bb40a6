// A library class with no main(): deposit() takes the account's lock, withdraw() forgot it.
// Public methods of a class that owns a lock may run at the same time on one object.
// lockscope-test: no-run
#include <mutex>

class Account {
 public:
  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(mu_);
    balance_ += amount;
  }
  bool withdraw(int amount) {
    if (balance_ < amount) return false;
    balance_ -= amount;  // expect: data-race
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

// Instantiate the methods so the unit defines them.
Account* make_account() { return new Account(); }
