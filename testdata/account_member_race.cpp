// One object shared by two threads, with an unguarded member write: two tellers call
// deposit() on the SAME BankAccount at once, and deposit() does `balance_ += amount` with no
// lock. Unlike thread_subclass_run_ok.cpp, where each thread writes its own object, here both
// threads reach the same member through the same object: a data race, one finding on the write.
// The account's const reader runs only after both threads are joined and carries nothing.
#include <cstdio>
#include <functional>
#include <thread>

namespace {

class BankAccount {
 public:
  void deposit(long amount) {
    balance_ += amount;  // expect[static]: data-race
  }
  long balance() const { return balance_; }

 private:
  long balance_ = 0;
};

void teller(BankAccount& account, int deposits) {
  for (int i = 0; i < deposits; ++i) {
    account.deposit(1);
  }
}

}  // namespace

int main() {
  BankAccount shared_account;
  std::thread first(teller, std::ref(shared_account), 10000);
  std::thread second(teller, std::ref(shared_account), 10000);
  first.join();
  second.join();
  std::printf("balance = %ld (20000 without the race)\n", shared_account.balance());
  return 0;
}
