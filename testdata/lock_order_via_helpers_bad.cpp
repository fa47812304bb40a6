// A lock-order inversion hidden behind helper functions: deposit() holds accounts_mutex and
// calls journal_append(), which takes journal_mutex (edge accounts -> journal, made in the
// helper); flush_journal() holds journal_mutex and calls snapshot_accounts(), which takes
// accounts_mutex (edge journal -> accounts, also in a helper). No single function shows both
// orders. So the run cannot hang, the flusher waits on an atomic flag until the depositor is
// done; lock order ignores that. One lock-order-inversion belongs on the cycle acquisition that
// comes last in the file: the lock inside snapshot_accounts().
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex accounts_mutex;
std::mutex journal_mutex;
long balance = 0;
long journal_entries = 0;
long snapshot = 0;
std::atomic<bool> deposits_done{false};

void journal_append() {
  std::lock_guard<std::mutex> hold(journal_mutex);
  journal_entries += 1;
}

long snapshot_accounts() {
  std::lock_guard<std::mutex> hold(accounts_mutex);  // expect: lock-order-inversion
  return balance;
}

void deposit(long amount) {
  std::lock_guard<std::mutex> hold(accounts_mutex);
  balance += amount;
  journal_append();
}

void flush_journal() {
  std::lock_guard<std::mutex> hold(journal_mutex);
  snapshot = snapshot_accounts();
  journal_entries = 0;
}

}  // namespace

int main() {
  std::thread depositor([] {
    for (int i = 0; i < 100; ++i) deposit(1);
    deposits_done.store(true);
  });
  std::thread flusher([] {
    while (!deposits_done.load()) std::this_thread::yield();
    flush_journal();
  });
  depositor.join();
  flusher.join();
  std::printf("balance %ld, snapshot %ld\n", balance, snapshot);
  return 0;
}
