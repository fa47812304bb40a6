// Tutorial scenario: RLock, a lock the holding thread may take again. deposit() locks the
// account's recursive_mutex and deposit_twice() calls it while already holding the same mutex;
// for a recursive mutex that re-entry is legal and cannot hang. Every write to `balance` is under
// the mutex, so the analyzer must stay silent: no double-lock (the mutex is recursive) and no
// race.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::recursive_mutex account_lock;
long balance = 0;

void deposit(long amount) {
  std::lock_guard<std::recursive_mutex> hold(account_lock);
  balance += amount;
}

void deposit_twice(long amount) {
  std::lock_guard<std::recursive_mutex> hold(account_lock);
  deposit(amount);
  deposit(amount);
}

void customer() {
  for (int i = 0; i < 1000; ++i) {
    deposit_twice(1);
  }
}

}  // namespace

int main() {
  std::thread first(customer);
  std::thread second(customer);
  first.join();
  second.join();
  std::printf("balance = %ld\n", balance);
  return 0;
}
