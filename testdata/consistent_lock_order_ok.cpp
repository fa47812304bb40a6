// Two locks always taken in one order, across function calls: deposit() and withdraw() hold
// accounts_mutex and then call journal_append(), which takes journal_mutex; flush_journal()
// takes journal_mutex alone. Every path that holds both takes accounts before journal, so the
// lock-order graph is the single edge accounts -> journal: no cycle. Three threads really run at
// once and every shared write holds the lock that guards it: the analyzer must stay silent.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex accounts_mutex;
std::mutex journal_mutex;
long balance = 0;
long journal_entries = 0;
long journal_flushed = 0;

void journal_append() {
  std::lock_guard<std::mutex> hold(journal_mutex);
  journal_entries += 1;
}

void deposit(long amount) {
  std::lock_guard<std::mutex> hold(accounts_mutex);
  balance += amount;
  journal_append();
}

void withdraw(long amount) {
  std::lock_guard<std::mutex> hold(accounts_mutex);
  balance -= amount;
  journal_append();
}

void flush_journal() {
  std::lock_guard<std::mutex> hold(journal_mutex);
  journal_flushed = journal_entries;
}

}  // namespace

int main() {
  std::thread depositor([] {
    for (int i = 0; i < 1000; ++i) deposit(2);
  });
  std::thread withdrawer([] {
    for (int i = 0; i < 1000; ++i) withdraw(1);
  });
  std::thread flusher([] {
    for (int i = 0; i < 100; ++i) flush_journal();
  });
  depositor.join();
  withdrawer.join();
  flusher.join();
  std::printf("balance %ld, journal %ld (flushed %ld)\n", balance, journal_entries, journal_flushed);
  return 0;
}
