// Receiver identity: Account::transfer locks this->mu_ and then other.mu_. Whether that is an
// inversion depends on the objects: here one thread transfers x -> y and another y -> x, so one
// takes x.mu_ then y.mu_ and the other y.mu_ then x.mu_. The second thread waits for the first,
// so the run never hangs. The inversion sits on the `theirs` line (the last edge in the file).
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

struct Account {
  std::mutex mu_;
  long balance = 100;

  void transfer(Account& other, long amount) {
    std::lock_guard<std::mutex> mine(mu_);
    std::lock_guard<std::mutex> theirs(other.mu_);  // expect: lock-order-inversion
    balance -= amount;
    other.balance += amount;
  }
};

Account x;
Account y;
std::atomic<bool> first_done{false};

}  // namespace

int main() {
  std::thread t1([] {
    x.transfer(y, 10);
    first_done = true;
  });
  std::thread t2([] {
    while (!first_done) std::this_thread::yield();
    y.transfer(x, 5);
  });
  t1.join();
  t2.join();
  std::printf("x = %ld, y = %ld\n", x.balance, y.balance);
  return 0;
}
