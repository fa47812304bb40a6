// Tutorial scenario: why RLock exists. The same account code with a plain std::mutex:
// deposit_twice() holds the mutex and calls deposit(), which locks it again. A non-recursive
// mutex re-locked by its owner never unlocks: this thread hangs forever. The double-lock belongs
// on the helper's re-lock line (the first deposit() call reaches it while the mutex is held).
// Run without a checker, the program would hang, so a watchdog thread ends it with status 0
// after a few seconds; with the runtime shim the process ends at the double lock instead.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace {

std::mutex account_lock;
long balance = 0;

void deposit(long amount) {
  std::lock_guard<std::mutex> hold(account_lock);  // expect: double-lock
  balance += amount;
}

void deposit_twice(long amount) {
  std::lock_guard<std::mutex> hold(account_lock);
  deposit(amount);
  deposit(amount);
}

// exit(), not _Exit(): a preloaded checker still gets its exit hooks.
void watchdog() {
  std::this_thread::sleep_for(std::chrono::seconds(3));
  std::printf("main is stuck on its own lock, as expected\n");
  std::fflush(stdout);
  std::exit(0);
}

}  // namespace

int main() {
  std::thread(watchdog).detach();
  deposit_twice(5);
  std::printf("unreachable with a non-recursive mutex: balance = %ld\n", balance);
  return 0;
}
