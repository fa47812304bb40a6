// The Account::transfer of static_transfer_opposite_deadlock.cpp (this->mu_ then other.mu_),
// but both threads transfer from x to y: both take x.mu_ before y.mu_. Keeping the receiver
// apart from the argument is what tells this apart from the deadlock; lumping every Account's
// mu_ together would report a cycle (or a self-deadlock) here.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

struct Account {
  std::mutex mu_;
  long balance = 100;

  void transfer(Account& other, long amount) {
    std::lock_guard<std::mutex> mine(mu_);
    std::lock_guard<std::mutex> theirs(other.mu_);
    balance -= amount;
    other.balance += amount;
  }
};

Account x;
Account y;

}  // namespace

int main() {
  std::thread t1([] { x.transfer(y, 10); });
  std::thread t2([] { x.transfer(y, 5); });
  t1.join();
  t2.join();
  std::printf("x = %ld, y = %ld\n", x.balance, y.balance);
  return 0;
}
