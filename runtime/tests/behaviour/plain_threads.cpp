// A plain std::thread program, as a new user writes one: two lambdas transfer between accounts
// on the stack in opposite orders. Built at -O0 and -O2 to check what reports show of it.
#include <atomic>
#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  int balance = 0;
};
std::atomic<bool> done{false};

void transfer(Account& from, Account& to) {
  std::lock_guard<std::mutex> a(from.m);
  std::lock_guard<std::mutex> b(to.m);
  from.balance--;
  to.balance++;
}

int main() {
  Account alice, bob;
  std::thread t1([&] {
    transfer(alice, bob);
    done = true;
  });
  std::thread t2([&] {
    while (!done) std::this_thread::yield();
    transfer(bob, alice);
  });
  t1.join();
  t2.join();
}
