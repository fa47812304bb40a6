// Re-entering a recursive_mutex is what it is for: deposit_twice() holds the account's lock and
// calls deposit(), which takes it again (the tutorials' RLock). Not a double lock; a C mutex
// initialised with PTHREAD_MUTEX_RECURSIVE is re-entered the same way.
#include <pthread.h>

#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::recursive_mutex account_lock;
long balance = 0;
pthread_mutex_t ledger_lock;

void deposit(long amount) {
  std::lock_guard<std::recursive_mutex> hold(account_lock);
  balance += amount;
}

void deposit_twice(long amount) {
  std::lock_guard<std::recursive_mutex> hold(account_lock);
  deposit(amount);
  deposit(amount);
}

void note_in_ledger() {
  pthread_mutex_lock(&ledger_lock);
  pthread_mutex_unlock(&ledger_lock);
}

void audit() {
  pthread_mutex_lock(&ledger_lock);
  note_in_ledger();
  pthread_mutex_unlock(&ledger_lock);
}

}  // namespace

int main() {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&ledger_lock, &attr);
  std::thread t1(deposit_twice, 5);
  std::thread t2(audit);
  t1.join();
  t2.join();
  std::printf("balance = %ld\n", balance);
  return 0;
}
