// A GoogleTest binary linked with the shim and the lockscope listener: Bank.Transfer makes a
// lock-order inversion (without hanging), Bank.TransferBack closes one that Bank.TransferOneWay
// began; only those two tests must fail, with the report as message.
#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "lockscope_gtest.h"

namespace {

struct Account {
  std::mutex m;
  int balance = 100;
};

void transfer(Account& from, Account& to, int amount) {
  std::lock_guard<std::mutex> a(from.m);
  std::lock_guard<std::mutex> b(to.m);
  from.balance -= amount;
  to.balance += amount;
}

Account alice, bob;

TEST(Bank, Deposit) {
  std::lock_guard<std::mutex> g(alice.m);
  alice.balance += 10;
  EXPECT_EQ(alice.balance, 110);
}

TEST(Bank, Transfer) {
  // Two transfers in opposite directions, running at the same time; a flag orders them so the
  // test never hangs, but they could deadlock.
  std::atomic<bool> first_done{false};
  std::thread t2([&] {
    while (!first_done) std::this_thread::yield();
    transfer(bob, alice, 5);
  });
  std::thread t1([&] {
    transfer(alice, bob, 5);
    first_done = true;
  });
  t1.join();
  t2.join();
  EXPECT_EQ(alice.balance + bob.balance, 210);
}

// One direction per test, each in a thread joined before the test ends: no run hangs, but the
// code deadlocks when both are called at once. The test that closes the cycle fails.
Account carol, dave;

TEST(Bank, TransferOneWay) { std::thread([] { transfer(carol, dave, 1); }).join(); }

TEST(Bank, TransferBack) { std::thread([] { transfer(dave, carol, 1); }).join(); }

TEST(Bank, Audit) {
  std::scoped_lock both(alice.m, bob.m);
  EXPECT_EQ(alice.balance + bob.balance, 210);
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  lockscope::gtest::install_listener();
  return RUN_ALL_TESTS();
}
